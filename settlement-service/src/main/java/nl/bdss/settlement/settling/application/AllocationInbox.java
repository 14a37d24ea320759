package nl.bdss.settlement.settling.application;

import java.util.UUID;

/** Remembers which allocation events were applied, in the transaction of their effect. */
public interface AllocationInbox {

    /** Records the event as applied; {@code false} when it already was (then it changes nothing). */
    boolean firstDelivery(UUID eventId);
}
