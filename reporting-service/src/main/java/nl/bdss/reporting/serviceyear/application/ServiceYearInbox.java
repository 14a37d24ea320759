package nl.bdss.reporting.serviceyear.application;

import java.util.UUID;

/** The ServiceYearClosed events already applied, recorded in the transaction of their effect (port). */
public interface ServiceYearInbox {

    /** Records the event as applied by the consumer; {@code false} when it already was (then skip it). */
    boolean firstDelivery(String consumer, UUID eventId);
}
