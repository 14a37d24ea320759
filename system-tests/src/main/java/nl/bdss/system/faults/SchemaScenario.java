package nl.bdss.system.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import nl.bdss.events.Topics;
import nl.bdss.messaging.serde.ConfluentAvroSerializer;
import nl.bdss.messaging.serde.SerdeConfig;
import nl.bdss.system.stack.KafkaTools;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A producer whose SettlementBooked has an incompatible schema (money as a double, an insured person added: what
 * R8 and R16 forbid) must be refused by the registry with 409 at registration, and emit nothing: every topic's end
 * offsets and the subject's versions stay as they were.
 */
final class SchemaScenario {

    private static final String INVARIANT = "an incompatible schema is refused (409) and nothing is emitted";
    private static final Schema INCOMPATIBLE = new Schema.Parser().parse("""
            {"type": "record", "name": "SettlementBooked", "namespace": "nl.bdss.events.settlement",
             "fields": [{"name": "amountCents", "type": "double"}, {"name": "insuredBsn", "type": "string"}]}""");

    private SchemaScenario() {
    }

    record Outcome(List<Invariants.Violation> violations, String refusal) {
    }

    static Outcome run(KafkaTools kafka, String registryUrl) {
        List<String> topics = Topics.ALL.stream().map(topic -> topic.name()).toList();
        String subject = Topics.SETTLEMENTS.name() + "-value";
        Map<TopicPartition, Long> before = kafka.endOffsets(topics);
        String versionsBefore = versions(registryUrl, subject);
        List<Invariants.Violation> violations = new ArrayList<>();
        String refusal = null;

        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        ConfluentAvroSerializer serializer = new ConfluentAvroSerializer();
        serializer.configure(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, registryUrl, SerdeConfig.AUTO_REGISTER_SCHEMAS, "true"), false);
        GenericRecord record = new GenericData.Record(INCOMPATIBLE);
        record.put("amountCents", 1234.56);
        record.put("insuredBsn", "123456782");
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(config, new StringSerializer(), serializer)) {
            producer.send(new ProducerRecord<>(Topics.SETTLEMENTS.name(), "fault-injection", record)).get();
            violations.add(new Invariants.Violation(INVARIANT, subject, "refused with 409", "accepted and sent"));
        } catch (SerializationException e) {
            refusal = e.getMessage();
            if (!refusal.contains("409")) {
                violations.add(new Invariants.Violation(INVARIANT, subject, "refused with 409", refusal));
            }
        } catch (Exception e) {
            violations.add(new Invariants.Violation(INVARIANT, subject, "refused with 409", e.toString()));
        }
        Map<TopicPartition, Long> after = kafka.endOffsets(topics);
        if (!before.equals(after)) {
            violations.add(new Invariants.Violation(INVARIANT, "end offsets", KafkaTools.describe(before), KafkaTools.describe(after)));
        }
        String versionsAfter = versions(registryUrl, subject);
        if (!versionsBefore.equals(versionsAfter)) {
            violations.add(new Invariants.Violation(INVARIANT, subject + " versions", versionsBefore, versionsAfter));
        }
        return new Outcome(violations, refusal);
    }

    private static String versions(String registryUrl, String subject) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(registryUrl + "/subjects/" + subject + "/versions")).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() + " " + response.body();
        } catch (IOException e) {
            throw new IllegalStateException("the registry did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
