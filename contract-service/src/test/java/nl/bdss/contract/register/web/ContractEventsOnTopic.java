package nl.bdss.contract.register.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.bdss.events.Topics;
import nl.bdss.events.contract.ContractVersionPublished;
import nl.bdss.messaging.serde.ConfluentAvroDeserializer;
import nl.bdss.messaging.serde.SerdeConfig;
import nl.bdss.testsupport.Infrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads the contract topic as a downstream system does: a plain consumer and the Confluent-wire deserializer. */
final class ContractEventsOnTopic implements AutoCloseable {

    /** A record as it is on the wire, and what it decodes to. */
    record Received(String key, byte[] bytes, ContractVersionPublished event) {
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final ConfluentAvroDeserializer deserializer = new ConfluentAvroDeserializer();
    private final List<Received> received = new ArrayList<>();

    ContractEventsOnTopic() {
        Infrastructure infrastructure = Infrastructure.get();
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "contract-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
        deserializer.configure(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, infrastructure.schemaRegistryUrl(),
                SerdeConfig.SPECIFIC_AVRO_READER, "true"), false);
        consumer.subscribe(List.of(Topics.CONTRACT_VERSIONS.name()));
    }

    /** Waits until {@code count} events with the given key have arrived; returns them in topic order. */
    List<Received> awaitEvents(String key, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (forKey(key).size() < count && System.nanoTime() < deadline) {
            poll();
        }
        return forKey(key);
    }

    /** Everything that arrived for the key within the duration. */
    List<Received> eventsWithin(String key, Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < deadline) {
            poll();
        }
        return forKey(key);
    }

    /**
     * The offsets up to which the topic is filled, per partition. The first to ask may find the topic not yet there
     * (the broker creates it on that first request), so this waits until it has partitions.
     */
    Map<TopicPartition, Long> endOffsets() {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<TopicPartition> partitions = List.of();
        while (partitions.isEmpty() && System.nanoTime() < deadline) {
            var infos = consumer.partitionsFor(Topics.CONTRACT_VERSIONS.name());
            partitions = infos == null ? List.of()
                    : infos.stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        }
        return consumer.endOffsets(partitions);
    }

    private void poll() {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
            received.add(new Received(record.key(), record.value(),
                    (ContractVersionPublished) deserializer.deserialize(record.topic(), record.value())));
        }
    }

    private List<Received> forKey(String key) {
        return received.stream().filter(r -> key.equals(r.key())).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
