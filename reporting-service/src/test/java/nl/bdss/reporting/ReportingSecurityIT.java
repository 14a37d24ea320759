package nl.bdss.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import nl.bdss.events.Topics;
import nl.bdss.events.allocation.AllocationCalculated;
import nl.bdss.events.allocation.AllocationStatus;
import nl.bdss.events.contract.ContractState;
import nl.bdss.events.contract.Insurer;
import nl.bdss.events.fixtures.ManualExampleEvents;
import nl.bdss.security.testing.SecuredEndpoint;
import nl.bdss.security.testing.SecurityContract;
import nl.bdss.security.testing.UsesTestTokenIssuer;
import nl.bdss.testsupport.UsesInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Security of every reporting endpoint: the shared contract (401 without or with a refused token, 403 for a role
 * without business there, 413 over the body limit, 429 past the rate, all in the one problem shape) from the table of
 * endpoints below, and what is reporting's own: 2xx for the roles that have business there, an insurer's lists and
 * exports limited to its own rows, a sector-wide figure resting on another insurer's single contract withheld from an
 * insurer, refused writes storing nothing, and the audit trail of the writes and the settlement reads. Providers have
 * no business in reporting (their money is in settlement-service): every endpoint answers them 403. The scenarios of
 * this class use client ids of their own, so none spends another's rate.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        ReportingServiceApplication.CONFIG_NAME, SecurityContract.RATE_LIMIT_REQUESTS_PER_SECOND,
        SecurityContract.RATE_LIMIT_BURST_PROPERTY})
@UsesInfrastructure(database = "reporting")
@Import(FixedClock.class)
@UsesTestTokenIssuer
// one live context at a time: the test contexts share the database, the consumer group and the outbox
@DirtiesContext
class ReportingSecurityIT extends SecurityContract {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String INSURER = "insurer";
    static final String OPERATOR = "operator";

