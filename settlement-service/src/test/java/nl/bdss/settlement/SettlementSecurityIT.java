package nl.bdss.settlement;

import static nl.bdss.security.testing.ProblemShape.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import nl.bdss.events.Topics;
import nl.bdss.events.allocation.AllocationCalculated;
import nl.bdss.events.allocation.AllocationLine;
import nl.bdss.events.allocation.AllocationPeriod;
import nl.bdss.events.fixtures.ManualExampleEvents;
import nl.bdss.messaging.serde.ConfluentAvroSerializer;
import nl.bdss.messaging.serde.SerdeConfig;
import nl.bdss.security.testing.SecuredEndpoint;
import nl.bdss.security.testing.SecurityContract;
import nl.bdss.security.testing.UsesTestTokenIssuer;
import nl.bdss.testsupport.Infrastructure;
import nl.bdss.testsupport.UsesInfrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shared security contract over every settlement endpoint (401 without or with a refused token, 403 for a role
 * without business there, 413 over the body limit, 429 past the rate, all in the one problem shape), and what is
 * settlement's own: the right role gets its answer, insurer 3343 never sees or acknowledges 3311's payment
 * instructions (404, zero rows in its lists, CSV and statements), and the audit trail records the writes and every
 * read of settlement data. The manual's example is settled for a payee of this test's own, so that lists filtered by
 * that payee hold exactly this test's eight entries. The clock stands at 2026-11-22 (both years due). Own database
 * and consumer group, relay off: this test and the functional ones never see each other's bookings. The context is
 * closed after the class.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {SettlementServiceApplication.CONFIG_NAME,
                "spring.application.name=settlement-security-it",
                "bdss.messaging.relay-enabled=false",
                SecurityContract.RATE_LIMIT_REQUESTS_PER_SECOND,
                SecurityContract.RATE_LIMIT_BURST_PROPERTY})
@UsesInfrastructure(database = "settlement_security")
@UsesTestTokenIssuer
class SettlementSecurityIT extends SecurityContract {

    private static final TestClock CLOCK = TestClock.atNoonOf("2026-11-22");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CONTRACT = "it-security-" + UUID.randomUUID();
    /** A payee of this test's own: 8 digits, starting with 09 (the functional tests use 01012345). */
    private static final String PAYEE = String.format("09%06d", Math.floorMod(UUID.randomUUID().hashCode(), 1_000_000));
    private static final UUID SOME_ID = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final String ACKNOWLEDGEMENT = """
            {"status":"PAID","paymentReference":"SEC-IT-1","paidOn":"2025-01-15"}""";
    private static final String ATTRIBUTION_OF_3311 = """
            {"insurer":"3311","year":2025,"key":"NOT_ATTRIBUTED","reason":"security test"}""";

    @TestConfiguration
    static class ClockInTheTest {
        @Bean
        @Primary
        Clock testClock() {
            return CLOCK;
        }
    }

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    @Value("${bdss.security.max-request-bytes:1048576}")
    long maxRequestBytes;

    // Minted when a test runs (tokens live 15 minutes; the whole suite may take longer).
    private String insurer3311() {
        return tokens.insurer("3311");
    }

    private String insurer3343() {
        return tokens.insurer("3343");
    }

    private String operator() {
        return tokens.operator();
    }

    /** Every endpoint of the service (and the library's audit query), with a well-formed request. */
    @Override
    protected List<SecuredEndpoint> endpoints() {
        return List.of(
                SecuredEndpoint.get("/api/v1/payment-instructions", "insurer", "operator"),
                SecuredEndpoint.get("/api/v1/payment-instructions/" + SOME_ID, "insurer", "operator"),
                SecuredEndpoint.get("/api/v1/payment-instructions/export?periodStart=2025-01-01", "insurer", "operator"),
                SecuredEndpoint.post("/api/v1/payment-instructions/" + SOME_ID + "/acknowledgement", ACKNOWLEDGEMENT,
                        "insurer"),
                SecuredEndpoint.get("/api/v1/payees/01012345/statement", "insurer", "operator"),
                SecuredEndpoint.post("/api/v1/period-close?date=2025-01-01&dryRun=true", null, "operator"),
                SecuredEndpoint.post("/api/v1/risk-equalisation/attribution", ATTRIBUTION_OF_3311, "insurer", "operator"),
                SecuredEndpoint.get("/api/v1/ledger/invariants", "operator"),
                SecuredEndpoint.get("/api/v1/audit", "operator"));
    }

