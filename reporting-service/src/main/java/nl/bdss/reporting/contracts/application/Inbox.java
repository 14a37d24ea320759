package nl.bdss.reporting.contracts.application;

import java.util.UUID;

/** The contract and allocation events already applied, recorded in the transaction of their effect (port). */
public interface Inbox {

    /** Records the event as applied by the consumer; {@code false} when it already was (then skip it). */
    boolean firstDelivery(String consumer, UUID eventId);
}
