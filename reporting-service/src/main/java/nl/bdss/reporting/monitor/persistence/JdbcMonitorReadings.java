package nl.bdss.reporting.monitor.persistence;

import java.util.Map;
import java.util.TreeMap;
import nl.bdss.reporting.monitor.application.MonitorReadings;
import nl.bdss.reporting.monitor.domain.NzaMonitor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads {@code unfunded_amount}, {@code sector_load} and the current versions in {@code contract_view}. */
@Repository
class JdbcMonitorReadings implements MonitorReadings {

    /** The contracts with an allocated amount in the year: committed lines or an unfunded part. */
    private static final String CONTRACTS_OF_YEAR = """
            (select contract_id from committed_amount where load_year = :year and amount_cents > 0
             union select contract_id from unfunded_amount where budget_year = :year)""";

    private final JdbcClient jdbc;

    JdbcMonitorReadings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long unfunded(int year) {
        return jdbc.sql("select coalesce(sum(amount_cents), 0) from unfunded_amount where budget_year = ?")
                .param(year).query(Long.class).single();
    }

    @Override
    public Map<String, Long> chargedPerSector(int year) {
        Map<String, Long> charged = new TreeMap<>();
        jdbc.sql("select sector, amount_cents from sector_load where load_year = :year")
                .param("year", year).query((rs, n) -> charged.put(rs.getString(1), rs.getLong(2))).list();
        return charged;
    }

    @Override
    public NzaMonitor.Contracts contracts(int year) {
        long count = jdbc.sql("select count(*) from " + CONTRACTS_OF_YEAR + " y").param("year", year)
                .query(Long.class).single();
        String current = " from contract_view c join " + CONTRACTS_OF_YEAR + " y on y.contract_id = c.contract_id";
        long insurers = jdbc.sql("select count(distinct u)" + current + " cross join unnest(c.insurers) as i(u)")
                .param("year", year).query(Long.class).single();
        long providers = jdbc.sql("select count(distinct p)" + current + " cross join unnest(c.provider_agbs) as a(p)")
                .param("year", year).query(Long.class).single();
        long statingMeasure = jdbc.sql("select count(*)" + current + " where c.double_funding_measure_stated")
                .param("year", year).query(Long.class).single();
        return new NzaMonitor.Contracts(count, insurers, providers, statingMeasure);
    }
}
