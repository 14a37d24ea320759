package nl.bdss.reporting.mbi.application;

import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import nl.bdss.reporting.mbi.domain.LoadBasis;
import nl.bdss.reporting.mbi.domain.SectorYear;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The committed Zvw load per sector-year (R18, R21) as a running total. Changes are collected for the whole
 * transaction (one allocation, or a poll batch of them) and applied just before it commits: one update and one
 * MBI evaluation per sector-year, in sector-year order, so concurrent transactions lock the same rows in the same
 * order and cannot deadlock.
 */
@Component
public class CommittedLoads {

    private static final Comparator<SectorYear> ORDER = Comparator.comparing(SectorYear::sector).thenComparing(SectorYear::year);

    private final CommittedLoadStore store;
    private final MbiWatch mbiWatch;

    CommittedLoads(CommittedLoadStore store, MbiWatch mbiWatch) {
        this.store = store;
        this.mbiWatch = mbiWatch;
    }

    private record Change(long deltaCents, String cause) {
    }

    /** Adds a (possibly zero) change of the sector-year's committed load to the current transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void change(SectorYear sectorYear, long deltaCents, String cause) {
        pending().merge(sectorYear, new Change(deltaCents, cause),
                (before, now) -> new Change(before.deltaCents() + now.deltaCents(), now.cause()));
    }

    @SuppressWarnings("unchecked")
    private Map<SectorYear, Change> pending() {
        Map<SectorYear, Change> pending = (Map<SectorYear, Change>) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            Map<SectorYear, Change> created = new TreeMap<>(ORDER);
            TransactionSynchronizationManager.bindResource(this, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    apply(created);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(CommittedLoads.this);
                }
            });
            pending = created;
        }
        return pending;
    }

    private void apply(Map<SectorYear, Change> changes) {
        changes.forEach((sectorYear, change) -> {
            if (change.deltaCents() != 0) {
                store.add(sectorYear, change.deltaCents());
            }
            mbiWatch.evaluate(sectorYear, LoadBasis.COMMITTED, change.cause());
        });
        changes.clear();
    }
}
