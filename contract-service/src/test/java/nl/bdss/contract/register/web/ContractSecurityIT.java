package nl.bdss.contract.register.web;

import static nl.bdss.security.testing.ProblemShape.assertProblem;
import static nl.bdss.security.testing.ProblemShape.fields;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import nl.bdss.contract.ContractServiceApplication;
import nl.bdss.security.testing.SecuredEndpoint;
import nl.bdss.security.testing.SecurityContract;
import nl.bdss.security.testing.UsesTestTokenIssuer;
import nl.bdss.testsupport.UsesInfrastructure;
import org.awaitility.Awaitility;
import org.awaitility.core.ThrowingRunnable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Security of every contract endpoint, with security on against the test token issuer: the shared contract on this
 * service's endpoint table (401, 403, 413, 429, all one problem shape), then what is the register's own: tenant
 * isolation (an insurer sees and changes only contracts it is a party to; others' answer 404 like an unknown id and
 * are not in its searches), nothing stored on a refusal, and the audit trail of the writes.
 *
 * <p>Each test of its own calls as clients of its own ({@link #insurer}, {@link #operator}), so no test spends the
 * request budget of another under the contract's tight rate limit.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {ContractServiceApplication.CONFIG_NAME,
        SecurityContract.RATE_LIMIT_REQUESTS_PER_SECOND, SecurityContract.RATE_LIMIT_BURST_PROPERTY})
@UsesInfrastructure(database = "contract")
@UsesTestTokenIssuer
class ContractSecurityIT extends SecurityContract {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String CONTRACTS = "/api/v1/contracts";
    /** bdss.security.max-request-bytes in contract-service.yml. */
    static final long MAX_REQUEST_BYTES = 262_144;
    /** A contract id for the shared contract's table: the filters answer before anyone looks it up. */
    static final String SOME_ID = UUID.randomUUID().toString();
    static final String AMENDMENT_BODY_PREFIX = "{\"effectiveFrom\":\"2026-01-01\",\"contract\":";
    static final String TERMINATION_BODY = "{\"endDate\":\"2025-12-31\"}";
    /** A service area no other test uses, so searches in it see only this test's contracts. */
    static final String OWN_AREA = "9731";

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    /** Names this test's clients: {@code <prefix>insurer-3311}, {@code <prefix>operator}. */
    private String clientPrefix;

    @BeforeEach
    void clientsOfThisTest() {
        clientPrefix = "t" + UUID.randomUUID().toString().substring(0, 8) + "-";
    }

    /** A token of insurer {@code uzovi}, as a client of this test. */
    private String insurer(String uzovi) {
        return tokens.token(clientPrefix + "insurer-" + uzovi, "insurer", uzovi);
    }

    private String operator() {
        return tokens.token(clientPrefix + "operator", "operator", null);
    }

    /** One call of each endpoint; {id} is filled in with a contract id. */
    record Endpoint(String method, String path, boolean write) {

