package nl.bdss.allocation.split.messaging;

import java.util.UUID;
import nl.bdss.allocation.split.application.ContractEventInbox;
import nl.bdss.messaging.inbox.ProcessedEvents;
import org.springframework.stereotype.Component;

/** The applied contract events, remembered in the shared processed_event table under this service's consumer name. */
@Component
class ProcessedContractEvents implements ContractEventInbox {

    /** The consumer name under which applied contract events are remembered. */
    private static final String CONSUMER = "allocation-service.contract-versions";

    private final ProcessedEvents processedEvents;

    ProcessedContractEvents(ProcessedEvents processedEvents) {
        this.processedEvents = processedEvents;
    }

    @Override
    public boolean firstDelivery(UUID eventId) {
        return processedEvents.firstDelivery(CONSUMER, eventId);
    }
}
