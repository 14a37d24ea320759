package nl.bdss.settlement;

import java.util.Map;
import java.util.Properties;
import nl.bdss.events.Topics;
import nl.bdss.events.allocation.AllocationCalculated;
import nl.bdss.messaging.serde.ConfluentAvroSerializer;
import nl.bdss.messaging.serde.SerdeConfig;
import nl.bdss.testsupport.Infrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes an allocation as allocation-service does: Avro in Confluent's wire format, keyed by the contract. */
public final class AllocationTopic {

    private AllocationTopic() {
    }

    public static void publish(AllocationCalculated allocation) throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.get().kafkaBootstrapServers());
        ConfluentAvroSerializer avro = new ConfluentAvroSerializer();
        avro.configure(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, Infrastructure.get().schemaRegistryUrl()), false);
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(config, new StringSerializer(), avro)) {
            producer.send(new ProducerRecord<>(Topics.ALLOCATIONS.name(), allocation.getContractId(), allocation)).get();
        }
    }
}