    /** A contract of insurer 3311 alone, valid in a year no other test uses; 3343 is no party to it. */
    static final String CONTRACT_3311 = "security-it-contract-of-3311";
    /** Settled lines of 3343 on a contract reporting knows only from its settlements. */
    static final String CONTRACT_3343 = "security-it-contract-of-3343";
    static final int YEAR = 2038;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    static String shippedRegions() {
        try (var in = ReportingSecurityIT.class.getClassLoader().getResourceAsStream("reference/provinces-pc4.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static SecuredEndpoint csv(String path, String body) {
        return new SecuredEndpoint("POST", path, "text/csv", body, Set.of(OPERATOR));
    }

    /** Every endpoint of the service; the writes change nothing other tests rely on (unused year, shipped regions). */
    @Override
    protected List<SecuredEndpoint> endpoints() {
        return List.of(
                SecuredEndpoint.get("/api/v1/sector-loads?year=" + YEAR, INSURER, OPERATOR),
                SecuredEndpoint.get("/api/v1/sector-loads/years", INSURER, OPERATOR),
                SecuredEndpoint.get("/api/v1/monitor?year=" + YEAR, INSURER, OPERATOR),
                SecuredEndpoint.get("/api/v1/alerts?year=" + YEAR, INSURER, OPERATOR),
                SecuredEndpoint.get("/api/v1/macro-budgets?year=2039", INSURER, OPERATOR),
                SecuredEndpoint.get("/api/v1/regions", INSURER, OPERATOR),
                SecuredEndpoint.get("/api/v1/region-loads?year=" + YEAR, INSURER, OPERATOR),
                SecuredEndpoint.get("/api/v1/today", INSURER, OPERATOR),
                SecuredEndpoint.get("/api/v1/sector-loads/by-insurer?year=" + YEAR, INSURER, OPERATOR),
                SecuredEndpoint.get("/api/v1/sector-loads/by-contract?year=" + YEAR, INSURER, OPERATOR),
                SecuredEndpoint.get("/api/v1/settlements/by-period?year=" + YEAR, INSURER, OPERATOR),
                SecuredEndpoint.get("/api/v1/contracts", INSURER, OPERATOR),
                SecuredEndpoint.get("/api/v1/contracts/by-status", INSURER, OPERATOR),
                SecuredEndpoint.get("/api/v1/allocations/pending", INSURER, OPERATOR),
                SecuredEndpoint.put("/api/v1/macro-budgets/GGZ/2039",
                        "{\"amountCents\":900000000,\"source\":\"Security test figure\",\"date\":\"2038-09-15\"}", OPERATOR),
                csv("/api/v1/macro-budgets",
                        "sector,year,amountCents,source,date\nGEBOORTEZORG,2039,800000000,Security test figure,2038-09-15\n"),
                csv("/api/v1/regions", shippedRegions()),
                SecuredEndpoint.get("/api/v1/operations/topics", OPERATOR),
                SecuredEndpoint.get("/api/v1/operations/rebuild", OPERATOR),
                new SecuredEndpoint("POST", "/api/v1/operations/rebuild", null, null, Set.of(OPERATOR)),
                SecuredEndpoint.get("/api/v1/audit", OPERATOR));
    }

    @Override
    protected int port() {
        return port;
    }

    @Override
    protected long maxRequestBytes() {
        return 1_048_576;
    }

    /** A token of a client of the scenario's own, so that its requests spend only its own rate. */
    String operator(String clientId) {
        return tokens.token(clientId, "operator", null);
    }

    @BeforeAll
    void publishAContractOf3311AndSettledLinesOfBothInsurers() {
        ContractState state = ManualExampleEvents.contract()
                .setReference("SECURITY-IT-3311")
                .setInsurers(List.of(new Insurer("3311", "Zorgverzekeraar A")))
                .setValidFrom(LocalDate.of(YEAR, 1, 1))
                .setValidUntil(LocalDate.of(YEAR, 12, 31))
                .build();
        TopicsClient.publish(Topics.CONTRACT_VERSIONS, CONTRACT_3311, List.of(ManualExampleEvents
                .contractVersion(CONTRACT_3311, 1, LocalDate.of(YEAR, 1, 1), state).setEventId(UUID.randomUUID()).build()));
        TopicsClient.publish(Topics.ALLOCATIONS, CONTRACT_3311, List.of(allocationOf3311(1, AllocationStatus.PENDING)));
        TopicsClient.publish(Topics.SETTLEMENTS, CONTRACT_3311, List.of(settled(CONTRACT_3311, "3311", 123_456)));
        TopicsClient.publish(Topics.SETTLEMENTS, CONTRACT_3343, List.of(settled(CONTRACT_3343, "3343", 654_321)));
        String setup = operator("security-it-setup");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(json(get("/api/v1/allocations/pending", setup)).toString()).contains(CONTRACT_3311);
            assertThat(json(get("/api/v1/sector-loads/by-insurer?year=" + YEAR, setup)).get("total").asLong())
                    .isEqualTo(2);
        });
    }

