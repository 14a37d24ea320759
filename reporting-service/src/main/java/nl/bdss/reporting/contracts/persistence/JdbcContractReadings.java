package nl.bdss.reporting.contracts.persistence;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.bdss.reporting.contracts.application.ContractReadings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads {@code contract_view} and {@code contract_allocation}; an insurer's restriction is applied in SQL. */
@Repository
class JdbcContractReadings implements ContractReadings {

    /**
     * An insurer (parameter {@code :uzovi}) sees the allocations of contracts it is a party to; an allocation whose
     * contract reporting has not seen yet names no parties, so only callers without a restriction see it.
     */
    private static final String OWN_ALLOCATION = """
            (cast(:uzovi as varchar) is null or exists (select 1 from contract_view c
                where c.contract_id = a.contract_id and :uzovi = any(c.insurers)))""";

    private final JdbcClient jdbc;

    JdbcContractReadings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<ContractView> contracts(String status, String onlyUzovi, int size, long offset) {
        return jdbc.sql("""
                        select c.contract_id, c.version, c.reference, c.title, c.status, c.valid_from, c.valid_until,
                            c.lump_sum_cents, c.budget_period, c.insurers, c.zvw_sectors, c.provider_agbs,
                            a.status, a.allocation_version
                        from contract_view c left join contract_allocation a on a.contract_id = c.contract_id
                        where (cast(:status as varchar) is null or c.status = :status)
                            and (cast(:uzovi as varchar) is null or :uzovi = any(c.insurers))
                        order by c.reference, c.contract_id limit :size offset :offset""")
                .param("status", status, Types.VARCHAR)
                .param("uzovi", onlyUzovi, Types.VARCHAR)
                .param("size", size)
                .param("offset", offset)
                .query((rs, n) -> new ContractView(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class), rs.getLong(8),
                        rs.getString(9), strings(rs.getArray(10)), strings(rs.getArray(11)), strings(rs.getArray(12)),
                        rs.getString(13), (Integer) rs.getObject(14)))
                .list();
    }

    @Override
    public Map<String, Long> countByStatus(String onlyUzovi) {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.sql("""
                        select status, count(*) from contract_view
                        where cast(:uzovi as varchar) is null or :uzovi = any(insurers) group by status""")
                .param("uzovi", onlyUzovi, Types.VARCHAR)
                .query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        return counts;
    }

    @Override
    public List<PendingAllocation> pending(String onlyUzovi, long limit, long offset) {
        return jdbc.sql("select a.contract_id, a.allocation_version, a.contract_version, a.pending_reason"
                        + " from contract_allocation a where a.status = 'PENDING' and " + OWN_ALLOCATION
                        + " order by a.contract_id limit :limit offset :offset")
                .param("uzovi", onlyUzovi, Types.VARCHAR).param("limit", limit).param("offset", offset)
                .query((rs, n) -> new PendingAllocation(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getString(4)))
                .list();
    }

    @Override
    public long pendingCount(String onlyUzovi) {
        return jdbc.sql("select count(*) from contract_allocation a where a.status = 'PENDING' and " + OWN_ALLOCATION)
                .param("uzovi", onlyUzovi, Types.VARCHAR).query(Long.class).single();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
