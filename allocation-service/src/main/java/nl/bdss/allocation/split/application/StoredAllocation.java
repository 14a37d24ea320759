package nl.bdss.allocation.split.application;

import java.time.Instant;
import java.util.UUID;
import nl.bdss.allocation.counts.domain.CountSource;
import nl.bdss.allocation.split.domain.Allocation;

/**
 * One published allocation of a contract and where its market shares came from: {@code datasetId} the first
 * contract year's count delivery (every year's is in the allocation's year shares). {@code cause} why it was made:
 * {@value #CONTRACT_VERSION}, {@value #COUNTS_DELIVERED} or {@code REOPENED: <reason>} (null for allocations stored
 * before causes were recorded).
 */
public record StoredAllocation(String contractId, int allocationVersion, int contractVersion, CountSource source,
        UUID datasetId, Allocation allocation, UUID eventId, Instant calculatedAt, String cause,
        String contractReference) {

    /** An allocation read back, without the contract's reference (only the published event carries it). */
    public StoredAllocation(String contractId, int allocationVersion, int contractVersion, CountSource source,
            UUID datasetId, Allocation allocation, UUID eventId, Instant calculatedAt, String cause) {
        this(contractId, allocationVersion, contractVersion, source, datasetId, allocation, eventId, calculatedAt, cause,
                null);
    }

    public static final String CONTRACT_VERSION = "CONTRACT_VERSION";
    public static final String COUNTS_DELIVERED = "COUNTS_DELIVERED";
    public static final String REOPENED = "REOPENED: ";
}
