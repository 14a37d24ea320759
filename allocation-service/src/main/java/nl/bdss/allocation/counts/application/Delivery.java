package nl.bdss.allocation.counts.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import nl.bdss.allocation.counts.domain.CountSource;
import nl.bdss.kernel.identity.PostcodeLevel;

/** A stored delivery (status LOADED, CURRENT or REPLACED). */
public record Delivery(UUID id, CountSource source, LocalDate referenceDate, String deliveredBy, PostcodeLevel level,
        long rowCount, String status, Instant receivedAt, UUID replacedBy, Instant replacedAt) {
}
