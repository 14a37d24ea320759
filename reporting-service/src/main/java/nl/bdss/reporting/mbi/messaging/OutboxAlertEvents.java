package nl.bdss.reporting.mbi.messaging;

import nl.bdss.events.Topics;
import nl.bdss.events.reporting.LoadMeasure;
import nl.bdss.events.reporting.MacroBudgetAlertRaised;
import nl.bdss.messaging.outbox.Outbox;
import nl.bdss.reporting.mbi.application.AlertEvents;
import nl.bdss.reporting.mbi.domain.AlertAnnounced;
import org.springframework.stereotype.Component;

/** An announced alert as MacroBudgetAlertRaised on its topic, keyed {@code SECTOR|YEAR}, through the outbox. */
@Component
class OutboxAlertEvents implements AlertEvents {

    private final Outbox outbox;

    OutboxAlertEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void publish(AlertAnnounced alert) {
        outbox.append(Topics.MACRO_BUDGET_ALERTS, alert.sectorYear().key(), MacroBudgetAlertRaised.newBuilder()
                .setEventId(alert.eventId())
                .setOccurredAt(alert.occurredAt())
                .setSector(alert.sectorYear().sector())
                .setYear(alert.sectorYear().year())
                .setVersion(alert.version())
                .setMeasure(LoadMeasure.valueOf(alert.basis().name()))
                .setLoadCents(alert.loadCents())
                .setMacroBudgetCents(alert.macroBudgetCents())
                .setLoadBasisPoints((int) Math.min(Integer.MAX_VALUE, alert.shareBasisPoints()))
                .setThresholdBasisPoints(alert.thresholdBasisPoints())
                .build());
    }
}
