package nl.bdss.reporting.contracts.application;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import nl.bdss.reporting.contracts.domain.AllocationSnapshot;
import nl.bdss.reporting.mbi.application.CommittedLoads;
import nl.bdss.reporting.mbi.domain.SectorYear;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps each contract's latest allocation and the amounts its latest complete allocation commits per year,
 * domain and Zvw sector (R7, R17), with the Zvw part per year that no insurer pays (R11, market shares over all
 * insurers). A newer complete allocation replaces the contract's figures; an older or repeated one changes nothing;
 * a pending one is shown as pending and leaves the figures as they were. These rows are the only source of a year's
 * budgets: the committed sector load and the NZa monitor (R20) both read them.
 */
@Service
public class AllocationProjection {

    static final String CONSUMER = "reporting-service.allocations";

    private final AllocationStore store;
    private final Inbox inbox;
    private final CommittedLoads committedLoads;

    AllocationProjection(AllocationStore store, Inbox inbox, CommittedLoads committedLoads) {
        this.store = store;
        this.inbox = inbox;
        this.committedLoads = committedLoads;
    }

    @Transactional
    public boolean apply(UUID eventId, Instant occurredAt, AllocationSnapshot allocation) {
        if (!inbox.firstDelivery(CONSUMER, eventId)) {
            return false;
        }
        Optional<Integer> known = store.lockVersion(allocation.contractId());
        if (known.isPresent() && known.get() >= allocation.allocationVersion()) {
            return false;
        }
        store.upsert(allocation, occurredAt);
        if (!allocation.complete()) {
            return true;
        }
        String cause = "allocation " + allocation.contractId() + " v" + allocation.allocationVersion();
        // the contract's previous Zvw amounts leave the committed loads, the new ones enter them
        store.removeCommitted(allocation.contractId())
                .forEach(removed -> committedLoads.change(removed.sectorYear(), -removed.amountCents(), cause));
        allocation.committedByYear().forEach((key, amount) -> store.addCommitted(allocation.contractId(), key, amount));
        allocation.zvwByYear().forEach((key, amount) ->
                committedLoads.change(new SectorYear(key.sector(), key.year()), amount, cause));
        // the Zvw part no insurer pays (R11) is kept beside the committed amounts and loads no sector
        store.replaceUnfunded(allocation.contractId(), allocation.unfundedByYear());
        return true;
    }
}
