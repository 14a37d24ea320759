package nl.bdss.messaging.outbox;

import nl.bdss.events.Topic;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends integration events to the outbox table inside the caller's transaction: the event is published
 * if and only if the state change that caused it commits.
 */
public class Outbox {

    private final JdbcClient jdbc;
    private final Runnable onCommit;

    public Outbox(JdbcClient jdbc, Runnable onCommit) {
        this.jdbc = jdbc;
        this.onCommit = onCommit;
    }

    public <V extends SpecificRecord> void append(Topic<V> topic, String key, V event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Outbox.append needs the transaction of the state change it announces");
        }
        jdbc.sql("insert into outbox_message (topic, message_key, value_type, payload) values (?, ?, ?, ?)")
                .params(topic.name(), key, topic.valueType().getName(), AvroBinary.encode(event))
                .update();
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
