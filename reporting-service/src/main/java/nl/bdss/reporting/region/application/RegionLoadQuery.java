package nl.bdss.reporting.region.application;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import nl.bdss.reporting.region.domain.RegionLoadCalculator;
import nl.bdss.reporting.region.domain.RegionLoadCalculator.ContractAmounts;
import nl.bdss.reporting.region.domain.RegionLoadCalculator.RegionLoad;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The load per region in a year, from the contracts' service areas and their settled and committed Zvw amounts. */
@Service
@Transactional(readOnly = true)
public class RegionLoadQuery {

    public record RegionLoads(int year, long settledCents, long committedCents, List<RegionLoad> regions) {
    }

    private final JdbcClient jdbc;
    private final RegionReference reference;

    RegionLoadQuery(JdbcClient jdbc, RegionReference reference) {
        this.jdbc = jdbc;
        this.reference = reference;
    }

    public RegionLoads ofYear(int year) {
        Map<String, Long> settled = new HashMap<>();
        jdbc.sql("select contract_id, sum(amount_cents) from settlement_entry where load_year = ? group by contract_id")
                .param(year).query((rs, n) -> settled.put(rs.getString(1), rs.getLong(2))).list();
        Map<String, Long> committed = new HashMap<>();
        jdbc.sql("""
                        select contract_id, sum(amount_cents) from committed_amount where load_year = ? and domain = 'ZVW'
                        group by contract_id""")
                .param(year).query((rs, n) -> committed.put(rs.getString(1), rs.getLong(2))).list();
        TreeSet<String> contractIds = new TreeSet<>(settled.keySet());
        contractIds.addAll(committed.keySet());
        Map<String, List<String>> serviceAreas = new HashMap<>();
        jdbc.sql("select contract_id, service_area from contract_view")
                .query((rs, n) -> serviceAreas.put(rs.getString(1), Arrays.asList((String[]) rs.getArray(2).getArray())))
                .list();
        List<ContractAmounts> contracts = contractIds.stream()
                .map(id -> new ContractAmounts(id, serviceAreas.getOrDefault(id, List.of()), settled.getOrDefault(id, 0L),
                        committed.getOrDefault(id, 0L)))
                .toList();
        List<RegionLoad> regions = RegionLoadCalculator.loads(reference.current(), contracts);
        return new RegionLoads(year, regions.stream().mapToLong(RegionLoad::settledCents).sum(),
                regions.stream().mapToLong(RegionLoad::committedCents).sum(), regions);
    }
}
