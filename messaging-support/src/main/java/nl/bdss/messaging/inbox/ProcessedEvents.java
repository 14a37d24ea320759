package nl.bdss.messaging.inbox;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Remembers which events a consumer has applied, in the same transaction as their effect, so that a
 * redelivered event (after a rebalance, a crash before the offset commit, a replay) changes nothing.
 */
public class ProcessedEvents {

    private final JdbcClient jdbc;

    public ProcessedEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the event as processed; {@code false} when it already was (then skip it). */
    public boolean firstDelivery(String consumer, UUID eventId) {
        return jdbc.sql("insert into processed_event (consumer, event_id) values (?, ?) on conflict do nothing")
                .params(consumer, eventId)
                .update() == 1;
    }
}
