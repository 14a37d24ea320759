package nl.bdss.settlement.ledger.application;

import java.time.LocalDate;
import java.util.List;
import nl.bdss.kernel.time.PaymentTiming;
import nl.bdss.kernel.time.Period;

/** What {@link LedgerInvariants} reads from the whole ledger and the current allocations. */
public interface LedgerFacts {

    long totalDebitCents();

    long totalCreditCents();

    /** The booking references whose postings do not balance, in order. */
    List<String> unbalancedBookings();

    /** A contract's applied allocation: complete (payable) or pending, its validity and payment timing. */
    record ContractTerms(String contractId, boolean complete, Period validity, PaymentTiming timing) {
    }

    List<ContractTerms> contracts();

    /** The payable amount of one period of a contract's current allocation. */
    record PeriodAmount(String contractId, Period period, long cents) {
    }

    List<PeriodAmount> allocatedPerPeriod();

    /** The net of the lump sums and corrections booked for one period of a contract. */
    record SettledAmount(String contractId, LocalDate periodStart, long cents) {
    }

    List<SettledAmount> settledPerPeriod();
}
