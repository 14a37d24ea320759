package nl.bdss.allocation.split.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * The result for one contract version: complete with every period's lines, or pending with the reason and no
 * periods. Two allocations are equal exactly when publishing the second would tell a consumer nothing new.
 * {@code marketShareBasis} is the contract's basis (null for single purchasing); {@code unfundedInsuredCount}
 * the non-participating insureds whose part stays unfunded under the "all insurers" basis (R11).
 */
public record Allocation(AllocationStatus status, String pendingReason, LocalDate validFrom, LocalDate validUntil,
        PeriodKind periodKind, PaymentTiming paymentTiming, long lumpSumCents, LocalDate referenceDate,
        List<MarketShare> marketShares, List<AllocatedPeriod> periods, String marketShareBasis,
        long unfundedInsuredCount) {

    public Allocation {
        marketShares = marketShares == null ? List.of() : List.copyOf(marketShares);
        periods = periods == null ? List.of() : List.copyOf(periods);
    }

    /** The Zvw money no one pays over all periods: the non-participating insurers' part (R11). */
    public long unfundedCents() {
        return periods.stream().mapToLong(AllocatedPeriod::unfundedCents).sum();
    }
}
