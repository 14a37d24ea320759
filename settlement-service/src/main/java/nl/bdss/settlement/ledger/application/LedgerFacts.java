package nl.bdss.settlement.ledger.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import nl.bdss.kernel.time.PaymentSchedule;
import nl.bdss.kernel.time.PaymentTiming;
import nl.bdss.kernel.time.Period;

/** What {@link LedgerInvariants} reads from the whole ledger, the current allocations and the acknowledgements. */
public interface LedgerFacts {

    long totalDebitCents();

    long totalCreditCents();

    /** The booking references whose postings do not balance, in order. */
    List<String> unbalancedBookings();

    /**
     * A contract's applied allocation: complete or pending, its validity and payment timing. An allocation with
     * per-year shares ({@code paysCompleteYears}) pays its complete years also when it is PENDING; its
     * {@code pendingYears} keep the lines of their last complete allocation. {@code schedule}: how each period is
     * paid, whole or in instalments that fall due one by one.
     */
    record ContractTerms(String contractId, boolean complete, Period validity, PaymentTiming timing,
            boolean paysCompleteYears, Set<Integer> pendingYears, PaymentSchedule schedule) {

        /** A contract paid per period. */
        public ContractTerms(String contractId, boolean complete, Period validity, PaymentTiming timing,
                boolean paysCompleteYears, Set<Integer> pendingYears) {
            this(contractId, complete, validity, timing, paysCompleteYears, pendingYears, PaymentSchedule.PER_PERIOD);
        }

        public ContractTerms {
            pendingYears = Set.copyOf(pendingYears);
            schedule = schedule == null ? PaymentSchedule.PER_PERIOD : schedule;
        }

        /** The part of a line's amount for {@code period} that is due on {@code date}: the instalments due by then. */
        public long dueCents(Period period, long cents, LocalDate date) {
            return schedule.instalments(period, cents).stream()
                    .filter(instalment -> instalment.period().isDueOn(date, timing))
                    .mapToLong(PaymentSchedule.Instalment::amountCents).sum();
        }

        /** Whether any of its periods is payable (and so checked). */
        public boolean payable() {
            return complete || paysCompleteYears;
        }
    }

    List<ContractTerms> contracts();

    /** The payable amount of one line (insurer, payee, sector) of a period of a contract's current allocation. */
    record PeriodAmount(String contractId, Period period, long cents) {
    }

    List<PeriodAmount> allocatedPerPeriod();

    /** The net of the lump sums and corrections booked for one period of a contract, of its service year. */
    record SettledAmount(String contractId, LocalDate periodStart, int serviceYear, long cents) {
    }

    List<SettledAmount> settledPerPeriod();

    /** One settlement entry with the period and payment timing it was booked under. */
    record EntryTerms(String entryId, String contractId, Period period, PaymentTiming timing, Period instalment) {

        /** An entry of a whole period. */
        public EntryTerms(String entryId, String contractId, Period period, PaymentTiming timing) {
            this(entryId, contractId, period, timing, null);
        }

        /** The first day it may be booked or paid: its instalment's due date, else its period's (R8). */
        public LocalDate dueDate() {
            return (instalment == null ? period : instalment).dueDate(timing);
        }
    }

    /** A lump sum and the moment it was booked. */
    record LumpSumBooked(EntryTerms entry, Instant bookedAt) {
    }

    /** Every lump sum ever booked, one at a time (the ledger may hold very many). */
    void eachLumpSum(Consumer<LumpSumBooked> check);

    /** An acknowledgement: the entry it settles, how, and the day the money moved. */
    record Acknowledged(EntryTerms entry, String status, LocalDate paidOn) {
    }

    /** Every acknowledgement, one at a time. */
    void eachAcknowledgement(Consumer<Acknowledged> check);
}
