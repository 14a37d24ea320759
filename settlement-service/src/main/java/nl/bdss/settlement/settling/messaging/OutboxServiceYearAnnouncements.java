package nl.bdss.settlement.settling.messaging;

import java.util.UUID;
import nl.bdss.events.Topics;
import nl.bdss.events.settlement.ClosedYearTotal;
import nl.bdss.events.settlement.ServiceYearClosed;
import nl.bdss.messaging.outbox.Outbox;
import nl.bdss.settlement.settling.application.ServiceYearAnnouncements;
import nl.bdss.settlement.settling.domain.ClosedServiceYear;
import org.springframework.stereotype.Component;

/** Announces a closed service year as ServiceYearClosed on its topic, through the outbox, keyed by the year. */
@Component
class OutboxServiceYearAnnouncements implements ServiceYearAnnouncements {

    private final Outbox outbox;

    OutboxServiceYearAnnouncements(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void announce(ClosedServiceYear closed, UUID eventId) {
        ServiceYearClosed event = ServiceYearClosed.newBuilder()
                .setEventId(eventId)
                .setOccurredAt(closed.closedAt())
                .setServiceYear(closed.year())
                .setClosedBy(closed.closedBy())
                .setReason(closed.reason())
                .setTotals(closed.totals().stream().map(t -> ClosedYearTotal.newBuilder()
                        .setUzovi(t.uzovi())
                        .setSector(t.sector())
                        .setPayableCents(t.payableCents())
                        .setCreditedCents(t.creditedCents())
                        .setEntryCount(t.entryCount())
                        .build()).toList())
                .build();
        outbox.append(Topics.SERVICE_YEARS, Integer.toString(closed.year()), event);
    }
}
