package nl.bdss.settlement.riskequalisation.persistence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import nl.bdss.settlement.riskequalisation.application.ServiceAreaCountStore;
import nl.bdss.settlement.riskequalisation.domain.ServiceAreaCount;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The counts in {@code allocation_service_area_count} (immutable: the database refuses updates and deletes), per
 * contract year; {@code contract_year} null for an allocation without per-year shares.
 */
@Repository
class JdbcServiceAreaCounts implements ServiceAreaCountStore {

    private final JdbcClient jdbc;
    private final JdbcOperations batches;

    JdbcServiceAreaCounts(JdbcClient jdbc, JdbcOperations batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    /**
     * The allocation's counts in one JDBC batch, and the attribution of each (insurer, year) they concern marked
     * stale: the counts' own year, or for counts of every year the years the insurer has settled on the contract.
     */
    @Override
    public void store(String contractId, int allocationVersion, List<ServiceAreaCount> counts) {
        if (counts.isEmpty()) {
            return;
        }
        batches.batchUpdate("""
                insert into allocation_service_area_count
                    (contract_id, allocation_version, uzovi, postcode, insured_count, contract_year)
                values (?, ?, ?, ?, ?, ?) on conflict do nothing""",
                counts.stream().map(count -> new Object[] {contractId, allocationVersion, count.uzovi(), count.postcode(),
                    count.insuredCount(), count.contractYear()}).toList());
        Map<String, List<Integer>> yearsPerInsurer = new TreeMap<>();
        counts.forEach(count -> yearsPerInsurer.computeIfAbsent(count.uzovi(), u -> new ArrayList<>())
                .add(count.contractYear()));
        yearsPerInsurer.forEach((uzovi, years) -> {
            years.stream().filter(Objects::nonNull).distinct().forEach(year -> jdbc.sql(
                    "insert into risk_equalisation_stale (uzovi, service_year) values (?, ?)")
                    .params(uzovi, year).update());
            if (years.contains(null)) {
                jdbc.sql("""
                        insert into risk_equalisation_stale (uzovi, service_year)
                        select distinct uzovi, extract(year from period_start)::int from settlement_entry
                        where contract_id = ? and uzovi = ?""").params(contractId, uzovi).update();
            }
        });
    }

    @Override
    public Map<String, Long> of(String contractId, int allocationVersion, String uzovi, int year) {
        Map<String, Long> ofTheYear = new LinkedHashMap<>();
        Map<String, Long> ofEveryYear = new LinkedHashMap<>();
        jdbc.sql("""
                select postcode, insured_count, contract_year from allocation_service_area_count
                where contract_id = ? and allocation_version = ? and uzovi = ?
                  and (contract_year = ? or contract_year is null)
                order by postcode""")
                .params(contractId, allocationVersion, uzovi, year)
                .query((rs, n) -> {
                    rs.getInt(3);
                    return (rs.wasNull() ? ofEveryYear : ofTheYear).put(rs.getString(1), rs.getLong(2));
                })
                .list();
        return ofTheYear.isEmpty() ? ofEveryYear : ofTheYear;
    }
}
