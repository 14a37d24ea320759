package nl.bdss.allocation.split;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.bdss.events.Topics;
import nl.bdss.events.contract.ContractVersionPublished;
import nl.bdss.messaging.serde.ConfluentAvroSerializer;
import nl.bdss.messaging.serde.SerdeConfig;
import nl.bdss.testsupport.Infrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The allocation service as its callers reach it in the integration tests: REST with a token, contracts by Kafka. */
final class AllocationApi {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    static final JsonMapper JSON = JsonMapper.shared();

    private final int port;
    private final JdbcClient jdbc;
    private final HttpClient http = HttpClient.newHttpClient();

    AllocationApi(int port, JdbcClient jdbc) {
        this.port = port;
        this.jdbc = jdbc;
    }

    HttpResponse<String> get(String path, String token) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), token);
    }

    HttpResponse<String> post(String path, String contentType, byte[] body, String token) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)), token);
    }

    /** A delivery of the trusted third party: rows {@code uzovi,postcode,count} on the reference date. */
    void deliver(String ttpToken, LocalDate referenceDate, String... rows) {
        StringBuilder csv = new StringBuilder("uzovi,postcode,referenceDate,insuredCount\n");
        for (String row : rows) {
            String[] fields = row.split(",");
            csv.append(fields[0]).append(',').append(fields[1]).append(',').append(referenceDate).append(',')
                    .append(fields[2]).append('\n');
        }
        HttpResponse<String> delivered = post("/api/v1/insured-counts?source=TRUSTED_THIRD_PARTY", "text/csv",
                csv.toString().getBytes(StandardCharsets.UTF_8), ttpToken);
        assertThat(delivered.statusCode()).as(delivered.body()).isEqualTo(201);
    }

    /** Publishes contract versions on the contract topic, as contract-service does, and waits for their allocations. */
    void publishAndAwait(ContractVersionPublished... versions) {
        Infrastructure infrastructure = Infrastructure.get();
        try (KafkaProducer<String, ContractVersionPublished> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ConfluentAvroSerializer.class,
                SerdeConfig.SCHEMA_REGISTRY_URL, infrastructure.schemaRegistryUrl()))) {
            for (ContractVersionPublished version : versions) {
                producer.send(new ProducerRecord<>(Topics.CONTRACT_VERSIONS.name(), version.getContractId(), version)).get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not publish the contract versions", e);
        }
        for (ContractVersionPublished version : versions) {
            awaitAppliedVersion(version.getContractId(), version.getVersion());
        }
    }

    long allocations(String contractId) {
        return jdbc.sql("select count(*) from allocation where contract_id = ?").param(contractId).query(Long.class).single();
    }

    private void awaitAppliedVersion(String contractId, int version) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            if (jdbc.sql("select count(*) from allocation where contract_id = ? and contract_version = ?")
                    .params(contractId, version).query(Long.class).single() > 0) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no allocation of contract " + contractId + " version " + version + " within " + PATIENCE);
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** Every number anywhere in the document: what a view lets its reader learn, whatever the field is called. */
    static List<Long> numbers(JsonNode node) {
        List<Long> numbers = new ArrayList<>();
        collect(node, numbers);
        return numbers;
    }

    /** Every field name anywhere in the document. */
    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        collectNames(node, names);
        return names;
    }

    private static void collect(JsonNode node, List<Long> numbers) {
        if (node.isNumber()) {
            numbers.add(node.asLong());
        }
        node.values().forEach(child -> collect(child, numbers));
    }

    private static void collectNames(JsonNode node, List<String> names) {
        if (node.isObject()) {
            node.properties().forEach(entry -> names.add(entry.getKey()));
        }
        node.values().forEach(child -> collectNames(child, names));
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String token) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
