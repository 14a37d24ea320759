package nl.bdss.reporting.sectorload.persistence;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.bdss.messaging.inbox.ProcessedEvents;
import nl.bdss.reporting.sectorload.application.SettlementInbox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The inbox in {@code processed_event}: one event at a time, or a poll's events with one statement. */
@Repository
class JdbcSettlementInbox implements SettlementInbox {

    private final JdbcClient jdbc;
    private final ProcessedEvents processedEvents;

    JdbcSettlementInbox(JdbcClient jdbc, ProcessedEvents processedEvents) {
        this.jdbc = jdbc;
        this.processedEvents = processedEvents;
    }

    @Override
    public boolean firstDelivery(String consumer, UUID eventId) {
        return processedEvents.firstDelivery(consumer, eventId);
    }

    @Override
    public Set<UUID> firstDeliveries(String consumer, List<UUID> eventIds) {
        return new HashSet<>(jdbc.sql("""
                        insert into processed_event (consumer, event_id)
                        select ?, id::uuid from unnest(?::text[]) as id
                        on conflict do nothing
                        returning event_id""")
                .params(consumer, eventIds.stream().map(UUID::toString).toArray(String[]::new))
                .query(UUID.class).list());
    }
}
