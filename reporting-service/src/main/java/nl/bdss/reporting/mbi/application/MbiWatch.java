package nl.bdss.reporting.mbi.application;

import java.time.Clock;
import java.util.Optional;
import nl.bdss.reporting.ReportingProperties;
import nl.bdss.reporting.mbi.domain.Crossing;
import nl.bdss.reporting.mbi.domain.LoadBasis;
import nl.bdss.reporting.mbi.domain.LoadShare;
import nl.bdss.reporting.mbi.domain.SectorYear;
import nl.bdss.reporting.mbi.domain.Threshold;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The macro control instrument's watch (R21): after every change of a sector's load or macro budget, compares
 * the load with the threshold and stores an alert when it crosses it upwards, once per crossing; in the same
 * transaction the alert is announced to downstream systems (MacroBudgetAlertRaised).
 */
@Component
public class MbiWatch {

    private final WatchStore store;
    private final Threshold threshold;
    private final AlertAnnouncements announcements;
    private final Clock clock;

    MbiWatch(WatchStore store, ReportingProperties properties, AlertAnnouncements announcements, Clock clock) {
        this.store = store;
        this.announcements = announcements;
        this.threshold = new Threshold(properties.alertThresholdBasisPoints());
        this.clock = clock;
    }

    public Threshold threshold() {
        return threshold;
    }

    /** Runs inside the transaction of the change that may have moved the load. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Crossing evaluate(SectorYear sectorYear, LoadBasis basis, String cause) {
        long load = store.load(sectorYear, basis);
        Optional<Long> macroBudget = store.macroBudget(sectorYear);
        boolean isAbove = macroBudget.map(budget -> new LoadShare(load, budget).reaches(threshold)).orElse(false);
        boolean wasAbove = store.lockAbove(sectorYear, basis);
        Crossing crossing = Crossing.of(wasAbove, isAbove);
        if (crossing == Crossing.UNCHANGED) {
            announcements.announce(sectorYear, basis);
            return crossing;
        }
        store.setAbove(sectorYear, basis, isAbove);
        if (crossing == Crossing.RAISED) {
            store.raise(sectorYear, basis, new LoadShare(load, macroBudget.orElseThrow()), threshold, cause, clock.instant());
        }
        announcements.announce(sectorYear, basis);
        return crossing;
    }
}
