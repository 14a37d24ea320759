package nl.bdss.reporting.mbi.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.bdss.reporting.mbi.application.MacroBudgetStore;
import nl.bdss.reporting.mbi.domain.MacroBudget;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The figures in {@code macro_budget}, one per sector and year. */
@Repository
class JdbcMacroBudgetStore implements MacroBudgetStore {

    private final JdbcClient jdbc;

    JdbcMacroBudgetStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean record(MacroBudget budget, Instant recordedAt) {
        int changed = jdbc.sql("""
                        insert into macro_budget (sector, budget_year, amount_cents, source, source_date, recorded_at)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (sector, budget_year) do update
                            set amount_cents = excluded.amount_cents, source = excluded.source,
                                source_date = excluded.source_date, recorded_at = excluded.recorded_at
                            where macro_budget.source_date <= excluded.source_date""")
                .params(budget.sectorYear().sector(), budget.sectorYear().year(), budget.amountCents(),
                        budget.source(), budget.date(), Timestamp.from(recordedAt))
                .update();
        return changed == 1;
    }

    @Override
    public List<MacroBudgetView> ofYear(int year) {
        return jdbc.sql("select sector, budget_year, amount_cents, source, source_date from macro_budget where budget_year = ? order by sector")
                .param(year)
                .query((rs, n) -> new MacroBudgetView(rs.getString(1), rs.getInt(2), rs.getLong(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class)))
                .list();
    }
}
