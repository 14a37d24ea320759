package nl.bdss.contract.register.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import nl.bdss.contract.ContractServiceApplication;
import nl.bdss.contract.TestProperties;
import nl.bdss.messaging.outbox.Outbox;
import nl.bdss.testsupport.UsesInfrastructure;
import org.awaitility.Awaitility;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Shared set-up of the API integration tests: one Spring context on a random port against the real infrastructure. */
// Functional tests, not about security: security off in this one place (see TestProperties.SECURITY_OFF).
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {ContractServiceApplication.CONFIG_NAME, TestProperties.SECURITY_OFF})
@UsesInfrastructure(database = "contract")
abstract class ContractApiSupport {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String CONTRACTS = "/api/v1/contracts";

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Outbox outbox;

    /** The manual's worked example exactly as the shared examples hold it. */
    static String manualExampleText() {
        try (InputStream in = ContractApiSupport.class.getResourceAsStream("/examples/contract-manual-example.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The manual example with a reference of its own, so tests can find what they stored. */
    static ObjectNode aContract() {
        ObjectNode contract = (ObjectNode) JSON.readTree(manualExampleText());
        contract.put("reference", "IT-" + UUID.randomUUID());
        return contract;
    }

    HttpResponse<String> post(String path, String body, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body)),
                "Content-Type", "application/json", headers);
    }

    HttpResponse<String> post(String path, JsonNode body, String... headers) {
        return post(path, JSON.writeValueAsString(body), headers);
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), "Accept", "application/json");
    }

    HttpResponse<String> send(HttpRequest.Builder request, String firstName, String firstValue, String... headers) {
        request.header(firstName, firstValue).timeout(Duration.ofSeconds(30));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
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

    URI uri(String path) {
        return URI.create(path.startsWith("http") ? path : "http://localhost:" + port + path);
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** Registers a contract and returns its id. */
    String register(JsonNode contract) {
        HttpResponse<String> response = post(CONTRACTS, contract);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response).get("id").asString();
    }

    long storedContracts() {
        return jdbc.sql("select count(*) from contract").query(Long.class).single();
    }

    long storedVersions() {
        return jdbc.sql("select count(*) from contract_version").query(Long.class).single();
    }

    void awaitOutboxDrained() {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> outbox.pending() == 0);
    }
}
