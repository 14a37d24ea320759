package nl.bdss.reporting.sectorload.messaging;

import nl.bdss.events.settlement.SettlementBooked;
import nl.bdss.messaging.RejectedEventException;
import nl.bdss.reporting.sectorload.application.SettlementBooking;
import nl.bdss.reporting.sectorload.domain.SettledEntry;
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

    SettlementListener(SettlementBooking booking) {
        this.booking = booking;
    }

    @KafkaListener(id = ID, idIsGroup = false, topics = "#{T(nl.bdss.events.Topics).SETTLEMENTS.name()}")
    void on(SettlementBooked event) {
        booking.book(event.getEventId(), event.getOccurredAt(), toEntry(event));
    }

    private static SettledEntry toEntry(SettlementBooked event) {
        try {
            return new SettledEntry(event.getEntryId(), event.getContractId(), event.getSequence(),
                    SettledEntry.Kind.valueOf(event.getKind().name()), event.getCorrectsEntryId(),
                    event.getPeriodStart(), event.getPeriodEnd(), event.getUzovi(), event.getPayeeAgb(),
                    event.getSector(), event.getAmountCents(), event.getAllocationVersion());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new RejectedEventException("SettlementBooked " + event.getEventId() + ": " + e.getMessage());
        }
    }
}
