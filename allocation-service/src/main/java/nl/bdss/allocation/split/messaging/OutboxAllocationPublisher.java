package nl.bdss.allocation.split.messaging;

import nl.bdss.allocation.split.application.AllocationPublisher;
import nl.bdss.allocation.split.application.StoredAllocation;
import nl.bdss.events.Topics;
import nl.bdss.messaging.outbox.Outbox;
import org.springframework.stereotype.Component;

/** An allocation as AllocationCalculated on the allocation topic, keyed by contract, through the outbox. */
@Component
class OutboxAllocationPublisher implements AllocationPublisher {

    private final Outbox outbox;

    OutboxAllocationPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void publish(StoredAllocation stored) {
        outbox.append(Topics.ALLOCATIONS, stored.contractId(), AllocationEvents.allocationCalculated(stored));
    }
}
