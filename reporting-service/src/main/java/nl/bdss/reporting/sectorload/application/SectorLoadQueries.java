package nl.bdss.reporting.sectorload.application;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import nl.bdss.reporting.contracts.application.CommittedAmounts;
import nl.bdss.reporting.contracts.domain.CommittedFigure;
import nl.bdss.reporting.mbi.application.MbiWatch;
import nl.bdss.reporting.mbi.domain.LoadShare;
import nl.bdss.reporting.privacy.application.CellContracts;
import nl.bdss.reporting.privacy.domain.Audience;
import nl.bdss.reporting.privacy.domain.Partition;
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
 *
 * <p>These are sums over every insurer's contracts. An insurer is not shown a figure that rests on one or two
 * contracts it is not a party to (the small-cell rule, {@link Audience}): the settled figures of a sector
 * ({@code amountCents}, {@code version}, {@code loadShareBasisPoints}) and its committed ones ({@code committedCents},
 * {@code committedShareBasisPoints}) are withheld apart, each breakdown with its complement ({@link Partition}), so
 * neither the totals nor the other sectors give a withheld sector away; {@code totalCents} and {@code committedCents}
 * of the year are withheld when they themselves rest on too few other parties' contracts. A withheld figure is null
 * (the shares are left out, as when no macro budget is known) and the object holding it says
 * {@code "suppressed": true}; nothing else changes, and an operator's answer is as before.
 */
@Service
@Transactional(readOnly = true)
public class SectorLoadQueries {

    /** A sector's loads; {@code amountCents}, {@code version}, {@code committedCents} are null only when withheld. */
    public record SectorLoadView(String sector, @JsonInclude(JsonInclude.Include.ALWAYS) Long amountCents,
            @JsonInclude(JsonInclude.Include.ALWAYS) Long version,
            @JsonInclude(JsonInclude.Include.ALWAYS) Long committedCents, Long macroBudgetCents,
            Long loadShareBasisPoints, Long committedShareBasisPoints, String macroBudgetSource,
            LocalDate macroBudgetDate, Boolean suppressed) {
    }

    public record DomainAmount(String domain, @JsonInclude(JsonInclude.Include.ALWAYS) Long committedCents,
            Boolean suppressed) {
    }

    /** {@code suppressed}: true when any figure of the answer is withheld (null); absent otherwise. */
    public record SectorLoads(int year, int alertThresholdBasisPoints,
            @JsonInclude(JsonInclude.Include.ALWAYS) Long totalCents,
            @JsonInclude(JsonInclude.Include.ALWAYS) Long committedCents, List<SectorLoadView> sectors,
            List<DomainAmount> otherDomains, Boolean suppressed) {
    }

    private final SectorLoadReadings readings;
    private final MbiWatch watch;
    private final CommittedAmounts committedAmounts;
    private final CellContracts cellContracts;

    SectorLoadQueries(SectorLoadReadings readings, MbiWatch watch, CommittedAmounts committedAmounts,
            CellContracts cellContracts) {
        this.readings = readings;
        this.watch = watch;
        this.committedAmounts = committedAmounts;
        this.cellContracts = cellContracts;
    }

    /** The year's loads as {@code audience} is shown them. */
    public SectorLoads ofYear(int year, Audience audience) {
        Partition.Withheld<String> settledWithheld = audience.seesEverything() ? none()
                : new Partition<>(cellContracts.settledPerSector(year)).withheldFrom(audience);
        Partition.Withheld<String> committedWithheld = audience.seesEverything() ? none()
                : new Partition<>(cellContracts.committedPerSector(year)).withheldFrom(audience);
        Map<String, Set<String>> otherDomainContracts = audience.seesEverything() ? Map.of()
                : cellContracts.committedPerOtherDomain(year);
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
            boolean settledShown = !settledWithheld.cell(sector);
            boolean committedShown = !committedWithheld.cell(sector);
            return new SectorLoadView(sector, settledShown ? load.amountCents() : null,
                    settledShown ? load.version() : null, committedShown ? committedCents : null,
                    budget == null ? null : budget.amountCents(),
                    budget == null || !settledShown ? null
                            : new LoadShare(load.amountCents(), budget.amountCents()).basisPoints(),
                    budget == null || !committedShown ? null
                            : new LoadShare(committedCents, budget.amountCents()).basisPoints(),
                    budget == null ? null : budget.source(), budget == null ? null : budget.date(),
                    settledShown && committedShown ? null : Boolean.TRUE);
        }).toList();
        List<DomainAmount> otherDomains = committedFigures.stream().filter(figure -> !figure.zvw())
                .map(figure -> audience.withholds(otherDomainContracts.get(figure.domain()))
                        ? new DomainAmount(figure.domain(), null, Boolean.TRUE)
                        : new DomainAmount(figure.domain(), figure.amountCents(), null))
                .toList();
        long totalSettled = settled.values().stream().mapToLong(Settled::amountCents).sum();
        long totalCommitted = committed.values().stream().mapToLong(Long::longValue).sum();
        boolean anyWithheld = settledWithheld.any() || committedWithheld.any()
                || otherDomains.stream().anyMatch(domain -> domain.suppressed() != null);
        return new SectorLoads(year, watch.threshold().basisPoints(),
                settledWithheld.total() ? null : totalSettled, committedWithheld.total() ? null : totalCommitted,
                views, otherDomains, anyWithheld ? Boolean.TRUE : null);
    }

    private static Partition.Withheld<String> none() {
        return new Partition.Withheld<>(Set.of(), false);
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
