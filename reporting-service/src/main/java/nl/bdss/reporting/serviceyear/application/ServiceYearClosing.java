package nl.bdss.reporting.serviceyear.application;

import java.util.UUID;
import nl.bdss.reporting.serviceyear.domain.ClosedYear;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a closed service year (ServiceYearClosed). Idempotent twice over: by event id (a redelivered event) and by
 * year (a year closes once; a second close of the same year changes nothing).
 */
@Service
public class ServiceYearClosing {

    static final String CONSUMER = "reporting-service.service-years";

    private final ServiceYearInbox inbox;
    private final ClosedYears years;

    ServiceYearClosing(ServiceYearInbox inbox, ClosedYears years) {
        this.inbox = inbox;
        this.years = years;
    }

    /** Returns whether the close was recorded (false for a redelivery or a year closed before). */
    @Transactional
    public boolean apply(UUID eventId, ClosedYear year) {
        return inbox.firstDelivery(CONSUMER, eventId) && years.record(eventId, year);
    }
}
