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
import javax.sql.DataSource;
import nl.bdss.allocation.counts.application.Deliveries;
import nl.bdss.allocation.counts.application.Delivery;
import nl.bdss.allocation.counts.application.DeliveryAccess;
import nl.bdss.allocation.counts.application.DeliveryStore;
import nl.bdss.allocation.counts.application.StagedRows;
import nl.bdss.allocation.counts.domain.CountSource;
import nl.bdss.kernel.identity.Postcode;
import nl.bdss.kernel.identity.PostcodeLevel;
import nl.bdss.kernel.identity.Uzovi;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deliveries of insured counts in PostgreSQL: every delivery's rows are its own partition of insured_count, copied
 * into a fresh table, keyed in one sorted pass and attached; one CURRENT delivery per source and reference date.
 */
@Repository
class JdbcDeliveryStore implements DeliveryStore, Deliveries {

    private static final String COLUMNS = "id, source, reference_date, delivered_by, postcode_level, row_count, status, "
            + "received_at, replaced_by, replaced_at";
    /** The same columns for a reader confined to one insurer: the row count is that of its own rows. */
    private static final String INSURER_COLUMNS = "d.id, d.source, d.reference_date, d.delivered_by, d.postcode_level, "
            + "i.row_count, d.status, d.received_at, d.replaced_by, d.replaced_at";

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    /** Runs the key build inside a savepoint of the delivery's transaction, so that duplicates can be looked up after it. */
    private final TransactionTemplate savepoint;
    private final String indexMemory;

