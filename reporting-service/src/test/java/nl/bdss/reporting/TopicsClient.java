package nl.bdss.reporting;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import nl.bdss.events.Topic;
import nl.bdss.messaging.serde.ConfluentAvroDeserializer;
import nl.bdss.messaging.serde.ConfluentAvroSerializer;
import nl.bdss.messaging.serde.SerdeConfig;
import nl.bdss.testsupport.Infrastructure;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** A real producer and consumer on the shared test broker, in Confluent's wire format. */
final class TopicsClient {

    private TopicsClient() {
    }

    static <V extends SpecificRecord> void publish(Topic<V> topic, String key, List<V> events) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.get().kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                SerdeConfig.SCHEMA_REGISTRY_URL, Infrastructure.get().schemaRegistryUrl());
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(config, new StringSerializer(), serializer())) {
            for (V event : events) {
                producer.send(new ProducerRecord<>(topic.name(), key, event)).get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ConfluentAvroSerializer serializer() {
        ConfluentAvroSerializer serializer = new ConfluentAvroSerializer();
        serializer.configure(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, Infrastructure.get().schemaRegistryUrl()), false);
        return serializer;
    }

    /** Reads the whole topic from the start, until nothing new arrives for a moment. */
    static <V extends SpecificRecord> List<ConsumerRecord<String, V>> readAll(Topic<V> topic, Duration quiet) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.get().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "reporting-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                SerdeConfig.SCHEMA_REGISTRY_URL, Infrastructure.get().schemaRegistryUrl(),
                SerdeConfig.SPECIFIC_AVRO_READER, true);
        ConfluentAvroDeserializer deserializer = new ConfluentAvroDeserializer();
        deserializer.configure(config, false);
        List<ConsumerRecord<String, V>> records = new ArrayList<>();
        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(config, new StringDeserializer(), deserializer)) {
            consumer.subscribe(List.of(topic.name()));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            long quietSince = System.nanoTime();
            while (System.nanoTime() < deadline) {
                var polled = consumer.poll(Duration.ofMillis(300));
                if (!polled.isEmpty()) {
                    quietSince = System.nanoTime();
                }
                for (ConsumerRecord<String, Object> record : polled) {
                    @SuppressWarnings("unchecked")
                    ConsumerRecord<String, V> typed = (ConsumerRecord<String, V>) (ConsumerRecord<?, ?>) record;
                    records.add(typed);
                }
                if (!consumer.assignment().isEmpty() && System.nanoTime() - quietSince > quiet.toNanos()) {
                    break;
                }
            }
        }
        return records;
    }
}
