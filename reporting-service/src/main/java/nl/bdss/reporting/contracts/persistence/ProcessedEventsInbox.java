package nl.bdss.reporting.contracts.persistence;

import java.util.UUID;
import nl.bdss.messaging.inbox.ProcessedEvents;
import nl.bdss.reporting.contracts.application.Inbox;
import org.springframework.stereotype.Repository;

/** The inbox in {@code processed_event}. */
@Repository
class ProcessedEventsInbox implements Inbox {

    private final ProcessedEvents processedEvents;

    ProcessedEventsInbox(ProcessedEvents processedEvents) {
        this.processedEvents = processedEvents;
    }

    @Override
    public boolean firstDelivery(String consumer, UUID eventId) {
        return processedEvents.firstDelivery(consumer, eventId);
    }
}
