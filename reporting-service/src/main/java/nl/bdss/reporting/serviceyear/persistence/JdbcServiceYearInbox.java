package nl.bdss.reporting.serviceyear.persistence;

import java.util.UUID;
import nl.bdss.messaging.inbox.ProcessedEvents;
import nl.bdss.reporting.serviceyear.application.ServiceYearInbox;
import org.springframework.stereotype.Repository;

/** The inbox in {@code processed_event}. */
@Repository
class JdbcServiceYearInbox implements ServiceYearInbox {

    private final ProcessedEvents processedEvents;

    JdbcServiceYearInbox(ProcessedEvents processedEvents) {
        this.processedEvents = processedEvents;
    }

    @Override
    public boolean firstDelivery(String consumer, UUID eventId) {
        return processedEvents.firstDelivery(consumer, eventId);
    }
}
