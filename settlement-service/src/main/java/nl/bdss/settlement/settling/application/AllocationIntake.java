package nl.bdss.settlement.settling.application;

import java.time.Clock;
import java.time.LocalDate;
import nl.bdss.kernel.time.Period;
import nl.bdss.settlement.riskequalisation.application.ServiceAreaCountStore;
import nl.bdss.settlement.settling.domain.CurrentAllocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies an allocation: idempotent per event id, ordered per contract (only a higher allocationVersion than the
 * one applied replaces it), and settles at once whatever of it is already due, in the same transaction. With
 * per-year shares the complete years are paid even when another year is PENDING; a pending year keeps the lines of
 * its last complete allocation (so the ledger invariants compare its booked periods with them) and is neither booked
 * nor corrected until it is complete again. The counts behind the allocation are kept per (contract,
 * allocationVersion) for risk equalisation (R19), even for a version that arrives after a newer one: settled money
 * may still stem from it.
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
        if (allocation.payable()) {
            // validates the allocation before anything is stored (periods within validity, one line per target)
            new CurrentAllocation(allocation.contractId(), allocation.allocationVersion(), allocation.validFrom(),
                    allocation.validUntil(), allocation.timing(), allocation.periods(),
                    allocation.pendingYears().keySet());
        }
        serviceAreaCounts.store(allocation.contractId(), allocation.allocationVersion(), allocation.serviceAreaCounts());
        var applied = store.lockHeader(allocation.contractId());
        if (applied.isPresent() && applied.get().allocationVersion() >= allocation.allocationVersion()) {
            log.info("Ignoring allocation v{} of contract {}: v{} is already applied", allocation.allocationVersion(),
                    allocation.contractId(), applied.get().allocationVersion());
            return;
        }
        store.saveHeader(allocation, clock.instant());
        // a year PENDING on its own keeps the lines of its last complete allocation: what was booked stays as it is
        store.replaceLines(allocation.contractId(), allocation.periods(), allocation.pendingYears().keySet(),
                new Period(allocation.validFrom(), allocation.validUntil()));
        store.savePendingYears(allocation.contractId(), allocation.pendingYears());
        store.savePayeeVat(allocation.contractId(), allocation.payeeVat());
        if (allocation.payable()) {
            settler.settle(allocation.contractId(), LocalDate.now(clock),
                    "AllocationCalculated " + allocation.eventId() + " (allocation v" + allocation.allocationVersion()
                            + ", contract v" + allocation.contractVersion() + ")",
                    "allocation-event");
        }
    }
}
