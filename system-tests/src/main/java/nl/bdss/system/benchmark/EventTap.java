package nl.bdss.system.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import nl.bdss.events.Topics;
import nl.bdss.events.allocation.AllocationCalculated;
import nl.bdss.events.reporting.SectorLoadChanged;
import nl.bdss.events.settlement.SettlementBooked;
import nl.bdss.messaging.serde.ConfluentAvroDeserializer;
import nl.bdss.messaging.serde.SerdeConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the allocations, the settlement entries and the sector-load changes from the moment it starts (no consumer group, no commits):
 * counts the entries per contract with their encoded size, and tells a listener, with the arrival time, which
 * contracts a sector-load change shows to be in reporting. Reporting books a poll batch of entries at once and
 * announces each sector-year once per batch, naming the batch's last entry of that sector-year as the cause; it
 * consumes each partition in order, so a change caused by the entry at offset o of a settlement partition shows
 * every entry up to o of that partition booked: the contracts of those entries are reported.
 */
final class EventTap implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private static final List<String> TOPICS = List.of(Topics.SETTLEMENTS.name(), Topics.SECTOR_LOADS.name(),
            Topics.ALLOCATIONS.name());

    private final ConfluentAvroDeserializer avro = new ConfluentAvroDeserializer();
    /** Topics that did not exist yet when the tap started (a fresh stack creates them with their first record). */
    private final List<String> missing = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<String, long[]> entriesByContract = new ConcurrentHashMap<>();
    /** Where each entry seen lies on the settlement topic: {partition, offset}. */
    private final Map<String, long[]> entryPositions = new java.util.HashMap<>();
    /** Per settlement partition, the entries not yet shown booked by a change: offset -> entry. */
    private final Map<Integer, java.util.TreeMap<Long, Seen>> unshown = new java.util.HashMap<>();

    /** A settlement entry of a contract and when it arrived here. */
    record Seen(String contractId, long arrivedNanos) {
    }

    /** Told that a contract's entry (which arrived at {@code entryNanos}) is in reporting, as of {@code changeNanos}. */
    interface ShownListener {
        void shown(String contractId, long entryNanos, long changeNanos);
    }
    private final Map<String, AtomicLong> allocationsByContract = new ConcurrentHashMap<>();
    private final AtomicLong allocationCount = new AtomicLong();
    private volatile long lastEntryNanos = System.nanoTime();
    private final AtomicLong entryBytes = new AtomicLong();
    private final AtomicLong entryCount = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private volatile long lastSectorLoadNanos = System.nanoTime();
    private volatile ShownListener sectorLoadListener = (contractId, entryNanos, changeNanos) -> { };

    EventTap(String bootstrapServers, String registryUrl) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 5);
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false); // the services create their topics
        consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        avro.configure(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, registryUrl, SerdeConfig.SPECIFIC_AVRO_READER, true), false);
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : TOPICS) {
            List<TopicPartition> existing = partitionsOf(topic);
            if (existing.isEmpty()) {
                missing.add(topic); // a fresh stack creates it with its first record: read it from the start then
            }
            partitions.addAll(existing);
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // fix the start now, before the benchmark produces anything
        thread = new Thread(this::run, "event-tap");
        thread.setDaemon(true);
        thread.start();
    }

    void onSectorLoadChange(ShownListener listener) {
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

    /** When the last settlement entry arrived here. */
    long lastEntryNanos() {
        return lastEntryNanos;
    }

    /** AllocationCalculated events seen, of every contract. */
    long allocationsSeen() {
        return allocationCount.get();
    }

    /** AllocationCalculated events seen for the given contracts. */
    long allocationsOf(Iterable<String> contractIds) {
        long count = 0;
        for (String id : contractIds) {
            AtomicLong seen = allocationsByContract.get(id);
            count += seen == null ? 0 : seen.get();
        }
        return count;
    }

    private List<TopicPartition> partitionsOf(String topic) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
        List<TopicPartition> partitions = new ArrayList<>();
        for (PartitionInfo info : infos == null ? List.<PartitionInfo>of() : infos) {
            partitions.add(new TopicPartition(topic, info.partition()));
        }
        return partitions;
    }

    /** Adds a topic that did not exist when the tap started, from its first record on. */
    private void assignCreatedTopics() {
        for (String topic : List.copyOf(missing)) {
            List<TopicPartition> created = partitionsOf(topic);
            if (!created.isEmpty()) {
                List<TopicPartition> assignment = new ArrayList<>(consumer.assignment());
                assignment.addAll(created);
                consumer.assign(assignment);
                consumer.seekToBeginning(created);
                missing.remove(topic);
            }
        }
    }

    private void run() {
        long nextTopicCheck = 0;
        while (running.get()) {
            if (!missing.isEmpty() && System.nanoTime() > nextTopicCheck) {
                assignCreatedTopics();
                nextTopicCheck = System.nanoTime() + 500_000_000L;
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                long arrived = System.nanoTime();
                Object event = avro.deserialize(record.topic(), record.value());
                if (event instanceof AllocationCalculated allocation) {
                    allocationCount.incrementAndGet();
                    allocationsByContract.computeIfAbsent(allocation.getContractId(), id -> new AtomicLong()).incrementAndGet();
                } else if (event instanceof SettlementBooked entry) {
                    lastEntryNanos = arrived;
                    entryBytes.addAndGet(record.value().length);
                    entryCount.incrementAndGet();
                    long[] seen = entriesByContract.computeIfAbsent(entry.getContractId(), id -> new long[2]);
                    synchronized (seen) {
                        seen[0]++;
                        seen[1] += entry.getAmountCents();
                    }
                    entryPositions.put(entry.getEntryId(), new long[] {record.partition(), record.offset()});
                    unshown.computeIfAbsent(record.partition(), p -> new java.util.TreeMap<>())
                            .put(record.offset(), new Seen(entry.getContractId(), arrived));
                } else if (event instanceof SectorLoadChanged change) {
                    lastSectorLoadNanos = arrived;
                    long[] position = entryPositions.remove(change.getCause());
                    java.util.TreeMap<Long, Seen> pending = position == null ? null : unshown.get((int) position[0]);
                    if (pending != null) {
                        var covered = pending.headMap(position[1], true);
                        List<Seen> shown = new ArrayList<>(covered.values());
                        covered.clear();
                        for (Seen seen : shown) {
                            try {
                                sectorLoadListener.shown(seen.contractId(), seen.arrivedNanos(), arrived);
                            } catch (RuntimeException e) {
                                System.err.println("latency listener failed: " + e);
                            }
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
