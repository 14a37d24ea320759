package nl.bdss.settlement.ledger.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
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
     * {@code pendingYears} keep the lines of their last complete allocation.
     */
    record ContractTerms(String contractId, boolean complete, Period validity, PaymentTiming timing,
            boolean paysCompleteYears, Set<Integer> pendingYears) {

        public ContractTerms {
            pendingYears = Set.copyOf(pendingYears);
        }

        /** Whether any of its periods is payable (and so checked). */
        public boolean payable() {
            return complete || paysCompleteYears;
        }
    }

    List<ContractTerms> contracts();

    /** The payable amount of one period of a contract's current allocation. */
    record PeriodAmount(String contractId, Period period, long cents) {
    }

    List<PeriodAmount> allocatedPerPeriod();

    /** The net of the lump sums and corrections booked for one period of a contract, of its service year. */
    record SettledAmount(String contractId, LocalDate periodStart, int serviceYear, long cents) {
    }

    List<SettledAmount> settledPerPeriod();

    /** One settlement entry with the period and payment timing it was booked under. */
    record EntryTerms(String entryId, String contractId, Period period, PaymentTiming timing) {
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
