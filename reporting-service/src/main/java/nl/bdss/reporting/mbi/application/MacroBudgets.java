package nl.bdss.reporting.mbi.application;

import java.time.Clock;
import java.util.List;
import nl.bdss.reporting.mbi.application.MacroBudgetStore.MacroBudgetView;
import nl.bdss.reporting.mbi.domain.LoadBasis;
import nl.bdss.reporting.mbi.domain.MacroBudget;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Operators load the sector macro budgets (R18); each change is checked against the MBI threshold (R21). */
@Service
public class MacroBudgets {

    private final MacroBudgetStore store;
    private final MbiWatch watch;
    private final Clock clock;

    MacroBudgets(MacroBudgetStore store, MbiWatch watch, Clock clock) {
        this.store = store;
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
            if (store.record(budget, clock.instant())) {
                taken++;
                String cause = "macro budget " + budget.sectorYear().key() + " (" + budget.source() + ", " + budget.date() + ")";
                watch.evaluate(budget.sectorYear(), LoadBasis.SETTLED, cause);
                watch.evaluate(budget.sectorYear(), LoadBasis.COMMITTED, cause);
            }
        }
        return taken;
    }

    public List<MacroBudgetView> ofYear(int year) {
        return store.ofYear(year);
    }
}
