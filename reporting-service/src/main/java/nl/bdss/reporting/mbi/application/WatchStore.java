package nl.bdss.reporting.mbi.application;

import java.time.Instant;
import java.util.Optional;
import nl.bdss.reporting.mbi.domain.LoadBasis;
import nl.bdss.reporting.mbi.domain.LoadShare;
import nl.bdss.reporting.mbi.domain.SectorYear;
import nl.bdss.reporting.mbi.domain.Threshold;

/** What the MBI watch reads and stores per sector-year and basis (port): the loads, the budgets, the watch, the alerts. */
public interface WatchStore {

    /** The settled or the committed load of the sector-year, 0 when it has none. */
    long load(SectorYear sectorYear, LoadBasis basis);

    Optional<Long> macroBudget(SectorYear sectorYear);

    /** Whether the watch was at or above the threshold; locks the watch's row for the rest of the transaction. */
    boolean lockAbove(SectorYear sectorYear, LoadBasis basis);

    void setAbove(SectorYear sectorYear, LoadBasis basis, boolean above);

    /** Stores an alert for an upward crossing (R21). */
    void raise(SectorYear sectorYear, LoadBasis basis, LoadShare share, Threshold threshold, String cause, Instant raisedAt);
}
