package nl.bdss.reporting.monitor.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The NZa's yearly monitor of the title (R20): how many contracts use it, their budgets (all domains and Zvw),
 * the sectors involved with the number of contracts per sector, the amount charged to each sector's macro
 * budget, and the number of insurers and providers involved.
 */
public record NzaMonitor(int year, long contractCount, long totalBudgetAllDomainsCents, long totalBudgetZvwCents,
        List<SectorFigures> sectors, long insurerCount, long providerCount, long chargedTotalCents) {

    /** One Zvw sector in the monitor: how many contracts involve it and what was charged to its macro budget. */
    public record SectorFigures(String sector, long contractCount, long chargedCents) {
    }

    public NzaMonitor {
        sectors = List.copyOf(sectors);
    }

    /** The monitor as CSV rows (measure, sector, value), one line per figure. */
    public List<List<Object>> rows() {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of(year, "contracts", "", contractCount));
        rows.add(List.of(year, "budgetAllDomainsCents", "", totalBudgetAllDomainsCents));
        rows.add(List.of(year, "budgetZvwCents", "", totalBudgetZvwCents));
        rows.add(List.of(year, "insurers", "", insurerCount));
        rows.add(List.of(year, "providers", "", providerCount));
        rows.add(List.of(year, "chargedTotalCents", "", chargedTotalCents));
        for (SectorFigures sector : sectors) {
            rows.add(List.of(year, "sectorContracts", sector.sector(), sector.contractCount()));
            rows.add(List.of(year, "sectorChargedCents", sector.sector(), sector.chargedCents()));
        }
        return rows;
    }
}
