package nl.bdss.allocation.counts.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.bdss.allocation.counts.domain.CountSource;
import nl.bdss.kernel.identity.Postcode;
import nl.bdss.kernel.identity.PostcodeLevel;
import nl.bdss.kernel.identity.Uzovi;

/**
 * Where deliveries of insured counts and their rows are kept (R11): one CURRENT delivery per source and reference
 * date, earlier ones as history. Every call takes part in the caller's transaction.
 */
public interface DeliveryStore {

    /** Serialises deliveries and allocations of one dataset for the rest of the transaction. */
    void lockDataset(CountSource source, LocalDate referenceDate);

    /** Opens the rows of a new delivery on their way in; a refused delivery leaves nothing behind. */
    StagedRows stage(UUID deliveryId);

    /**
     * Records the delivery whose rows were staged and makes them its own rows. {@code false} when two rows have the
     * same (uzovi, postcode): then nothing of this call is kept, and {@link #duplicates} names them.
     */
    boolean store(NewDelivery delivery, StagedRows rows);

    /** The staged rows that repeat an earlier (uzovi, postcode), with the line of the first one. */
    List<Duplicate> duplicates(UUID deliveryId, int limit);

    /** How many staged rows repeat an earlier (uzovi, postcode). */
    long duplicateCount(UUID deliveryId);

    /** Makes the delivery the current dataset of its source and date; returns the delivery it replaced. */
    Optional<UUID> makeCurrent(UUID deliveryId, CountSource source, LocalDate referenceDate, Instant at);

    Optional<Delivery> current(CountSource source, LocalDate referenceDate);

    /** The rows of a delivery in the given PC4 areas (PC6 rows included), for market shares. */
    List<StoredCount> countsIn(UUID deliveryId, Collection<String> pc4Areas);

    /** A delivery whose rows are staged, as it is recorded. */
    record NewDelivery(UUID id, CountSource source, LocalDate referenceDate, Deliverer deliveredBy, PostcodeLevel level,
            Instant receivedAt) {
    }

    /** A row repeating the (uzovi, postcode) of the row on {@code firstLine}. */
    record Duplicate(long line, long firstLine, String uzovi, String postcode) {
    }

    record StoredCount(Uzovi uzovi, Postcode postcode, long insuredCount) {
    }
}
