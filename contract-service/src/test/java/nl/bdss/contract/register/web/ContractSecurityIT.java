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
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
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
 * isolation (an insurer or a provider sees and changes only contracts it signs; others' answer 404 like an unknown id
 * and are not in its searches), providers propose nothing, nothing stored on a refusal, and the audit trail of the
 * proposals and decisions.
 *
 * <p>Each test of its own calls as clients of its own ({@link #insurer}, {@link #operator}, providers with AGB codes
 * of its own), so no test spends the request budget of another under the contract's tight rate limit.
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
    static final String ACCEPT_BODY = "{\"decision\":\"ACCEPT\"}";
    /** A service area no other test uses, so searches in it see only this test's contracts. */
    static final String OWN_AREA = "9731";

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    /** Names this test's clients: {@code <prefix>insurer-3311}, {@code <prefix>operator}. */
    private String clientPrefix;
    /** The Zvw providers of this test's contracts: clients {@code provider-<agb>} of its own. */
    private String gpAgb = "01012345";
    private String nurseAgb = "75750123";

    @BeforeEach
    void clientsOfThisTest() {
        clientPrefix = "t" + UUID.randomUUID().toString().substring(0, 8) + "-";
        gpAgb = randomAgb();
        nurseAgb = randomAgb();
    }

    /** A token of insurer {@code uzovi}, as a client of this test. */
    private String insurer(String uzovi) {
        return tokens.token(clientPrefix + "insurer-" + uzovi, "insurer", uzovi);
    }

    private String operator() {
        return tokens.token(clientPrefix + "operator", "operator", null);
    }

    /** A token of provider {@code agb} (client {@code provider-<agb>}). */
    private String provider(String agb) {
        return tokens.provider(agb);
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
    static final Endpoint ACCEPT = new Endpoint("POST", CONTRACTS + "/{id}/acceptances", true);
    static final Endpoint WITHDRAW = new Endpoint("DELETE", CONTRACTS + "/{id}/proposal", true);
    static final Endpoint GET = new Endpoint("GET", CONTRACTS + "/{id}", false);
    static final Endpoint VERSIONS = new Endpoint("GET", CONTRACTS + "/{id}/versions", false);
    static final Endpoint VERSION = new Endpoint("GET", CONTRACTS + "/{id}/versions/1", false);
    static final Endpoint PROPOSAL = new Endpoint("GET", CONTRACTS + "/{id}/proposal", false);
    static final Endpoint PROPOSAL_PREVIEW = new Endpoint("GET", CONTRACTS + "/{id}/proposal/preview", false);

    Stream<Endpoint> writes() {
        return Stream.of(REGISTER, AMEND, TERMINATE, ACCEPT, WITHDRAW);
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
                SecuredEndpoint.post(contract + "/acceptances", ACCEPT_BODY, "insurer", "provider"),
                new SecuredEndpoint("DELETE", contract + "/proposal", null, null, Set.of("insurer")),
                SecuredEndpoint.post(CONTRACTS + "/preview", JSON.writeValueAsString(contractOf("3311")), "insurer",
                        "provider", "operator"),
                SecuredEndpoint.get(CONTRACTS, "insurer", "provider", "operator"),
                SecuredEndpoint.get(contract, "insurer", "provider", "operator"),
                SecuredEndpoint.get(contract + "/versions", "insurer", "provider", "operator"),
                SecuredEndpoint.get(contract + "/versions/1", "insurer", "provider", "operator"),
                SecuredEndpoint.get(contract + "/proposal", "insurer", "provider", "operator"),
                SecuredEndpoint.get(contract + "/proposal/preview", "insurer", "provider", "operator"),
                SecuredEndpoint.get("/api/v1/zvw-sectors", "insurer", "provider", "operator"),
                SecuredEndpoint.put("/api/v1/zvw-sectors/NEVER_STORED", "{\"name\":\"Nooit\",\"macroBudgetSector\":true,"
                        + "\"validFrom\":\"2024-05-01\"}", "operator"),
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
        String id = onExistingContract ? contractFor(endpoint) : UUID.randomUUID().toString();
        String before = onExistingContract ? state(id) : null;
        JsonNode body = validBody(endpoint, "3311");

        HttpResponse<String> response = call(endpoint, id, tokens.expiredToken(), body);

        assertProblem(response, 401, "unauthorized");
        if (endpoint == REGISTER) {
            assertThat(jdbc.sql("select count(*) from contract where reference = :reference")
                    .param("reference", body.get("reference").asString()).query(Long.class).single())
                    .as("nothing registered").isZero();
        } else {
            assertThat(state(id)).as("nothing proposed, decided or withdrawn").isEqualTo(before);
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
    void operator_writesNothing_notEvenOnAPartysBehalf_andTheRefusalIsAudited(Endpoint endpoint) {
        String id = contractFor(endpoint);
        String before = state(id);
        String operator = operator();

        HttpResponse<String> response = call(endpoint, id, operator);

        assertProblem(response, 403, "forbidden");
        assertThat(state(id)).isEqualTo(before);
        // Refused before it reaches a controller, so the action names the request path itself.
        String path = endpoint == REGISTER ? CONTRACTS : endpoint.on(id);
        eventually(() -> assertThat(jdbc.sql(
                        "select count(*) from audit_entry where client_id = :client and action = :action and outcome = 403")
                .param("client", clientPrefix + "operator").param("action", endpoint.method() + " " + path)
                .query(Long.class).single()).isEqualTo(1));
    }

    // 2xx: the roles that may

    @Test
    void insurer_proposesAmendsTerminatesAndReadsItsOwnContract_eachInForceOnceEveryPartyAccepted() {
        String token = insurer("3311");

        HttpResponse<String> registered = call(REGISTER, null, token, contractOf("3311"));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String id = json(registered).get("id").asString();
        assertThat(json(registered).get("status").asString()).isEqualTo("PROPOSED");
        acceptAsEveryPartyAsked(id, registered);

        assertThat(call(GET, id, token).statusCode()).isEqualTo(200);
        assertThat(call(VERSIONS, id, token).statusCode()).isEqualTo(200);
        assertThat(call(VERSION, id, token).statusCode()).isEqualTo(200);
        assertThat(call(PROPOSAL, id, token).statusCode()).isEqualTo(200);
        HttpResponse<String> found = send(request(CONTRACTS + "?insurer=3311&size=200", token).GET());
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(ids(found)).contains(id);

        HttpResponse<String> amended = call(AMEND, id, token, amendmentOf(contractOf("3311")));
        assertThat(amended.statusCode()).as(amended.body()).isEqualTo(201);
        acceptAsEveryPartyAsked(id, amended);
        HttpResponse<String> terminated = call(TERMINATE, id, token);
        assertThat(terminated.statusCode()).as(terminated.body()).isEqualTo(201);
        assertThat(json(call(GET, id, token)).get("status").asString()).isEqualTo("ACTIVE");
        acceptAsEveryPartyAsked(id, terminated);
        assertThat(json(call(GET, id, token)).get("status").asString()).isEqualTo("TERMINATED");
    }

    @Test
    void operator_readsEveryInsurersContractsAndProposals() {
        String of3311 = registerAs("3311", contractOf("3311"));
        String of3343 = registerAs("3343", contractOf("3343"));

        for (String id : List.of(of3311, of3343)) {
            assertThat(call(GET, id, operator()).statusCode()).isEqualTo(200);
            assertThat(call(VERSIONS, id, operator()).statusCode()).isEqualTo(200);
            assertThat(call(VERSION, id, operator()).statusCode()).isEqualTo(200);
            assertThat(call(PROPOSAL, id, operator()).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> all = send(request(CONTRACTS + "?size=200", operator()).GET());
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(json(all).get("totalElements").asLong())
                .isEqualTo(jdbc.sql("select count(*) from contract").query(Long.class).single());
    }

    @Test
    void provider_readsAndFindsTheContractsItSigns() {
        String id = registerAs("3311", contractOf("3311"));
        String token = provider(gpAgb);

        for (Endpoint endpoint : List.of(GET, VERSIONS, VERSION, PROPOSAL)) {
            HttpResponse<String> response = call(endpoint, id, token);
            assertThat(response.statusCode()).as(endpoint + " " + response.body()).isEqualTo(200);
        }
        HttpResponse<String> found = send(request(CONTRACTS + "?size=200", token).GET());
        assertThat(ids(found)).containsExactly(id);
        assertThat(json(found).get("totalElements").asLong()).isEqualTo(1);
        assertThat(ids(send(request(CONTRACTS + "?provider=" + gpAgb + "&size=200", token).GET()))).containsExactly(id);
    }

    @Test
    void provider_decidesOnTheProposalsThatAskIt() {
        HttpResponse<String> proposed = call(REGISTER, null, insurer("3311"), contractOf("3311"));
        String id = json(proposed).get("id").asString();

        HttpResponse<String> accepted = decide(id, provider(gpAgb), "\"p1-1\"",
                "{\"decision\":\"DECLINE\",\"reason\":\"Nog geen afspraken over de verwijzing\"}");

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(json(accepted).get("status").asString()).isEqualTo("DECLINED");
    }

    // Tenant isolation: 3343 and the contracts of 3311, another provider and the contracts of these providers

    @Test
    void anotherInsurersContract_answers404_exactlyLikeAnUnknownId() {
        String of3311 = registerAs("3311", contractOf("3311"));
        String unknown = UUID.randomUUID().toString();
        String token = insurer("3343");

        for (Endpoint endpoint : List.of(GET, VERSIONS, VERSION, PROPOSAL, PROPOSAL_PREVIEW, AMEND, TERMINATE, ACCEPT,
                WITHDRAW)) {
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
    void anotherProvidersContract_answers404_exactlyLikeAnUnknownId_andIsNotFound() {
        HttpResponse<String> proposed = call(REGISTER, null, insurer("3311"), contractOf("3311"));
        String theirs = json(proposed).get("id").asString();
        String unknown = UUID.randomUUID().toString();
        String stranger = provider(randomAgb());

        for (Endpoint endpoint : List.of(GET, VERSIONS, VERSION, PROPOSAL, PROPOSAL_PREVIEW, ACCEPT)) {
            HttpResponse<String> refused = call(endpoint, theirs, stranger);
            HttpResponse<String> none = call(endpoint, unknown, stranger);

            assertThat(refused.statusCode()).as(endpoint.toString()).isEqualTo(404);
            assertThat(refused.body().replace(theirs, "ID")).as(endpoint.toString())
                    .isEqualTo(none.body().replace(unknown, "ID"));
        }
        HttpResponse<String> found = send(request(CONTRACTS + "?provider=" + gpAgb + "&size=200", stranger).GET());
        assertThat(json(found).get("totalElements").asLong()).isZero();
        assertThat(json(call(GET, theirs, insurer("3311"))).get("proposal").get("decisions")).isEmpty();
    }

    @Test
    void provider_proposesNothing_andWithdrawsNothing() {
        HttpResponse<String> proposed = call(REGISTER, null, insurer("3311"), contractOf("3311"));
        String id = json(proposed).get("id").asString();
        String token = provider(gpAgb);

        for (Endpoint endpoint : List.of(REGISTER, AMEND, TERMINATE, WITHDRAW)) {
            assertProblem(call(endpoint, id, token), 403, "forbidden");
        }
        assertThat(json(call(GET, id, insurer("3311"))).get("proposal").get("status").asString()).isEqualTo("OPEN");
    }

    /**
     * Refused either as a token (401, when security-support checks the agb claim of provider tokens) or by the
     * register (403, which confines a provider only to the AGB its token names); never answered as if unconfined.
     */
    @Test
    void aProviderTokenWithoutItsAgb_seesNothing() {
        String id = registerAs("3311", contractOf("3311"));
        String withoutAgb = tokens.token(clientPrefix + "provider-unknown", "provider", null);

        for (HttpResponse<String> response : List.of(call(GET, id, withoutAgb),
                send(request(CONTRACTS + "?size=200", withoutAgb).GET()))) {
            assertThat(response.statusCode()).as(response.body()).isIn(401, 403);
            assertProblem(response, response.statusCode(), response.statusCode() == 401 ? "unauthorized" : "forbidden");
        }
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
        assertThat(state(id)).contains("proposals 1");
    }

    @Test
    void coInsurers_bothSeeTheirSharedContract_andEitherProposes_butNeitherDecidesAlone() {
        String id = registerAs("3311", manualExample());

        assertThat(call(GET, id, insurer("3343")).statusCode()).isEqualTo(200);
        HttpResponse<String> terminated = call(TERMINATE, id, insurer("3343"));
        assertThat(terminated.statusCode()).as(terminated.body()).isEqualTo(201);
        assertThat(json(terminated).get("proposal").get("pendingAcceptances").values())
                .extracting(party -> party.has("uzovi") ? party.get("uzovi").asString() : party.get("agb").asString())
                .containsExactly("3311", gpAgb, nurseAgb);
        assertThat(json(call(GET, id, insurer("3311"))).get("status").asString()).isEqualTo("ACTIVE");
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
    void proposalsAndDecisions_areAudited_withClientRoleObjectAndOutcome_readsOfContractsAreNot() {
        String token = insurer("3311");
        HttpResponse<String> registered = call(REGISTER, null, token, manualExample());
        String id = json(registered).get("id").asString();
        decide(id, insurer("3343"), "\"p1-1\"", ACCEPT_BODY);
        decide(id, provider(gpAgb), "\"p1-2\"", ACCEPT_BODY);
        decide(id, provider(nurseAgb), "\"p1-3\"", "{\"decision\":\"DECLINE\",\"reason\":\"Te weinig uren begroot\"}");
        call(TERMINATE, id, insurer("7029"));
        call(GET, id, token);

        eventually(() -> {
            assertThat(auditRows(clientPrefix + "insurer-3311", id)).singleElement().satisfies(row -> assertThat(row)
                    .containsEntry("action", "POST /api/v1/contracts").containsEntry("outcome", 201)
                    .containsEntry("role", "INSURER").containsEntry("uzovi", "3311")
                    .containsEntry("object_type", "contract-proposal").containsEntry("object_id", id + "/p1/REGISTRATION"));
            assertThat(auditRows(clientPrefix + "insurer-3343", id)).singleElement().satisfies(row -> assertThat(row)
                    .containsEntry("action", "POST /api/v1/contracts/{id}/acceptances").containsEntry("outcome", 200)
                    .containsEntry("object_type", "contract-proposal").containsEntry("object_id", id + "/p1/ACCEPT"));
            assertThat(auditRows("provider-" + nurseAgb, id)).singleElement().satisfies(row -> assertThat(row)
                    .containsEntry("role", "PROVIDER").containsEntry("object_id", id + "/p1/DECLINE"));
            assertThat(auditRows("provider-" + gpAgb, id)).extracting(row -> row.get("object_id"))
                    .containsExactly(id + "/p1/ACCEPT");
            assertThat(auditRows(clientPrefix + "insurer-7029", id)).singleElement().satisfies(row -> assertThat(row)
                    .containsEntry("action", "POST /api/v1/contracts/{id}/termination").containsEntry("outcome", 404)
                    .containsEntry("object_type", "contracts").containsEntry("uzovi", "7029"));
        });
    }

    // Helpers

    /** Proposes as {@code uzovi} and accepts as every party asked; the contract is then in force. */
    private String registerAs(String uzovi, JsonNode contract) {
        HttpResponse<String> response = call(REGISTER, null, insurer(uzovi), contract);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        String id = json(response).get("id").asString();
        acceptAsEveryPartyAsked(id, response);
        return id;
    }

    private void acceptAsEveryPartyAsked(String id, HttpResponse<String> proposed) {
        String etag = proposed.headers().firstValue("ETag").orElseThrow();
        for (JsonNode party : json(proposed).get("proposal").get("pendingAcceptances").values()) {
            String token = party.has("uzovi") ? insurer(party.get("uzovi").asString()) : provider(party.get("agb").asString());
            HttpResponse<String> accepted = decide(id, token, etag, ACCEPT_BODY);
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
            etag = accepted.headers().firstValue("ETag").orElseThrow();
        }
    }

    private HttpResponse<String> decide(String id, String token, String etag, String body) {
        return send(request(CONTRACTS + "/" + id + "/acceptances", token).header("If-Match", etag)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * A contract to call {@code endpoint} on: in force for the changes, with an open proposal of an amendment for
     * accepting and withdrawing.
     */
    private String contractFor(Endpoint endpoint) {
        String id = registerAs("3311", contractOf("3311"));
        if (endpoint == ACCEPT || endpoint == WITHDRAW) {
            HttpResponse<String> proposed = call(AMEND, id, insurer("3311"), amendmentOf(contractOf("3311")));
            assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(201);
        }
        return id;
    }

    /** The contract's version, status and every proposal's state, as stored. */
    private String state(String id) {
        String contract = jdbc.sql("select version || ' ' || status from contract where id = cast(:id as uuid)")
                .param("id", id).query(String.class).single();
        List<String> proposals = jdbc.sql("""
                        select p.number || ' ' || p.status || ' ' || p.revision || ' '
                               || (select count(*) from contract_proposal_decision d where d.proposal_id = p.id)
                          from contract_proposal p where p.contract_id = cast(:id as uuid) order by p.number""")
                .param("id", id).query(String.class).list();
        return contract + ", proposals " + proposals.size() + " " + proposals;
    }

    /** The audit entry is written once the response status is known, which may be just after the client has it. */
    private static void eventually(ThrowingRunnable assertion) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(assertion);
    }

    private int currentVersion(String id) {
        return jdbc.sql("select version from contract where id = cast(:id as uuid)").param("id", id)
                .query(Integer.class).single();
    }

    /** The entries of a client about a contract: its path (object id = contract id) or one of its proposals. */
    private List<Map<String, Object>> auditRows(String clientId, String contractId) {
        return jdbc.sql("""
                        select * from audit_entry where client_id = :client
                           and (object_id = :object or object_id like :object || '/%') order by id""")
                .param("client", clientId).param("object", contractId).query().listOfRows();
    }

    /** The manual example (insurers 3311 and 3343 purchasing together) with a reference and providers of its own. */
    private ObjectNode manualExample() {
        ObjectNode contract;
        try (InputStream in = ContractSecurityIT.class.getResourceAsStream("/examples/contract-manual-example.json")) {
            contract = (ObjectNode) JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        contract.put("reference", "SEC-" + UUID.randomUUID());
        ((ObjectNode) contract.get("parties").get(0)).put("agb", gpAgb);
        ((ObjectNode) contract.get("parties").get(1)).put("agb", nurseAgb);
        return contract;
    }

    /** The manual example purchased by one insurer alone (R11: SINGLE purchasing, no market share). */
    private ObjectNode contractOf(String uzovi) {
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
    private JsonNode validBody(Endpoint endpoint, String uzovi) {
        return endpoint == REGISTER ? contractOf(uzovi)
                : endpoint == AMEND ? amendmentOf(contractOf(uzovi))
                : endpoint == TERMINATE ? JSON.readTree(TERMINATION_BODY)
                : endpoint == ACCEPT ? JSON.readTree(ACCEPT_BODY) : null;
    }

    private HttpResponse<String> call(Endpoint endpoint, String id, String token, JsonNode body) {
        HttpRequest.Builder request = request(id == null ? endpoint.path : endpoint.on(id), token);
        if (endpoint == AMEND) {
            request.header("If-Match", "*");
        }
        if (endpoint == ACCEPT || endpoint == WITHDRAW) {
            request.header("If-Match", id == null ? "\"p1-1\"" : currentProposalTag(id));
        }
        if (endpoint == WITHDRAW) {
            request.DELETE();
        } else if (endpoint.write()) {
            request.header("Content-Type", "application/json").POST(body(body));
        } else {
            request.GET();
        }
        return send(request);
    }

    /** The ETag of the contract's latest proposal as stored (p1-1 when there is none), so only the caller decides. */
    private String currentProposalTag(String id) {
        return jdbc.sql("""
                        select '"p' || number || '-' || revision || '"' from contract_proposal
                         where contract_id = cast(:id as uuid) order by number desc limit 1""")
                .param("id", id).query(String.class).optional().orElse("\"p1-1\"");
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

    private static String randomAgb() {
        return String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }
}
