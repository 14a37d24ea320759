package nl.bdss.allocation.split.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.bdss.allocation.counts.domain.CountSource;
import nl.bdss.allocation.split.application.AllocationStore;
import nl.bdss.allocation.split.application.StoredAllocation;
import nl.bdss.allocation.split.domain.Allocation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The allocations in PostgreSQL, each result as a JSON document beside the columns it is looked up by. */
@Repository
class JdbcAllocationStore implements AllocationStore {

    private static final String COLUMNS = "contract_id, allocation_version, contract_version, count_source, dataset_id, "
            + "result, event_id, calculated_at, cause";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    JdbcAllocationStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public void insert(StoredAllocation stored) {
        Allocation allocation = stored.allocation();
        jdbc.sql("insert into allocation (contract_id, allocation_version, contract_version, status, pending_reason, "
                        + "count_source, reference_date, dataset_id, result, event_id, calculated_at, cause) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?)")
                .params(stored.contractId(), stored.allocationVersion(), stored.contractVersion(),
                        allocation.status().name(), allocation.pendingReason(),
                        stored.source() == null ? null : stored.source().name(), allocation.referenceDate(),
                        stored.datasetId(), json.writeValueAsString(allocation), stored.eventId(),
                        stored.calculatedAt().atOffset(ZoneOffset.UTC), stored.cause())
                .update();
    }

    @Override
    public Optional<StoredAllocation> latest(String contractId) {
        return jdbc.sql("select " + COLUMNS + " from allocation where contract_id = ? "
                        + "order by allocation_version desc limit 1")
                .param(contractId).query(this::stored).optional();
    }

    @Override
    public List<StoredAllocation> history(String contractId) {
        return jdbc.sql("select " + COLUMNS + " from allocation where contract_id = ? order by allocation_version")
                .param(contractId).query(this::stored).list();
    }

    private StoredAllocation stored(ResultSet rs, int row) throws SQLException {
        String source = rs.getString("count_source");
        return new StoredAllocation(rs.getString("contract_id"), rs.getInt("allocation_version"),
                rs.getInt("contract_version"), source == null ? null : CountSource.valueOf(source),
                rs.getObject("dataset_id", UUID.class), json.readValue(rs.getString("result"), Allocation.class),
                rs.getObject("event_id", UUID.class), rs.getObject("calculated_at", OffsetDateTime.class).toInstant(),
                rs.getString("cause"));
    }
}
