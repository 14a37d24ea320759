package nl.bdss.allocation.split.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.bdss.allocation.split.domain.AllocationDisclosure.ShownYear;
import nl.bdss.allocation.split.domain.AllocationStatus;

/**
 * One contract year's market shares as the caller may see them (the same rules as the allocation's own shares and
 * counts, year by year): {@code serviceAreaCounts} left out for a provider and in a preview,
 * {@code unfundedInsuredCount} only for an operator, {@code pendingReason} only when the year is PENDING.
 */
record YearView(int year, LocalDate referenceDate, UUID datasetId, AllocationStatus status, String pendingReason,
        List<ShareView> marketShares, List<AreaCountView> serviceAreaCounts, Long unfundedInsuredCount,
        boolean settledPeriodsKept) {

    static YearView of(ShownYear year) {
        return new YearView(year.year(), year.referenceDate(), year.datasetId(), year.status(), year.pendingReason(),
                year.marketShares().stream().map(ShareView::of).toList(),
                year.serviceAreaCounts() == null ? null : year.serviceAreaCounts().stream().map(AreaCountView::of).toList(),
                year.unfundedInsuredCount(), year.settledPeriodsKept());
    }
}
