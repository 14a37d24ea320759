package nl.bdss.settlement;

import static nl.bdss.security.testing.ProblemShape.assertProblem;
import static nl.bdss.security.testing.ProblemShape.fields;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import nl.bdss.events.Topics;
import nl.bdss.events.allocation.AllocationCalculated;
import nl.bdss.events.allocation.AllocationPeriod;
import nl.bdss.events.allocation.AllocationStatus;
import nl.bdss.events.allocation.MarketShare;
import nl.bdss.events.allocation.ServiceAreaCount;
import nl.bdss.events.allocation.YearShares;
import nl.bdss.events.common.LegalDomain;
import nl.bdss.events.fixtures.ManualExampleEvents;
import nl.bdss.messaging.serde.ConfluentAvroSerializer;
import nl.bdss.messaging.serde.SerdeConfig;
import nl.bdss.security.testing.TestTokenIssuer;
import nl.bdss.security.testing.UsesTestTokenIssuer;
import nl.bdss.testsupport.Infrastructure;
import nl.bdss.testsupport.UsesInfrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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
 * Risk equalisation per service year (R19) through real Kafka (allocations published as Avro), PostgreSQL and the
 * token issuer: counts per contract year, the insurer's recorded key, the attribution stored per (insurer, year,
 * sector, part) and recomputed by the timer after a booking, CSV, key agreement per contract, and who sees what.
 * Every test has its own contracts and insurers (fresh UZOVI codes); the clock stands at 2026-11-22, so both years
 * of a contract are due (in advance). The recompute timer runs every 500 ms. Own database and consumer group.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {SettlementServiceApplication.CONFIG_NAME,
                "spring.application.name=settlement-r19-it",
                "bdss.messaging.relay-enabled=false",
                "bdss.settlement.attribution-interval-ms=500"})
@UsesInfrastructure(database = "settlement_r19")
@UsesTestTokenIssuer
class RiskEqualisationYearIT {

    private static final TestClock CLOCK = TestClock.atNoonOf("2026-11-22");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    /** UZOVI codes of this run's own: 4 digits from a random start, one per use. */
    private static final AtomicInteger NEXT_UZOVI = new AtomicInteger(1000 + ThreadLocalRandom.current().nextInt(8000));
    private static KafkaProducer<String, Object> producer;

    private final TestTokenIssuer tokens = TestTokenIssuer.get();

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

    @Autowired
    DataSource dataSource;

    @LocalServerPort
    int port;

