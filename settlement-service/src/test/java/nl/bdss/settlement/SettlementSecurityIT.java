package nl.bdss.settlement;

import static nl.bdss.security.testing.ProblemShape.assertProblem;
import static nl.bdss.security.testing.ProblemShape.fields;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
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
import nl.bdss.events.allocation.MarketShare;
import nl.bdss.events.allocation.ServiceAreaCount;
import nl.bdss.events.common.BudgetPeriod;
import nl.bdss.events.common.LegalDomain;
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
 * without business there, providers included, 413 over the body limit, 429 past the rate, all in the one problem
 * shape), and what is settlement's own: the right role gets its answer, insurer 3343 never sees or acknowledges
 * 3311's payment instructions (404, zero rows in its lists, CSV and statements), a provider sees the instructions
 * paid to its own AGB and its own statement and nothing of another payee (404), an insurer's attribution shows only
 * its own insured counts with the small ones withheld, and the audit trail records the writes and every read of
 * settlement data.
 *
 * <p>The manual's example is settled for a main contractor of this test's own ({@link #PAYEE}), so that lists
 * filtered by that payee hold exactly this test's eight entries. A second contract ({@link #SMALL}) of insurers 7001
 * and 7002, equal partners, pays a district nurse ({@link #NURSE}) and a GP ({@link #GP}) of their own, with a
 * one-postcode service area where 7001 has 4 insureds and 7002 has 996. The clock stands at 2026-11-22 (both years
 * due). Own database and consumer group, relay off: this test and the functional ones never see each other's
 * bookings. The context is closed after the class.
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
    /** The contract of 7001 and 7002 with a one-postcode service area (1234AB). */
    private static final String SMALL = "it-security-small-" + UUID.randomUUID();
    /** Its two payees, equal partners: a district nurse (wijkverpleging) and a GP (huisartsenzorg), 08... */
    private static final String NURSE = String.format("08%06d", Math.floorMod(UUID.randomUUID().hashCode(), 1_000_000));
    private static final String GP = String.format("06%06d", Math.floorMod(UUID.randomUUID().hashCode(), 1_000_000));
    /** A Zvw provider with no line paid to it. */
    private static final String UNPAID = "07000007";
    private static final UUID SOME_ID = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final String ACKNOWLEDGEMENT = """
            {"status":"PAID","paymentReference":"SEC-IT-1","paidOn":"2025-01-15"}""";
    private static final String ATTRIBUTION_OF_3311 = """
            {"insurer":"3311","year":2025,"key":"NOT_ATTRIBUTED","reason":"security test"}""";
    private static final String PAYMENT_RUN = """
            {"executionDate":"2026-11-23","dueUpTo":"2026-11-22"}""";
    private static final String CHOICE = """
            {"distributionKey":"ALL_INSUREDS","status":"PROPOSED"}""";
    private static final String ACCOUNT = """
            {"iban":"NL91ABNA0417164300","accountHolder":"Security test"}""";

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

    private String provider(String agb) {
        return tokens.provider(agb);
    }

    /** Every endpoint of the service (and the library's audit query), with a well-formed request. */
    @Override
    protected List<SecuredEndpoint> endpoints() {
        return List.of(
                SecuredEndpoint.get("/api/v1/payment-instructions", "insurer", "provider", "operator"),
                SecuredEndpoint.get("/api/v1/payment-instructions/" + SOME_ID, "insurer", "provider", "operator"),
                SecuredEndpoint.get("/api/v1/payment-instructions/export?periodStart=2025-01-01", "insurer", "provider",
                        "operator"),
                SecuredEndpoint.post("/api/v1/payment-instructions/" + SOME_ID + "/acknowledgement", ACKNOWLEDGEMENT,
                        "insurer"),
                SecuredEndpoint.get("/api/v1/payees/01012345/statement", "insurer", "provider", "operator"),
                SecuredEndpoint.post("/api/v1/period-close?date=2025-01-01&dryRun=true", null, "operator"),
                SecuredEndpoint.post("/api/v1/risk-equalisation/attribution", ATTRIBUTION_OF_3311, "insurer", "operator"),
                SecuredEndpoint.put("/api/v1/risk-equalisation/choices/2025", CHOICE, "insurer", "operator"),
                SecuredEndpoint.get("/api/v1/risk-equalisation/choices?year=2025", "insurer", "operator"),
                SecuredEndpoint.get("/api/v1/risk-equalisation/attributions?year=2025", "insurer", "operator"),
                SecuredEndpoint.get("/api/v1/risk-equalisation/key-agreement?year=2025", "insurer", "operator"),
                SecuredEndpoint.get("/api/v1/ledger/invariants", "operator"),
                SecuredEndpoint.post("/api/v1/service-years/2025/close?dryRun=true", null, "operator"),
                SecuredEndpoint.get("/api/v1/service-years", "operator"),
                SecuredEndpoint.get("/api/v1/claims-burden?year=2025", "insurer", "operator"),
                SecuredEndpoint.put("/api/v1/payees/" + PROVIDER_AGB + "/bank-account", ACCOUNT, "provider", "operator"),
                SecuredEndpoint.get("/api/v1/payees/" + PROVIDER_AGB + "/bank-account", "insurer", "provider",
                        "operator"),
                SecuredEndpoint.get("/api/v1/payees/" + PROVIDER_AGB + "/bank-account/history", "provider", "operator"),
                SecuredEndpoint.put("/api/v1/insurers/3311/bank-account", ACCOUNT, "insurer", "operator"),
                SecuredEndpoint.get("/api/v1/insurers/3311/bank-account", "insurer", "operator"),
                SecuredEndpoint.get("/api/v1/insurers/3311/bank-account/history", "insurer", "operator"),
                SecuredEndpoint.post("/api/v1/payment-runs", PAYMENT_RUN, "insurer", "operator"),
                SecuredEndpoint.post("/api/v1/payment-runs/" + SOME_ID + "/cancellation", null, "insurer", "operator"),
                SecuredEndpoint.get("/api/v1/payment-runs", "insurer", "operator"),
                SecuredEndpoint.get("/api/v1/payment-runs/" + SOME_ID, "insurer", "operator"),
                SecuredEndpoint.get("/api/v1/payment-runs/" + SOME_ID + "/pain001", "insurer", "operator"),
                SecuredEndpoint.post("/api/v1/payment-runs/" + SOME_ID + "/status-report",
                        "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.002.001.10\"/>", "insurer", "operator")
                        .withContentType("application/xml"),
                SecuredEndpoint.get("/api/v1/payment-runs/" + SOME_ID + "/remittance", "insurer", "provider",
                        "operator"),
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
            producer.send(new ProducerRecord<>(Topics.ALLOCATIONS.name(), SMALL, smallCellsContract())).get();
        }
    }

    /**
     * 2025, EUR 10,000.00 for the year, all Zvw, half wijkverpleging (paid to the nurse) and half huisartsenzorg (paid
     * to the GP) = 500,000 cents each; 1234AB is the whole service area, 7001 has 4 and 7002 996 of its 1,000 insureds,
     * so 7001 pays 4/1000 of 500,000 = 2,000 and 7002 pays 996/1000 = 498,000 per sector.
     */
    private static AllocationCalculated smallCellsContract() {
        LocalDate start = LocalDate.of(2025, 1, 1);
        LocalDate end = LocalDate.of(2025, 12, 31);
        return ManualExampleEvents.allocation(SMALL)
                .setValidFrom(start)
                .setValidUntil(end)
                .setBudgetPeriod(BudgetPeriod.YEAR)
                .setLumpSumCents(1_000_000L)
                .setMarketShares(List.of(new MarketShare("7001", 4L, 40), new MarketShare("7002", 996L, 9960)))
                .setServiceAreaCounts(List.of(new ServiceAreaCount("7001", "1234AB", 4L),
                        new ServiceAreaCount("7002", "1234AB", 996L)))
                .setPeriods(List.of(new AllocationPeriod(start, end, 1_000_000L, List.of(
                        new AllocationLine(LegalDomain.ZVW, "WIJKVERPLEGING", "7001", NURSE, "wijkzorg-klein", 2_000L),
                        new AllocationLine(LegalDomain.ZVW, "WIJKVERPLEGING", "7002", NURSE, "wijkzorg-klein", 498_000L),
                        new AllocationLine(LegalDomain.ZVW, "HUISARTSENZORG", "7001", GP, "hap-klein", 2_000L),
                        new AllocationLine(LegalDomain.ZVW, "HUISARTSENZORG", "7002", GP, "hap-klein", 498_000L)))))
                .build();
    }

    @BeforeEach
    void theExamplesAreSettled() throws InterruptedException {
        await(() -> jdbc.sql("select count(*) from settlement_entry where contract_id = ?").param(CONTRACT)
                .query(Long.class).single() >= 8);
        await(() -> jdbc.sql("select count(*) from settlement_entry where contract_id = ?").param(SMALL)
                .query(Long.class).single() >= 4);
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

    @Test
    void anInsurer_readsItsOwnClaimsBurden_anothersIs403_andAnOperatorMustNameTheInsurer_R17() throws Exception {
        JsonNode own = json(get("/api/v1/claims-burden?year=2025", insurer3343()));
        assertThat(own.path("insurer").asString()).isEqualTo("3343");
        // the example's 2025 for 3343: 1,400,000 per sector, wijkverpleging and huisartsenzorg
        assertThat(own.path("rows").values()).filteredOn(row -> row.path("contractId").asString().equals(CONTRACT))
                .extracting(row -> row.path("serviceYear").asInt() + "/" + row.path("bookingYear").asInt() + " "
                        + row.path("sector").asString() + " " + row.path("payableCents").asLong())
                .containsExactlyInAnyOrder("2025/2025 HUISARTSENZORG 1400000", "2025/2025 WIJKVERPLEGING 1400000");

        assertThat(assertProblem(get("/api/v1/claims-burden?year=2025&insurer=3311", insurer3343()), 403, "forbidden")
                .path("detail").asString()).contains("insurer");
        assertThat(fields(assertProblem(get("/api/v1/claims-burden?year=2025", operator()), 400,
                "invalid-request"))).containsExactly("insurer");
        assertThat(json(get("/api/v1/claims-burden?year=2025&insurer=3311", operator())).path("insurer").asString())
                .isEqualTo("3311");
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

    // Providers: the instructions paid to their own AGB, their own statement, nothing of another payee

    @Test
    void aMainContractor_readsEveryInstructionPaidToIt_fromEachInsurer_andItsStatement_R10() throws Exception {
        JsonNode page = json(get("/api/v1/payment-instructions", provider(PAYEE)));
        // the example's Zvw lines are all paid to the main contractor: 2 insurers x 2 sectors x 2 years
        assertThat(page.path("totalElements").asLong()).isEqualTo(8);
        assertThat(insurers(page.path("content"))).containsOnly("3311", "3343");
        assertThat(page.path("content").values()).allSatisfy(i -> {
            assertThat(i.path("payeeAgb").asString()).isEqualTo(PAYEE);
            assertThat(i.path("status").asString()).isIn("OPEN", "PAID");
        });
        assertThat(get("/api/v1/payment-instructions/" + entryId("3343", "2025-01-01", "WIJKVERPLEGING"),
                provider(PAYEE)).statusCode()).isEqualTo(200);

        JsonNode statement = json(get("/api/v1/payees/" + PAYEE + "/statement", provider(PAYEE)));
        // per year 2 x (2,100,000 + 1,400,000) = 7,000,000; two years
        assertThat(statement.path("settledCents").asLong()).isEqualTo(14_000_000L);
        assertThat(insurers(statement.path("lines"))).containsOnly("3311", "3343");
    }

    @Test
    void aProvider_seesWhatEachInsurerPaysIt_andNoneOfAnotherPayeesLines() throws Exception {
        JsonNode nurse = json(get("/api/v1/payment-instructions?period=2025-01-01", provider(NURSE)));
        assertThat(nurse.path("totalElements").asLong()).isEqualTo(2);
        assertThat(nurse.path("content").values()).extracting(i -> i.path("insurer").asString() + " "
                + i.path("sector").asString() + " " + i.path("amountCents").asLong() + " " + i.path("status").asString())
                .containsExactlyInAnyOrder("7001 WIJKVERPLEGING 2000 OPEN", "7002 WIJKVERPLEGING 498000 OPEN");

        assertThat(json(get("/api/v1/payment-instructions?payee=" + GP, provider(NURSE))).path("totalElements").asLong())
                .as("naming another payee narrows to nothing").isZero();
        assertThat(json(get("/api/v1/payment-instructions?payee=" + PAYEE, provider(NURSE))).path("totalElements")
                .asLong()).isZero();
        assertThat(json(get("/api/v1/payment-instructions?insurer=7001", provider(NURSE))).path("totalElements")
                .asLong()).isEqualTo(1);

        HttpResponse<String> csv = get("/api/v1/payment-instructions/export?periodStart=2025-01-01", provider(NURSE));
        assertThat(csv.statusCode()).isEqualTo(200);
        List<String[]> rows = csv.body().lines().skip(1).map(line -> line.split(",", -1)).toList();
        // column 9 is payeeAgb; the example's and the GP's rows of the same period are left out
        assertThat(rows).hasSize(2).allSatisfy(row -> assertThat(row[8]).isEqualTo(NURSE));
        assertThat(csv.body()).doesNotContain(CONTRACT);
    }

    @Test
    void aProvider_askingForAnotherPayeesInstruction_gets404_exactlyLikeAnIdThatDoesNotExist() throws Exception {
        UUID ofTheGp = entryId(SMALL, "7002", "2025-01-01", "HUISARTSENZORG");
        UUID unknown = UUID.randomUUID();

        HttpResponse<String> others = get("/api/v1/payment-instructions/" + ofTheGp, provider(NURSE));
        HttpResponse<String> missing = get("/api/v1/payment-instructions/" + unknown, provider(NURSE));

        assertProblem(others, 404, "payment-instruction-not-found");
        assertThat(others.body().replace(ofTheGp.toString(), "ID"))
                .isEqualTo(missing.body().replace(unknown.toString(), "ID"));
        assertThat(get("/api/v1/payment-instructions/" + ofTheGp, provider(GP)).statusCode()).isEqualTo(200);
    }

    @Test
    void aProvider_readsItsOwnStatement_andAnotherAgbsIs404_whetherThatPayeeExistsOrNot() throws Exception {
        JsonNode own = json(get("/api/v1/payees/" + NURSE + "/statement", provider(NURSE)));
        // 2,000 (7001) + 498,000 (7002)
        assertThat(own.path("settledCents").asLong()).isEqualTo(500_000L);
        assertThat(own.path("openCents").asLong()).isEqualTo(500_000L);
        assertThat(insurers(own.path("lines"))).containsExactlyInAnyOrder("7001", "7002");

        HttpResponse<String> others = get("/api/v1/payees/" + GP + "/statement", provider(NURSE));
        HttpResponse<String> mainContractors = get("/api/v1/payees/" + PAYEE + "/statement", provider(NURSE));
        HttpResponse<String> nobodys = get("/api/v1/payees/05999999/statement", provider(NURSE));
        assertProblem(others, 404, "payee-statement-not-found");
        assertProblem(mainContractors, 404, "payee-statement-not-found");
        assertThat(others.body().replace(GP, "AGB")).isEqualTo(nobodys.body().replace("05999999", "AGB"));
    }

    @Test
    void aProviderWithoutLines_seesNothing_andItsOwnEmptyStatement() throws Exception {
        assertThat(json(get("/api/v1/payment-instructions", provider(UNPAID))).path("totalElements").asLong()).isZero();
        JsonNode statement = json(get("/api/v1/payees/" + UNPAID + "/statement", provider(UNPAID)));
        assertThat(statement.path("settledCents").asLong()).isZero();
        assertThat(statement.path("lines").size()).isZero();
    }

    @Test
    void aProvider_acknowledgesNothing_andNothingIsRecorded() {
        UUID own = entryId(SMALL, "7001", "2025-01-01", "WIJKVERPLEGING");

        assertProblem(post("/api/v1/payment-instructions/" + own + "/acknowledgement", ACKNOWLEDGEMENT,
                provider(NURSE)), 403, "forbidden");
        assertThat(jdbc.sql("select count(*) from payment_acknowledgement where entry_id = ?").param(own)
                .query(Long.class).single()).isZero();
    }

    /**
     * Refused, never read as "no restriction": 401 where security-support's token validation already refuses a
     * provider token without its AGB, else 403 by settlement's own guard (payments.web.Viewers).
     */
    @Test
    void aProviderTokenWithoutAnAgb_isRefused_notReadAsUnrestricted() {
        String withoutAgb = tokens.token("provider-without-agb", "provider", null);

        for (String path : List.of("/api/v1/payment-instructions", "/api/v1/payees/" + NURSE + "/statement",
                "/api/v1/payment-instructions/export?periodStart=2025-01-01")) {
            HttpResponse<String> response = get(path, withoutAgb);
            assertThat(response.statusCode()).as(path).isIn(401, 403);
            assertProblem(response, response.statusCode(), response.statusCode() == 401 ? "unauthorized" : "forbidden");
        }
    }

    // Risk equalisation: an insurer's own counts only, small cells withheld

    private static final String SERVICE_AREA_2025 = "{\"year\":2025,\"key\":\"SERVICE_AREA_INSUREDS\"}";

    @Test
    void anInsurer_isShownOnlyItsOwnCounts_andItsOnePostcodeCountOf4IsWithheld() throws Exception {
        JsonNode of7001 = json(post("/api/v1/risk-equalisation/attribution", SERVICE_AREA_2025, tokens.insurer("7001")));

        // 7001 settled 2,000 + 2,000 = 4,000, all on 1234AB, resting on its 4 insureds there (fewer than 10)
        assertThat(of7001.path("settledCents").asLong()).isEqualTo(4_000L);
        assertThat(of7001.path("countsFrom").asString()).isEqualTo("ALLOCATION");
        assertThat(of7001.path("parts").size()).isEqualTo(1);
        JsonNode part = of7001.path("parts").get(0);
        assertThat(part.path("category").asString()).isEqualTo("1234AB");
        assertThat(part.has("insuredCount")).as("written as null, not left out").isTrue();
        assertThat(part.path("insuredCount").isNull()).isTrue();
        assertThat(part.path("suppressed").asBoolean()).isTrue();
        assertThat(part.path("amountCents").asLong()).isEqualTo(4_000L);
        assertThat(of7001.path("insurer").asString()).isEqualTo("7001");
        assertThat(of7001.path("basis").values()).extracting(b -> b.path("contractId").asString() + " "
                + b.path("amountCents").asLong()).containsExactly(SMALL + " 4000");
        assertThat(of7001.path("parts").toString()).as("nothing of 7002's 996").doesNotContain("996");

        HttpResponse<String> csv = post("/api/v1/risk-equalisation/attribution", SERVICE_AREA_2025,
                tokens.insurer("7001"), "text/csv");
        assertThat(csv.body().lines()).containsExactly(
                "insurer,year,key,countsFrom,category,insuredCount,amountCents",
                "7001,2025,SERVICE_AREA_INSUREDS,ALLOCATION,1234AB,,4000");

        JsonNode of7002 = json(post("/api/v1/risk-equalisation/attribution", SERVICE_AREA_2025, tokens.insurer("7002")));
        // 498,000 + 498,000 = 996,000 on 996 insureds: shown
        assertThat(of7002.path("parts").get(0).path("insuredCount").asLong()).isEqualTo(996L);
        assertThat(of7002.path("parts").get(0).path("suppressed").asBoolean()).isFalse();
        assertThat(of7002.path("parts").get(0).path("amountCents").asLong()).isEqualTo(996_000L);
        assertThat(of7002.path("parts").size()).isEqualTo(1);
    }

    @Test
    void theOperator_isShownTheSmallCount() throws Exception {
        JsonNode of7001 = json(post("/api/v1/risk-equalisation/attribution",
                "{\"insurer\":\"7001\",\"year\":2025,\"key\":\"SERVICE_AREA_INSUREDS\"}", operator()));

        assertThat(of7001.path("parts").get(0).path("insuredCount").asLong()).isEqualTo(4L);
        assertThat(of7001.path("parts").get(0).path("suppressed").asBoolean()).isFalse();
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
        assertThat(get("/api/v1/payees/" + NURSE + "/statement", provider(NURSE)).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/payees/" + GP + "/statement", provider(NURSE)).statusCode()).isEqualTo(404);

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
        awaitAudited("provider-" + NURSE, "PROVIDER", null, "GET /api/v1/payees/{agb}/statement", "payees", NURSE, 200);
        awaitAudited("provider-" + NURSE, "PROVIDER", null, "GET /api/v1/payees/{agb}/statement", "payees", GP, 404);
    }

    @Test
    void theOperatorQueriesTheAuditTrail() {
        assertThat(get("/api/v1/audit", operator()).statusCode()).isEqualTo(200);
    }

    // Helpers

    private UUID entryId(String uzovi, String periodStart, String sector) {
        return entryId(CONTRACT, uzovi, periodStart, sector);
    }

    private UUID entryId(String contract, String uzovi, String periodStart, String sector) {
        return jdbc.sql("""
                select id from settlement_entry
                where contract_id = ? and uzovi = ? and period_start = cast(? as date) and sector = ?
                  and kind = 'LUMP_SUM'""")
                .params(contract, uzovi, periodStart, sector).query(UUID.class).single();
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

    /** A POST asking for the given media type ({@code text/csv}). */
    private HttpResponse<String> post(String path, String body, String token, String accept) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                    .newBuilder(java.net.URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .header("Accept", accept).POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition met within 90 s").isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
