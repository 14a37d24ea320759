package nl.bdss.reporting.serviceyear.messaging;

import java.util.List;
import nl.bdss.events.settlement.ServiceYearClosed;
import nl.bdss.messaging.BatchTransactions;
import nl.bdss.messaging.ConsumerConfiguration;
import nl.bdss.messaging.RejectedEventException;
import nl.bdss.reporting.serviceyear.application.ServiceYearClosing;
import nl.bdss.reporting.serviceyear.domain.ClosedYear;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The service years closed in settlement-service. Reporting keeps the close itself; the figures as closed and the
 * later corrections it reads from the entries' booking years, so they always add up to the year's settled amounts
 * whichever of the two topics a rebuild reads first.
 */
@Component
class ServiceYearListener {

    static final String ID = "reporting-service-years";

    private final ServiceYearClosing closing;
    private final BatchTransactions batches;

    ServiceYearListener(ServiceYearClosing closing, BatchTransactions batches) {
        this.closing = closing;
        this.batches = batches;
    }

    @KafkaListener(id = ID, idIsGroup = false, topics = "#{T(nl.bdss.events.Topics).SERVICE_YEARS.name()}",
            containerFactory = ConsumerConfiguration.BATCH_FACTORY)
    void on(List<ConsumerRecord<String, ServiceYearClosed>> records) {
        batches.apply(records, record -> on(record.value()));
    }

    void on(ServiceYearClosed event) {
        if (event == null) {
            throw new RejectedEventException("A service-year close without a value (tombstone) is not a close");
        }
        ClosedYear year;
        try {
            year = new ClosedYear(event.getServiceYear(), event.getOccurredAt(), event.getClosedBy(), event.getReason());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new RejectedEventException("ServiceYearClosed " + event.getEventId() + ": " + e.getMessage());
        }
        closing.apply(event.getEventId(), year);
    }
}
