package nl.bdss.reporting.monitor.application;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nl.bdss.reporting.monitor.domain.NzaMonitor;
import nl.bdss.reporting.serviceyear.application.ClosedYearFigures.Closure;
import nl.bdss.reporting.serviceyear.application.ClosedYearFigures.ShownSplit;

/**
 * The NZa monitor of a year as the caller is shown it, and for a closed year its close with each sector's charged
 * amount as closed and the later corrections ({@code closure} null while the year is open).
 */
public record ShownMonitor(NzaMonitor.Shown figures, Closure closure) {

    /**
     * The CSV rows (year, measure, sector, value): the monitor's, and for a closed year {@code closedAt} and per sector
     * {@code sectorChargedAtCloseCents} and {@code sectorLaterCorrectionsCents} (empty when withheld).
     */
    public List<List<Object>> rows() {
        List<List<Object>> rows = new ArrayList<>(figures.rows());
        if (closure != null) {
            int year = figures.year();
            rows.add(Arrays.asList(year, "closedAt", "", closure.year().closedAt()));
            for (NzaMonitor.ShownSector sector : figures.sectors()) {
                ShownSplit split = closure.of(sector.sector());
                rows.add(Arrays.asList(year, "sectorChargedAtCloseCents", sector.sector(), split.atCloseCents()));
                rows.add(Arrays.asList(year, "sectorLaterCorrectionsCents", sector.sector(),
                        split.laterCorrectionsCents()));
            }
        }
        return rows;
    }
}
