package nl.bdss.reporting.sectorload.messaging;

import java.util.List;
import nl.bdss.events.settlement.SettlementBooked;
import nl.bdss.messaging.BatchTransactions;
import nl.bdss.messaging.ConsumerConfiguration;
import nl.bdss.messaging.RejectedEventException;
import nl.bdss.reporting.sectorload.application.SettlementBooking;
import nl.bdss.reporting.sectorload.domain.SettledEntry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Settlement entries from the settlement-service, mapped to the fields reporting needs. {@code idIsGroup = false}:
 * every listener of the service joins the group named after the service, so one offset reset rebuilds all.
 */
@Component
class SettlementListener {

    static final String ID = "reporting-settlements";

    private final SettlementBooking booking;
    private final BatchTransactions batches;

    SettlementListener(SettlementBooking booking, BatchTransactions batches) {
        this.booking = booking;
        this.batches = batches;
    }

    /** A poll's entries in one transaction; one by one (and the failing one to the dead letters) if that fails. */
    @KafkaListener(id = ID, idIsGroup = false, topics = "#{T(nl.bdss.events.Topics).SETTLEMENTS.name()}",
            containerFactory = ConsumerConfiguration.BATCH_FACTORY)
    void on(List<ConsumerRecord<String, SettlementBooked>> records) {
        batches.apply(records,
                batch -> booking.bookAll(batch.stream().map(record -> toBooked(record.value())).toList()),
                record -> on(record.value()));
    }

    void on(SettlementBooked event) {
        booking.book(event.getEventId(), event.getOccurredAt(), toEntry(event));
    }

    private static SettlementBooking.Booked toBooked(SettlementBooked event) {
        return new SettlementBooking.Booked(event.getEventId(), event.getOccurredAt(), toEntry(event));
    }

    private static SettledEntry toEntry(SettlementBooked event) {
        if (event == null) {
            throw new RejectedEventException("A settlement entry without a value (tombstone) is not an entry");
        }
        try {
            SettledEntry.Years years = SettledEntry.Years.of(event.getServiceYear(), event.getBookingYear(),
                    event.getPeriodStart(), event.getPeriodEnd());
            return new SettledEntry(event.getEntryId(), event.getContractId(), event.getSequence(),
                    SettledEntry.Kind.valueOf(event.getKind().name()), event.getCorrectsEntryId(),
                    event.getPeriodStart(), event.getPeriodEnd(), event.getUzovi(), event.getPayeeAgb(),
                    event.getSector(), event.getAmountCents(), event.getAllocationVersion(), years.service(),
                    years.booking());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new RejectedEventException("SettlementBooked " + event.getEventId() + ": " + e.getMessage());
        }
    }
}
