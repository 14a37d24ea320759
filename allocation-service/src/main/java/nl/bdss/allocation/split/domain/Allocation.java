package nl.bdss.allocation.split.domain;

import java.time.LocalDate;
import java.util.List;
import nl.bdss.kernel.time.PaymentTiming;
import nl.bdss.kernel.time.PeriodKind;

/**
 * The result for one contract version: complete with every period's lines, or pending with the reason and no
 * periods. Two allocations are equal exactly when publishing the second would tell a consumer nothing new.
 * {@code marketShareBasis} is the contract's basis (null for single purchasing); {@code unfundedInsuredCount}
 * the non-participating insureds whose part stays unfunded under the "all insurers" basis (R11).
 * {@code serviceAreaCounts} are the counts per participating insurer and service-area postcode behind
 * {@code marketShares} (R11, R19); empty for single purchasing. They take part in the equality, so a delivery that
 * moves insureds between postcodes of the area publishes a new allocation even when the shares stay the same.
 * When the terms changed over time (an amendment), the market shares, reference date and counts are those of the
 * latest terms; earlier periods were split by the shares of the terms then in force.
 */
public record Allocation(AllocationStatus status, String pendingReason, LocalDate validFrom, LocalDate validUntil,
        PeriodKind periodKind, PaymentTiming paymentTiming, long lumpSumCents, LocalDate referenceDate,
        List<MarketShare> marketShares, List<AllocatedPeriod> periods, String marketShareBasis,
        long unfundedInsuredCount, List<ServiceAreaCount> serviceAreaCounts) {

    public Allocation {
        marketShares = marketShares == null ? List.of() : List.copyOf(marketShares);
        serviceAreaCounts = serviceAreaCounts == null ? List.of() : List.copyOf(serviceAreaCounts);
        periods = periods == null ? List.of() : List.copyOf(periods);
    }

    /** The Zvw money no one pays over all periods: the non-participating insurers' part (R11). */
    public long unfundedCents() {
        return periods.stream().mapToLong(AllocatedPeriod::unfundedCents).sum();
    }
}
