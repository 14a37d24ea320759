package nl.bdss.settlement.settling.messaging;

import java.util.List;
import nl.bdss.events.allocation.AllocationCalculated;
import nl.bdss.messaging.BatchTransactions;
import nl.bdss.messaging.ConsumerConfiguration;
import nl.bdss.messaging.RejectedEventException;
import nl.bdss.settlement.settling.application.AllocationIntake;
import nl.bdss.settlement.settling.application.AllocationReceived;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Consumes allocations; the offsets are committed after {@link AllocationIntake#apply} committed its transaction. */
@Component
class AllocationListener {

    private final AllocationIntake intake;
    private final BatchTransactions batches;

    AllocationListener(AllocationIntake intake, BatchTransactions batches) {
        this.intake = intake;
        this.batches = batches;
    }

    /** A poll's allocations in one transaction; one by one (and the failing one to the dead letters) if that fails. */
    @KafkaListener(topics = "#{T(nl.bdss.events.Topics).ALLOCATIONS.name()}", id = "settlement-allocations", idIsGroup = false,
            containerFactory = ConsumerConfiguration.BATCH_FACTORY)
    void on(List<ConsumerRecord<String, AllocationCalculated>> records) {
        batches.apply(records, this::on);
    }

    void on(ConsumerRecord<String, AllocationCalculated> record) {
        if (record.value() == null) {
            throw new RejectedEventException("An allocation without a value (tombstone) cannot be settled");
        }
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
