package nl.bdss.reporting.sectorload.application;

import nl.bdss.reporting.sectorload.domain.SectorLoadAnnounced;

/** Publishes sector-load changes to downstream systems through the outbox, in the caller's transaction (port). */
public interface SectorLoadEvents {

    void publish(SectorLoadAnnounced change);
}
