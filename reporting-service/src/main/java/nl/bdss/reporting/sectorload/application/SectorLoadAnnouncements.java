package nl.bdss.reporting.sectorload.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import nl.bdss.reporting.mbi.domain.SectorYear;
import nl.bdss.reporting.operations.application.AfterRebuild;
import nl.bdss.reporting.operations.application.RebuildState;
import nl.bdss.reporting.sectorload.application.PublishedLoads.Published;
import nl.bdss.reporting.sectorload.domain.SectorLoadAnnounced;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells downstream finance systems about sector-load changes (R17, R18) by comparing the read model with what
 * was last published, which a rebuild does not wipe. So versions never restart, the delta is always relative to the
 * last published total, and a rebuild of unchanged data publishes nothing.
 */
@Component
public class SectorLoadAnnouncements implements AfterRebuild {

    static final String REBUILD_CAUSE = "rebuild from offset 0";

    private final PublishedLoads loads;
    private final SectorLoadEvents events;
    private final RebuildState rebuild;
    private final Clock clock;

    SectorLoadAnnouncements(PublishedLoads loads, SectorLoadEvents events, RebuildState rebuild, Clock clock) {
        this.loads = loads;
        this.events = events;
        this.rebuild = rebuild;
        this.clock = clock;
    }

    /** Publishes the sector-year's load if it differs from the last published; nothing while a rebuild catches up. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean announce(SectorYear sectorYear, String cause) {
        if (rebuild.inProgress()) {
            return false;
        }
        return compareAndPublish(sectorYear, cause);
    }

    /** After a rebuild: every sector-year whose rebuilt total differs from the last published one. */
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public int announceDifferences() {
        int published = 0;
        for (SectorYear sectorYear : loads.sectorYears()) {
            if (compareAndPublish(sectorYear, REBUILD_CAUSE)) {
                published++;
            }
        }
        return published;
    }

    @Override
    public String announces() {
        return "sector-load changes";
    }

    private boolean compareAndPublish(SectorYear sectorYear, String cause) {
        long total = loads.total(sectorYear);
        Optional<Published> last = loads.lockLastPublished(sectorYear);
        long lastTotal = last.map(Published::totalCents).orElse(0L);
        if (total == lastTotal) {
            return false;
        }
        long version = last.map(Published::version).orElse(0L) + 1;
        Instant now = clock.instant();
        loads.recordPublished(sectorYear, version, total, now);
        events.publish(new SectorLoadAnnounced(UUID.randomUUID(), now, sectorYear, version, total, total - lastTotal, cause));
        return true;
    }
}
