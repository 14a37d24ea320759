package nl.bdss.settlement.settling.messaging;

import java.time.Instant;
import java.util.List;
import nl.bdss.kernel.time.PaymentTiming;
import nl.bdss.events.Topics;
import nl.bdss.events.settlement.SettlementBooked;
import nl.bdss.messaging.outbox.Outbox;
import nl.bdss.settlement.settling.application.BookingAnnouncements;
import nl.bdss.settlement.settling.application.SettlementStore.NewEntry;
import org.springframework.stereotype.Component;

/**
 * Announces booked entries as SettlementBooked through the outbox, on the all-insurer topic and on the paying
 * insurer's own (the same event, key and event id): one JDBC batch in the booking's transaction.
 */
@Component
class OutboxAnnouncements implements BookingAnnouncements {

    private final Outbox outbox;

    OutboxAnnouncements(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void announce(String contractId, String contractReference, PaymentTiming timing, List<NewEntry> entries,
            String cause, Instant bookedAt) {
        List<Outbox.Message<SettlementBooked>> events = entries.stream()
                .map(entry -> new Outbox.Message<>(contractId, SettlementBookedMapper.toEvent(entry.booking(),
                        entry.eventId(), bookedAt, entry.sequence(), cause, contractReference, timing)))
                .toList();
        outbox.appendAll(events, event -> List.of(Topics.SETTLEMENTS, Topics.insurerEntries(event.getUzovi())));
    }
}
