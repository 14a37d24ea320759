package nl.bdss.reporting.mbi.application;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import nl.bdss.reporting.mbi.application.AnnouncedAlerts.RaisedAlert;
import nl.bdss.reporting.mbi.application.AnnouncedAlerts.Watch;
import nl.bdss.reporting.mbi.domain.AlertAnnounced;
import nl.bdss.reporting.mbi.domain.LoadBasis;
import nl.bdss.reporting.mbi.domain.SectorYear;
import nl.bdss.reporting.operations.application.AfterRebuild;
import nl.bdss.reporting.operations.application.RebuildState;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Announces MBI alerts (R21) to downstream systems as MacroBudgetAlertRaised, once per crossing: the watch's
 * state is compared with the announced state, which a rebuild does not wipe, so an alert already announced is never
 * announced again, and versions per sector-year continue.
 */
@Component
public class AlertAnnouncements implements AfterRebuild {

    private final AnnouncedAlerts announced;
    private final AlertEvents events;
    private final RebuildState rebuild;
    private final Clock clock;

    AlertAnnouncements(AnnouncedAlerts announced, AlertEvents events, RebuildState rebuild, Clock clock) {
        this.announced = announced;
        this.events = events;
        this.rebuild = rebuild;
        this.clock = clock;
    }

    /** Runs in the transaction that stored the watch's new state (and the alert); nothing while a rebuild catches up. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean announce(SectorYear sectorYear, LoadBasis basis) {
        if (rebuild.inProgress()) {
            return false;
        }
        return compareAndAnnounce(new Watch(sectorYear, basis));
    }

    /** After a rebuild: crossings the rebuilt watch is in that were never announced; cleared ones are noted. */
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public int announceDifferences() {
        int count = 0;
        for (Watch watch : announced.watches()) {
            if (compareAndAnnounce(watch)) {
                count++;
            }
        }
        return count;
    }

    @Override
    public String announces() {
        return "alerts";
    }

    private boolean compareAndAnnounce(Watch watch) {
        boolean above = announced.above(watch);
        if (above == announced.lockAnnouncedAbove(watch)) {
            return false;
        }
        announced.setAnnouncedAbove(watch, above);
        if (!above) {
            return false;
        }
        RaisedAlert raised = announced.latestAlert(watch);
        long version = announced.nextVersion(watch.sectorYear());
        Instant now = clock.instant();
        AlertAnnounced alert = new AlertAnnounced(UUID.randomUUID(), now, watch.sectorYear(), version, watch.basis(),
                raised.loadCents(), raised.macroBudgetCents(), raised.shareBasisPoints(), raised.thresholdBasisPoints());
        announced.recordAnnounced(alert);
        events.publish(alert);
        return true;
    }
}
