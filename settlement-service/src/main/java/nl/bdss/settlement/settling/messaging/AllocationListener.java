package nl.bdss.settlement.settling.messaging;

import nl.bdss.events.allocation.AllocationCalculated;
import nl.bdss.messaging.RejectedEventException;
import nl.bdss.settlement.settling.application.AllocationIntake;
import nl.bdss.settlement.settling.application.AllocationReceived;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Consumes allocations; the offset is committed after {@link AllocationIntake#apply} committed its transaction. */
@Component
class AllocationListener {

    private final AllocationIntake intake;

    AllocationListener(AllocationIntake intake) {
        this.intake = intake;
    }

    @KafkaListener(topics = "#{T(nl.bdss.events.Topics).ALLOCATIONS.name()}", id = "settlement-allocations", idIsGroup = false)
    void on(ConsumerRecord<String, AllocationCalculated> record) {
        AllocationReceived allocation;
        try {
            allocation = AllocationMapper.toCommand(record.value());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new RejectedEventException("Allocation " + record.value().getEventId() + " refused: " + e.getMessage());
        }
        try {
            intake.apply(allocation);
        } catch (IllegalArgumentException e) {
            throw new RejectedEventException("Allocation " + allocation.eventId() + " refused: " + e.getMessage());
        }
    }
}
