package nl.bdss.allocation.counts.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.bdss.allocation.counts.domain.CountSource;
import nl.bdss.allocation.counts.domain.Postcode;
import nl.bdss.allocation.counts.domain.PostcodeLevel;
import nl.bdss.allocation.counts.domain.Uzovi;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Deliveries of insured counts and their rows; one CURRENT delivery per source and reference date. */
@Repository
public class DeliveryStore {

    private static final String COLUMNS = "id, source, reference_date, delivered_by, postcode_level, row_count, status, "
            + "received_at, replaced_by, replaced_at";

    private final JdbcClient jdbc;

    DeliveryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises deliveries and allocations of one dataset for the rest of the transaction. */
    public void lockDataset(CountSource source, LocalDate referenceDate) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext(?))")
                .param("insured-counts:" + source + ":" + referenceDate)
                .query((rs, n) -> 1).list();
    }

    /**
     * Moves the staged rows into a new delivery; returns the rows stored. A duplicate (uzovi, postcode) violates
     * the primary key: DuplicateKeyException, and the caller rolls the move back.
     */
    public long storeStaged(UUID id, CountSource source, LocalDate referenceDate, String deliveredBy,
            PostcodeLevel level, long rows, Instant receivedAt) {
        jdbc.sql("insert into insured_count_delivery (id, source, reference_date, delivered_by, postcode_level, row_count, "
                        + "status, received_at) values (?, ?, ?, ?, ?, ?, 'LOADED', ?)")
                .params(id, source.name(), referenceDate, deliveredBy, level.name(), rows, timestamp(receivedAt))
                .update();
        return jdbc.sql("insert into insured_count (delivery_id, pc4, postcode, uzovi, insured_count) "
                        + "select ?, left(postcode, 4), postcode, uzovi, insured_count from staging_count")
                .param(id)
                .update();
    }

    /** The staged rows that repeat an earlier (uzovi, postcode), with the line of the first one. */
    public List<Duplicate> stagedDuplicates(int limit) {
        return jdbc.sql("select line_no, first_line, uzovi, postcode from (select line_no, uzovi, postcode, "
                        + "min(line_no) over (partition by uzovi, postcode) as first_line from staging_count) s "
                        + "where line_no <> first_line order by line_no limit ?")
                .param(limit)
                .query((rs, n) -> new Duplicate(rs.getLong("line_no"), rs.getLong("first_line"),
                        rs.getString("uzovi"), rs.getString("postcode")))
                .list();
    }

    /** How many staged rows repeat an earlier (uzovi, postcode). */
    public long stagedDuplicateCount() {
        return jdbc.sql("select coalesce(sum(n - 1), 0) from (select count(*) as n from staging_count "
                        + "group by uzovi, postcode having count(*) > 1) d")
                .query(Long.class).single();
    }

    /** Makes the delivery the current dataset of its source and date; returns the delivery it replaced. */
    public Optional<UUID> makeCurrent(UUID id, CountSource source, LocalDate referenceDate, Instant at) {
        Optional<UUID> previous = jdbc.sql("update insured_count_delivery set status = 'REPLACED', replaced_by = ?, "
                        + "replaced_at = ? where source = ? and reference_date = ? and status = 'CURRENT' returning id")
                .params(id, timestamp(at), source.name(), referenceDate)
                .query(UUID.class).optional();
        jdbc.sql("update insured_count_delivery set status = 'CURRENT' where id = ?").param(id).update();
        return previous;
    }

    public Optional<Delivery> current(CountSource source, LocalDate referenceDate) {
        return jdbc.sql("select " + COLUMNS + " from insured_count_delivery where source = ? and reference_date = ? "
                        + "and status = 'CURRENT'")
                .params(source.name(), referenceDate)
                .query(DeliveryStore::delivery).optional();
    }

    public Optional<Delivery> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from insured_count_delivery where id = ?").param(id)
                .query(DeliveryStore::delivery).optional();
    }

    public List<Delivery> latest(int limit) {
        return jdbc.sql("select " + COLUMNS + " from insured_count_delivery order by received_at desc, id limit ?")
                .param(limit)
                .query(DeliveryStore::delivery).list();
    }

    /** The rows of a delivery in the given PC4 areas (PC6 rows included), for market shares. */
    public List<StoredCount> countsIn(UUID deliveryId, Collection<String> pc4Areas) {
        if (pc4Areas.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select uzovi, postcode, insured_count from insured_count where delivery_id = :id "
                        + "and pc4 in (:areas) order by postcode, uzovi")
                .param("id", deliveryId)
                .param("areas", List.copyOf(pc4Areas))
                .query((rs, n) -> new StoredCount(new Uzovi(rs.getString("uzovi")), new Postcode(rs.getString("postcode")),
                        rs.getLong("insured_count")))
                .list();
    }

    public long count() {
        return jdbc.sql("select count(*) from insured_count_delivery").query(Long.class).single();
    }

    private static Delivery delivery(ResultSet rs, int row) throws SQLException {
        return new Delivery(rs.getObject("id", UUID.class), CountSource.valueOf(rs.getString("source")),
                rs.getObject("reference_date", LocalDate.class), rs.getString("delivered_by"),
                PostcodeLevel.valueOf(rs.getString("postcode_level")), rs.getLong("row_count"), rs.getString("status"),
                rs.getObject("received_at", OffsetDateTime.class).toInstant(), rs.getObject("replaced_by", UUID.class),
                Optional.ofNullable(rs.getObject("replaced_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant).orElse(null));
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** A stored delivery (status LOADED, CURRENT or REPLACED). */
    public record Delivery(UUID id, CountSource source, LocalDate referenceDate, String deliveredBy, PostcodeLevel level,
            long rowCount, String status, Instant receivedAt, UUID replacedBy, Instant replacedAt) {
    }

    public record Duplicate(long line, long firstLine, String uzovi, String postcode) {
    }

    public record StoredCount(Uzovi uzovi, Postcode postcode, long insuredCount) {
    }
}
