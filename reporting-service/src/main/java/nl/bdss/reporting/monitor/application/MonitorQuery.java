package nl.bdss.reporting.monitor.application;

import java.util.Set;
import java.util.stream.Collectors;
import nl.bdss.reporting.contracts.application.CommittedAmounts;
import nl.bdss.reporting.monitor.domain.NzaMonitor;
import nl.bdss.reporting.privacy.application.CellContracts;
import nl.bdss.reporting.privacy.domain.Audience;
import nl.bdss.reporting.privacy.domain.Partition;
import nl.bdss.reporting.serviceyear.application.ClosedYearFigures;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the yearly monitor (R20) from the read models: the year's budgets from what the complete allocations commit
 * ({@link CommittedAmounts}, the source of the committed sector load too) and the unfunded Zvw part beside it, the
 * settled load per sector (what was actually charged to the macro budgets), and the current versions of the
 * contracts with an allocated amount in the year. See {@link NzaMonitor} for what each figure means. All of it is
 * read in one snapshot (repeatable read), so the figures fit together while allocations keep arriving. An insurer is
 * not shown the figures that rest on one or two contracts of other parties ({@link NzaMonitor#shownTo}).
 *
 * <p>The monitor is the service-year view: every amount counts in the year its period starts in. For a closed year
 * it adds per sector what was charged as closed and the later corrections ({@link ClosedYearFigures}), withheld
 * where the sector's charged amount is or where either part rests on too few other parties' contracts.
 */
@Service
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
public class MonitorQuery {

    private final MonitorReadings readings;
    private final CommittedAmounts committed;
    private final CellContracts cellContracts;
    private final ClosedYearFigures closedYears;

    MonitorQuery(MonitorReadings readings, CommittedAmounts committed, CellContracts cellContracts,
            ClosedYearFigures closedYears) {
        this.readings = readings;
        this.committed = committed;
        this.cellContracts = cellContracts;
        this.closedYears = closedYears;
    }

    public NzaMonitor ofYear(int year) {
        long unfunded = readings.unfunded(year);
        return NzaMonitor.of(year, readings.contracts(year), committed.ofYear(year), unfunded,
                readings.chargedPerSector(year));
    }

    /** The year's monitor as {@code audience} is shown it, read in the same snapshot as its cells. */
    public ShownMonitor ofYear(int year, Audience audience) {
        NzaMonitor monitor = ofYear(year);
        NzaMonitor.Cells cells = audience.seesEverything() ? null : new NzaMonitor.Cells(cellContracts.allocated(year),
                cellContracts.committedPerSector(year), cellContracts.settledPerSector(year),
                cellContracts.committedPerOtherDomain(year), cellContracts.unfunded(year));
        NzaMonitor.Shown shown = monitor.shownTo(audience, cells);
        Set<String> chargedWithheld = shown.sectors().stream().filter(sector -> sector.chargedCents() == null)
                .map(NzaMonitor.ShownSector::sector).collect(Collectors.toSet());
        return new ShownMonitor(shown, closedYears.ofYear(year, audience,
                new Partition.Withheld<>(chargedWithheld, false)).orElse(null));
    }
}