    /** Leaves no pending allocation behind (the functional tests count them): a complete one without periods. */
    @AfterAll
    void completeTheAllocationOf3311() {
        TopicsClient.publish(Topics.ALLOCATIONS, CONTRACT_3311, List.of(allocationOf3311(2, AllocationStatus.COMPLETE)));
        String cleanup = operator("security-it-cleanup");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                !get("/api/v1/allocations/pending?format=csv", cleanup).body().contains(CONTRACT_3311));
    }

    static AllocationCalculated allocationOf3311(int version, AllocationStatus status) {
        return ManualExampleEvents.allocation(CONTRACT_3311, version, 1)
                .setStatus(status)
                .setPendingReason(status == AllocationStatus.PENDING ? "no insured counts for the reference date" : null)
                .setValidFrom(LocalDate.of(YEAR, 1, 1))
                .setValidUntil(LocalDate.of(YEAR, 12, 31))
                .setPeriods(List.of())
                .build();
    }

    static nl.bdss.events.settlement.SettlementBooked settled(String contractId, String uzovi, long amountCents) {
        return ManualExampleEvents.lumpSum(contractId, 1, LocalDate.of(YEAR, 1, 1), LocalDate.of(YEAR, 12, 31), uzovi, "GGZ",
                amountCents).build();
    }

    // 2xx for the roles that have business there

    Stream<SecuredEndpoint> insurerEndpoints() {
        return endpoints().stream().filter(endpoint -> endpoint.roles().contains(INSURER));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyEndpoint")
    void operator_mayCallEveryEndpoint(SecuredEndpoint endpoint) {
        String operator = operator("security-it-operator");
        HttpResponse<String> response = send(endpoint, operator, endpoint.body());

        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        if (endpoint.method().equals("POST") && endpoint.path().equals("/api/v1/operations/rebuild")) {
            assertThat(response.statusCode()).isEqualTo(202);
            awaitRebuildDone();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("insurerEndpoints")
    void insurer_mayReadTheAggregatesAndItsOwnRows(SecuredEndpoint endpoint) {
        assertThat(send(endpoint, tokens.insurer("3343"), null).statusCode()).isEqualTo(200);
    }

    @Test
    void anotherMethodOnAnApiPath_isRefused_notOpenToAnyToken() {
        assertThat(send(new SecuredEndpoint("DELETE", "/api/v1/contracts", null, null, Set.of()),
                operator("security-it-delete"), null).statusCode()).isEqualTo(403);
    }

    @Test
    void publicPaths_needNoToken() {
        for (String path : List.of("/", "/index.html", "/monitor.html", "/dashboard.js", "/api.js", "/format.js",
                "/dashboard.css", "/webjars/chart.js/dist/chart.umd.js", "/actuator/health", "/v3/api-docs")) {
            assertThat(get(path, null).statusCode()).as(path).isEqualTo(200);
        }
    }

    // refused writes store nothing

    @Test
    void writesRefusedForTheTokenOrTheRole_storeNothing() {
        String before = storedByWrites();

        for (SecuredEndpoint write : endpoints().stream().filter(endpoint -> !endpoint.method().equals("GET")).toList()) {
            assertThat(send(write, tokens.expiredToken(), write.body()).statusCode()).as(write.toString()).isEqualTo(401);
            assertThat(send(write, tokens.insurer("3311"), write.body()).statusCode()).as(write.toString()).isEqualTo(403);
        }

        assertThat(storedByWrites()).isEqualTo(before);
    }

    /**
     * What the writes of {@link #endpoints()} leave behind: the 2039 macro budgets (an upsert renews recorded_at), the
     * region ranges (an upload rewrites every row, so their xmin changes) and a started rebuild.
     */
    String storedByWrites() {
        return jdbc.sql("""
                        select concat_ws('|',
                            (select string_agg(sector || '/' || recorded_at, ',' order by sector)
                             from macro_budget where budget_year = 2039),
                            (select max(xmin::text::bigint) from region_pc4_range),
                            (select count(*) from rebuild_target))""")
                .query(String.class).single();
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
        String operator = operator("security-it-isolation");

        assertThat(json(get("/api/v1/contracts?size=500", token3311)).findValuesAsString("contractId")).contains(CONTRACT_3311);
        assertThat(json(get("/api/v1/contracts/by-status", token3311)).get("ACTIVE").asLong()).isPositive();
        assertThat(get("/api/v1/allocations/pending?format=csv", token3311).body()).contains(CONTRACT_3311);
        assertThat(get("/api/v1/sector-loads/by-insurer?year=" + YEAR + "&format=csv", token3311).body().lines())
                .containsExactly("year,uzovi,sector,amountCents", YEAR + ",3311,GGZ,123456");
        assertThat(json(get("/api/v1/sector-loads/by-contract?year=" + YEAR, token3311)).findValuesAsString("contractId"))
                .containsExactly(CONTRACT_3311);
        assertThat(json(get("/api/v1/settlements/by-period?year=" + YEAR, token3311)).get("items").get(0)
                .get("amountCents").asLong()).isEqualTo(123_456L);

        assertThat(json(get("/api/v1/sector-loads/by-insurer?year=" + YEAR, operator)).findValuesAsString("uzovi"))
                .containsExactly("3311", "3343");
        assertThat(json(get("/api/v1/settlements/by-period?year=" + YEAR, operator)).get("items").get(0)
                .get("amountCents").asLong()).isEqualTo(777_777L);
        // the sector-wide figure holds both insurers' lines: the operator sees it; 3311 is not shown it, since after
        // subtracting its own 123,456 it would be 3343's 654,321 on one contract (small cells, issue 14)
        JsonNode ofOperator = json(get("/api/v1/sector-loads?year=" + YEAR, operator));
        assertThat(ofOperator.get("totalCents").asLong()).isEqualTo(777_777L);
        JsonNode of3311 = json(get("/api/v1/sector-loads?year=" + YEAR, token3311));
        assertThat(of3311.get("totalCents").isNull()).isTrue();
        assertThat(of3311.get("suppressed").asBoolean()).isTrue();
        assertThat(of3311.toString()).doesNotContain("777777").doesNotContain("654321");
    }

    @Test
    void aProvider_isRefusedEveryReportingRead_evenTheReferenceData() {
        String provider = tokens.provider(ManualExampleEvents.MAIN_CONTRACTOR_AGB);

        assertThat(get("/api/v1/sector-loads?year=" + YEAR, provider).statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/contracts", provider).statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/today", provider).statusCode()).isEqualTo(403);
    }

    @Test
    void contractsByStatus_ofAnInsurer_countOnlyItsContracts() {
        JsonNode of3343 = json(get("/api/v1/contracts/by-status", tokens.insurer("3343")));
        JsonNode ofOperator = json(get("/api/v1/contracts/by-status", operator("security-it-by-status")));

        assertThat(ofOperator.get("ACTIVE").asLong()).isGreaterThan(of3343.path("ACTIVE").asLong(0));
    }

    // audit trail

    @Test
    void auditTrail_recordsTheWrites_theRefusedWrites_andTheSettlementReads() {
        long before = jdbc.sql("select coalesce(max(id), 0) from audit_entry").query(Long.class).single();

        SecuredEndpoint putBudget = endpoints().stream().filter(e -> e.method().equals("PUT")).findFirst().orElseThrow();
        assertThat(send(putBudget, operator("security-it-audit"), putBudget.body()).statusCode()).isEqualTo(200);
        assertThat(send(putBudget, tokens.insurer("3311"), putBudget.body()).statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/settlements/by-period?year=" + YEAR, tokens.insurer("3343")).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/sector-loads/by-insurer?year=" + YEAR, tokens.insurer("3343")).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/sector-loads/by-contract?year=" + YEAR, tokens.insurer("3343")).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/sector-loads?year=" + YEAR, tokens.insurer("3343")).statusCode()).isEqualTo(200);

        List<String> entries = jdbc.sql("""
                        select client_id || '|' || role || '|' || coalesce(uzovi, '-') || '|' || action || '|'
                            || coalesce(object_type, '-') || '|' || coalesce(object_id, '-') || '|' || outcome
                        from audit_entry where id > ? and client_id in ('security-it-audit', 'insurer-3311', 'insurer-3343')
                        order by id""")
                .param(before).query(String.class).list();
        assertThat(entries).containsExactly(
                "security-it-audit|OPERATOR|-|PUT /api/v1/macro-budgets/{sector}/{year}|macro-budget|GGZ/2039|200",
                "insurer-3311|INSURER|3311|PUT /api/v1/macro-budgets/GGZ/2039|-|-|403",
                "insurer-3343|INSURER|3343|GET /api/v1/settlements/by-period|-|-|200",
                "insurer-3343|INSURER|3343|GET /api/v1/sector-loads/by-insurer|-|-|200",
                "insurer-3343|INSURER|3343|GET /api/v1/sector-loads/by-contract|-|-|200");
    }

    @Test
    void auditTrail_recordsTheOperatorUploadsAndTheRebuild() {
        long before = jdbc.sql("select coalesce(max(id), 0) from audit_entry").query(Long.class).single();
        String operator = operator("security-it-uploads");
        endpoints().stream().filter(e -> e.method().equals("POST"))
                .forEach(e -> assertThat(send(e, operator, e.body()).statusCode()).isBetween(200, 202));
        awaitRebuildDone();

        assertThat(jdbc.sql("""
                        select client_id || '|' || action || '|' || object_type || '|' || object_id || '|' || outcome
                        from audit_entry where id > ? and client_id = 'security-it-uploads' and action like 'POST %'
                        order by id""")
                .param(before).query(String.class).list())
                .containsExactly("security-it-uploads|POST /api/v1/macro-budgets|macro-budgets|upload of 1|200",
                        "security-it-uploads|POST /api/v1/regions|regions|upload of 12|200",
                        "security-it-uploads|POST /api/v1/operations/rebuild|read-models|rebuild|202");
    }

    void awaitRebuildDone() {
        String watcher = operator("security-it-rebuild-watch");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() ->
                !json(get("/api/v1/operations/rebuild", watcher)).get("inProgress").asBoolean());
    }

    // HTTP

    HttpResponse<String> get(String path, String token) {
        return send(SecuredEndpoint.get(path), token, null);
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