    JdbcDeliveryStore(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions,
            @Value("${bdss.allocation.intake.index-memory:512MB}") String indexMemory) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.indexMemory = indexMemory;
    }

    @Override
    public void lockDataset(CountSource source, LocalDate referenceDate) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext(?))")
                .param("insured-counts:" + source + ":" + referenceDate)
                .query((rs, n) -> 1).list();
    }

    /** The name of the table (the partition of insured_count) holding the rows of a delivery. */
    static String partitionName(UUID deliveryId) {
        return "insured_count_" + deliveryId.toString().replace("-", "");
    }

    /** COPY into the delivery's new table, on the connection of the current transaction. */
    @Override
    public StagedRows stage(UUID deliveryId) {
        return StagingCopy.open(DataSourceUtils.getConnection(dataSource), partitionName(deliveryId), deliveryId);
    }

    /**
     * Records the delivery and builds its table's unique key on (pc4, postcode, uzovi) in one sorted pass (pc4 leads:
     * market shares look up PC4 areas), with {@code indexMemory} as the server's sort memory. A duplicate (uzovi,
     * postcode) fails the build (no per-row conflict handling, which made the bulk path several times slower): the
     * savepoint is rolled back and the staged rows stay for {@link #duplicates}. Otherwise the table becomes the
     * delivery's partition of insured_count, without its line numbers; its CHECK on delivery_id proves the
     * partition bound, so attaching reads no rows.
     */
    @Override
    public boolean store(NewDelivery delivery, StagedRows rows) {
        String table = partitionName(delivery.id());
        try {
            savepoint.executeWithoutResult(status -> {
                jdbc.sql("insert into insured_count_delivery (id, source, reference_date, delivered_by, "
                                + "delivered_by_client, postcode_level, row_count, status, received_at) "
                                + "values (?, ?, ?, ?, ?, ?, ?, 'LOADED', ?)")
                        .params(delivery.id(), delivery.source().name(), delivery.referenceDate(),
                                delivery.deliveredBy().label(), delivery.deliveredBy().clientId(), delivery.level().name(),
                                rows.rows(), timestamp(delivery.receivedAt()))
                        .update();
                jdbc.sql("select set_config('maintenance_work_mem', ?, true)").param(indexMemory).query(String.class).single();
                jdbc.sql("create unique index " + table + "_key on " + table + " (pc4, postcode, uzovi)").update();
            });
        } catch (DuplicateKeyException duplicates) {
            return false;
        }
        jdbc.sql("alter table " + table + " drop column line_no").update();
        jdbc.sql("alter table insured_count attach partition " + table + " for values in ('" + delivery.id() + "')")
                .update();
        rows.rowsPerInsurer().forEach((uzovi, count) -> jdbc.sql("insert into insured_count_delivery_insurer "
                        + "(delivery_id, uzovi, row_count) values (?, ?, ?)")
                .params(delivery.id(), uzovi, count).update());
        return true;
    }

    @Override
    public List<Duplicate> duplicates(UUID deliveryId, int limit) {
        return jdbc.sql("select line_no, first_line, uzovi, postcode from (select line_no, uzovi, postcode, "
                        + "min(line_no) over (partition by uzovi, postcode) as first_line from " + partitionName(deliveryId)
                        + ") s where line_no <> first_line order by line_no limit ?")
                .param(limit)
                .query((rs, n) -> new Duplicate(rs.getLong("line_no"), rs.getLong("first_line"),
                        rs.getString("uzovi"), rs.getString("postcode")))
                .list();
    }

    @Override
    public long duplicateCount(UUID deliveryId) {
        return jdbc.sql("select coalesce(sum(n - 1), 0) from (select count(*) as n from " + partitionName(deliveryId)
                        + " group by uzovi, postcode having count(*) > 1) d")
                .query(Long.class).single();
    }

    @Override
    public Optional<UUID> makeCurrent(UUID deliveryId, CountSource source, LocalDate referenceDate, Instant at) {
        Optional<UUID> previous = jdbc.sql("update insured_count_delivery set status = 'REPLACED', replaced_by = ?, "
                        + "replaced_at = ? where source = ? and reference_date = ? and status = 'CURRENT' returning id")
                .params(deliveryId, timestamp(at), source.name(), referenceDate)
                .query(UUID.class).optional();
        jdbc.sql("update insured_count_delivery set status = 'CURRENT' where id = ?").param(deliveryId).update();
        return previous;
    }

    @Override
    public Optional<Delivery> current(CountSource source, LocalDate referenceDate) {
        return jdbc.sql("select " + COLUMNS + " from insured_count_delivery where source = ? and reference_date = ? "
                        + "and status = 'CURRENT'")
                .params(source.name(), referenceDate)
                .query(JdbcDeliveryStore::delivery).optional();
    }

    @Override
    public Optional<Delivery> find(UUID id, DeliveryAccess access) {
        if (access.uzovi() != null) {
            return jdbc.sql("select " + INSURER_COLUMNS + " from insured_count_delivery d join "
                            + "insured_count_delivery_insurer i on i.delivery_id = d.id where d.id = ? and i.uzovi = ?")
                    .params(id, access.uzovi()).query(JdbcDeliveryStore::delivery).optional();
        }
        if (access.clientId() != null) {
            return jdbc.sql("select " + COLUMNS + " from insured_count_delivery where id = ? and delivered_by_client = ?")
                    .params(id, access.clientId()).query(JdbcDeliveryStore::delivery).optional();
        }
        return jdbc.sql("select " + COLUMNS + " from insured_count_delivery where id = ?").param(id)
                .query(JdbcDeliveryStore::delivery).optional();
    }

    /** Filtered in the query. */
    @Override
    public List<Delivery> latest(int limit, DeliveryAccess access) {
        if (access.uzovi() != null) {
            return jdbc.sql("select " + INSURER_COLUMNS + " from insured_count_delivery d join "
                            + "insured_count_delivery_insurer i on i.delivery_id = d.id where i.uzovi = ? "
                            + "order by d.received_at desc, d.id limit ?")
                    .params(access.uzovi(), limit).query(JdbcDeliveryStore::delivery).list();
        }
        if (access.clientId() != null) {
            return jdbc.sql("select " + COLUMNS + " from insured_count_delivery where delivered_by_client = ? "
                            + "order by received_at desc, id limit ?")
                    .params(access.clientId(), limit).query(JdbcDeliveryStore::delivery).list();
        }
        return jdbc.sql("select " + COLUMNS + " from insured_count_delivery order by received_at desc, id limit ?")
                .param(limit)
                .query(JdbcDeliveryStore::delivery).list();
    }

    @Override
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
}