        String on(String id) {
            return path.replace("{id}", id);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static final Endpoint REGISTER = new Endpoint("POST", CONTRACTS, true);
    static final Endpoint AMEND = new Endpoint("POST", CONTRACTS + "/{id}/amendments", true);
    static final Endpoint TERMINATE = new Endpoint("POST", CONTRACTS + "/{id}/termination", true);
    static final Endpoint GET = new Endpoint("GET", CONTRACTS + "/{id}", false);
    static final Endpoint VERSIONS = new Endpoint("GET", CONTRACTS + "/{id}/versions", false);
    static final Endpoint VERSION = new Endpoint("GET", CONTRACTS + "/{id}/versions/1", false);

    Stream<Endpoint> writes() {
        return Stream.of(REGISTER, AMEND, TERMINATE);
    }

    // The shared contract: 401, 403, 413, 429 and unknown paths on this table of endpoints

    @Override
    protected List<SecuredEndpoint> endpoints() {
        String contract = CONTRACTS + "/" + SOME_ID;
        return List.of(
                SecuredEndpoint.post(CONTRACTS, JSON.writeValueAsString(contractOf("3311")), "insurer"),
                SecuredEndpoint.post(contract + "/amendments", JSON.writeValueAsString(amendmentOf(contractOf("3311"))),
                        "insurer"),
                SecuredEndpoint.post(contract + "/termination", TERMINATION_BODY, "insurer"),
                SecuredEndpoint.get(CONTRACTS, "insurer", "operator"),
                SecuredEndpoint.get(contract, "insurer", "operator"),
                SecuredEndpoint.get(contract + "/versions", "insurer", "operator"),
                SecuredEndpoint.get(contract + "/versions/1", "insurer", "operator"),
                SecuredEndpoint.get("/api/v1/audit", "operator"));
    }

    @Override
    protected int port() {
        return port;
    }

    @Override
    protected long maxRequestBytes() {
        return MAX_REQUEST_BYTES;
    }

    // What the shared contract does not see: nothing stored, chunked bodies

    @ParameterizedTest(name = "{0}")
    @MethodSource("writes")
    void aRefusedToken_changesNothing(Endpoint endpoint) {
        boolean onExistingContract = endpoint != REGISTER;
        String id = onExistingContract ? registerAs("3311", contractOf("3311")) : UUID.randomUUID().toString();
        JsonNode body = validBody(endpoint, "3311");

        HttpResponse<String> response = call(endpoint, id, tokens.expiredToken(), body);

        assertProblem(response, 401, "unauthorized");
        if (endpoint == REGISTER) {
            assertThat(jdbc.sql("select count(*) from contract where reference = :reference")
                    .param("reference", body.get("reference").asString()).query(Long.class).single())
                    .as("nothing registered").isZero();
        }
        if (onExistingContract) {
            assertThat(currentVersion(id)).as("nothing amended or terminated").isEqualTo(1);
            assertThat(jdbc.sql("select status from contract where id = cast(:id as uuid)").param("id", id)
                    .query(String.class).single()).isEqualTo("ACTIVE");
        }
    }

    @Test
    void aChunkedBodyOverTheLimit_answers413_andStoresNothing() {
        ObjectNode contract = contractOf("3311");
        contract.put("title", "x".repeat(Math.toIntExact(MAX_REQUEST_BYTES)));
        byte[] body = JSON.writeValueAsBytes(contract);

        HttpResponse<String> response = send(request(CONTRACTS, insurer("3311")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

        assertProblem(response, 413, "request-too-large");
        assertThat(jdbc.sql("select count(*) from contract where reference = :reference")
                .param("reference", contract.get("reference").asString()).query(Long.class).single()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writes")
    void operator_writesNothing_notEvenOnAnInsurersBehalf_andTheRefusalIsAudited(Endpoint endpoint) {
        String id = registerAs("3311", contractOf("3311"));
        String operator = operator();

        HttpResponse<String> response = call(endpoint, id, operator);

        assertProblem(response, 403, "forbidden");
        assertThat(currentVersion(id)).isEqualTo(1);
        // Refused before it reaches a controller, so the action names the request path itself.
        eventually(() -> assertThat(jdbc.sql(
                        "select count(*) from audit_entry where client_id = :client and action = :action and outcome = 403")
                .param("client", clientPrefix + "operator").param("action", "POST " + endpoint.on(id))
                .query(Long.class).single()).isEqualTo(1));
    }

    // 2xx: the roles that may

    @Test
    void insurer_registersAmendsTerminatesAndReadsItsOwnContract() {
        String token = insurer("3311");

        HttpResponse<String> registered = call(REGISTER, null, token, contractOf("3311"));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String id = json(registered).get("id").asString();

        assertThat(call(GET, id, token).statusCode()).isEqualTo(200);
        assertThat(call(VERSIONS, id, token).statusCode()).isEqualTo(200);
        assertThat(call(VERSION, id, token).statusCode()).isEqualTo(200);
        HttpResponse<String> found = send(request(CONTRACTS + "?insurer=3311&size=200", token).GET());
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(ids(found)).contains(id);

        HttpResponse<String> amended = call(AMEND, id, token, amendmentOf(contractOf("3311")));
        assertThat(amended.statusCode()).as(amended.body()).isEqualTo(201);
        HttpResponse<String> terminated = call(TERMINATE, id, token);
        assertThat(terminated.statusCode()).as(terminated.body()).isEqualTo(201);
        assertThat(json(call(GET, id, token)).get("status").asString()).isEqualTo("TERMINATED");
    }

    @Test
    void operator_readsEveryInsurersContracts() {
        String of3311 = registerAs("3311", contractOf("3311"));
        String of3343 = registerAs("3343", contractOf("3343"));

        for (String id : List.of(of3311, of3343)) {
            assertThat(call(GET, id, operator()).statusCode()).isEqualTo(200);
            assertThat(call(VERSIONS, id, operator()).statusCode()).isEqualTo(200);
            assertThat(call(VERSION, id, operator()).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> all = send(request(CONTRACTS + "?size=200", operator()).GET());
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(json(all).get("totalElements").asLong())
                .isEqualTo(jdbc.sql("select count(*) from contract").query(Long.class).single());
    }

    // Tenant isolation: 3343 and the contracts of 3311

    @Test
    void anotherInsurersContract_answers404_exactlyLikeAnUnknownId() {
        String of3311 = registerAs("3311", contractOf("3311"));
        String unknown = UUID.randomUUID().toString();
        String token = insurer("3343");

        for (Endpoint endpoint : List.of(GET, VERSIONS, VERSION, AMEND, TERMINATE)) {
            HttpResponse<String> theirs = call(endpoint, of3311, token, validBody(endpoint, "3343"));
            HttpResponse<String> none = call(endpoint, unknown, token, validBody(endpoint, "3343"));

            assertThat(theirs.statusCode()).as(endpoint.toString()).isEqualTo(404);
            assertThat(theirs.body().replace(of3311, "ID")).as(endpoint.toString())
                    .isEqualTo(none.body().replace(unknown, "ID"));
        }
        assertThat(currentVersion(of3311)).as("3343 changed nothing").isEqualTo(1);
        assertThat(json(call(GET, of3311, insurer("3311"))).get("status").asString()).isEqualTo("ACTIVE");
    }

    @Test
    void searches_showAnInsurerOnlyItsOwnContracts_withTotalsCountedInSql() {
        ObjectNode only3311 = contractOf("3311");
        ((ObjectNode) only3311.get("targetGroup")).putArray("serviceAreaPostcodes").add(OWN_AREA);
        String of3311 = registerAs("3311", only3311);
        registerAs("3343", contractOf("3343"));
        String query = CONTRACTS + "?insurer=3311&postcode=" + OWN_AREA + "&size=200";

        HttpResponse<String> asked = send(request(query, insurer("3343")).GET());
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(json(asked).get("totalElements").asLong()).isZero();
        assertThat(json(asked).get("totalPages").asLong()).isZero();
        assertThat(json(asked).get("items")).isEmpty();
        assertThat(ids(send(request(query, insurer("3311")).GET()))).contains(of3311);
        assertThat(ids(send(request(query, operator()).GET()))).contains(of3311);

        HttpResponse<String> own = send(request(CONTRACTS + "?size=1", insurer("3343")).GET());
        long partyOf = jdbc.sql("select count(*) from contract_insurer where uzovi = '3343'").query(Long.class).single();
        assertThat(json(own).get("totalElements").asLong()).isEqualTo(partyOf);
        assertThat(json(own).get("totalPages").asLong()).isEqualTo(partyOf);

        HttpResponse<String> all = send(request(CONTRACTS + "?size=200", insurer("3343")).GET());
        assertThat(ids(all)).doesNotContain(of3311);
        assertThat(json(all).get("items")).allSatisfy(contract -> assertThat(contract.toString()).contains("\"3343\""));
    }

    @Test
    void registering_withoutTheCallersUzoviAmongTheInsurers_isForbidden_namingInsurers_andStoresNothing() {
        ObjectNode contract = contractOf("3311");

        HttpResponse<String> response = call(REGISTER, null, insurer("3343"), contract);

        JsonNode problem = assertProblem(response, 403, "not-a-party");
        assertThat(fields(problem)).containsExactly("insurers");
        assertThat(jdbc.sql("select count(*) from contract where reference = :reference")
                .param("reference", contract.get("reference").asString()).query(Long.class).single()).isZero();
    }

    @Test
    void amending_awayTheCallersOwnParty_isForbidden_namingContractInsurers() {
        String id = registerAs("3311", contractOf("3311"));

        HttpResponse<String> response = call(AMEND, id, insurer("3311"), amendmentOf(contractOf("3343")));

        JsonNode problem = assertProblem(response, 403, "not-a-party");
        assertThat(fields(problem)).containsExactly("contract.insurers");
        assertThat(currentVersion(id)).isEqualTo(1);
    }

    @Test
    void coInsurers_bothSeeAndChangeTheirSharedContract() {
        String id = registerAs("3311", manualExample());

        assertThat(call(GET, id, insurer("3343")).statusCode()).isEqualTo(200);
        assertThat(call(TERMINATE, id, insurer("3343")).statusCode()).isEqualTo(201);
    }

    @Test
    void idempotencyKeys_arePerClient_soOneInsurersKeyNeverReplaysAnothersOutcome() {
        String key = "key-" + UUID.randomUUID();

        HttpResponse<String> first = send(request(CONTRACTS, insurer("3311")).header("Idempotency-Key", key)
                .header("Content-Type", "application/json").POST(body(contractOf("3311"))));
        HttpResponse<String> other = send(request(CONTRACTS, insurer("3343")).header("Idempotency-Key", key)
                .header("Content-Type", "application/json").POST(body(contractOf("3343"))));

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(other.statusCode()).as(other.body()).isEqualTo(201);
        assertThat(json(other).get("id").asString()).isNotEqualTo(json(first).get("id").asString());
    }

    // Audit trail

    @Test
    void writes_areAudited_withClientRoleUzoviObjectAndOutcome_readsOfContractsAreNot() {
        String token = insurer("3311");
        String id = registerAs("3311", contractOf("3311"));
        call(AMEND, id, token, amendmentOf(contractOf("3311")));
        call(TERMINATE, id, insurer("3343"));
        call(GET, id, token);

        eventually(() -> {
            assertThat(auditRows(clientPrefix + "insurer-3311", id)).extracting(row -> row.get("action") + " " + row.get("outcome"))
                    .containsExactly("POST /api/v1/contracts 201", "POST /api/v1/contracts/{id}/amendments 201");
            assertThat(auditRows(clientPrefix + "insurer-3311", id)).allSatisfy(row -> assertThat(row)
                    .containsEntry("role", "INSURER").containsEntry("uzovi", "3311"));
            assertThat(auditRows(clientPrefix + "insurer-3343", id)).singleElement().satisfies(row -> assertThat(row)
                    .containsEntry("action", "POST /api/v1/contracts/{id}/termination").containsEntry("outcome", 404)
                    .containsEntry("object_type", "contracts").containsEntry("uzovi", "3343"));
            assertThat(auditRows(clientPrefix + "insurer-3311", id).get(0)).containsEntry("object_type", "contract");
        });
    }

    // Helpers

    private String registerAs(String uzovi, JsonNode contract) {
        HttpResponse<String> response = call(REGISTER, null, insurer(uzovi), contract);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response).get("id").asString();
    }

    /** The audit entry is written once the response status is known, which may be just after the client has it. */
    private static void eventually(ThrowingRunnable assertion) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(assertion);
    }

    private int currentVersion(String id) {
        return jdbc.sql("select version from contract where id = cast(:id as uuid)").param("id", id)
                .query(Integer.class).single();
    }

    private List<Map<String, Object>> auditRows(String clientId, String objectId) {
        return jdbc.sql("select * from audit_entry where client_id = :client and object_id = :object order by id")
                .param("client", clientId).param("object", objectId).query().listOfRows();
    }

    /** The manual example (insurers 3311 and 3343 purchasing together) with a reference of its own. */
    static ObjectNode manualExample() {
        ObjectNode contract;
        try (InputStream in = ContractSecurityIT.class.getResourceAsStream("/examples/contract-manual-example.json")) {
            contract = (ObjectNode) JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        contract.put("reference", "SEC-" + UUID.randomUUID());
        return contract;
    }

    /** The manual example purchased by one insurer alone (R11: SINGLE purchasing, no market share). */
    static ObjectNode contractOf(String uzovi) {
        ObjectNode contract = manualExample();
        contract.putArray("insurers").addObject().put("uzovi", uzovi).put("name", "Zorgverzekeraar " + uzovi);
        contract.putObject("purchasing").put("type", "SINGLE");
        return contract;
    }

    static JsonNode amendmentOf(JsonNode contract) {
        return JSON.readTree(AMENDMENT_BODY_PREFIX + JSON.writeValueAsString(contract) + "}");
    }

    /** Calls an endpoint with a valid body naming insurer 3311 (the body of a read is ignored). */
    private HttpResponse<String> call(Endpoint endpoint, String id, String token) {
        return call(endpoint, id, token, validBody(endpoint, "3311"));
    }

    /** A body that passes the rules and names {@code uzovi} among the insurers, so only the caller decides. */
    private static JsonNode validBody(Endpoint endpoint, String uzovi) {
        return endpoint == REGISTER ? contractOf(uzovi)
                : endpoint == AMEND ? amendmentOf(contractOf(uzovi))
                : endpoint == TERMINATE ? JSON.readTree(TERMINATION_BODY) : null;
    }

    private HttpResponse<String> call(Endpoint endpoint, String id, String token, JsonNode body) {
        HttpRequest.Builder request = request(id == null ? endpoint.path : endpoint.on(id), token);
        if (endpoint == AMEND) {
            request.header("If-Match", "*");
        }
        if (endpoint.write()) {
            request.header("Content-Type", "application/json").POST(body(body));
        } else {
            request.GET();
        }
        return send(request);
    }

    private static HttpRequest.BodyPublisher body(JsonNode body) {
        return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json").timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private static List<String> ids(HttpResponse<String> response) {
        List<String> ids = new ArrayList<>();
        json(response).get("items").forEach(contract -> ids.add(contract.get("id").asString()));
        return ids;
    }
}
