package nl.bdss.settlement.riskequalisation.persistence;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.bdss.settlement.riskequalisation.domain.ServiceAreaCount;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The insured counts behind each allocation version, per insurer and postcode, as they arrived (R19). Stored once
 * per (contract, allocationVersion): a redelivery or a second event for the same version adds nothing.
 */
@Repository
public class ServiceAreaCounts {

    private final JdbcClient jdbc;
    private final JdbcOperations batches;

    public ServiceAreaCounts(JdbcClient jdbc, JdbcOperations batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    /** The allocation's counts in one JDBC batch; a version stored before stays as it was. */
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

    /** Postcode to count for one insurer behind one allocation version; empty when the allocation carried none. */
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
