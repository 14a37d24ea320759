package nl.bdss.allocation.split.application;

import java.util.UUID;

/** Remembers which contract events were applied, in the transaction that applies them. */
public interface ContractEventInbox {

    /** Records the event as applied; {@code false} when it already was (a redelivery: skip it). */
    boolean firstDelivery(UUID eventId);
}
