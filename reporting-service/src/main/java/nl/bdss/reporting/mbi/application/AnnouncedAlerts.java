package nl.bdss.reporting.mbi.application;

import java.util.List;
import nl.bdss.reporting.mbi.domain.AlertAnnounced;
import nl.bdss.reporting.mbi.domain.LoadBasis;
import nl.bdss.reporting.mbi.domain.SectorYear;

/**
 * What downstream systems were told about the MBI watch (port): per watch whether its crossing was announced, and
 * every alert announced. A rebuild never wipes it, so nothing is announced twice and versions continue.
 */
public interface AnnouncedAlerts {

    /** One watch: a sector-year measured on one basis. */
    record Watch(SectorYear sectorYear, LoadBasis basis) {
    }

    /** The latest alert the watch stored for a crossing. */
    record RaisedAlert(long loadCents, long macroBudgetCents, long shareBasisPoints, int thresholdBasisPoints) {
    }

    /** Every watch that has a state or an announced state, in year, sector and basis order. */
    List<Watch> watches();

    /** Whether the watch is at or above the threshold now. */
    boolean above(Watch watch);

    /** Whether the watch's crossing was announced; locks the announced state for the rest of the transaction. */
    boolean lockAnnouncedAbove(Watch watch);

    void setAnnouncedAbove(Watch watch, boolean above);

    RaisedAlert latestAlert(Watch watch);

    /** The next announcement version of the sector-year; holds a lock on it for the rest of the transaction. */
    long nextVersion(SectorYear sectorYear);

    void recordAnnounced(AlertAnnounced alert);
}
