package nl.bdss.reporting.sectorload.messaging;

import nl.bdss.events.Topics;
import nl.bdss.events.reporting.SectorLoadChanged;
import nl.bdss.messaging.outbox.Outbox;
import nl.bdss.reporting.sectorload.application.SectorLoadEvents;
import nl.bdss.reporting.sectorload.domain.SectorLoadAnnounced;
import org.springframework.stereotype.Component;

/** A sector-load change as SectorLoadChanged on its topic, keyed {@code SECTOR|YEAR}, through the outbox. */
@Component
class OutboxSectorLoadEvents implements SectorLoadEvents {

    private final Outbox outbox;

    OutboxSectorLoadEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void publish(SectorLoadAnnounced change) {
        outbox.append(Topics.SECTOR_LOADS, change.sectorYear().key(), SectorLoadChanged.newBuilder()
                .setEventId(change.eventId())
                .setOccurredAt(change.occurredAt())
                .setSector(change.sectorYear().sector())
                .setYear(change.sectorYear().year())
                .setVersion(change.version())
                .setTotalCents(change.totalCents())
                .setDeltaCents(change.deltaCents())
                .setCause(change.cause())
                .build());
    }
}
