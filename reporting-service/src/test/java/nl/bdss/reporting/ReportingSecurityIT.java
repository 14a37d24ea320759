package nl.bdss.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import nl.bdss.events.Topics;
import nl.bdss.events.allocation.AllocationCalculated;
import nl.bdss.events.allocation.AllocationStatus;
import nl.bdss.events.contract.ContractState;
import nl.bdss.events.contract.ContractStatus;
import nl.bdss.events.contract.ContractVersionPublished;
import nl.bdss.events.contract.Insurer;
import nl.bdss.events.settlement.SettlementKind;
import nl.bdss.security.testing.TestTokenIssuer;
import nl.bdss.security.testing.UsesTestTokenIssuer;
import nl.bdss.testsupport.UsesInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Security of every reporting endpoint against tokens of the in-process test issuer: 401 without or with a refused
 * token, 403 for a role the endpoint does not allow, 2xx for the right role, an insurer's lists and exports limited
 * to its own rows, and the audit trail of the writes and the settlement reads.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = ReportingServiceApplication.CONFIG_NAME)
@UsesInfrastructure(database = "reporting")
@UsesTestTokenIssuer
// one live context at a time: the test contexts share the database, the consumer group and the outbox
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportingSecurityIT {

    static final TestTokenIssuer tokens = TestTokenIssuer.get();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final JsonMapper JSON = JsonMapper.builder().build();

    /** A contract of insurer 3311 alone, valid in a year no other test uses; 3343 is no party to it. */
    static final String CONTRACT_3311 = "security-it-contract-of-3311";
    /** Settled lines of 3343 on a contract reporting knows only from its settlements. */
    static final String CONTRACT_3343 = "security-it-contract-of-3343";
    static final int YEAR = 2038;

    /** Who may call an endpoint. */
    enum Access {
        /** Sector-wide figures and reference data: insurers and operators. */
        AGGREGATE,
        /** Per insurer or per contract: insurers (their own rows) and operators. */
        OWN_ROWS,
        /** Operators only. */
        OPERATOR
    }

    record Endpoint(String method, String path, String contentType, String body, Access access) {
        static Endpoint get(String path, Access access) {
            return new Endpoint("GET", path, null, null, access);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static String shippedRegions() {
        try (var in = ReportingSecurityIT.class.getClassLoader().getResourceAsStream("reference/provinces-pc4.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every endpoint of the service; the writes change nothing other tests rely on (unused year, shipped regions). */
    static List<Endpoint> endpoints() {
        return List.of(
                Endpoint.get("/api/v1/sector-loads?year=" + YEAR, Access.AGGREGATE),
                Endpoint.get("/api/v1/sector-loads/years", Access.AGGREGATE),
                Endpoint.get("/api/v1/monitor?year=" + YEAR, Access.AGGREGATE),
                Endpoint.get("/api/v1/alerts?year=" + YEAR, Access.AGGREGATE),
                Endpoint.get("/api/v1/macro-budgets?year=2039", Access.AGGREGATE),
                Endpoint.get("/api/v1/regions", Access.AGGREGATE),
                Endpoint.get("/api/v1/region-loads?year=" + YEAR, Access.AGGREGATE),
                Endpoint.get("/api/v1/sector-loads/by-insurer?year=" + YEAR, Access.OWN_ROWS),
                Endpoint.get("/api/v1/sector-loads/by-contract?year=" + YEAR, Access.OWN_ROWS),
                Endpoint.get("/api/v1/settlements/by-period?year=" + YEAR, Access.OWN_ROWS),
                Endpoint.get("/api/v1/contracts", Access.OWN_ROWS),
                Endpoint.get("/api/v1/contracts/by-status", Access.OWN_ROWS),
                Endpoint.get("/api/v1/allocations/pending", Access.OWN_ROWS),
                new Endpoint("PUT", "/api/v1/macro-budgets/GGZ/2039", "application/json",
                        "{\"amountCents\":900000000,\"source\":\"Security test figure\",\"date\":\"2038-09-15\"}", Access.OPERATOR),
                new Endpoint("POST", "/api/v1/macro-budgets", "text/csv",
                        "sector,year,amountCents,source,date\nGEBOORTEZORG,2039,800000000,Security test figure,2038-09-15\n",
                        Access.OPERATOR),
                new Endpoint("POST", "/api/v1/regions", "text/csv", shippedRegions(), Access.OPERATOR),
                Endpoint.get("/api/v1/operations/topics", Access.OPERATOR),
                Endpoint.get("/api/v1/operations/rebuild", Access.OPERATOR),
                new Endpoint("POST", "/api/v1/operations/rebuild", "application/json", "", Access.OPERATOR),
                Endpoint.get("/api/v1/audit", Access.OPERATOR));
    }

    static Stream<Endpoint> readEndpoints(Access... access) {
        List<Access> wanted = List.of(access);
        return endpoints().stream().filter(e -> e.method().equals("GET") && wanted.contains(e.access()));
    }

    static Stream<Endpoint> operatorOnly() {
        return endpoints().stream().filter(e -> e.access() == Access.OPERATOR);
    }

    /** Every endpoint times every kind of token that must be refused. */
    static Stream<Arguments> endpointsWithRefusedTokens() {
        return endpoints().stream().flatMap(endpoint -> tokens.refusedTokens().entrySet().stream()
                .map(token -> Arguments.of(endpoint, token.getKey(), token.getValue())));
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    void publishAContractOf3311AndSettledLinesOfBothInsurers() {
        ContractVersionPublished manual = ManualExample.contractVersion(1, ContractStatus.ACTIVE, LocalDate.of(2026, 12, 31));
        ContractState state = ContractState.newBuilder(manual.getContract())
                .setReference("SECURITY-IT-3311")
                .setInsurers(List.of(new Insurer("3311", "Zorgverzekeraar A")))
                .setValidFrom(LocalDate.of(YEAR, 1, 1))
                .setValidUntil(LocalDate.of(YEAR, 12, 31))
                .build();
        TopicsClient.publish(Topics.CONTRACT_VERSIONS, CONTRACT_3311, List.of(ContractVersionPublished.newBuilder(manual)
                .setEventId(UUID.randomUUID()).setContractId(CONTRACT_3311).setEffectiveFrom(LocalDate.of(YEAR, 1, 1))
                .setContract(state).build()));
        TopicsClient.publish(Topics.ALLOCATIONS, CONTRACT_3311, List.of(allocationOf3311(1, AllocationStatus.PENDING)));
        TopicsClient.publish(Topics.SETTLEMENTS, CONTRACT_3311, List.of(settled(CONTRACT_3311, "3311", 123_456)));
        TopicsClient.publish(Topics.SETTLEMENTS, CONTRACT_3343, List.of(settled(CONTRACT_3343, "3343", 654_321)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(json(get("/api/v1/allocations/pending", tokens.operator())).toString()).contains(CONTRACT_3311);
            assertThat(json(get("/api/v1/sector-loads/by-insurer?year=" + YEAR, tokens.operator())).get("total").asLong())
                    .isEqualTo(2);
        });
    }

    /** Leaves no pending allocation behind (the functional tests count them): a complete one without periods. */
    @AfterAll
    void completeTheAllocationOf3311() {
        TopicsClient.publish(Topics.ALLOCATIONS, CONTRACT_3311, List.of(allocationOf3311(2, AllocationStatus.COMPLETE)));
        await().atMost(Duration.ofSeconds(30)).until(() -> !get("/api/v1/allocations/pending?format=csv", tokens.operator())
                .body().contains(CONTRACT_3311));
    }

    static AllocationCalculated allocationOf3311(int version, AllocationStatus status) {
        return AllocationCalculated.newBuilder(ManualExample.allocation(version, AllocationStatus.PENDING))
                .setContractId(CONTRACT_3311)
                .setStatus(status)
                .setPendingReason(status == AllocationStatus.PENDING ? "no insured counts for the reference date" : null)
                .setValidFrom(LocalDate.of(YEAR, 1, 1))
                .setValidUntil(LocalDate.of(YEAR, 12, 31))
                .setPeriods(List.of())
                .build();
    }

    static nl.bdss.events.settlement.SettlementBooked settled(String contractId, String uzovi, long amountCents) {
        return ManualExample.entry(contractId, 1, contractId + "/" + YEAR + "-01-01/" + uzovi + "/GGZ",
                SettlementKind.LUMP_SUM, null, LocalDate.of(YEAR, 1, 1), LocalDate.of(YEAR, 12, 31), uzovi, "GGZ",
                amountCents);
    }

    // 401

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void everyEndpoint_withoutToken_answers401ProblemWithBearerChallenge(Endpoint endpoint) {
        HttpResponse<String> response = send(endpoint, null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge ->
                assertThat(challenge).startsWith("Bearer"));
        assertThat(json(response).get("type").asString()).isEqualTo("urn:bdss:problem:unauthorized");
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("endpointsWithRefusedTokens")
    void everyEndpoint_withARefusedToken_answers401InvalidToken_andStoresNothing(Endpoint endpoint, String kind,
            String token) {
        String before = storedByWrites();

        HttpResponse<String> response = send(endpoint, token);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge ->
                assertThat(challenge).startsWith("Bearer").contains("error=\"invalid_token\""));
        assertThat(json(response).get("type").asString()).isEqualTo("urn:bdss:problem:unauthorized");
        assertThat(storedByWrites()).isEqualTo(before);
    }

    /**
     * What the writes of {@link #endpoints()} leave behind: their audit entries, the 2039 macro budgets (an upsert
     * renews recorded_at), the region ranges (an upload rewrites every row, so their xmin changes) and a started rebuild.
     */
    String storedByWrites() {
        return jdbc.sql("""
                        select concat_ws('|',
                            (select max(id) from audit_entry),
                            (select string_agg(sector || '/' || recorded_at, ',' order by sector)
                             from macro_budget where budget_year = 2039),
                            (select max(xmin::text::bigint) from region_pc4_range),
                            (select count(*) from rebuild_target))""")
                .query(String.class).single();
    }

    // 403

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void trustedThirdParty_isRefusedOnEveryEndpoint_403(Endpoint endpoint) {
        HttpResponse<String> response = send(endpoint, tokens.ttp());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge ->
                assertThat(challenge).contains("insufficient_scope"));
        assertThat(json(response).get("type").asString()).isEqualTo("urn:bdss:problem:forbidden");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operatorOnly")
    void insurer_onOperatorOnlyEndpoints_answers403(Endpoint endpoint) {
        HttpResponse<String> response = send(endpoint, tokens.insurer("3311"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response).get("type").asString()).isEqualTo("urn:bdss:problem:forbidden");
    }

    @Test
    void anApiPathWithoutARule_isRefused_notOpenToAnyToken() {
        assertThat(send(new Endpoint("DELETE", "/api/v1/contracts", null, null, Access.OPERATOR), tokens.operator())
                .statusCode()).isEqualTo(403);
    }

    // 2xx

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void operator_mayCallEveryEndpoint(Endpoint endpoint) {
        HttpResponse<String> response = send(endpoint, tokens.operator());

        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        if (endpoint.method().equals("POST") && endpoint.path().equals("/api/v1/operations/rebuild")) {
            assertThat(response.statusCode()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    !json(get("/api/v1/operations/rebuild", tokens.operator())).get("inProgress").asBoolean());
        }
    }

    static Stream<Endpoint> insurerReads() {
        return readEndpoints(Access.AGGREGATE, Access.OWN_ROWS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("insurerReads")
    void insurer_mayReadTheAggregatesAndItsOwnRows(Endpoint endpoint) {
        assertThat(send(endpoint, tokens.insurer("3343")).statusCode()).isEqualTo(200);
    }

    @Test
    void publicPaths_needNoToken() {
        for (String path : List.of("/", "/index.html", "/monitor.html", "/dashboard.js", "/api.js", "/format.js",
                "/dashboard.css", "/webjars/chart.js/dist/chart.umd.js", "/actuator/health", "/v3/api-docs")) {
            assertThat(get(path, null).statusCode()).as(path).isEqualTo(200);
        }
    }

    // tenant isolation

    @Test
    void insurer3343_seesNoneOf3311sRows_inListsAndExports() {
        String token3343 = tokens.insurer("3343");

        assertThat(json(get("/api/v1/contracts", token3343)).findValuesAsString("contractId")).doesNotContain(CONTRACT_3311);
        assertThat(json(get("/api/v1/contracts?status=ACTIVE&size=500", token3343)).toString())
                .doesNotContain(CONTRACT_3311).doesNotContain("SECURITY-IT-3311");
        JsonNode pending = json(get("/api/v1/allocations/pending", token3343));
        assertThat(pending.get("items").toString()).doesNotContain(CONTRACT_3311);
        assertThat(get("/api/v1/allocations/pending?format=csv", token3343).body()).doesNotContain(CONTRACT_3311);

        JsonNode byInsurer = json(get("/api/v1/sector-loads/by-insurer?year=" + YEAR, token3343));
        assertThat(byInsurer.get("total").asLong()).isEqualTo(1);
        assertThat(byInsurer.get("items")).hasSize(1);
        assertThat(byInsurer.get("items").get(0).get("uzovi").asString()).isEqualTo("3343");
        assertThat(get("/api/v1/sector-loads/by-insurer?year=" + YEAR + "&format=csv", token3343).body().lines())
                .containsExactly("year,uzovi,sector,amountCents", YEAR + ",3343,GGZ,654321");
        assertThat(json(get("/api/v1/sector-loads/by-contract?year=" + YEAR, token3343)).findValuesAsString("contractId"))
                .containsExactly(CONTRACT_3343);
        JsonNode periods = json(get("/api/v1/settlements/by-period?year=" + YEAR, token3343));
        assertThat(periods.get("total").asLong()).isEqualTo(1);
        assertThat(periods.get("items").get(0).get("amountCents").asLong()).isEqualTo(654_321L);
        assertThat(get("/api/v1/settlements/by-period?year=" + YEAR + "&format=csv", token3343).body().lines())
                .containsExactly("year,periodStart,periodEnd,sector,amountCents,entries,corrections",
                        YEAR + "," + YEAR + "-01-01," + YEAR + "-12-31,GGZ,654321,1,0");
    }

    @Test
    void insurer3311_seesItsOwnContractAndRows_andTheOperatorSeesBothInsurers() {
        String token3311 = tokens.insurer("3311");

        assertThat(json(get("/api/v1/contracts?size=500", token3311)).findValuesAsString("contractId")).contains(CONTRACT_3311);
        assertThat(json(get("/api/v1/contracts/by-status", token3311)).get("ACTIVE").asLong()).isPositive();
        assertThat(get("/api/v1/allocations/pending?format=csv", token3311).body()).contains(CONTRACT_3311);
        assertThat(get("/api/v1/sector-loads/by-insurer?year=" + YEAR + "&format=csv", token3311).body().lines())
                .containsExactly("year,uzovi,sector,amountCents", YEAR + ",3311,GGZ,123456");
        assertThat(json(get("/api/v1/sector-loads/by-contract?year=" + YEAR, token3311)).findValuesAsString("contractId"))
                .containsExactly(CONTRACT_3311);
        assertThat(json(get("/api/v1/settlements/by-period?year=" + YEAR, token3311)).get("items").get(0)
                .get("amountCents").asLong()).isEqualTo(123_456L);

        assertThat(json(get("/api/v1/sector-loads/by-insurer?year=" + YEAR, tokens.operator())).findValuesAsString("uzovi"))
                .containsExactly("3311", "3343");
        assertThat(json(get("/api/v1/settlements/by-period?year=" + YEAR, tokens.operator())).get("items").get(0)
                .get("amountCents").asLong()).isEqualTo(777_777L);
        // the sector-wide figure is the same for every reader: both insurers' lines
        assertThat(json(get("/api/v1/sector-loads?year=" + YEAR, token3311)).get("totalCents").asLong()).isEqualTo(777_777L);
    }

    @Test
    void contractsByStatus_ofAnInsurer_countOnlyItsContracts() {
        JsonNode of3343 = json(get("/api/v1/contracts/by-status", tokens.insurer("3343")));
        JsonNode ofOperator = json(get("/api/v1/contracts/by-status", tokens.operator()));

        assertThat(ofOperator.get("ACTIVE").asLong()).isGreaterThan(of3343.path("ACTIVE").asLong(0));
    }

    // audit trail

    @Test
    void auditTrail_recordsTheWrites_theRefusedWrites_andTheSettlementReads() {
        long before = jdbc.sql("select coalesce(max(id), 0) from audit_entry").query(Long.class).single();

        Endpoint putBudget = endpoints().stream().filter(e -> e.method().equals("PUT")).findFirst().orElseThrow();
        assertThat(send(putBudget, tokens.operator()).statusCode()).isEqualTo(200);
        assertThat(send(putBudget, tokens.insurer("3311")).statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/settlements/by-period?year=" + YEAR, tokens.insurer("3343")).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/sector-loads/by-insurer?year=" + YEAR, tokens.insurer("3343")).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/sector-loads/by-contract?year=" + YEAR, tokens.insurer("3343")).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/sector-loads?year=" + YEAR, tokens.insurer("3343")).statusCode()).isEqualTo(200);

        List<String> entries = jdbc.sql("""
                        select client_id || '|' || role || '|' || coalesce(uzovi, '-') || '|' || action || '|'
                            || coalesce(object_type, '-') || '|' || coalesce(object_id, '-') || '|' || outcome
                        from audit_entry where id > ? order by id""")
                .param(before).query(String.class).list();
        assertThat(entries).containsExactly(
                "operator|OPERATOR|-|PUT /api/v1/macro-budgets/{sector}/{year}|macro-budget|GGZ/2039|200",
                "insurer-3311|INSURER|3311|PUT /api/v1/macro-budgets/GGZ/2039|-|-|403",
                "insurer-3343|INSURER|3343|GET /api/v1/settlements/by-period|-|-|200",
                "insurer-3343|INSURER|3343|GET /api/v1/sector-loads/by-insurer|-|-|200",
                "insurer-3343|INSURER|3343|GET /api/v1/sector-loads/by-contract|-|-|200");
    }

    @Test
    void auditTrail_recordsTheOperatorUploadsAndTheRebuild() {
        long before = jdbc.sql("select coalesce(max(id), 0) from audit_entry").query(Long.class).single();
        operatorOnly().filter(e -> e.method().equals("POST"))
                .forEach(e -> assertThat(send(e, tokens.operator()).statusCode()).isBetween(200, 202));
        await().atMost(Duration.ofSeconds(60)).until(() ->
                !json(get("/api/v1/operations/rebuild", tokens.operator())).get("inProgress").asBoolean());

        assertThat(jdbc.sql("""
                        select client_id || '|' || action || '|' || object_type || '|' || object_id || '|' || outcome
                        from audit_entry where id > ? and action like 'POST %' order by id""")
                .param(before).query(String.class).list())
                .containsExactly("operator|POST /api/v1/macro-budgets|macro-budgets|upload of 1|200",
                        "operator|POST /api/v1/regions|regions|upload of 12|200",
                        "operator|POST /api/v1/operations/rebuild|read-models|rebuild|202");
    }

    // HTTP

    HttpResponse<String> get(String path, String token) {
        return send(Endpoint.get(path, Access.OPERATOR), token);
    }

    HttpResponse<String> send(Endpoint endpoint, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + endpoint.path()))
                .header("Accept", endpoint.path().startsWith("/api/") ? "application/json" : "*/*");
        if (endpoint.contentType() != null) {
            request.header("Content-Type", endpoint.contentType());
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        request.method(endpoint.method(), endpoint.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(endpoint.body()));
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
