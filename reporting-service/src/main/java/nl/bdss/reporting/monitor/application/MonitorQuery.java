package nl.bdss.reporting.monitor.application;

import java.util.Map;
import java.util.TreeMap;
import nl.bdss.reporting.contracts.application.CommittedAmounts;
import nl.bdss.reporting.monitor.domain.NzaMonitor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the yearly monitor (R20) from the read models: the year's budgets from what the complete allocations commit
 * ({@link CommittedAmounts}, the source of the committed sector load too) and the unfunded Zvw part beside it, the
 * settled load per sector (what was actually charged to the macro budgets), and the current versions of the
 * contracts with an allocated amount in the year. See {@link NzaMonitor} for what each figure means. All of it is
 * read in one snapshot (repeatable read), so the figures fit together while allocations keep arriving.
 */
@Service
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
public class MonitorQuery {

    /** The contracts with an allocated amount in the year: committed lines or an unfunded part. */
    private static final String CONTRACTS_OF_YEAR = """
            (select contract_id from committed_amount where load_year = :year and amount_cents > 0
             union select contract_id from unfunded_amount where budget_year = :year)""";

    private final JdbcClient jdbc;
    private final CommittedAmounts committed;

    MonitorQuery(JdbcClient jdbc, CommittedAmounts committed) {
        this.jdbc = jdbc;
        this.committed = committed;
    }

    public NzaMonitor ofYear(int year) {
        long unfunded = jdbc.sql("select coalesce(sum(amount_cents), 0) from unfunded_amount where budget_year = ?")
                .param(year).query(Long.class).single();
        Map<String, Long> charged = new TreeMap<>();
        jdbc.sql("select sector, amount_cents from sector_load where load_year = :year")
                .param("year", year).query((rs, n) -> charged.put(rs.getString(1), rs.getLong(2))).list();
        return NzaMonitor.of(year, contracts(year), committed.ofYear(year), unfunded, charged);
    }

    private NzaMonitor.Contracts contracts(int year) {
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
