package nl.bdss.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import nl.bdss.events.Topics;
import nl.bdss.events.reporting.SectorLoadChanged;
import nl.bdss.events.settlement.SettlementBooked;
import nl.bdss.messaging.serde.ConfluentAvroDeserializer;
import nl.bdss.messaging.serde.SerdeConfig;

/**
 * Reads the settlement entries and the sector-load changes from the moment it starts (no consumer group, no commits):
 * counts the entries per contract with their encoded size, and reports each sector-load change, with the time it
 * arrived, to a listener under the contract its cause (a settlement entry id, which begins with the contract id) names.
 */
final class EventTap implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final ConfluentAvroDeserializer avro = new ConfluentAvroDeserializer();
    private final Map<String, long[]> entriesByContract = new ConcurrentHashMap<>();
    private final AtomicLong entryBytes = new AtomicLong();
    private final AtomicLong entryCount = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private volatile long lastSectorLoadNanos = System.nanoTime();
    private volatile BiConsumer<String, Long> sectorLoadListener = (contractId, nanos) -> { };

    EventTap(String bootstrapServers, String registryUrl) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 5);
        consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        avro.configure(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, registryUrl, SerdeConfig.SPECIFIC_AVRO_READER, true), false);
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(Topics.SETTLEMENTS.name(), Topics.SECTOR_LOADS.name())) {
            for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(10))) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // fix the start now, before the benchmark produces anything
        thread = new Thread(this::run, "event-tap");
        thread.setDaemon(true);
        thread.start();
    }

    void onSectorLoadChange(BiConsumer<String, Long> listener) {
        this.sectorLoadListener = listener;
    }

    /** Settlement entries seen for the given contracts: {count, sum of amounts}. */
    long[] entriesOf(Iterable<String> contractIds) {
        long count = 0;
        long cents = 0;
        for (String id : contractIds) {
            long[] seen = entriesByContract.get(id);
            if (seen != null) {
                synchronized (seen) {
                    count += seen[0];
                    cents += seen[1];
                }
            }
        }
        return new long[] {count, cents};
    }

    /** Average encoded size (Confluent wire format, as on the topic) of the SettlementBooked values seen. */
    double averageEntryBytes() {
        return entryCount.get() == 0 ? 0 : (double) entryBytes.get() / entryCount.get();
    }

    long lastSectorLoadNanos() {
        return lastSectorLoadNanos;
    }

    long entriesSeen() {
        return entryCount.get();
    }

    private void run() {
        while (running.get()) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                long arrived = System.nanoTime();
                Object event = avro.deserialize(record.topic(), record.value());
                if (event instanceof SettlementBooked entry) {
                    entryBytes.addAndGet(record.value().length);
                    entryCount.incrementAndGet();
                    long[] seen = entriesByContract.computeIfAbsent(entry.getContractId(), id -> new long[2]);
                    synchronized (seen) {
                        seen[0]++;
                        seen[1] += entry.getAmountCents();
                    }
                } else if (event instanceof SectorLoadChanged change) {
                    lastSectorLoadNanos = arrived;
                    String cause = change.getCause();
                    int bar = cause.indexOf('|');
                    if (bar > 0) {
                        try {
                            sectorLoadListener.accept(cause.substring(0, bar), arrived);
                        } catch (RuntimeException e) {
                            System.err.println("latency listener failed: " + e);
                        }
                    }
                }
            }
        }
        consumer.close();
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join(5_000);
    }
}
