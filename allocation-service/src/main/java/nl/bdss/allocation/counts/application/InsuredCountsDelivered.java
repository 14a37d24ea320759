package nl.bdss.allocation.counts.application;

import java.time.LocalDate;
import java.util.UUID;
import nl.bdss.allocation.counts.domain.CountSource;

/**
 * Published inside the delivery's transaction once it became the current dataset of its source and date, so
 * that allocations depending on it are recomputed in that same transaction (R11).
 */
public record InsuredCountsDelivered(UUID deliveryId, CountSource source, LocalDate referenceDate) {
}
