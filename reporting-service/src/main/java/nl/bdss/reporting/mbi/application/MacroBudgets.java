package nl.bdss.reporting.mbi.application;

import java.time.Clock;
import java.util.List;
import nl.bdss.reporting.mbi.domain.LoadBasis;
import nl.bdss.reporting.mbi.domain.MacroBudget;
import org.springframework.stereotype.Service;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/** Operators load the sector macro budgets (R18); each change is checked against the MBI threshold (R21). */
@Service
public class MacroBudgets {

    private final JdbcClient jdbc;
    private final MbiWatch watch;
    private final Clock clock;

    MacroBudgets(JdbcClient jdbc, MbiWatch watch, Clock clock) {
        this.jdbc = jdbc;
        this.watch = watch;
        this.clock = clock;
    }

    /**
     * Records the figures; for a sector and year the figure with the latest date wins, so loading an older
     * publication after a newer one changes nothing. Returns how many figures were taken over.
     */
    @Transactional
    public int record(List<MacroBudget> budgets) {
        int taken = 0;
        for (MacroBudget budget : budgets) {
            int changed = jdbc.sql("""
                            insert into macro_budget (sector, budget_year, amount_cents, source, source_date, recorded_at)
                            values (?, ?, ?, ?, ?, ?)
                            on conflict (sector, budget_year) do update
                                set amount_cents = excluded.amount_cents, source = excluded.source,
                                    source_date = excluded.source_date, recorded_at = excluded.recorded_at
                                where macro_budget.source_date <= excluded.source_date""")
                    .params(budget.sectorYear().sector(), budget.sectorYear().year(), budget.amountCents(),
                            budget.source(), budget.date(), java.sql.Timestamp.from(clock.instant()))
                    .update();
            if (changed == 1) {
                taken++;
                String cause = "macro budget " + budget.sectorYear().key() + " (" + budget.source() + ", " + budget.date() + ")";
                watch.evaluate(budget.sectorYear(), LoadBasis.SETTLED, cause);
                watch.evaluate(budget.sectorYear(), LoadBasis.COMMITTED, cause);
            }
        }
        return taken;
    }
}