    @BeforeAll
    static void producer() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.get().kafkaBootstrapServers());
        ConfluentAvroSerializer avro = new ConfluentAvroSerializer();
        avro.configure(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, Infrastructure.get().schemaRegistryUrl()), false);
        producer = new KafkaProducer<>(config, new StringSerializer(), avro);
    }

    @AfterAll
    static void close() {
        producer.close();
    }

    // Counts per contract year

    @Test
    void twoYearsWithDifferentCounts_areEachAttributedByTheirOwnYearsCounts_R19() throws Exception {
        String contract = "it-r19-years-" + UUID.randomUUID();
        String p = uzovi();
        String q = uzovi();
        publish(twoYears(contract, p, q));
        awaitEntries(contract, 8);
        assertThat(jdbc.sql("select count(*) from allocation_service_area_count where contract_id = ?")
                .param(contract).query(Long.class).single()).as("3 counts of 2025 and 4 of 2026").isEqualTo(7L);

        // p pays 2,100,000 per sector per year. 2025 over {1011: 600, 1012: 600}: 1,050,000 each;
        // 2026 over {1011: 300, 1012: 900}: 2,100,000 x 1/4 = 525,000 and x 3/4 = 1,575,000.
        JsonNode p2025 = single(attributions(2025, null, tokens.insurer(p)));
        assertThat(p2025.path("insurer").asString()).isEqualTo(p);
        assertThat(p2025.path("distributionKey").asString()).isEqualTo("SERVICE_AREA_INSUREDS");
        assertThat(p2025.path("choiceStatus").isNull()).as("no key recorded: the default").isTrue();
        assertThat(p2025.path("settledCents").asLong()).isEqualTo(4_200_000L);
        assertThat(parts(p2025)).containsExactly(
                "HUISARTSENZORG 1011 600 1050000", "HUISARTSENZORG 1012 600 1050000",
                "WIJKVERPLEGING 1011 600 1050000", "WIJKVERPLEGING 1012 600 1050000");
        JsonNode p2026 = single(attributions(2026, null, tokens.insurer(p)));
        assertThat(parts(p2026)).containsExactly(
                "HUISARTSENZORG 1011 300 525000", "HUISARTSENZORG 1012 900 1575000",
                "WIJKVERPLEGING 1011 300 525000", "WIJKVERPLEGING 1012 900 1575000");
        // q pays 1,400,000 per sector per year. 2025 over {1011: 800}: all on 1011;
        // 2026 over {1011: 400, 1013: 400}: 700,000 each.
        assertThat(parts(single(attributions(2025, null, tokens.insurer(q))))).containsExactly(
                "HUISARTSENZORG 1011 800 1400000", "WIJKVERPLEGING 1011 800 1400000");
        assertThat(parts(single(attributions(2026, null, tokens.insurer(q))))).containsExactly(
                "HUISARTSENZORG 1011 400 700000", "HUISARTSENZORG 1013 400 700000",
                "WIJKVERPLEGING 1011 400 700000", "WIJKVERPLEGING 1013 400 700000");

        // the attribution integrators POST uses the year's own counts too: 2026, both sectors added together:
        // 1011 2 x 525,000 = 1,050,000 and 1012 2 x 1,575,000 = 3,150,000
        JsonNode posted = json(send("POST", "/api/v1/risk-equalisation/attribution",
                "{\"year\":2026,\"key\":\"SERVICE_AREA_INSUREDS\"}", tokens.insurer(p), null));
        assertThat(posted.path("parts").values()).extracting(n -> n.path("category").asString() + " "
                + n.path("insuredCount").asLong() + " " + n.path("amountCents").asLong())
                .containsExactly("1011 300 1050000", "1012 900 3150000");
    }

    // The stored attribution under each key, recomputed after a correction

    @Test
    void theStoredAttribution_sumsExactlyPerSectorAndYear_underEachKey_andIsRecomputedAfterACorrection_R19()
            throws Exception {
        String contract = "it-r19-keys-" + UUID.randomUUID();
        String r = uzovi();
        publish(singleInsurer(contract, r, 1, 1_000_001L, Map.of("1011", 1L, "1012", 1L, "1013", 1L)));
        awaitEntries(contract, 2);

        // WIJKVERPLEGING 1,000,001 / 3 = 333,333.67 each: 333,333 x 3 and the 2 cents left to the ties' smaller keys
        // 1011 and 1012; HUISARTSENZORG 500,000 / 3 = 166,666.67: 166,667, 166,667, 166,666.
        JsonNode asOperator = single(attributions(2025, r, tokens.operator()));
        assertThat(parts(asOperator)).containsExactly(
                "HUISARTSENZORG 1011 1 166667", "HUISARTSENZORG 1012 1 166667", "HUISARTSENZORG 1013 1 166666",
                "WIJKVERPLEGING 1011 1 333334", "WIJKVERPLEGING 1012 1 333334", "WIJKVERPLEGING 1013 1 333333");
        assertThat(sectors(asOperator)).containsExactly("HUISARTSENZORG 500000", "WIJKVERPLEGING 1000001");
        assertStoredSumsMatchTheLedger(r, 2025);

        // the insurer: counts of 1 are small cells, withheld; its own amounts stay
        JsonNode own = single(attributions(2025, null, tokens.insurer(r)));
        assertThat(own.path("sectors").get(0).path("parts").values()).allSatisfy(part -> {
            assertThat(part.has("insuredCount")).isTrue();
            assertThat(part.path("insuredCount").isNull()).isTrue();
            assertThat(part.path("suppressed").asBoolean()).isTrue();
        });

        // all insureds: one part per sector, the sector's whole amount
        assertThat(put(2025, null, "{\"distributionKey\":\"ALL_INSUREDS\",\"status\":\"PROPOSED\"}",
                tokens.insurer(r)).statusCode()).isEqualTo(200);
        JsonNode all = single(attributions(2025, null, tokens.insurer(r)));
        assertThat(all.path("distributionKey").asString()).isEqualTo("ALL_INSUREDS");
        assertThat(all.path("choiceStatus").asString()).isEqualTo("PROPOSED");
        assertThat(parts(all)).containsExactly("HUISARTSENZORG ALL_INSUREDS null 500000",
                "WIJKVERPLEGING ALL_INSUREDS null 1000001");
        assertStoredSumsMatchTheLedger(r, 2025);

        // not attributed, approved by Zorginstituut Nederland: one part per sector carrying the justification
        assertThat(put(2025, r, """
                {"distributionKey":"NOT_ATTRIBUTED","justification":"effect on risk equalisation out of proportion",
                 "status":"APPROVED","approvedOn":"2026-02-01"}""", tokens.operator()).statusCode()).isEqualTo(200);
        JsonNode none = single(attributions(2025, null, tokens.insurer(r)));
        assertThat(parts(none)).containsExactly("HUISARTSENZORG NOT_ATTRIBUTED null 500000",
                "WIJKVERPLEGING NOT_ATTRIBUTED null 1000001");
        assertThat(none.path("sectors").get(0).path("parts").get(0).path("justification").asString())
                .isEqualTo("effect on risk equalisation out of proportion");
        assertStoredSumsMatchTheLedger(r, 2025);

        // back to the target area, then a correction: v2 lowers WIJKVERPLEGING to 700,000 with new counts
        // {1011: 1, 1012: 2}: a CORRECTION of -300,001, spread as the mirror image of 300,001 x 1/3 = 100,000.33 and
        // x 2/3 = 200,000.67 -> 100,000 and 200,001: 1011 333,334 - 100,000 = 233,334; 1012 333,334 - 200,001 =
        // 133,333; 1013 333,333 (v1 only); 233,334 + 133,333 + 333,333 = 700,000. HUISARTSENZORG is not corrected.
        assertThat(put(2025, null, "{\"distributionKey\":\"SERVICE_AREA_INSUREDS\",\"status\":\"PROPOSED\"}",
                tokens.insurer(r)).statusCode()).isEqualTo(200);
        single(attributions(2025, null, tokens.insurer(r)));
        publish(singleInsurer(contract, r, 2, 700_000L, Map.of("1011", 1L, "1012", 2L)));
        awaitEntries(contract, 3);
        // recomputed by the timer, without a read: the booking marked the year stale in its own transaction
        await(() -> jdbc.sql("select entry_count from risk_equalisation_attribution where uzovi = ? and service_year = 2025")
                .param(r).query(Long.class).single() == 3L);
        JsonNode corrected = single(attributions(2025, r, tokens.operator()));
        assertThat(parts(corrected)).containsExactly(
                "HUISARTSENZORG 1011 1 166667", "HUISARTSENZORG 1012 1 166667", "HUISARTSENZORG 1013 1 166666",
                "WIJKVERPLEGING 1011 1 233334", "WIJKVERPLEGING 1012 2 133333", "WIJKVERPLEGING 1013 1 333333");
        assertThat(sectors(corrected)).containsExactly("HUISARTSENZORG 500000", "WIJKVERPLEGING 700000");
        assertThat(corrected.path("entryCount").asLong()).isEqualTo(3L);
        assertStoredSumsMatchTheLedger(r, 2025);

        // the history: who, when, before and after, oldest first
        JsonNode choice = single(send("GET", "/api/v1/risk-equalisation/choices?year=2025", null,
                tokens.insurer(r), null));
        assertThat(choice.path("revision").asInt()).isEqualTo(3);
        assertThat(choice.path("history").values()).extracting(c -> c.path("revision").asInt() + " "
                + c.path("changedBy").asString() + " " + c.path("before").path("distributionKey").asString("-") + " "
                + c.path("after").path("distributionKey").asString())
                .containsExactly("1 insurer-" + r + " - ALL_INSUREDS",
                        "2 operator ALL_INSUREDS NOT_ATTRIBUTED",
                        "3 insurer-" + r + " NOT_ATTRIBUTED SERVICE_AREA_INSUREDS");
        assertThat(choice.path("history").get(1).path("after").path("approvedOn").asString()).isEqualTo("2026-02-01");
        assertThat(choice.path("history").get(0).path("before").isNull()).isTrue();
    }

    @Test
    void whileAnotherInstanceHoldsTheYearsLock_theTimerLeavesTheYear_andComputesItOnceTheLockIsReleased()
            throws Exception {
        String contract = "it-r19-lock-" + UUID.randomUUID();
        String r = uzovi();
        try (Connection otherInstance = dataSource.getConnection()) {
            otherInstance.setAutoCommit(false);
            try (PreparedStatement lock = otherInstance.prepareStatement(
                    "select pg_advisory_xact_lock(hashtext('bdss-r19-attribution'), hashtext(?))")) {
                lock.setString(1, r + "|2025");
                lock.execute();
            }
            publish(singleInsurer(contract, r, 1, 300L, Map.of("1011", 1L, "1012", 2L)));
            awaitEntries(contract, 2);
            Thread.sleep(2_000); // four runs of the 500 ms timer
            assertThat(jdbc.sql("select count(*) from risk_equalisation_attribution where uzovi = ?").param(r)
                    .query(Long.class).single()).as("left to the lock's holder").isZero();
            assertThat(jdbc.sql("select count(*) from risk_equalisation_stale where uzovi = ?").param(r)
                    .query(Long.class).single()).isPositive();
            otherInstance.rollback();
        }
        await(() -> jdbc.sql("select count(*) from risk_equalisation_attribution where uzovi = ?").param(r)
                .query(Long.class).single() == 1L);
        // WIJKVERPLEGING 300 over {1011: 1, 1012: 2}: 100 and 200; HUISARTSENZORG 500,000: 166,666.67 and
        // 333,333.33 -> 166,666 and 333,333, the cent left to 1011 (.67): 166,667
        assertThat(parts(single(attributions(2025, r, tokens.operator())))).containsExactly(
                "HUISARTSENZORG 1011 1 166667", "HUISARTSENZORG 1012 2 333333",
                "WIJKVERPLEGING 1011 1 100", "WIJKVERPLEGING 1012 2 200");
        assertThat(jdbc.sql("select count(*) from risk_equalisation_stale where uzovi = ?").param(r)
                .query(Long.class).single()).isZero();
    }

    @Test
    void theAttributionIsCsv_byFormatOrAccept_withTheSmallCountsWithheldForTheInsurer() throws Exception {
        String contract = "it-r19-csv-" + UUID.randomUUID();
        String r = uzovi();
        // WIJKVERPLEGING 1,000,001 over {1011: 20, 1012: 1}: x 20/21 = 952,381.90 and x 1/21 = 47,619.10 -> 952,381
        // and 47,619, the cent left to 1011 (.90): 952,382 + 47,619 = 1,000,001; HUISARTSENZORG 500,000: x 20/21 =
        // 476,190.48 and 23,809.52 -> 476,190 and 23,809, the cent to 1012 (.52): 476,190 + 23,810 = 500,000.
        publish(singleInsurer(contract, r, 1, 1_000_001L, Map.of("1011", 20L, "1012", 1L)));
        awaitEntries(contract, 2);

        HttpResponse<String> byFormat = send("GET", "/api/v1/risk-equalisation/attributions?year=2025&format=csv", null,
                tokens.insurer(r), null);
        HttpResponse<String> byAccept = send("GET", "/api/v1/risk-equalisation/attributions?year=2025", null,
                tokens.insurer(r), "text/csv");

        for (HttpResponse<String> csv : List.of(byFormat, byAccept)) {
            assertThat(csv.statusCode()).isEqualTo(200);
            assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
            assertThat(csv.body().lines()).containsExactly(
                    "insurer,year,distributionKey,choiceStatus,sector,part,insuredCount,amountCents,justification",
                    r + ",2025,SERVICE_AREA_INSUREDS,,HUISARTSENZORG,1011,20,476190,",
                    r + ",2025,SERVICE_AREA_INSUREDS,,HUISARTSENZORG,1012,,23810,",
                    r + ",2025,SERVICE_AREA_INSUREDS,,WIJKVERPLEGING,1011,20,952382,",
                    r + ",2025,SERVICE_AREA_INSUREDS,,WIJKVERPLEGING,1012,,47619,");
        }
        assertThat(send("GET", "/api/v1/risk-equalisation/attributions?year=2025&format=csv&insurer=" + r, null,
                tokens.operator(), null).body()).contains(r + ",2025,SERVICE_AREA_INSUREDS,,HUISARTSENZORG,1012,1,23810,");
    }

    // A uniform key per contract

    @Test
    void theKeyAgreement_showsEachInsurersKeyOnly_andWhetherTheyAgree_R19() throws Exception {
        String contract = "it-r19-agree-" + UUID.randomUUID();
        String p = uzovi();
        String q = uzovi();
        String stranger = uzovi();
        publish(twoYears(contract, p, q));
        awaitEntries(contract, 8);

        assertThat(agreement(2025, p, contract)).isEqualTo("INCOMPLETE " + p + "=null " + q + "=null");
        put(2025, null, "{\"distributionKey\":\"SERVICE_AREA_INSUREDS\",\"status\":\"PROPOSED\"}", tokens.insurer(p));
        assertThat(agreement(2025, p, contract)).isEqualTo("INCOMPLETE " + p + "=SERVICE_AREA_INSUREDS " + q + "=null");
        put(2025, null, "{\"distributionKey\":\"SERVICE_AREA_INSUREDS\",\"status\":\"APPROVED\",\"approvedOn\":\"2026-01-15\"}",
                tokens.insurer(q));
        assertThat(agreement(2025, q, contract))
                .isEqualTo("AGREE " + p + "=SERVICE_AREA_INSUREDS " + q + "=SERVICE_AREA_INSUREDS");

        put(2026, null, "{\"distributionKey\":\"ALL_INSUREDS\",\"status\":\"PROPOSED\"}", tokens.insurer(p));
        put(2026, q, "{\"distributionKey\":\"NOT_ATTRIBUTED\",\"justification\":\"pilot\",\"status\":\"PROPOSED\"}",
                tokens.operator());
        assertThat(agreement(2026, p, contract)).isEqualTo("DIFFER " + p + "=ALL_INSUREDS " + q + "=NOT_ATTRIBUTED");

        // an insurer: only the contracts it is party to, the key only (no money, no counts)
        JsonNode ofP = json(send("GET", "/api/v1/risk-equalisation/key-agreement?year=2026", null, tokens.insurer(p), null));
        assertThat(ofP.path("contracts").values()).extracting(c -> c.path("contractId").asString())
                .containsExactly(contract);
        for (JsonNode insurer : ofP.path("contracts").get(0).path("insurers").values()) {
            assertThat(insurer.propertyNames()).containsExactlyInAnyOrder("insurer", "distributionKey");
        }
        assertThat(json(send("GET", "/api/v1/risk-equalisation/key-agreement?year=2026", null,
                tokens.insurer(stranger), null)).path("contracts").size()).isZero();
        // the operator: every contract
        JsonNode all = json(send("GET", "/api/v1/risk-equalisation/key-agreement?year=2026", null, tokens.operator(), null));
        assertThat(all.path("contracts").values()).filteredOn(c -> c.path("contractId").asString().equals(contract))
                .extracting(c -> c.path("agreement").asString()).containsExactly("DIFFER");
    }

    // Who sees what

    @Test
    void anInsurerNeverSeesAnothersCountsOrMoney_norRecordsItsKey() throws Exception {
        String contract = "it-r19-privacy-" + UUID.randomUUID();
        String p = uzovi();
        String q = uzovi();
        publish(twoYears(contract, p, q));
        awaitEntries(contract, 8);
        put(2025, null, "{\"distributionKey\":\"ALL_INSUREDS\",\"status\":\"PROPOSED\"}", tokens.insurer(q));

        HttpResponse<String> own = send("GET", "/api/v1/risk-equalisation/attributions?year=2025", null,
                tokens.insurer(p), null);
        assertThat(json(own).values()).extracting(a -> a.path("insurer").asString()).containsExactly(p);
        // q's 1,400,000 per sector and its count of 800 are nowhere in what p is shown
        assertThat(own.body()).doesNotContain(q, "1400000", "800");
        assertThat(json(send("GET", "/api/v1/risk-equalisation/attributions?year=2025&insurer=" + q, null,
                tokens.insurer(p), null)).size()).as("naming another insurer narrows to nothing").isZero();
        assertThat(send("GET", "/api/v1/risk-equalisation/attributions?year=2025&format=csv&insurer=" + q, null,
                tokens.insurer(p), null).body().lines()).hasSize(1);
        assertThat(json(send("GET", "/api/v1/risk-equalisation/choices?year=2025&insurer=" + q, null,
                tokens.insurer(p), null)).size()).isZero();
        assertThat(json(send("GET", "/api/v1/risk-equalisation/choices?year=2025", null, tokens.insurer(p), null))
                .size()).isZero();

        HttpResponse<String> others = put(2025, q, "{\"distributionKey\":\"NOT_ATTRIBUTED\",\"justification\":\"x\","
                + "\"status\":\"PROPOSED\"}", tokens.insurer(p));
        assertProblem(others, 403, "forbidden");
        assertThat(jdbc.sql("select distribution_key from risk_equalisation_choice where uzovi = ? and service_year = 2025")
                .param(q).query(String.class).single()).isEqualTo("ALL_INSUREDS");

        // the operator sees both
        JsonNode operator = json(send("GET", "/api/v1/risk-equalisation/attributions?year=2025", null,
                tokens.operator(), null));
        assertThat(operator.values()).extracting(a -> a.path("insurer").asString()).contains(p, q);
    }

    @Test
    void providersAndTheTrustedThirdParty_get403_onEveryRiskEqualisationEndpoint() {
        String body = "{\"distributionKey\":\"ALL_INSUREDS\",\"status\":\"PROPOSED\"}";
        for (String token : List.of(tokens.provider("01012345"), tokens.ttp())) {
            assertProblem(send("PUT", "/api/v1/risk-equalisation/choices/2025?insurer=3311", body, token, null), 403,
                    "forbidden");
            for (String path : List.of("/api/v1/risk-equalisation/choices?year=2025",
                    "/api/v1/risk-equalisation/attributions?year=2025",
                    "/api/v1/risk-equalisation/attributions?year=2025&format=csv",
                    "/api/v1/risk-equalisation/key-agreement?year=2025")) {
                assertProblem(send("GET", path, null, token, null), 403, "forbidden");
            }
        }
    }

    // Problems: the field and rule R19, nothing stored

    @Test
    void aChoiceBreakingR19_isRefusedNamingTheFieldAndTheRule_andNothingIsStored() {
        String r = uzovi();
        String token = tokens.insurer(r);

        JsonNode unjustified = assertProblem(put(2025, null,
                "{\"distributionKey\":\"NOT_ATTRIBUTED\",\"status\":\"PROPOSED\"}", token), 400, "invalid-request");
        assertThat(fields(unjustified)).containsExactly("justification");
        assertThat(unjustified.path("errors").get(0).path("rule").asString()).isEqualTo("R19");

        JsonNode unapproved = assertProblem(put(2025, null, "{\"distributionKey\":\"ALL_INSUREDS\",\"status\":\"APPROVED\"}",
                token), 400, "invalid-request");
        assertThat(fields(unapproved)).containsExactly("approvedOn");

        // the clock stands at 2026-11-22
        JsonNode future = assertProblem(put(2025, null,
                "{\"distributionKey\":\"ALL_INSUREDS\",\"status\":\"APPROVED\",\"approvedOn\":\"2026-11-23\"}", token),
                400, "invalid-request");
        assertThat(fields(future)).containsExactly("approvedOn");
        assertThat(future.path("errors").get(0).path("rule").asString()).isEqualTo("R19");

        JsonNode empty = assertProblem(put(2025, null, "{}", token), 400, "invalid-request");
        assertThat(fields(empty)).containsExactly("distributionKey", "status");

        JsonNode noInsurer = assertProblem(put(2025, null, "{\"distributionKey\":\"ALL_INSUREDS\",\"status\":\"PROPOSED\"}",
                tokens.operator()), 400, "invalid-request");
        assertThat(fields(noInsurer)).containsExactly("insurer");

        assertThat(jdbc.sql("select count(*) from risk_equalisation_choice where uzovi = ?").param(r)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from risk_equalisation_choice_change where uzovi = ?").param(r)
                .query(Long.class).single()).isZero();

        assertThat(fields(assertProblem(send("GET", "/api/v1/risk-equalisation/attributions", null, token, null), 400,
                "invalid-request"))).containsExactly("year");
        assertThat(fields(assertProblem(send("GET", "/api/v1/risk-equalisation/key-agreement?year=1999", null, token,
                null), 400, "invalid-request"))).containsExactly("year");
    }

    @Test
    void recordingTheSameChoiceAgain_changesNothing() throws Exception {
        String r = uzovi();
        String body = "{\"distributionKey\":\"ALL_INSUREDS\",\"status\":\"APPROVED\",\"approvedOn\":\"2026-03-01\"}";

        JsonNode first = json(put(2026, null, body, tokens.insurer(r)));
        JsonNode again = json(put(2026, r, body, tokens.insurer(r)));

        assertThat(first.path("revision").asInt()).isEqualTo(1);
        assertThat(again.path("revision").asInt()).isEqualTo(1);
        assertThat(again.path("history").size()).isEqualTo(1);
        assertThat(again.path("insurer").asString()).isEqualTo(r);
        assertThat(again.path("approvedOn").asString()).isEqualTo("2026-03-01");
    }

    // Events

    /**
     * A contract of p and q for 2025 and 2026, EUR 100,000.00 a year: Wmo 1,000,000, Jeugdwet 2,000,000 and Zvw
     * 7,000,000 cents, 3,500,000 per sector, of which p pays 60% = 2,100,000 and q 40% = 1,400,000 (1,200 and 800 of
     * 2,000 insureds in both years). The counts differ per year: 2025 p {1011: 600, 1012: 600}, q {1011: 800};
     * 2026 p {1011: 300, 1012: 900}, q {1011: 400, 1013: 400}. The top-level counts are 2025's.
     */
    private static AllocationCalculated twoYears(String contract, String p, String q) {
        List<ServiceAreaCount> counts2025 = List.of(new ServiceAreaCount(p, "1011", 600L),
                new ServiceAreaCount(p, "1012", 600L), new ServiceAreaCount(q, "1011", 800L));
        List<ServiceAreaCount> counts2026 = List.of(new ServiceAreaCount(p, "1011", 300L),
                new ServiceAreaCount(p, "1012", 900L), new ServiceAreaCount(q, "1011", 400L),
                new ServiceAreaCount(q, "1013", 400L));
        List<MarketShare> shares = List.of(new MarketShare(p, 1200L, 6000), new MarketShare(q, 800L, 4000));
        return ManualExampleEvents.allocation(contract)
                .setEventId(UUID.randomUUID())
                .setMarketShares(shares)
                .setServiceAreaCounts(counts2025)
                .setYearShares(List.of(yearShares(2025, shares, counts2025), yearShares(2026, shares, counts2026)))
                .setWarnings(List.of())
                .setCause("CONTRACT_VERSION")
                .setPeriods(List.of(year(2025, p, q), year(2026, p, q)))
                .build();
    }

    private static YearShares yearShares(int year, List<MarketShare> shares, List<ServiceAreaCount> counts) {
        return YearShares.newBuilder().setYear(year).setReferenceDate(LocalDate.of(year, 1, 1))
                .setDatasetId("counts-" + year).setStatus(AllocationStatus.COMPLETE).setPendingReason(null)
                .setMarketShares(shares).setServiceAreaCounts(counts).setSettledPeriodsKept(false).build();
    }

    private static AllocationPeriod year(int year, String p, String q) {
        return new AllocationPeriod(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), 10_000_000L, List.of(
                ManualExampleEvents.domainLine(LegalDomain.WMO, "welzijn-centraal", 1_000_000L),
                ManualExampleEvents.domainLine(LegalDomain.JEUGDWET, "jeugdteam-oost", 2_000_000L),
                ManualExampleEvents.zvwLine("WIJKVERPLEGING", p, 2_100_000L),
                ManualExampleEvents.zvwLine("WIJKVERPLEGING", q, 1_400_000L),
                ManualExampleEvents.zvwLine("HUISARTSENZORG", p, 2_100_000L),
                ManualExampleEvents.zvwLine("HUISARTSENZORG", q, 1_400_000L)));
    }

    /**
     * Allocation {@code version} of a contract of one insurer for 2025, all Zvw: WIJKVERPLEGING {@code nursingCents}
     * and HUISARTSENZORG 500,000, with the counts (no per-year shares: they hold for every year).
     */
    private static AllocationCalculated singleInsurer(String contract, String r, int version, long nursingCents,
            Map<String, Long> counts) {
        LocalDate start = LocalDate.of(2025, 1, 1);
        LocalDate end = LocalDate.of(2025, 12, 31);
        List<ServiceAreaCount> areaCounts = new ArrayList<>();
        counts.forEach((postcode, count) -> areaCounts.add(new ServiceAreaCount(r, postcode, count)));
        long total = nursingCents + 500_000L;
        return ManualExampleEvents.allocation(contract, version, version)
                .setEventId(UUID.randomUUID())
                .setValidFrom(start)
                .setValidUntil(end)
                .setLumpSumCents(total)
                .setMarketShares(List.of(new MarketShare(r, counts.values().stream().mapToLong(Long::longValue).sum(),
                        10_000)))
                .setServiceAreaCounts(areaCounts)
                .setYearShares(List.of())
                .setWarnings(List.of())
                .setCause("CONTRACT_VERSION")
                .setPeriods(List.of(new AllocationPeriod(start, end, total, List.of(
                        ManualExampleEvents.zvwLine("WIJKVERPLEGING", r, nursingCents),
                        ManualExampleEvents.zvwLine("HUISARTSENZORG", r, 500_000L)))))
                .build();
    }

    // Helpers

    private static String uzovi() {
        return String.format("%04d", NEXT_UZOVI.getAndIncrement() % 10_000);
    }

    /** The stored parts add up, per sector, to the insurer's settled entries of the year in that sector. */
    private void assertStoredSumsMatchTheLedger(String uzovi, int year) {
        List<String> stored = jdbc.sql("""
                select sector, sum(amount_cents) from risk_equalisation_attribution_part
                where uzovi = ? and service_year = ? group by sector order by sector""")
                .params(uzovi, year).query((rs, n) -> rs.getString(1) + " " + rs.getLong(2)).list();
        List<String> ledger = jdbc.sql("""
                select sector, sum(amount_cents) from settlement_entry
                where uzovi = ? and extract(year from period_start) = ? group by sector order by sector""")
                .params(uzovi, year).query((rs, n) -> rs.getString(1) + " " + rs.getLong(2)).list();
        assertThat(stored).isNotEmpty().isEqualTo(ledger);
    }

    private String agreement(int year, String insurer, String contract) {
        JsonNode body = json(send("GET", "/api/v1/risk-equalisation/key-agreement?year=" + year, null,
                tokens.insurer(insurer), null));
        JsonNode ours = body.path("contracts").values().stream()
                .filter(c -> c.path("contractId").asString().equals(contract)).findFirst().orElseThrow();
        StringBuilder text = new StringBuilder(ours.path("agreement").asString());
        ours.path("insurers").forEach(i -> text.append(' ').append(i.path("insurer").asString()).append('=')
                .append(i.path("distributionKey").isNull() ? "null" : i.path("distributionKey").asString()));
        return text.toString();
    }

    private HttpResponse<String> attributions(int year, String insurer, String token) {
        return send("GET", "/api/v1/risk-equalisation/attributions?year=" + year
                + (insurer == null ? "" : "&insurer=" + insurer), null, token, null);
    }

    private HttpResponse<String> put(int year, String insurer, String body, String token) {
        return send("PUT", "/api/v1/risk-equalisation/choices/" + year + (insurer == null ? "" : "?insurer=" + insurer),
                body, token, null);
    }

    private static JsonNode single(HttpResponse<String> response) {
        JsonNode body = json(response);
        assertThat(body.size()).as(response.body()).isEqualTo(1);
        return body.get(0);
    }

    /** "sector part insuredCount amountCents" per part, in the order shown. */
    private static List<String> parts(JsonNode attribution) {
        List<String> parts = new ArrayList<>();
        attribution.path("sectors").forEach(sector -> sector.path("parts").forEach(part -> parts.add(
                sector.path("sector").asString() + " " + part.path("part").asString() + " "
                        + (part.path("insuredCount").isNull() ? "null" : part.path("insuredCount").asLong()) + " "
                        + part.path("amountCents").asLong())));
        return parts;
    }

    private static List<String> sectors(JsonNode attribution) {
        List<String> sectors = new ArrayList<>();
        attribution.path("sectors").forEach(s -> sectors.add(s.path("sector").asString() + " "
                + s.path("settledCents").asLong()));
        return sectors;
    }

    private static JsonNode json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(String method, String path, String body, String token, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token);
        if (accept != null) {
            request.header("Accept", accept);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void publish(AllocationCalculated allocation) throws Exception {
        producer.send(new ProducerRecord<>(Topics.ALLOCATIONS.name(), allocation.getContractId(), allocation)).get();
    }

    private void awaitEntries(String contract, int count) {
        await(() -> jdbc.sql("select count(*) from settlement_entry where contract_id = ?").param(contract)
                .query(Long.class).single() >= count);
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 90 s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
