package nl.bdss.settlement.settling.application;

import java.util.UUID;
import nl.bdss.settlement.settling.domain.ClosedServiceYear;

/** Announces a closed service year to the other services, published if and only if the close commits. */
public interface ServiceYearAnnouncements {

    /** One ServiceYearClosed, keyed by the year. */
    void announce(ClosedServiceYear closed, UUID eventId);
}
