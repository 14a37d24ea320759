package nl.bdss.reporting.sectorload.application;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.bdss.reporting.contracts.application.CommittedAmounts;
import nl.bdss.reporting.contracts.domain.CommittedFigure;
import nl.bdss.reporting.mbi.application.MbiWatch;
import nl.bdss.reporting.mbi.domain.LoadShare;
import nl.bdss.reporting.sectorload.application.SectorLoadReadings.ContractLoad;
import nl.bdss.reporting.sectorload.application.SectorLoadReadings.InsurerLoad;
import nl.bdss.reporting.sectorload.application.SectorLoadReadings.MacroFigure;
import nl.bdss.reporting.sectorload.application.SectorLoadReadings.PeriodSettlement;
import nl.bdss.reporting.sectorload.application.SectorLoadReadings.Settled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the sector loads of a year, with the committed projection and the macro budgets (R17, R18, R21). The committed
 * figures come from {@link CommittedAmounts}, as the NZa monitor's budgets do.
 */
@Service
@Transactional(readOnly = true)
public class SectorLoadQueries {

    public record SectorLoadView(String sector, long amountCents, long version, long committedCents,
            Long macroBudgetCents, Long loadShareBasisPoints, Long committedShareBasisPoints, String macroBudgetSource,
            LocalDate macroBudgetDate) {
    }

    public record DomainAmount(String domain, long committedCents) {
    }

    public record SectorLoads(int year, int alertThresholdBasisPoints, long totalCents, long committedCents,
            List<SectorLoadView> sectors, List<DomainAmount> otherDomains) {
    }

    private final SectorLoadReadings readings;
    private final MbiWatch watch;
    private final CommittedAmounts committedAmounts;

    SectorLoadQueries(SectorLoadReadings readings, MbiWatch watch, CommittedAmounts committedAmounts) {
        this.readings = readings;
        this.watch = watch;
        this.committedAmounts = committedAmounts;
    }

    public SectorLoads ofYear(int year) {
        Map<String, Settled> settled = readings.settled(year);
        List<CommittedFigure> committedFigures = committedAmounts.ofYear(year);
        Map<String, Long> committed = new TreeMap<>();
        committedFigures.stream().filter(CommittedFigure::zvw)
                .forEach(figure -> committed.put(figure.sector(), figure.amountCents()));
        Map<String, MacroFigure> macro = readings.macroBudgets(year);
        TreeMap<String, Boolean> sectors = new TreeMap<>();
        settled.keySet().forEach(sector -> sectors.put(sector, true));
        committed.keySet().forEach(sector -> sectors.put(sector, true));
        macro.keySet().forEach(sector -> sectors.put(sector, true));
        List<SectorLoadView> views = sectors.keySet().stream().map(sector -> {
            Settled load = settled.getOrDefault(sector, new Settled(0, 0));
            long committedCents = committed.getOrDefault(sector, 0L);
            MacroFigure budget = macro.get(sector);
            return new SectorLoadView(sector, load.amountCents(), load.version(), committedCents,
                    budget == null ? null : budget.amountCents(),
                    budget == null ? null : new LoadShare(load.amountCents(), budget.amountCents()).basisPoints(),
                    budget == null ? null : new LoadShare(committedCents, budget.amountCents()).basisPoints(),
                    budget == null ? null : budget.source(), budget == null ? null : budget.date());
        }).toList();
        List<DomainAmount> otherDomains = committedFigures.stream().filter(figure -> !figure.zvw())
                .map(figure -> new DomainAmount(figure.domain(), figure.amountCents())).toList();
        return new SectorLoads(year, watch.threshold().basisPoints(),
                views.stream().mapToLong(SectorLoadView::amountCents).sum(),
                views.stream().mapToLong(SectorLoadView::committedCents).sum(), views, otherDomains);
    }

    public List<Integer> years() {
        return readings.years();
    }

    /**
     * The settled load per insurer and sector, {@code limit} rows from {@code offset}; with {@code onlyUzovi} (an
     * insurer's own, from its token) only that insurer's rows, else all.
     */
    public List<InsurerLoad> byInsurer(int year, String onlyUzovi, long limit, long offset) {
        return readings.byInsurer(year, onlyUzovi, limit, offset);
    }

    public long insurerCount(int year, String onlyUzovi) {
        return readings.insurerCount(year, onlyUzovi);
    }

    /**
     * The settled load per contract and sector; with {@code onlyUzovi} only that insurer's own lines, so only
     * contracts it is a party to and only its own share of them (the other insurers' shares follow from their
     * insured counts, which are theirs).
     */
    public List<ContractLoad> byContract(int year, String onlyUzovi, int page, int size) {
        return readings.byContract(year, onlyUzovi, size, (long) page * size);
    }

    /**
     * The settled amounts per period and sector, {@code limit} rows from {@code offset}; with {@code onlyUzovi}
     * only that insurer's own lines.
     */
    public List<PeriodSettlement> settlementsByPeriod(int year, String onlyUzovi, long limit, long offset) {
        return readings.settlementsByPeriod(year, onlyUzovi, limit, offset);
    }

    public long periodCount(int year, String onlyUzovi) {
        return readings.periodCount(year, onlyUzovi);
    }
}
