package nl.bdss.settlement.riskequalisation.application;

import nl.bdss.settlement.riskequalisation.application.YearAttributionStore.InsurerYear;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Recomputes, at a configurable interval, the stored attribution of every stale (insurer, year), each in its own
 * transaction under that year's PostgreSQL lock: a year another instance (or a read) is computing is left to it.
 */
@Component
@ConditionalOnProperty(name = "bdss.settlement.attribution-recompute-enabled", havingValue = "true", matchIfMissing = true)
class AttributionRecomputeScheduler {

    private static final Logger log = LoggerFactory.getLogger(AttributionRecomputeScheduler.class);
    private static final int BATCH = 500;

    private final YearAttributionStore store;
    private final YearAttributions attributions;

    AttributionRecomputeScheduler(YearAttributionStore store, YearAttributions attributions) {
        this.store = store;
        this.attributions = attributions;
    }

    @Scheduled(fixedDelayString = "${bdss.settlement.attribution-interval-ms:60000}",
            initialDelayString = "${bdss.settlement.attribution-interval-ms:60000}")
    void recomputeStale() {
        int recomputed = 0;
        for (InsurerYear stale : store.stale(null, null, BATCH)) {
            if (attributions.recomputeIfStale(stale.uzovi(), stale.year(), false)) {
                recomputed++;
            }
        }
        if (recomputed > 0) {
            log.info("Recomputed the risk-equalisation attribution of {} (insurer, year)s", recomputed);
        }
    }
}
