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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import nl.bdss.contract.ContractServiceApplication;
import nl.bdss.contract.TestProperties;
import nl.bdss.messaging.outbox.Outbox;
import nl.bdss.security.testing.TestTokenIssuer;
import nl.bdss.security.testing.UsesTestTokenIssuer;
import nl.bdss.testsupport.UsesInfrastructure;
import org.awaitility.Awaitility;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Shared set-up of the API integration tests: one Spring context on a random port against the real infrastructure,
 * security on against the test token issuer, because every change now needs the acceptance of each party with its
 * own token (insurer-uzovi, provider-agb). Without a token of its own a write is sent as insurer 3311 (the manual
 * example's first insurer) and a read as the operator (who sees every contract and the overlaps' ids). Previews
 * ask {@link AllocationStandIn}, allocation-service's HTTP edge stood in by the test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {ContractServiceApplication.CONFIG_NAME, TestProperties.RATE_LIMIT_OFF,
                "bdss.contract.allocation-read-timeout=2s"})
@UsesInfrastructure(database = "contract")
@UsesTestTokenIssuer
abstract class ContractApiSupport {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String CONTRACTS = "/api/v1/contracts";
    static final TestTokenIssuer TOKENS = TestTokenIssuer.get();

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Outbox outbox;

    /** Previews ask the allocation stand-in (one context for every functional test, so one for all of them). */
    @DynamicPropertySource
    static void allocationStandIn(DynamicPropertyRegistry registry) {
        registry.add("bdss.contract.allocation-url", () -> AllocationStandIn.get().url());
    }

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

    static String insurer(String uzovi) {
        return TOKENS.insurer(uzovi);
    }

    static String provider(String agb) {
        return TOKENS.provider(agb);
    }

    static String operator() {
        return TOKENS.operator();
    }

    /** The token of a party as the API lists it: {"role":"INSURER","uzovi":...} or {"role":"PROVIDER","agb":...}. */
    static String tokenOf(JsonNode party) {
        return "INSURER".equals(party.get("role").asString()) ? insurer(party.get("uzovi").asString())
                : provider(party.get("agb").asString());
    }

    /** Sent as insurer 3311 unless the headers carry an Authorization of their own. */
    HttpResponse<String> post(String path, String body, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body)),
                "Content-Type", "application/json", headers);
    }

    HttpResponse<String> post(String path, JsonNode body, String... headers) {
        return post(path, JSON.writeValueAsString(body), headers);
    }

    HttpResponse<String> postAs(String token, String path, JsonNode body, String... headers) {
        return post(path, JSON.writeValueAsString(body), with(headers, "Authorization", "Bearer " + token));
    }

    /** Read as the operator, who sees every contract. */
    HttpResponse<String> get(String path) {
        return getAs(operator(), path);
    }

    HttpResponse<String> getAs(String token, String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), "Accept", "application/json",
                "Authorization", "Bearer " + token);
    }

    HttpResponse<String> deleteAs(String token, String path, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE(), "Accept", "application/json",
                with(headers, "Authorization", "Bearer " + token));
    }

    HttpResponse<String> send(HttpRequest.Builder request, String firstName, String firstValue, String... headers) {
        request.header(firstName, firstValue).timeout(Duration.ofSeconds(30));
        boolean authorized = "Authorization".equalsIgnoreCase(firstName);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
            authorized |= "Authorization".equalsIgnoreCase(headers[i]);
        }
        if (!authorized) {
            request.header("Authorization", "Bearer " + insurer("3311"));
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

    // The lifecycle with acceptance

    /** Proposes a contract as the first insurer it names, every other party accepts; returns its id. */
    String register(JsonNode contract) {
        HttpResponse<String> proposed = propose(contract);
        String id = json(proposed).get("id").asString();
        HttpResponse<String> accepted = acceptAll(id, proposed);
        assertThat(json(accepted).get("status").asString()).as(accepted.body()).isEqualTo("ACTIVE");
        return id;
    }

    /** Proposes a contract as the first insurer it names (201, nothing in force yet). */
    HttpResponse<String> propose(JsonNode contract) {
        HttpResponse<String> response = postAs(insurer(contract.get("insurers").get(0).get("uzovi").asString()),
                CONTRACTS, contract);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return response;
    }

    /** Accepts the proposal a response shows as every party it still waits for; returns the last answer. */
    HttpResponse<String> acceptAll(String id, HttpResponse<String> proposed) {
        HttpResponse<String> last = proposed;
        String etag = proposed.headers().firstValue("ETag").orElseThrow();
        List<JsonNode> pending = new ArrayList<>(json(proposed).get("proposal").get("pendingAcceptances").values());
        assertThat(pending).as("someone to ask").isNotEmpty();
        for (JsonNode party : pending) {
            last = decide(id, tokenOf(party), etag, "{\"decision\":\"ACCEPT\"}");
            assertThat(last.statusCode()).as(last.body()).isEqualTo(200);
            etag = last.headers().firstValue("ETag").orElseThrow();
        }
        assertThat(json(last).get("proposal").get("status").asString()).isEqualTo("ACCEPTED");
        return last;
    }

    HttpResponse<String> decide(String id, String token, String etag, String body, String... headers) {
        return post(CONTRACTS + "/" + id + "/acceptances", body,
                with(with(headers, "If-Match", etag), "Authorization", "Bearer " + token));
    }

    /** An amendment by insurer 3311 that every party accepts; returns the last acceptance. */
    HttpResponse<String> amendAccepted(String id, JsonNode amendment, String ifMatch) {
        HttpResponse<String> proposed = post(CONTRACTS + "/" + id + "/amendments", amendment, "If-Match", ifMatch);
        assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(201);
        return acceptAll(id, proposed);
    }

    /** A termination by insurer 3311 that every party accepts; returns the last acceptance. */
    HttpResponse<String> terminateAccepted(String id, String endDate) {
        HttpResponse<String> proposed = post(CONTRACTS + "/" + id + "/termination", "{\"endDate\":\"" + endDate + "\"}");
        assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(201);
        return acceptAll(id, proposed);
    }

    private static String[] with(String[] headers, String name, String value) {
        String[] all = Arrays.copyOf(headers, headers.length + 2);
        all[headers.length] = name;
        all[headers.length + 1] = value;
        return all;
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
