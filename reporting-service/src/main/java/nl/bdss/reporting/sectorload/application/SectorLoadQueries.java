package nl.bdss.reporting.sectorload.application;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
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
import nl.bdss.reporting.sectorload.domain.YearView;
import nl.bdss.reporting.serviceyear.application.ClosedYearFigures;
import nl.bdss.reporting.serviceyear.application.ClosedYearFigures.Closure;
import nl.bdss.reporting.serviceyear.application.ClosedYearFigures.ShownSplit;
import nl.bdss.reporting.serviceyear.domain.ClosedYear;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
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
 *
 * <p>That is the service-year view (the NZa monitor's): every amount counts in the year its period starts in. For a
 * closed service year it says so ({@code closed}, {@code closedAt}) and splits each sector's amount into the amount
 * as closed ({@code amountAtCloseCents}: the year's entries booked in it) and the later corrections
 * ({@code laterCorrectionsCents}: booked in a later year), which add up to {@code amountCents}; the split of a
 * withheld sector is withheld, and so is one whose parts rest on too few other parties' contracts
 * ({@link ClosedYearFigures}). The booking-year view ({@link #ofBookingYear}, the insurer's annual accounts) counts
 * every amount in the year it was booked in, per sector with a breakdown by the service years it belongs to.
 */
@Service
@Transactional(readOnly = true)
public class SectorLoadQueries {

    /**
     * A sector's loads; {@code amountCents}, {@code version}, {@code committedCents} are null only when withheld. The
     * split of a closed year ({@code amountAtCloseCents}, {@code laterCorrectionsCents}) is left out while the year is
     * open and empty (null in JSON) when withheld.
     */
    public record SectorLoadView(String sector, @JsonInclude(JsonInclude.Include.ALWAYS) Long amountCents,
            @JsonInclude(JsonInclude.Include.ALWAYS) Long version,
            @JsonInclude(JsonInclude.Include.ALWAYS) Long committedCents, Long macroBudgetCents,
            Long loadShareBasisPoints, Long committedShareBasisPoints, String macroBudgetSource,
            LocalDate macroBudgetDate, Optional<Long> amountAtCloseCents, Optional<Long> laterCorrectionsCents,
            Boolean suppressed) {
    }

    public record DomainAmount(String domain, @JsonInclude(JsonInclude.Include.ALWAYS) Long committedCents,
            Boolean suppressed) {
    }

    /**
     * {@code suppressed}: true when any figure of the answer is withheld (null); absent otherwise. {@code closed} and
     * {@code closedAt} only for a closed service year.
     */
    public record SectorLoads(int year, int alertThresholdBasisPoints,
            @JsonInclude(JsonInclude.Include.ALWAYS) Long totalCents,
            @JsonInclude(JsonInclude.Include.ALWAYS) Long committedCents, List<SectorLoadView> sectors,
            List<DomainAmount> otherDomains, Boolean closed, Instant closedAt, Boolean suppressed) {
    }

    /** What was booked in a sector in the booking year for one service year; null only when withheld. */
    public record ServiceYearAmount(int serviceYear, @JsonInclude(JsonInclude.Include.ALWAYS) Long amountCents,
            Boolean suppressed) {
    }

    /** What was booked in a sector in the booking year, by service year; {@code amountCents} null only when withheld. */
    public record BookedSector(String sector, @JsonInclude(JsonInclude.Include.ALWAYS) Long amountCents,
            List<ServiceYearAmount> byServiceYear, Boolean suppressed) {
    }

    /**
     * The booking-year view of a year: {@code view} is {@code booking}; {@code closed}, {@code closedAt} when the year
     * itself is closed as a service year.
     */
    public record BookedLoads(int year, String view, @JsonInclude(JsonInclude.Include.ALWAYS) Long totalCents,
            List<BookedSector> sectors, Boolean closed, Instant closedAt, Boolean suppressed) {
    }

    private final SectorLoadReadings readings;
    private final MbiWatch watch;
    private final CommittedAmounts committedAmounts;
    private final CellContracts cellContracts;
    private final ClosedYearFigures closedYears;

    SectorLoadQueries(SectorLoadReadings readings, MbiWatch watch, CommittedAmounts committedAmounts,
            CellContracts cellContracts, ClosedYearFigures closedYears) {
        this.readings = readings;
        this.watch = watch;
        this.committedAmounts = committedAmounts;
        this.cellContracts = cellContracts;
        this.closedYears = closedYears;
    }

    /**
     * The year's loads as {@code audience} is shown them, read in one snapshot (repeatable read), so a closed year's
     * split adds up to the loads while entries keep arriving.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public SectorLoads ofYear(int year, Audience audience) {
        Partition.Withheld<String> settledWithheld = audience.seesEverything() ? none()
                : new Partition<>(cellContracts.settledPerSector(year)).withheldFrom(audience);
        Partition.Withheld<String> committedWithheld = audience.seesEverything() ? none()
                : new Partition<>(cellContracts.committedPerSector(year)).withheldFrom(audience);
        Map<String, Set<String>> otherDomainContracts = audience.seesEverything() ? Map.of()
                : cellContracts.committedPerOtherDomain(year);
        Optional<Closure> closure = closedYears.ofYear(year, audience, settledWithheld);
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
            Optional<ShownSplit> split = closure.map(closed -> closed.of(sector));
            boolean splitShown = split.map(shown -> !shown.suppressed()).orElse(true);
            return new SectorLoadView(sector, settledShown ? load.amountCents() : null,
                    settledShown ? load.version() : null, committedShown ? committedCents : null,
                    budget == null ? null : budget.amountCents(),
                    budget == null || !settledShown ? null
                            : new LoadShare(load.amountCents(), budget.amountCents()).basisPoints(),
                    budget == null || !committedShown ? null
                            : new LoadShare(committedCents, budget.amountCents()).basisPoints(),
                    budget == null ? null : budget.source(), budget == null ? null : budget.date(),
                    split.map(shown -> Optional.ofNullable(shown.atCloseCents())).orElse(null),
                    split.map(shown -> Optional.ofNullable(shown.laterCorrectionsCents())).orElse(null),
                    settledShown && committedShown && splitShown ? null : Boolean.TRUE);
        }).toList();
        List<DomainAmount> otherDomains = committedFigures.stream().filter(figure -> !figure.zvw())
                .map(figure -> audience.withholds(otherDomainContracts.get(figure.domain()))
                        ? new DomainAmount(figure.domain(), null, Boolean.TRUE)
                        : new DomainAmount(figure.domain(), figure.amountCents(), null))
                .toList();
        long totalSettled = settled.values().stream().mapToLong(Settled::amountCents).sum();
        long totalCommitted = committed.values().stream().mapToLong(Long::longValue).sum();
        boolean anyWithheld = settledWithheld.any() || committedWithheld.any()
                || otherDomains.stream().anyMatch(domain -> domain.suppressed() != null)
                || views.stream().anyMatch(view -> view.suppressed() != null);
        return new SectorLoads(year, watch.threshold().basisPoints(),
                settledWithheld.total() ? null : totalSettled, committedWithheld.total() ? null : totalCommitted,
                views, otherDomains, closure.map(closed -> Boolean.TRUE).orElse(null),
                closure.map(closed -> closed.year().closedAt()).orElse(null), anyWithheld ? Boolean.TRUE : null);
    }

    /**
     * The booking-year view of {@code year} as {@code audience} is shown it: per sector what was booked in the year,
     * with the service years it belongs to (a correction of a closed year names that year). For an insurer each
     * sector's breakdown is withheld cell by cell with its complement ({@link Partition}), and also the part of a
     * closed service year whose split the service-year view withholds (it would give that split away); a sector
     * whose breakdown withholds anything is withheld as a whole (the service-year view of the year shows its own
     * part), then the sectors with their complement and the total as in the service-year view.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public BookedLoads ofBookingYear(int year, Audience audience) {
        Map<String, Map<Integer, Long>> booked = readings.booked(year);
        Map<Integer, ClosedYear> closed = closedYears.closedYears();
        Map<String, Partition.Withheld<Integer>> breakdownWithheld = new HashMap<>();
        Partition.Withheld<String> sectorsWithheld = none();
        if (!audience.seesEverything()) {
            Map<String, Map<Integer, Set<String>>> cells = cellContracts.bookedPerSectorAndServiceYear(year);
            Map<String, Set<Integer>> alsoWithheld = new TreeMap<>();
            Map<Integer, Set<String>> sectorsPerClosedYear = new TreeMap<>();
            booked.forEach((sector, perYear) -> perYear.keySet().stream().filter(closed::containsKey)
                    .forEach(serviceYear -> sectorsPerClosedYear.computeIfAbsent(serviceYear, key -> new TreeSet<>())
                            .add(sector)));
            sectorsPerClosedYear.forEach((serviceYear, sectors) ->
                    closedYears.splitsWithheld(serviceYear, audience, sectors).forEach(sector ->
                            alsoWithheld.computeIfAbsent(sector, key -> new TreeSet<>()).add(serviceYear)));
            Set<String> sectorsAlsoWithheld = new TreeSet<>();
            booked.keySet().forEach(sector -> {
                Partition.Withheld<Integer> withheld = new Partition<>(cells.getOrDefault(sector, Map.of()))
                        .withheldFrom(audience, alsoWithheld.getOrDefault(sector, Set.of()));
                breakdownWithheld.put(sector, withheld);
                if (withheld.any()) {
                    sectorsAlsoWithheld.add(sector);
                }
            });
            sectorsWithheld = new Partition<>(cellContracts.bookedPerSector(year)).withheldFrom(audience,
                    sectorsAlsoWithheld);
        }
        Partition.Withheld<String> sectorCells = sectorsWithheld;
        List<BookedSector> sectors = booked.entrySet().stream().map(sector -> {
            boolean sectorShown = !sectorCells.cell(sector.getKey());
            Partition.Withheld<Integer> cells = breakdownWithheld.getOrDefault(sector.getKey(), noYears());
            List<ServiceYearAmount> byServiceYear = sector.getValue().entrySet().stream()
                    .map(cell -> sectorShown && !cells.cell(cell.getKey())
                            ? new ServiceYearAmount(cell.getKey(), cell.getValue(), null)
                            : new ServiceYearAmount(cell.getKey(), null, Boolean.TRUE))
                    .toList();
            long amount = sector.getValue().values().stream().mapToLong(Long::longValue).sum();
            boolean anyCellWithheld = byServiceYear.stream().anyMatch(cell -> cell.suppressed() != null);
            return new BookedSector(sector.getKey(), sectorShown ? amount : null, byServiceYear,
                    sectorShown && !anyCellWithheld ? null : Boolean.TRUE);
        }).toList();
        long total = booked.values().stream().flatMap(perYear -> perYear.values().stream()).mapToLong(Long::longValue)
                .sum();
        boolean anyWithheld = sectorsWithheld.any() || sectors.stream().anyMatch(sector -> sector.suppressed() != null);
        ClosedYear closedYear = closed.get(year);
        return new BookedLoads(year, YearView.BOOKING.parameter(), sectorsWithheld.total() ? null : total, sectors,
                closedYear == null ? null : Boolean.TRUE, closedYear == null ? null : closedYear.closedAt(),
                anyWithheld ? Boolean.TRUE : null);
    }

    private static Partition.Withheld<Integer> noYears() {
        return new Partition.Withheld<>(Set.of(), false);
    }

    private static Partition.Withheld<String> none() {
        return new Partition.Withheld<>(Set.of(), false);
    }

    public List<Integer> years() {
        return readings.years();
    }

    /** Whether the service year is closed: then the service-year view of its own lines has the split. */
    public boolean closed(int year) {
        return closedYears.closed(year);
    }

    /**
     * The settled load per insurer and sector, {@code limit} rows from {@code offset}; with {@code onlyUzovi} (an
     * insurer's own, from its token) only that insurer's rows, else all. In the service-year view of a closed year
     * with the amount as closed and the later corrections; in the booking-year view one row per service year.
     */
    public List<InsurerLoad> byInsurer(int year, YearView view, String onlyUzovi, long limit, long offset) {
        List<InsurerLoad> rows = readings.byInsurer(year, view, onlyUzovi, limit, offset);
        return view == YearView.SERVICE && !closed(year) ? rows.stream().map(InsurerLoad::withoutSplit).toList() : rows;
    }

    public long insurerCount(int year, YearView view, String onlyUzovi) {
        return readings.insurerCount(year, view, onlyUzovi);
    }

    /**
     * The settled load per contract and sector; with {@code onlyUzovi} only that insurer's own lines, so only
     * contracts it is a party to and only its own share of them (the other insurers' shares follow from their
     * insured counts, which are theirs). Per view as {@link #byInsurer}.
     */
    public List<ContractLoad> byContract(int year, YearView view, String onlyUzovi, int page, int size) {
        List<ContractLoad> rows = readings.byContract(year, view, onlyUzovi, size, (long) page * size);
        return view == YearView.SERVICE && !closed(year) ? rows.stream().map(ContractLoad::withoutSplit).toList() : rows;
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
