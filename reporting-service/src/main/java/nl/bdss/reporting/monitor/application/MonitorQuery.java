package nl.bdss.reporting.monitor.application;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.bdss.reporting.monitor.domain.NzaMonitor;
import nl.bdss.reporting.monitor.domain.NzaMonitor.SectorFigures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the yearly monitor (R20) from the read models: contracts with a budget in the year, and the settled
 * load per sector (what was actually charged to the macro budgets).
 */
@Service
@Transactional(readOnly = true)
public class MonitorQuery {

    private final JdbcClient jdbc;

    MonitorQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public NzaMonitor ofYear(int year) {
        record Totals(long contracts, long allDomains, long zvw) {
        }
        Totals totals = jdbc.sql("""
                        select count(*), coalesce(sum(all_domains_cents), 0), coalesce(sum(zvw_cents), 0)
                        from contract_budget_year where budget_year = ? and all_domains_cents > 0""")
                .param(year).query((rs, n) -> new Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
        String contractsOfYear = """
                (select c.* from contract_view c join contract_budget_year b on b.contract_id = c.contract_id
                 where b.budget_year = :year and b.all_domains_cents > 0)""";
        Map<String, Long> contractsPerSector = new TreeMap<>();
        jdbc.sql("select s.sector, count(distinct c.contract_id) from " + contractsOfYear
                        + " c cross join unnest(c.zvw_sectors) as s(sector) group by s.sector")
                .param("year", year).query((rs, n) -> contractsPerSector.put(rs.getString(1), rs.getLong(2))).list();
        Map<String, Long> charged = new TreeMap<>();
        jdbc.sql("select sector, amount_cents from sector_load where load_year = :year")
                .param("year", year).query((rs, n) -> charged.put(rs.getString(1), rs.getLong(2))).list();
        TreeMap<String, Boolean> sectorNames = new TreeMap<>();
        contractsPerSector.keySet().forEach(sector -> sectorNames.put(sector, true));
        charged.keySet().forEach(sector -> sectorNames.put(sector, true));
        List<SectorFigures> sectors = sectorNames.keySet().stream()
                .map(sector -> new SectorFigures(sector, contractsPerSector.getOrDefault(sector, 0L), charged.getOrDefault(sector, 0L)))
                .toList();
        long insurers = jdbc.sql("select count(distinct u) from " + contractsOfYear + " c cross join unnest(c.insurers) as i(u)")
                .param("year", year).query(Long.class).single();
        long providers = jdbc.sql("select count(distinct p) from " + contractsOfYear + " c cross join unnest(c.provider_agbs) as a(p)")
                .param("year", year).query(Long.class).single();
        return new NzaMonitor(year, totals.contracts(), totals.allDomains(), totals.zvw(), sectors, insurers, providers,
                charged.values().stream().mapToLong(Long::longValue).sum());
    }
}
