package nl.bdss.settlement.riskequalisation.persistence;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.bdss.settlement.riskequalisation.application.ServiceAreaCountStore;
import nl.bdss.settlement.riskequalisation.domain.ServiceAreaCount;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The counts in {@code allocation_service_area_count} (immutable: the database refuses updates and deletes). */
@Repository
class JdbcServiceAreaCounts implements ServiceAreaCountStore {

    private final JdbcClient jdbc;
    private final JdbcOperations batches;

    JdbcServiceAreaCounts(JdbcClient jdbc, JdbcOperations batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    /** The allocation's counts in one JDBC batch. */
    @Override
    public void store(String contractId, int allocationVersion, List<ServiceAreaCount> counts) {
        if (counts.isEmpty()) {
            return;
        }
        batches.batchUpdate("""
                insert into allocation_service_area_count (contract_id, allocation_version, uzovi, postcode, insured_count)
                values (?, ?, ?, ?, ?) on conflict do nothing""",
                counts.stream().map(count -> new Object[] {contractId, allocationVersion, count.uzovi(), count.postcode(),
                    count.insuredCount()}).toList());
    }

    @Override
    public Map<String, Long> of(String contractId, int allocationVersion, String uzovi) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("""
                select postcode, insured_count from allocation_service_area_count
                where contract_id = ? and allocation_version = ? and uzovi = ? order by postcode""")
                .params(contractId, allocationVersion, uzovi)
                .query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2)))
                .list();
        return counts;
    }
}
