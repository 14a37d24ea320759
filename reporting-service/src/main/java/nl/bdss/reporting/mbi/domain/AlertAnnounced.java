package nl.bdss.reporting.mbi.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * An MBI alert told to downstream systems (R21), once per upward crossing: the load and the macro budget it was
 * measured against, the share and the threshold. Versions count per sector-year over both bases.
 */
public record AlertAnnounced(UUID eventId, Instant occurredAt, SectorYear sectorYear, long version, LoadBasis basis,
        long loadCents, long macroBudgetCents, long shareBasisPoints, int thresholdBasisPoints) {
}
