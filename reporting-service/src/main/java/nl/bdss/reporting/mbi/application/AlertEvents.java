package nl.bdss.reporting.mbi.application;

import nl.bdss.reporting.mbi.domain.AlertAnnounced;

/** Publishes MBI alerts to downstream systems through the outbox, in the caller's transaction (port). */
public interface AlertEvents {

    void publish(AlertAnnounced alert);
}
