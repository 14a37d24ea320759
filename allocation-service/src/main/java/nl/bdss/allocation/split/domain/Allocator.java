package nl.bdss.allocation.split.domain;

import java.util.List;

/** Turns a contract version and its market shares into the allocation of every settlement period. */
public final class Allocator {

    private Allocator() {
    }

    public static Allocation allocate(ContractTerms terms, MarketShareOutcome shares) {
        if (shares.pending()) {
            return new Allocation(AllocationStatus.PENDING, shares.pendingReason(), terms.validFrom(), terms.validUntil(),
                    terms.periodKind(), terms.paymentTiming(), terms.lumpSumCents(), terms.purchasing().referenceDate(),
                    List.of(), List.of(), terms.purchasing().basis(), 0);
        }
        List<AllocatedPeriod> periods = SettlementCalendar
                .periods(terms.validFrom(), terms.validUntil(), terms.periodKind(), terms.lumpSumCents()).stream()
                .map(period -> {
                    BudgetSplit.PeriodSplit split = BudgetSplit.split(terms, shares.shares(),
                            shares.unfundedInsuredCount(), period.amountCents());
                    return new AllocatedPeriod(period.start(), period.end(), period.amountCents(), split.lines(),
                            split.unfundedCents());
                })
                .toList();
        return new Allocation(AllocationStatus.COMPLETE, null, terms.validFrom(), terms.validUntil(), terms.periodKind(),
                terms.paymentTiming(), terms.lumpSumCents(), terms.purchasing().referenceDate(), shares.shares(), periods,
                terms.purchasing().basis(), shares.unfundedInsuredCount());
    }
}
