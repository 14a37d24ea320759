package nl.bdss.reporting.sectorload.application;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The settlement events already applied, recorded in the transaction of their effect (port). */
public interface SettlementInbox {

    /** Records the event as applied; {@code false} when it already was (then skip it). */
    boolean firstDelivery(String consumer, UUID eventId);

    /** Records the events as applied with one statement; returns those that were not before. */
    Set<UUID> firstDeliveries(String consumer, List<UUID> eventIds);
}
