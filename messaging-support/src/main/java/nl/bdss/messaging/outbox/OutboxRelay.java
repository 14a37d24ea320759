package nl.bdss.messaging.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import nl.bdss.events.Topics;
import nl.bdss.messaging.CrashPoints;
import nl.bdss.messaging.MessagingProperties;
import nl.bdss.messaging.serde.ConfluentAvroSerializer;
import nl.bdss.messaging.serde.SerdeConfig;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes the outbox in id order, one batch per transaction: rows are locked, sent with an idempotent
 * producer (acks=all), and deleted only once every record of the batch is acknowledged. A crash between the
 * send and the commit re-sends the batch; consumers drop the duplicates by event id. A second instance
 * waits on the row locks, so the order per key holds with any number of instances.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final MessagingProperties properties;
    private final CrashPoints crashPoints;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;
    private Producer<String, Object> producer;

    public OutboxRelay(JdbcClient jdbc, TransactionTemplate transactions, MessagingProperties properties) {
        this(jdbc, transactions, properties, CrashPoints.none());
    }

    public OutboxRelay(JdbcClient jdbc, TransactionTemplate transactions, MessagingProperties properties,
            CrashPoints crashPoints) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.properties = properties;
        this.crashPoints = crashPoints;
    }

    private record Row(long id, String topic, String key, String valueType, byte[] payload) {
    }

    /** Called after a commit that wrote to the outbox, so events leave without waiting for the next poll. */
    public void wakeUp() {
        wakeUps.release();
    }

    @Override
    public void start() {
        producer = new KafkaProducer<>(properties.kafkaClientConfig(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                SerdeConfig.SCHEMA_REGISTRY_URL, properties.schemaRegistryUrl())),
                new StringSerializer(), serializer());
        running = true;
        worker = new Thread(this::loop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    private ConfluentAvroSerializer serializer() {
        ConfluentAvroSerializer serializer = new ConfluentAvroSerializer();
        serializer.configure(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, properties.schemaRegistryUrl()), false);
        return serializer;
    }

    private void loop() {
        long backoffMillis = 0;
        while (running) {
            try {
                if (backoffMillis > 0) {
                    Thread.sleep(backoffMillis);
                }
                int published = publishBatch();
                backoffMillis = 0;
                if (published == 0) {
                    wakeUps.tryAcquire(properties.relayInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUps.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                backoffMillis = Math.min(5_000, Math.max(250, backoffMillis * 2));
                log.warn("Outbox relay could not publish, retrying in {} ms: {}", backoffMillis, e.toString());
            }
        }
    }

    /** Publishes one batch; returns how many events left the outbox. */
    public int publishBatch() {
        Integer count = transactions.execute(status -> {
            List<Row> rows = jdbc.sql("select id, topic, message_key, value_type, payload from outbox_message "
                            + "order by id limit ? for update")
                    .param(properties.relayBatchSize())
                    .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBytes(5)))
                    .list();
            if (rows.isEmpty()) {
                return 0;
            }
            send(rows);
            crashPoints.outboxPublished();
            Long[] ids = rows.stream().map(Row::id).toArray(Long[]::new);
            jdbc.sql("delete from outbox_message where id = any(?)")
                    .param(ids)
                    .update();
            return rows.size();
        });
        return count == null ? 0 : count;
    }

    private void send(List<Row> rows) {
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        for (Row row : rows) {
            SpecificRecord value = AvroBinary.decode(Topics.byName(row.topic()).valueType(), row.payload());
            acks.add(producer.send(new ProducerRecord<>(row.topic(), row.key(), value)));
        }
        producer.flush();
        try {
            for (Future<RecordMetadata> ack : acks) {
                ack.get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Broker did not acknowledge the outbox batch: " + e.getMessage(), e);
        }
    }

    @Override
    public void stop() {
        running = false;
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producer.close();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
