package nl.bdss.reporting.monitor.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import nl.bdss.reporting.contracts.domain.CommittedFigure;

/**
 * The NZa's yearly monitor of the title (R20), for one calendar year (a period belongs to the year it starts in;
 * periods never span two years). Every budget figure is a sum of the allocated periods of that year, from the same
 * rows as the committed sector load; nothing is pro-rated again here:
 * <ul>
 * <li>{@code totalBudgetAllDomainsCents}: the amounts of the year's allocated periods, all domains; it is the Zvw
 * budget plus the unfunded Zvw part plus the other domains' recorded shares;</li>
 * <li>{@code totalBudgetZvwCents}: the year's Zvw lines, what insurers pay; it equals the committed load summed over
 * the sectors, and per sector {@code budgetCents} equals that sector's committed load;</li>
 * <li>{@code unfundedZvwCents}: for a contract whose market shares are taken over all insurers in the area, the Zvw
 * part of the insurers that do not take part (R11): agreed but paid by no one, so shown on its own;</li>
 * <li>{@code otherDomains}: the other legal domains involved (Wmo, Jeugdwet, Wpg, Wlz, other) with their recorded
 * shares, never paid by insurers (R7), and the number of contracts per domain;</li>
 * <li>{@code sectors}: the Zvw sectors involved, with the contracts per sector, the budget and what was settled on
 * the sector's macro budget ({@code chargedCents}, R17, R18);</li>
 * <li>{@code contractCount}: the contracts with an allocated amount in the year; the insurers, the Zvw providers
 * and the contracts stating how double funding is prevented (R4, R22) are counted over those contracts' current
 * versions.</li>
 * </ul>
 * A contract whose allocation is still pending (insured counts missing) has no allocated periods yet and counts once
 * its allocation is complete.
 */
