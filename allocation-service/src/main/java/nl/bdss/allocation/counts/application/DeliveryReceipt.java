package nl.bdss.allocation.counts.application;

import java.time.LocalDate;
import java.util.UUID;
import nl.bdss.allocation.counts.domain.CountSource;
import nl.bdss.kernel.identity.PostcodeLevel;

/** What a stored delivery became: the current dataset of its source and date, replacing an earlier one or not. */
public record DeliveryReceipt(UUID deliveryId, CountSource source, LocalDate referenceDate, PostcodeLevel postcodeLevel,
        long rowCount, UUID replacedDeliveryId) {
}
