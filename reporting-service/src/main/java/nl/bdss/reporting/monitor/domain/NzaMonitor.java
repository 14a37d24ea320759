package nl.bdss.reporting.monitor.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import nl.bdss.reporting.contracts.domain.CommittedFigure;
import nl.bdss.reporting.privacy.domain.Audience;
import nl.bdss.reporting.privacy.domain.Partition;

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
        return whole().rows();
    }

    /** Every figure, nothing withheld: what an operator is shown. */
    private Shown whole() {
        return new Shown(year, contractCount, totalBudgetAllDomainsCents, totalBudgetZvwCents,
                sectors.stream().map(s -> new ShownSector(s.sector(), s.contractCount(), s.chargedCents(),
                        s.budgetCents(), false)).toList(),
                insurerCount, providerCount, chargedTotalCents, unfundedZvwCents,
                otherDomains.stream().map(d -> new ShownDomain(d.domain(), d.contractCount(), d.recordedCents(),
                        false)).toList(),
                doubleFundingMeasureContractCount, false);
    }

    // What an insurer is shown (small cells, issue 14)

    /**
     * The contracts the monitor's figures rest on: the year's allocated contracts (the counts), per Zvw sector the
     * contracts with a committed amount (budget, contracts) and with settled entries (charged), per other domain the
     * contracts recording a share, and the contracts with an unfunded part.
     */
    public record Cells(Set<String> allocated, Map<String, Set<String>> committedPerSector,
            Map<String, Set<String>> settledPerSector, Map<String, Set<String>> otherDomains, Set<String> unfunded) {
    }

    /** A sector as shown: a withheld figure is null and {@code suppressed} true. */
    public record ShownSector(String sector, Long contractCount, Long chargedCents, Long budgetCents,
            boolean suppressed) {
    }

    /** An other domain as shown: a withheld figure is null and {@code suppressed} true. */
    public record ShownDomain(String domain, Long contractCount, Long recordedCents, boolean suppressed) {
    }

    /** The monitor as shown to an audience: the same figures, each null when withheld; {@code suppressed} if any is. */
    public record Shown(int year, Long contractCount, Long totalBudgetAllDomainsCents, Long totalBudgetZvwCents,
            List<ShownSector> sectors, Long insurerCount, Long providerCount, Long chargedTotalCents,
            Long unfundedZvwCents, List<ShownDomain> otherDomains, Long doubleFundingMeasureContractCount,
            boolean suppressed) {

        public Shown {
            sectors = List.copyOf(sectors);
            otherDomains = List.copyOf(otherDomains);
        }

        /** The CSV rows (year, measure, sector, value); a withheld figure has an empty value. */
        public List<List<Object>> rows() {
            List<List<Object>> rows = new ArrayList<>();
            rows.add(Arrays.asList(year, "contracts", "", contractCount));
            rows.add(Arrays.asList(year, "budgetAllDomainsCents", "", totalBudgetAllDomainsCents));
            rows.add(Arrays.asList(year, "budgetZvwCents", "", totalBudgetZvwCents));
            rows.add(Arrays.asList(year, "insurers", "", insurerCount));
            rows.add(Arrays.asList(year, "providers", "", providerCount));
            rows.add(Arrays.asList(year, "chargedTotalCents", "", chargedTotalCents));
            rows.add(Arrays.asList(year, "budgetUnfundedZvwCents", "", unfundedZvwCents));
            rows.add(Arrays.asList(year, "doubleFundingMeasureContracts", "", doubleFundingMeasureContractCount));
            for (ShownSector sector : sectors) {
                rows.add(Arrays.asList(year, "sectorContracts", sector.sector(), sector.contractCount()));
                rows.add(Arrays.asList(year, "sectorChargedCents", sector.sector(), sector.chargedCents()));
                rows.add(Arrays.asList(year, "sectorBudgetCents", sector.sector(), sector.budgetCents()));
            }
            for (ShownDomain domain : otherDomains) {
                rows.add(Arrays.asList(year, "domainContracts", domain.domain(), domain.contractCount()));
                rows.add(Arrays.asList(year, "domainRecordedCents", domain.domain(), domain.recordedCents()));
            }
            return rows;
        }
    }

    /**
     * The monitor as {@code audience} is shown it. Every figure here is a sum over every insurer's contracts, so an
     * insurer is not shown one that rests on one or two contracts it is not a party to:
     * <ul>
     * <li>the counts ({@code contractCount}, {@code insurerCount}, {@code providerCount},
     * {@code doubleFundingMeasureContractCount}) rest on the year's allocated contracts;</li>
     * <li>per sector, {@code budgetCents} and {@code contractCount} on its committed contracts and
     * {@code chargedCents} on its settled ones, each breakdown withheld with its complement ({@link Partition}) as
     * in the sector loads, so the totals do not give a withheld sector away; {@code totalBudgetZvwCents} and
     * {@code chargedTotalCents} are withheld when they themselves rest on too few;</li>
     * <li>each other domain on the contracts recording a share for it, {@code unfundedZvwCents} on the contracts
     * with an unfunded part, and {@code totalBudgetAllDomainsCents}, their sum with the Zvw budget, is withheld when
     * any of its parts is.</li>
     * </ul>
     */
    public Shown shownTo(Audience audience, Cells cells) {
        if (audience.seesEverything()) {
            return whole();
        }
        boolean counts = !audience.withholds(cells.allocated());
        Partition.Withheld<String> budgets = new Partition<>(cells.committedPerSector()).withheldFrom(audience);
        Partition.Withheld<String> charged = new Partition<>(cells.settledPerSector()).withheldFrom(audience);
        List<ShownSector> shownSectors = sectors.stream().map(s -> {
            boolean budget = !budgets.cell(s.sector());
            boolean charge = !charged.cell(s.sector());
            return new ShownSector(s.sector(), budget ? s.contractCount() : null, charge ? s.chargedCents() : null,
                    budget ? s.budgetCents() : null, !budget || !charge);
        }).toList();
        List<ShownDomain> shownDomains = otherDomains.stream().map(d -> audience.withholds(
                        cells.otherDomains().get(d.domain()))
                ? new ShownDomain(d.domain(), null, null, true)
                : new ShownDomain(d.domain(), d.contractCount(), d.recordedCents(), false)).toList();
        boolean zvw = !budgets.total();
        boolean unfunded = !audience.withholds(cells.unfunded());
        boolean allDomains = zvw && unfunded && shownDomains.stream().noneMatch(ShownDomain::suppressed);
        boolean suppressed = !counts || budgets.any() || charged.any() || !unfunded || !allDomains;
        return new Shown(year, counts ? contractCount : null, allDomains ? totalBudgetAllDomainsCents : null,
                zvw ? totalBudgetZvwCents : null, shownSectors, counts ? insurerCount : null,
                counts ? providerCount : null, charged.total() ? null : chargedTotalCents,
                unfunded ? unfundedZvwCents : null, shownDomains,
                counts ? doubleFundingMeasureContractCount : null, suppressed);
    }
}
