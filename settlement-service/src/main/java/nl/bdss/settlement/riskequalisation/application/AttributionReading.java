package nl.bdss.settlement.riskequalisation.application;

import java.util.List;
import nl.bdss.settlement.riskequalisation.application.YearAttributionStore.InsurerYear;
import nl.bdss.settlement.riskequalisation.application.YearAttributionStore.Stored;
import org.springframework.stereotype.Service;

/** Reads stored attributions of a year, recomputing first whatever of them is stale (R19). */
@Service
public class AttributionReading {

    private static final int MAX_RECOMPUTED_PER_READ = 10_000;

    private final YearAttributionStore store;
    private final YearAttributions attributions;

    public AttributionReading(YearAttributionStore store, YearAttributions attributions) {
        this.store = store;
        this.attributions = attributions;
    }

    /** @param uzovi the insurer, or null for every insurer (an operator) */
    public List<Stored> of(String uzovi, int year) {
        for (InsurerYear stale : store.stale(uzovi, year, MAX_RECOMPUTED_PER_READ)) {
            attributions.recomputeIfStale(stale.uzovi(), stale.year(), true);
        }
        return store.find(uzovi, year);
    }
}
