package nl.bdss.allocation.split.application;

import java.time.Instant;
import java.util.UUID;
import nl.bdss.allocation.counts.domain.CountSource;
import nl.bdss.allocation.split.domain.Allocation;

/** One published allocation of a contract and where its market shares came from. */
public record StoredAllocation(String contractId, int allocationVersion, int contractVersion, CountSource source,
        UUID datasetId, Allocation allocation, UUID eventId, Instant calculatedAt) {
}
