package nl.bdss.allocation.split.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The market shares of one contract year (R11): a calendar year, a period belongs to the year it starts in. From
 * the year's reference date and the count delivery {@code datasetId}; PENDING on its own with the reason when the
 * counts are missing (its periods not yet settled are then left out). {@code settledPeriodsKept}: some of the year's
 * periods were settled ({@link SettledPeriods}) and kept the shares they were allocated with although the current
 * counts (or terms) would give other shares; when all of its periods are kept, the year shows the shares they were
 * allocated with. {@code withoutInsureds} are the participants with 0 insureds in
 * the service area on the date (R15).
 */
public record YearShares(int year, LocalDate referenceDate, UUID datasetId, AllocationStatus status,
        String pendingReason, List<MarketShare> marketShares, long unfundedInsuredCount,
        List<ServiceAreaCount> serviceAreaCounts, List<String> withoutInsureds, boolean settledPeriodsKept) {

    public YearShares {
        marketShares = marketShares == null ? List.of() : List.copyOf(marketShares);
        serviceAreaCounts = serviceAreaCounts == null ? List.of() : List.copyOf(serviceAreaCounts);
        withoutInsureds = withoutInsureds == null ? List.of() : List.copyOf(withoutInsureds);
    }

    public boolean pending() {
        return status == AllocationStatus.PENDING;
    }

    /** The year as its settled periods keep it; {@code differs}: the current counts or terms would split it otherwise. */
    YearShares kept(boolean differs) {
        return new YearShares(year, referenceDate, datasetId, AllocationStatus.COMPLETE, null, marketShares,
                unfundedInsuredCount, serviceAreaCounts, withoutInsureds, settledPeriodsKept || differs);
    }
}