public record NzaMonitor(int year, long contractCount, long totalBudgetAllDomainsCents, long totalBudgetZvwCents,
        List<SectorFigures> sectors, long insurerCount, long providerCount, long chargedTotalCents,
        long unfundedZvwCents, List<DomainFigures> otherDomains, long doubleFundingMeasureContractCount) {

    /**
     * One Zvw sector in the monitor: how many contracts involve it, what was charged to its macro budget (settled)
     * and its budget in the year (the committed load).
     */
    public record SectorFigures(String sector, long contractCount, long chargedCents, long budgetCents) {
    }

    /** A legal domain other than Zvw: the contracts that record a share for it and the shares (R7), never paid. */
    public record DomainFigures(String domain, long contractCount, long recordedCents) {
    }

    /**
     * The contracts with an allocated amount in the year, and over their current versions: the insurers and Zvw
     * providers involved and how many state a double-funding measure (R4, R22).
     */
    public record Contracts(long count, long insurers, long providers, long statingDoubleFundingMeasure) {
    }

    public NzaMonitor {
        sectors = List.copyOf(sectors);
        otherDomains = List.copyOf(otherDomains);
        if (contractCount < 0 || insurerCount < 0 || providerCount < 0 || doubleFundingMeasureContractCount < 0
                || doubleFundingMeasureContractCount > contractCount) {
            throw new IllegalArgumentException("counts: never negative, and the contracts stating a double-funding"
                    + " measure are some of the contracts (R20, R22)");
        }
        if (totalBudgetZvwCents < 0 || unfundedZvwCents < 0) {
            throw new IllegalArgumentException("budgets: never negative (R20)");
        }
        long sectorBudgets = sectors.stream().mapToLong(SectorFigures::budgetCents).sum();
        if (sectorBudgets != totalBudgetZvwCents) {
            throw new IllegalArgumentException("totalBudgetZvwCents: the sum of the sectors' budgets " + sectorBudgets
                    + ", was " + totalBudgetZvwCents + " (R17, R20)");
        }
        long recorded = otherDomains.stream().mapToLong(DomainFigures::recordedCents).sum();
        if (totalBudgetAllDomainsCents != totalBudgetZvwCents + unfundedZvwCents + recorded) {
            throw new IllegalArgumentException("totalBudgetAllDomainsCents: the Zvw budget, the unfunded Zvw part and"
                    + " the other domains' shares add up to " + (totalBudgetZvwCents + unfundedZvwCents + recorded)
                    + ", was " + totalBudgetAllDomainsCents + " (R7, R20)");
        }
        long charged = sectors.stream().mapToLong(SectorFigures::chargedCents).sum();
        if (charged != chargedTotalCents) {
            throw new IllegalArgumentException("chargedTotalCents: the sum of the sectors' charged amounts " + charged
                    + ", was " + chargedTotalCents + " (R18)");
        }
    }

    /**
     * The monitor of a year from what the complete allocations commit per domain and Zvw sector, the unfunded Zvw
     * part, the settled load per sector and the contracts involved.
     */
    public static NzaMonitor of(int year, Contracts contracts, List<CommittedFigure> committed, long unfundedZvwCents,
            Map<String, Long> chargedPerSector) {
        SortedMap<String, CommittedFigure> zvw = new TreeMap<>();
        SortedMap<String, CommittedFigure> others = new TreeMap<>();
        for (CommittedFigure figure : committed) {
            SortedMap<String, CommittedFigure> target = figure.zvw() ? zvw : others;
            String key = figure.zvw() ? figure.sector() : figure.domain();
            if (target.put(key, figure) != null) {
                throw new IllegalArgumentException("committed: one figure per domain and Zvw sector, " + key + " twice");
            }
        }
        TreeSet<String> sectorNames = new TreeSet<>(chargedPerSector.keySet());
        zvw.forEach((sector, figure) -> {
            if (involved(figure)) {
                sectorNames.add(sector);
            }
        });
        List<SectorFigures> sectors = sectorNames.stream().map(sector -> {
            CommittedFigure figure = zvw.get(sector);
            return new SectorFigures(sector, figure == null ? 0 : figure.contractCount(),
                    chargedPerSector.getOrDefault(sector, 0L), figure == null ? 0 : figure.amountCents());
        }).toList();
        List<DomainFigures> otherDomains = others.values().stream().filter(NzaMonitor::involved)
                .map(figure -> new DomainFigures(figure.domain(), figure.contractCount(), figure.amountCents()))
                .toList();
        long zvwBudget = zvw.values().stream().mapToLong(CommittedFigure::amountCents).sum();
        long recorded = others.values().stream().mapToLong(CommittedFigure::amountCents).sum();
        return new NzaMonitor(year, contracts.count(), zvwBudget + unfundedZvwCents + recorded, zvwBudget, sectors,
                contracts.insurers(), contracts.providers(),
                chargedPerSector.values().stream().mapToLong(Long::longValue).sum(), unfundedZvwCents, otherDomains,
                contracts.statingDoubleFundingMeasure());
    }

    private static boolean involved(CommittedFigure figure) {
        return figure.contractCount() > 0 || figure.amountCents() > 0;
    }

    /**
     * The monitor as CSV rows (year, measure, sector, value), one line per figure; for the domain measures the third
     * column names the legal domain.
     */
    public List<List<Object>> rows() {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of(year, "contracts", "", contractCount));
        rows.add(List.of(year, "budgetAllDomainsCents", "", totalBudgetAllDomainsCents));
        rows.add(List.of(year, "budgetZvwCents", "", totalBudgetZvwCents));
        rows.add(List.of(year, "insurers", "", insurerCount));
        rows.add(List.of(year, "providers", "", providerCount));
        rows.add(List.of(year, "chargedTotalCents", "", chargedTotalCents));
        rows.add(List.of(year, "budgetUnfundedZvwCents", "", unfundedZvwCents));
        rows.add(List.of(year, "doubleFundingMeasureContracts", "", doubleFundingMeasureContractCount));
        for (SectorFigures sector : sectors) {
            rows.add(List.of(year, "sectorContracts", sector.sector(), sector.contractCount()));
            rows.add(List.of(year, "sectorChargedCents", sector.sector(), sector.chargedCents()));
            rows.add(List.of(year, "sectorBudgetCents", sector.sector(), sector.budgetCents()));
        }
        for (DomainFigures domain : otherDomains) {
            rows.add(List.of(year, "domainContracts", domain.domain(), domain.contractCount()));
            rows.add(List.of(year, "domainRecordedCents", domain.domain(), domain.recordedCents()));
        }
        return rows;
    }
}
