package nl.bdss.settlement.riskequalisation.application;

import java.time.Clock;
import java.util.List;
import java.util.OptionalLong;
import nl.bdss.settlement.riskequalisation.application.YearAttributionStore.Settled;
import nl.bdss.settlement.riskequalisation.domain.DistributionChoice;
import nl.bdss.settlement.riskequalisation.domain.SectorShare;
import nl.bdss.settlement.riskequalisation.domain.YearAttribution;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recomputes the stored attribution of a stale (insurer, service year) under the insurer's recorded key (R19), in
 * one transaction under the (insurer, year)'s PostgreSQL lock, so that several instances never compute the same year
 * at once. The stale marks it has seen are removed with the result; a mark added meanwhile (a booking committing
 * later) stays and brings the year back.
 */
@Service
public class YearAttributions {

    private final YearAttributionStore store;
    private final ChoiceStore choices;
    private final ServiceAreaCountStore counts;
    private final Clock clock;

    public YearAttributions(YearAttributionStore store, ChoiceStore choices, ServiceAreaCountStore counts, Clock clock) {
        this.store = store;
        this.choices = choices;
        this.counts = counts;
        this.clock = clock;
    }

    /**
     * @param wait whether to wait for the lock (a read) or to leave the year to whoever holds it (the timer)
     * @return whether this call recomputed it
     */
    @Transactional
    public boolean recomputeIfStale(String uzovi, int year, boolean wait) {
        if (!store.lock(uzovi, year, wait)) {
            return false;
        }
        OptionalLong through = store.staleThrough(uzovi, year);
        if (through.isEmpty()) {
            return false;
        }
        DistributionChoice choice = choices.find(uzovi, year).stream().findFirst()
                .map(ChoiceStore.Recorded::choice).orElse(null);
        Settled settled = store.settled(uzovi, year);
        List<SectorShare> shares = settled.shares().stream()
                .map(s -> new SectorShare(s.sector(), s.contractId(), s.allocationVersion(), s.amountCents(),
                        counts.of(s.contractId(), s.allocationVersion(), uzovi, year)))
                .toList();
        store.replace(YearAttribution.compute(uzovi, year, choice, settled.entryCount(), shares), clock.instant());
        store.clearStale(uzovi, year, through.getAsLong());
        return true;
    }
}
