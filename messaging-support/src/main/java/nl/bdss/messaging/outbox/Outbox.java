package nl.bdss.messaging.outbox;

import java.util.ArrayList;
import java.util.List;
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
        requireTransaction();
        jdbc.sql(INSERT).params(topic.name(), key, topic.valueType().getName(), AvroBinary.encode(event)).update();
        wakeRelayAfterCommit();
    }

    /**
     * Appends the events in their order (the relay publishes them in that order) with one JDBC batch: one round trip
     * to the database for all of them.
     */
    public <V extends SpecificRecord> void appendAll(Topic<V> topic, List<Message<V>> messages) {
        requireTransaction();
        if (messages.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(messages.size());
        for (Message<V> message : messages) {
            rows.add(new Object[] {topic.name(), message.key(), topic.valueType().getName(), AvroBinary.encode(message.event())});
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
