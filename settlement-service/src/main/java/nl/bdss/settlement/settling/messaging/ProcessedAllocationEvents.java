package nl.bdss.settlement.settling.messaging;

import java.util.UUID;
import nl.bdss.messaging.inbox.ProcessedEvents;
import nl.bdss.settlement.settling.application.AllocationInbox;
import org.springframework.stereotype.Component;

/** The allocation events applied, in the shared inbox table under this consumer's name. */
@Component
class ProcessedAllocationEvents implements AllocationInbox {

    static final String CONSUMER = "settlement-service.allocations";

    private final ProcessedEvents processedEvents;

    ProcessedAllocationEvents(ProcessedEvents processedEvents) {
        this.processedEvents = processedEvents;
    }

    @Override
    public boolean firstDelivery(UUID eventId) {
        return processedEvents.firstDelivery(CONSUMER, eventId);
    }
}
