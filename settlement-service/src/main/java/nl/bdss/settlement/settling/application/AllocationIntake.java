package nl.bdss.settlement.settling.application;

import java.time.Clock;
import java.time.LocalDate;
import nl.bdss.settlement.riskequalisation.application.ServiceAreaCountStore;
import nl.bdss.settlement.settling.domain.CurrentAllocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies an allocation: idempotent per event id, ordered per contract (only a higher allocationVersion than the
 * one applied replaces it), and settles at once whatever of it is already due, in the same transaction. The counts
 * behind the allocation are kept per (contract, allocationVersion) for risk equalisation (R19), even for a version
 * that arrives after a newer one: settled money may still stem from it.
 */
@Service
public class AllocationIntake {

    private static final Logger log = LoggerFactory.getLogger(AllocationIntake.class);

    private final AllocationInbox inbox;
    private final SettlementStore store;
    private final Settler settler;
    private final ServiceAreaCountStore serviceAreaCounts;
    private final Clock clock;

    public AllocationIntake(AllocationInbox inbox, SettlementStore store, Settler settler,
            ServiceAreaCountStore serviceAreaCounts, Clock clock) {
        this.inbox = inbox;
        this.store = store;
        this.settler = settler;
        this.serviceAreaCounts = serviceAreaCounts;
        this.clock = clock;
    }

    @Transactional
    public void apply(AllocationReceived allocation) {
        if (!inbox.firstDelivery(allocation.eventId())) {
            log.debug("Allocation event {} already applied", allocation.eventId());
            return;
        }
        if (allocation.complete()) {
            // validates the allocation before anything is stored (periods within validity, one line per target)
            new CurrentAllocation(allocation.contractId(), allocation.allocationVersion(), allocation.validFrom(),
                    allocation.validUntil(), allocation.timing(), allocation.periods());
        }
        serviceAreaCounts.store(allocation.contractId(), allocation.allocationVersion(), allocation.serviceAreaCounts());
        var applied = store.lockHeader(allocation.contractId());
        if (applied.isPresent() && applied.get().allocationVersion() >= allocation.allocationVersion()) {
            log.info("Ignoring allocation v{} of contract {}: v{} is already applied", allocation.allocationVersion(),
                    allocation.contractId(), applied.get().allocationVersion());
            return;
        }
        store.saveHeader(allocation, clock.instant());
        store.replaceLines(allocation.contractId(), allocation.periods());
        if (allocation.complete()) {
            settler.settle(allocation.contractId(), LocalDate.now(clock),
                    "AllocationCalculated " + allocation.eventId() + " (allocation v" + allocation.allocationVersion()
                            + ", contract v" + allocation.contractVersion() + ")",
                    "allocation-event");
        }
    }
}
