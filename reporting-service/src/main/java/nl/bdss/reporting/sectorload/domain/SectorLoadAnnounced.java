package nl.bdss.reporting.sectorload.domain;

import java.time.Instant;
import java.util.UUID;
import nl.bdss.reporting.mbi.domain.SectorYear;

/**
 * A sector-year's settled load told to downstream finance systems (R17, R18): its new total, the change since the
 * total told before, a version that never restarts and what caused the change.
 */
public record SectorLoadAnnounced(UUID eventId, Instant occurredAt, SectorYear sectorYear, long version,
        long totalCents, long deltaCents, String cause) {
}
