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
import nl.bdss.kernel.identity.Postcode;
import nl.bdss.kernel.identity.PostcodeLevel;
import nl.bdss.kernel.identity.Uzovi;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Deliveries of insured counts and their rows; one CURRENT delivery per source and reference date. */
@Repository
public class DeliveryStore {

    private static final String COLUMNS = "id, source, reference_date, delivered_by, postcode_level, row_count, status, "
            + "received_at, replaced_by, replaced_at";
    /** The same columns for a reader confined to one insurer: the row count is that of its own rows. */
    private static final String INSURER_COLUMNS = "d.id, d.source, d.reference_date, d.delivered_by, d.postcode_level, "
            + "i.row_count, d.status, d.received_at, d.replaced_by, d.replaced_at";

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

    /** The name of the table (the partition of insured_count) holding the rows of a delivery. */
    public static String partitionName(UUID deliveryId) {
        return "insured_count_" + deliveryId.toString().replace("-", "");
    }

    /**
     * Records a new delivery whose rows were copied into {@code staged}, and builds the table's unique key on
     * (pc4, postcode, uzovi) in one sorted pass (pc4 leads: market shares look up PC4 areas); {@code indexMemory} is
     * the server's sort memory for it. A duplicate (uzovi, postcode) fails the build: DuplicateKeyException, and the
     * caller rolls back to before this call.
     */
    public void storeStaged(UUID id, CountSource source, LocalDate referenceDate, String deliveredBy,
            String deliveredByClient, PostcodeLevel level, StagingCopy staged, String indexMemory, Instant receivedAt) {
        jdbc.sql("insert into insured_count_delivery (id, source, reference_date, delivered_by, delivered_by_client, "
                        + "postcode_level, row_count, status, received_at) values (?, ?, ?, ?, ?, ?, ?, 'LOADED', ?)")
                .params(id, source.name(), referenceDate, deliveredBy, deliveredByClient, level.name(), staged.rows(),
                        timestamp(receivedAt))
                .update();
        jdbc.sql("select set_config('maintenance_work_mem', ?, true)").param(indexMemory).query(String.class).single();
        jdbc.sql("create unique index " + staged.table() + "_key on " + staged.table() + " (pc4, postcode, uzovi)").update();
    }

    /**
     * Makes the staged table the delivery's partition of insured_count, without its line numbers, and records the
     * rows per insurer. The table's CHECK on delivery_id proves the partition bound: attaching reads no rows.
     */
    public void attach(UUID id, StagingCopy staged) {
        jdbc.sql("alter table " + staged.table() + " drop column line_no").update();
        jdbc.sql("alter table insured_count attach partition " + staged.table() + " for values in ('" + id + "')")
                .update();
        staged.rowsPerInsurer().forEach((uzovi, rows) -> jdbc.sql("insert into insured_count_delivery_insurer "
                        + "(delivery_id, uzovi, row_count) values (?, ?, ?)")
                .params(id, uzovi, rows).update());
    }

    /** The staged rows that repeat an earlier (uzovi, postcode), with the line of the first one. */
    public List<Duplicate> stagedDuplicates(StagingCopy staged, int limit) {
        return jdbc.sql("select line_no, first_line, uzovi, postcode from (select line_no, uzovi, postcode, "
                        + "min(line_no) over (partition by uzovi, postcode) as first_line from " + staged.table()
                        + ") s where line_no <> first_line order by line_no limit ?")
                .param(limit)
                .query((rs, n) -> new Duplicate(rs.getLong("line_no"), rs.getLong("first_line"),
                        rs.getString("uzovi"), rs.getString("postcode")))
                .list();
    }

    /** How many staged rows repeat an earlier (uzovi, postcode). */
    public long stagedDuplicateCount(StagingCopy staged) {
        return jdbc.sql("select coalesce(sum(n - 1), 0) from (select count(*) as n from " + staged.table()
                        + " group by uzovi, postcode having count(*) > 1) d")
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

    /** The delivery if the caller may see it; another caller's delivery is as absent as an unknown id. */
    public Optional<Delivery> find(UUID id, DeliveryAccess access) {
        if (access.uzovi() != null) {
            return jdbc.sql("select " + INSURER_COLUMNS + " from insured_count_delivery d join "
                            + "insured_count_delivery_insurer i on i.delivery_id = d.id where d.id = ? and i.uzovi = ?")
                    .params(id, access.uzovi()).query(DeliveryStore::delivery).optional();
        }
        if (access.clientId() != null) {
            return jdbc.sql("select " + COLUMNS + " from insured_count_delivery where id = ? and delivered_by_client = ?")
                    .params(id, access.clientId()).query(DeliveryStore::delivery).optional();
        }
        return jdbc.sql("select " + COLUMNS + " from insured_count_delivery where id = ?").param(id)
                .query(DeliveryStore::delivery).optional();
    }

    /** The latest deliveries the caller may see, filtered in the query. */
    public List<Delivery> latest(int limit, DeliveryAccess access) {
        if (access.uzovi() != null) {
            return jdbc.sql("select " + INSURER_COLUMNS + " from insured_count_delivery d join "
                            + "insured_count_delivery_insurer i on i.delivery_id = d.id where i.uzovi = ? "
                            + "order by d.received_at desc, d.id limit ?")
                    .params(access.uzovi(), limit).query(DeliveryStore::delivery).list();
        }
        if (access.clientId() != null) {
            return jdbc.sql("select " + COLUMNS + " from insured_count_delivery where delivered_by_client = ? "
                            + "order by received_at desc, id limit ?")
                    .params(access.clientId(), limit).query(DeliveryStore::delivery).list();
        }
        return jdbc.sql("select " + COLUMNS + " from insured_count_delivery order by received_at desc, id limit ?")
                .param(limit)
                .query(DeliveryStore::delivery).list();
    }

    /** The rows of a delivery in the given PC4 areas (PC6 rows included), for market shares. */
    public List<StoredCount> countsIn(UUID deliveryId, Collection<String> pc4Areas) {
        if (pc4Areas.isEmpty()) {
            return List.of();
        }
        // the delivery's partition only, through its (pc4, postcode, uzovi) key
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

    /**
     * Which deliveries a caller sees: all of them (both null), those holding rows of one insurer, showing only the
     * count of its own rows ({@code uzovi}), or those one client delivered ({@code clientId}).
     */
    public record DeliveryAccess(String uzovi, String clientId) {

        public static DeliveryAccess everything() {
            return new DeliveryAccess(null, null);
        }

        public static DeliveryAccess insurer(String uzovi) {
            return new DeliveryAccess(Uzovi.of(uzovi).code(), null);
        }

        public static DeliveryAccess deliveredBy(String clientId) {
            return new DeliveryAccess(null, clientId);
        }
    }

    public record Duplicate(long line, long firstLine, String uzovi, String postcode) {
    }

    public record StoredCount(Uzovi uzovi, Postcode postcode, long insuredCount) {
    }
}