    @Override
    protected int port() {
        return port;
    }

    @Override
    protected long maxRequestBytes() {
        return maxRequestBytes;
    }

    @BeforeAll
    void settleTheExampleForThisTestsPayee() throws Exception {
        AllocationCalculated allocation = ManualExampleEvents.allocation(CONTRACT).build();
        for (AllocationPeriod period : allocation.getPeriods()) {
            for (AllocationLine line : period.getLines()) {
                if (line.getPayeeAgb() != null) {
                    line.setPayeeAgb(PAYEE);
                }
            }
        }
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.get().kafkaBootstrapServers());
        ConfluentAvroSerializer avro = new ConfluentAvroSerializer();
        avro.configure(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, Infrastructure.get().schemaRegistryUrl()), false);
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(config, new StringSerializer(), avro)) {
            producer.send(new ProducerRecord<>(Topics.ALLOCATIONS.name(), CONTRACT, allocation)).get();
        }
    }

    @BeforeEach
    void theExampleIsSettled() throws InterruptedException {
        await(() -> jdbc.sql("select count(*) from settlement_entry where contract_id = ?").param(CONTRACT)
                .query(Long.class).single() >= 8);
    }

    @Test
    void anApiMethodWithoutARule_isRefused_evenForAnOperator() {
        SecuredEndpoint delete = new SecuredEndpoint("DELETE", "/api/v1/payment-instructions/" + SOME_ID, null, null,
                Set.of());

        assertProblem(send(delete, operator(), null), 403, "forbidden");
    }

    // The right role: operator reads everything, closes periods, attributes for any insurer

    @Test
    void theOperator_readsEveryInsurersInstructions_statementsExportsAndTheLedger() throws Exception {
        JsonNode page = json(get("/api/v1/payment-instructions?payee=" + PAYEE, operator()));
        assertThat(page.path("totalElements").asLong()).isEqualTo(8);
        assertThat(insurers(page.path("content"))).containsOnly("3311", "3343");

        assertThat(get("/api/v1/payment-instructions/" + entryId("3343", "2025-01-01", "WIJKVERPLEGING"), operator())
                .statusCode()).isEqualTo(200);

        HttpResponse<String> csv = get("/api/v1/payment-instructions/export?periodStart=2025-01-01", operator());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csvLinesOfThisTest(csv.body())).hasSize(4);

        JsonNode statement = json(get("/api/v1/payees/" + PAYEE + "/statement", operator()));
        assertThat(statement.path("settledCents").asLong()).isEqualTo(2 * 7_000_000L);
        assertThat(insurers(statement.path("lines"))).containsOnly("3311", "3343");

        HttpResponse<String> ledger = get("/api/v1/ledger/invariants", operator());
        assertThat(ledger.statusCode()).isEqualTo(200);
        assertThat(json(ledger).path("holds").asBoolean()).isTrue();
    }

    @Test
    void theOperator_runsAPeriodClose_andAttributesForANamedInsurer() throws Exception {
        HttpResponse<String> close = post("/api/v1/period-close?date=2025-01-01&dryRun=true", null, operator());
        assertThat(close.statusCode()).isEqualTo(200);
        assertThat(json(close).path("dryRun").asBoolean()).isTrue();

        HttpResponse<String> attribution = post("/api/v1/risk-equalisation/attribution", ATTRIBUTION_OF_3311,
                operator());
        assertThat(attribution.statusCode()).isEqualTo(200);
        assertThat(json(attribution).path("insurer").asString()).isEqualTo("3311");
    }

    // The right role: an insurer, its own objects only

    @Test
    void anInsurer_readsItsOwnInstructions_withCorrectTotals() throws Exception {
        JsonNode page = json(get("/api/v1/payment-instructions?payee=" + PAYEE + "&size=3", insurer3311()));

        assertThat(page.path("totalElements").asLong()).as("counted in SQL, not post-filtered").isEqualTo(4);
        assertThat(page.path("content").size()).isEqualTo(3);
        assertThat(insurers(page.path("content"))).containsOnly("3311");
        assertThat(get("/api/v1/payment-instructions/" + entryId("3311", "2025-01-01", "WIJKVERPLEGING"),
                insurer3311()).statusCode()).isEqualTo(200);
    }

    @Test
    void anInsurer_acknowledgesItsOwnInstruction() throws Exception {
        UUID own = entryId("3311", "2025-01-01", "WIJKVERPLEGING");

        HttpResponse<String> response = post("/api/v1/payment-instructions/" + own + "/acknowledgement",
                ACKNOWLEDGEMENT, insurer3311());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("status").asString()).isEqualTo("PAID");
    }

    @Test
    void anInsurer_attributesItsOwnSums_theInsurerTakenFromTheToken_andNeverAnothers() throws Exception {
        HttpResponse<String> own = post("/api/v1/risk-equalisation/attribution",
                "{\"year\":2025,\"key\":\"NOT_ATTRIBUTED\",\"reason\":\"security test\"}", insurer3343());
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(json(own).path("insurer").asString()).isEqualTo("3343");

        HttpResponse<String> others = post("/api/v1/risk-equalisation/attribution", ATTRIBUTION_OF_3311,
                insurer3343());
        assertThat(assertProblem(others, 403, "forbidden").path("detail").asString()).contains("insurer");
    }

    // Tenant isolation: 3343 asking for 3311's objects

    @Test
    void insurer3343_askingFor3311sInstruction_gets404_exactlyLikeAnIdThatDoesNotExist() throws Exception {
        UUID of3311 = entryId("3311", "2025-01-01", "HUISARTSENZORG");
        UUID unknown = UUID.randomUUID();

        HttpResponse<String> others = get("/api/v1/payment-instructions/" + of3311, insurer3343());
        HttpResponse<String> missing = get("/api/v1/payment-instructions/" + unknown, insurer3343());

        assertProblem(others, 404, "payment-instruction-not-found");
        assertProblem(missing, 404, "payment-instruction-not-found");
        assertThat(others.body().replace(of3311.toString(), "ID"))
                .isEqualTo(missing.body().replace(unknown.toString(), "ID"));
    }

    @Test
    void insurer3343_acknowledging3311sInstruction_gets404_andNothingIsRecorded() throws Exception {
        UUID of3311 = entryId("3311", "2026-01-01", "HUISARTSENZORG");
        UUID unknown = UUID.randomUUID();

        HttpResponse<String> others = post("/api/v1/payment-instructions/" + of3311 + "/acknowledgement",
                ACKNOWLEDGEMENT, insurer3343());
        HttpResponse<String> missing = post("/api/v1/payment-instructions/" + unknown + "/acknowledgement",
                ACKNOWLEDGEMENT, insurer3343());

        assertThat(others.statusCode()).isEqualTo(404);
        assertThat(others.body().replace(of3311.toString(), "ID"))
                .isEqualTo(missing.body().replace(unknown.toString(), "ID"));
        assertThat(jdbc.sql("select count(*) from payment_acknowledgement where entry_id = ?").param(of3311)
                .query(Long.class).single()).isZero();
    }

    @Test
    void insurer3343_seesZeroRowsOf3311_inItsListsExportsAndStatements() throws Exception {
        JsonNode asked = json(get("/api/v1/payment-instructions?insurer=3311&payee=" + PAYEE, insurer3343()));
        assertThat(asked.path("totalElements").asLong()).isZero();
        assertThat(asked.path("content").size()).isZero();

        JsonNode own = json(get("/api/v1/payment-instructions?payee=" + PAYEE, insurer3343()));
        assertThat(own.path("totalElements").asLong()).isEqualTo(4);
        assertThat(insurers(own.path("content"))).containsOnly("3343");

        HttpResponse<String> csv = get("/api/v1/payment-instructions/export?periodStart=2025-01-01", insurer3343());
        assertThat(csv.statusCode()).isEqualTo(200);
        List<String[]> rows = csv.body().lines().skip(1).map(line -> line.split(",", -1)).toList();
        assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat(row[7]).isEqualTo("3343"));
        assertThat(csvLinesOfThisTest(csv.body())).hasSize(2);
        assertThat(csv.body()).doesNotContain(entryId("3311", "2025-01-01", "WIJKVERPLEGING").toString(),
                entryId("3311", "2025-01-01", "HUISARTSENZORG").toString());

        JsonNode statement = json(get("/api/v1/payees/" + PAYEE + "/statement", insurer3343()));
        assertThat(insurers(statement.path("lines"))).containsOnly("3343");
        assertThat(statement.path("lines").size()).isEqualTo(4);
        assertThat(statement.path("settledCents").asLong()).as("totals of its own lines only")
                .isEqualTo(2 * 2_800_000L);
    }

    // Audit trail

    @Test
    void writesAndEveryReadOfSettlementData_areAudited_withClientRoleUzoviObjectAndOutcome() throws Exception {
        UUID own = entryId("3311", "2026-01-01", "WIJKVERPLEGING");
        UUID of3311 = entryId("3311", "2026-01-01", "HUISARTSENZORG");
        String reference = "{\"status\":\"PAID\",\"paymentReference\":\"AUDIT-1\",\"paidOn\":\"2026-01-15\"}";
        assertThat(post("/api/v1/payment-instructions/" + own + "/acknowledgement", reference, insurer3311())
                .statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/payment-instructions/" + of3311, insurer3343()).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/payment-instructions?payee=" + PAYEE, insurer3343()).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/payment-instructions/export?periodStart=2026-01-01", insurer3343()).statusCode())
                .isEqualTo(200);
        assertThat(get("/api/v1/payees/" + PAYEE + "/statement", insurer3311()).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/ledger/invariants", operator()).statusCode()).isEqualTo(200);
        assertThat(post("/api/v1/period-close?date=2026-01-01&dryRun=true", null, operator()).statusCode())
                .isEqualTo(200);
        assertThat(post("/api/v1/period-close?date=2026-01-01", null, insurer3311()).statusCode()).isEqualTo(403);

        awaitAudited("insurer-3311", "INSURER", "3311", "POST /api/v1/payment-instructions/{id}/acknowledgement",
                "payment-instructions", own.toString(), 200);
        awaitAudited("insurer-3343", "INSURER", "3343", "GET /api/v1/payment-instructions/{id}",
                "payment-instructions", of3311.toString(), 404);
        awaitAudited("insurer-3343", "INSURER", "3343", "GET /api/v1/payment-instructions", null, null, 200);
        awaitAudited("insurer-3343", "INSURER", "3343", "GET /api/v1/payment-instructions/export", null, null, 200);
        awaitAudited("insurer-3311", "INSURER", "3311", "GET /api/v1/payees/{agb}/statement", "payees", PAYEE, 200);
        awaitAudited("operator", "OPERATOR", null, "GET /api/v1/ledger/invariants", null, null, 200);
        awaitAudited("operator", "OPERATOR", null, "POST /api/v1/period-close", "period-close", "2026-01-01", 200);
        awaitAudited("insurer-3311", "INSURER", "3311", "POST /api/v1/period-close", null, null, 403);
    }

    @Test
    void theOperatorQueriesTheAuditTrail() {
        assertThat(get("/api/v1/audit", operator()).statusCode()).isEqualTo(200);
    }

    // Helpers

    private UUID entryId(String uzovi, String periodStart, String sector) {
        return jdbc.sql("""
                select id from settlement_entry
                where contract_id = ? and uzovi = ? and period_start = cast(? as date) and sector = ?
                  and kind = 'LUMP_SUM'""")
                .params(CONTRACT, uzovi, periodStart, sector).query(UUID.class).single();
    }

    private static List<String> csvLinesOfThisTest(String csv) {
        return csv.lines().filter(line -> line.contains("," + CONTRACT + ",")).toList();
    }

    private static List<String> insurers(JsonNode array) {
        List<String> insurers = new ArrayList<>();
        array.forEach(node -> insurers.add(node.path("insurer").asString()));
        return insurers;
    }

    private void awaitAudited(String client, String role, String uzovi, String action, String objectType,
            String objectId, int outcome) throws InterruptedException {
        await(() -> jdbc.sql("""
                        select count(*) from audit_entry
                        where client_id = ? and role = ? and uzovi is not distinct from cast(? as char(4))
                          and action = ? and object_type is not distinct from cast(? as varchar)
                          and object_id is not distinct from cast(? as varchar) and outcome = ?""")
                .params(client, role, uzovi, action, objectType, objectId, outcome)
                .query(Long.class).single() > 0);
    }

    private static JsonNode json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> get(String path, String token) {
        return send(SecuredEndpoint.get(path), token, null);
    }

    private HttpResponse<String> post(String path, String body, String token) {
        return send(SecuredEndpoint.post(path, body), token, body);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition met within 90 s").isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
