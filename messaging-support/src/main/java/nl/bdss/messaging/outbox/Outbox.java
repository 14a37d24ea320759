package nl.bdss.messaging.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import nl.bdss.events.Topic;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends integration events to the outbox table inside the caller's transaction: the event is published
 * if and only if the state change that caused it commits.
 */
public class Outbox {

    private static final String INSERT = "insert into outbox_message (topic, message_key, value_type, payload) values (?, ?, ?, ?)";

    private final JdbcClient jdbc;
    private final JdbcOperations batches;
    private final Runnable onCommit;

    public Outbox(JdbcClient jdbc, JdbcOperations batches, Runnable onCommit) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.onCommit = onCommit;
    }

    /** An event and its key, for {@link #appendAll}. */
    public record Message<V extends SpecificRecord>(String key, V event) {
    }

    public <V extends SpecificRecord> void append(Topic<V> topic, String key, V event) {
        append(List.of(topic), key, event);
    }

    /**
     * Appends the one event to each of the topics, in their order, under the same key: the same event (one event id)
     * on every topic, e.g. an all-insurer topic and the insurer's own.
     */
    public <V extends SpecificRecord> void append(List<Topic<V>> topics, String key, V event) {
        appendAll(List.of(new Message<>(key, event)), ignored -> topics);
    }

    /**
     * Appends the events in their order (the relay publishes them in that order) with one JDBC batch: one round trip
     * to the database for all of them.
     */
    public <V extends SpecificRecord> void appendAll(Topic<V> topic, List<Message<V>> messages) {
        appendAll(messages, ignored -> List.of(topic));
    }

    /**
     * Appends each event to every topic {@code topicsOf} names for it, with one JDBC batch: the same event under the
     * same key on each, so a consumer of any of them deduplicates on the one event id. Per topic the events keep
     * their order.
     */
    public <V extends SpecificRecord> void appendAll(List<Message<V>> messages,
            Function<? super V, List<Topic<V>>> topicsOf) {
        requireTransaction();
        if (messages.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(messages.size());
        for (Message<V> message : messages) {
            byte[] payload = AvroBinary.encode(message.event());
            for (Topic<V> topic : topicsOf.apply(message.event())) {
                rows.add(new Object[] {topic.name(), message.key(), topic.valueType().getName(), payload});
            }
        }
        batches.batchUpdate(INSERT, rows);
        wakeRelayAfterCommit();
    }

    private static void requireTransaction() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("The outbox needs the transaction of the state change it announces");
        }
    }

    private void wakeRelayAfterCommit() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                onCommit.run();
            }
        });
    }

    public long pending() {
        return jdbc.sql("select count(*) from outbox_message").query(Long.class).single();
    }
}
