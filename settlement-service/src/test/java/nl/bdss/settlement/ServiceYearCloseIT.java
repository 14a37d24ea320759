package nl.bdss.settlement;

import static nl.bdss.security.testing.ProblemShape.assertProblem;
import static nl.bdss.security.testing.ProblemShape.fields;
import static nl.bdss.settlement.YearAllocations.complete;
import static nl.bdss.settlement.YearAllocations.line;
import static nl.bdss.settlement.YearAllocations.year;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import nl.bdss.events.Topics;
import nl.bdss.events.allocation.AllocationCalculated;
import nl.bdss.events.allocation.AllocationPeriod;
import nl.bdss.events.settlement.ServiceYearClosed;
import nl.bdss.events.settlement.SettlementBooked;
import nl.bdss.events.settlement.SettlementKind;
import nl.bdss.messaging.serde.ConfluentAvroDeserializer;
import nl.bdss.messaging.serde.SerdeConfig;
import nl.bdss.security.testing.TestTokenIssuer;
import nl.bdss.security.testing.UsesTestTokenIssuer;
import nl.bdss.settlement.ledger.application.LedgerInvariants;
import nl.bdss.testsupport.Infrastructure;
import nl.bdss.testsupport.UsesInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
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
 * Service years and booking years through real Kafka, PostgreSQL and the schema registry, with security on (operator
 * and insurer tokens) and the clock at 2026-11-22: 2025 has ended, 2026 has not. Closing 2025 (a dry run first) stores
 * its totals and publishes ServiceYearClosed on bdss.settlement.service-years; a later allocation change for 2025 is
 * booked in 2026 naming 2025 as its service year; the claims burden read from the ledger's cost accounts equals the
 * entries per sector and year, for the insurer only; a period close for a future date books nothing (R8).
 *
 * <p>Only the test about the close closes a year (2025); the others book 2026 and 2027 only, so no test's figures
 * depend on whether it ran first. Every test has its own contract and insurers (72xx, 73xx, 74xx) and the class its
 * own payee. Own database and consumer group; the relay is on (the events are read back), the scheduler off.
 */
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {SettlementServiceApplication.CONFIG_NAME,
                "spring.application.name=settlement-service-years-it",
                "bdss.settlement.scheduler-enabled=false"})
@UsesInfrastructure(database = "settlement_service_years")
@UsesTestTokenIssuer
class ServiceYearCloseIT {

    private static final TestClock CLOCK = TestClock.atNoonOf("2026-11-22");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    /** A payee of this test's own (03...). */
    private static final String PAYEE = String.format("03%06d", Math.floorMod(UUID.randomUUID().hashCode(), 1_000_000));

    @TestConfiguration
    static class ClockInTheTest {
        @Bean
        @Primary
        Clock testClock() {
            return CLOCK;
        }
    }

    private final TestTokenIssuer tokens = TestTokenIssuer.get();
    private final List<Object> received = new ArrayList<>();
    private KafkaConsumer<String, Object> consumer;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LedgerInvariants invariants;

    @LocalServerPort
    int port;

    @BeforeAll
    void readTheSettlementTopics() {
        Infrastructure infrastructure = Infrastructure.get();
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "settlement-years-it-reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        ConfluentAvroDeserializer values = new ConfluentAvroDeserializer();
        values.configure(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, infrastructure.schemaRegistryUrl(),
                SerdeConfig.SPECIFIC_AVRO_READER, "true"), false);
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), values);
        consumer.subscribe(List.of(Topics.SETTLEMENTS.name(), Topics.SERVICE_YEARS.name()));
    }

    @AfterAll
    void close() {
        consumer.close();
    }

    // (b) closing 2025, then a correction for 2025 booked in 2026

    /** 7201 pays 60% and 7202 40% of 1,000,000 district nursing and of 500,000 GP care, in 2025 and in 2026. */
    private static AllocationPeriod of72(int year, long nursingOf7201, long nursingOf7202) {
        return year(year, PAYEE, line("7201", "WIJKVERPLEGING", nursingOf7201),
                line("7202", "WIJKVERPLEGING", nursingOf7202), line("7201", "HUISARTSENZORG", 300_000L),
                line("7202", "HUISARTSENZORG", 200_000L));
    }

    @Test
    void closing2025_thenAChangeFor2025_isBookedIn2026WithServiceYear2025_R17() throws Exception {
        String contract = "it-year-close-" + UUID.randomUUID();
        LocalDate from = LocalDate.of(2025, 1, 1);
        LocalDate until = LocalDate.of(2026, 12, 31);
        publish(YearAllocations.allocation(contract, 1, from, until,
                List.of(of72(2025, 600_000L, 400_000L), of72(2026, 600_000L, 400_000L)),
                List.of(complete(2025), complete(2026))));
        await(() -> entries(contract) >= 8);

        // the dry run: 2025's figures, nothing blocks it, nothing stored
        JsonNode dryRun = json(post("/api/v1/service-years/2025/close", null, tokens.operator()));
        assertThat(dryRun.path("dryRun").asBoolean()).isTrue();
        assertThat(dryRun.path("closed").asBoolean()).isFalse();
        assertThat(dryRun.path("closable").asBoolean()).isTrue();
        assertThat(dryRun.path("blockers").size()).isZero();
        assertThat(totalsOf72(dryRun.path("totals"))).containsExactly(
                "7201 HUISARTSENZORG 300000 0 1", "7201 WIJKVERPLEGING 600000 0 1",
                "7202 HUISARTSENZORG 200000 0 1", "7202 WIJKVERPLEGING 400000 0 1");
        assertThat(closedYearsStored()).isZero();

        // 2026 has not ended on 2026-11-22: the dry run names it, the real close refuses it
        JsonNode dryRun2026 = json(post("/api/v1/service-years/2026/close?dryRun=true", null, tokens.operator()));
        assertThat(dryRun2026.path("closable").asBoolean()).isFalse();
        assertThat(dryRun2026.path("blockers").get(0).path("rule").asString()).isEqualTo("R17");
        JsonNode notEnded = assertProblem(post("/api/v1/service-years/2026/close?dryRun=false", null,
                tokens.operator()), 422, "rules-violated");
        assertThat(fields(notEnded)).containsExactly("year");
        assertThat(notEnded.path("errors").get(0).path("rule").asString()).isEqualTo("R17");
        assertThat(notEnded.path("detail").asString()).contains("has not ended");
        assertThat(closedYearsStored()).isZero();

        // two real closes at once: one wins, the other finds the year closed
        String reason = "{\"reason\":\"annual accounts 2025\"}";
        CompletableFuture<HttpResponse<String>> first = postAsync("/api/v1/service-years/2025/close?dryRun=false",
                reason, tokens.operator());
        CompletableFuture<HttpResponse<String>> second = postAsync("/api/v1/service-years/2025/close?dryRun=false",
                reason, tokens.operator());
        List<HttpResponse<String>> both = List.of(first.get(), second.get());
        assertThat(both).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(200, 409);
        HttpResponse<String> lost = both.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow();
        assertProblem(lost, 409, "service-year-closed");
        JsonNode won = json(both.stream().filter(r -> r.statusCode() == 200).findFirst().orElseThrow());
        assertThat(won.path("closed").asBoolean()).isTrue();
        assertThat(won.path("closedBy").asString()).isEqualTo("operator");
        assertThat(won.path("reason").asString()).isEqualTo("annual accounts 2025");
        assertProblem(post("/api/v1/service-years/2025/close?dryRun=false", null, tokens.operator()), 409,
                "service-year-closed");
        assertThat(closedYearsStored()).isEqualTo(1);

        ServiceYearClosed closed = awaitYearClosed(2025);
        assertThat(closed.getClosedBy()).isEqualTo("operator");
        assertThat(closed.getReason()).isEqualTo("annual accounts 2025");
        assertThat(closed.getTotals()).filteredOn(t -> t.getUzovi().startsWith("72"))
                .extracting(t -> t.getUzovi() + " " + t.getSector() + " " + t.getPayableCents() + " "
                        + t.getCreditedCents() + " " + t.getEntryCount())
                .containsExactly("7201 HUISARTSENZORG 300000 0 1", "7201 WIJKVERPLEGING 600000 0 1",
                        "7202 HUISARTSENZORG 200000 0 1", "7202 WIJKVERPLEGING 400000 0 1");
        JsonNode listed = json(get("/api/v1/service-years", tokens.operator()));
        assertThat(listed.values()).filteredOn(y -> y.path("year").asInt() == 2025).singleElement()
                .satisfies(y -> assertThat(y.path("reason").asString()).isEqualTo("annual accounts 2025"));

        // 2025's shares change to 48% / 52%: district nursing 480,000 + 520,000, corrections -120,000 and +120,000
        publish(YearAllocations.allocation(contract, 2, from, until,
                List.of(of72(2025, 480_000L, 520_000L), of72(2026, 600_000L, 400_000L)),
                List.of(complete(2025), complete(2026))));
        List<SettlementBooked> corrections = awaitBooked(contract, 10).stream()
                .filter(e -> e.getKind() == SettlementKind.CORRECTION).toList();
        assertThat(corrections).extracting(e -> e.getUzovi() + " " + e.getSector() + " " + e.getAmountCents() + " "
                + e.getServiceYear() + "/" + e.getBookingYear())
                .containsExactlyInAnyOrder("7201 WIJKVERPLEGING -120000 2025/2026", "7202 WIJKVERPLEGING 120000 2025/2026");
        assertThat(awaitBooked(contract, 10)).filteredOn(e -> e.getKind() == SettlementKind.LUMP_SUM)
                .allMatch(e -> e.getBookingYear().equals(e.getServiceYear()));

        JsonNode page = json(get("/api/v1/payment-instructions?insurer=7201&payee=" + PAYEE + "&size=100",
                tokens.operator()));
        assertThat(page.path("content").values()).filteredOn(i -> i.path("kind").asString().equals("CORRECTION"))
                .singleElement().satisfies(i -> {
                    assertThat(i.path("serviceYear").asInt()).isEqualTo(2025);
                    assertThat(i.path("bookingYear").asInt()).isEqualTo(2026);
                    assertThat(i.path("amountCents").asLong()).isEqualTo(-120_000L);
                });

        // the two views of 7201's claims burden: the correction under service year 2025 and under booking year 2026
        JsonNode of2025 = json(get("/api/v1/claims-burden?year=2025", tokens.insurer("7201")));
        assertThat(rows(of2025, contract)).containsExactly(
                "2025/2025 HUISARTSENZORG 300000 0 300000", "2025/2025 WIJKVERPLEGING 600000 0 600000",
                "2025/2026 WIJKVERPLEGING 0 -120000 -120000");
        // by service year 2025: nursing 600,000 - 120,000 = 480,000; by booking year 2025: as closed, 600,000
        assertThat(totals(of2025.path("byServiceYear"))).containsExactly("HUISARTSENZORG 300000 0 300000",
                "WIJKVERPLEGING 600000 -120000 480000");
        assertThat(totals(of2025.path("byBookingYear"))).containsExactly("HUISARTSENZORG 300000 0 300000",
                "WIJKVERPLEGING 600000 0 600000");
        JsonNode of2026 = json(get("/api/v1/claims-burden?year=2026", tokens.insurer("7201")));
        assertThat(rows(of2026, contract)).containsExactly("2025/2026 WIJKVERPLEGING 0 -120000 -120000",
                "2026/2026 HUISARTSENZORG 300000 0 300000", "2026/2026 WIJKVERPLEGING 600000 0 600000");
        // booked in 2026: nursing 600,000 payable and the -120,000 for 2025, net 480,000
        assertThat(totals(of2026.path("byBookingYear"))).containsExactly("HUISARTSENZORG 300000 0 300000",
                "WIJKVERPLEGING 600000 -120000 480000");
        assertThat(totals(of2026.path("byServiceYear"))).containsExactly("HUISARTSENZORG 300000 0 300000",
                "WIJKVERPLEGING 600000 0 600000");

        // the closed year's figures stay as closed
        assertThat(totalsOf72(json(get("/api/v1/service-years", tokens.operator())).values().stream()
                .filter(y -> y.path("year").asInt() == 2025).findFirst().orElseThrow().path("totals")))
                .contains("7201 WIJKVERPLEGING 600000 0 1");
        LedgerInvariants.Report report = invariants.check();
        assertThat(report.holds()).as(report.toString()).isTrue();
    }

    // (c) the claims burden equals the entries, per sector and year, for the insurer only

    @Test
    void theClaimsBurdenEqualsTheEntriesPerSectorAndYear_inJsonAndCsv_andAnotherInsurerSeesNoneOfIt_R17()
            throws Exception {
        String contract = "it-claims-burden-" + UUID.randomUUID();
        LocalDate from = LocalDate.of(2026, 1, 1);
        LocalDate until = LocalDate.of(2027, 12, 31);
        // 7301 and 7302: district nursing 750,000 + 250,000, GGZ 123,457 + 41,152, in 2026 and in 2027
        AllocationPeriod year2027 = year(2027, PAYEE, line("7301", "WIJKVERPLEGING", 750_000L),
                line("7302", "WIJKVERPLEGING", 250_000L), line("7301", "GGZ", 123_457L), line("7302", "GGZ", 41_152L));
        publish(YearAllocations.allocation(contract, 1, from, until, List.of(year(2026, PAYEE,
                line("7301", "WIJKVERPLEGING", 750_000L), line("7302", "WIJKVERPLEGING", 250_000L),
                line("7301", "GGZ", 123_457L), line("7302", "GGZ", 41_152L)), year2027),
                List.of(complete(2026), complete(2027))));
        await(() -> entries(contract) >= 4);
        // 2026's nursing becomes 700,000 + 300,000: corrections -50,000 (7301) and +50,000 (7302)
        publish(YearAllocations.allocation(contract, 2, from, until, List.of(year(2026, PAYEE,
                line("7301", "WIJKVERPLEGING", 700_000L), line("7302", "WIJKVERPLEGING", 300_000L),
                line("7301", "GGZ", 123_457L), line("7302", "GGZ", 41_152L)), year2027),
                List.of(complete(2026), complete(2027))));
        await(() -> entries(contract) >= 6);

        JsonNode of7301 = json(get("/api/v1/claims-burden?year=2026", tokens.insurer("7301")));

        assertThat(of7301.path("insurer").asString()).isEqualTo("7301");
        // GGZ: 123,457 payable; nursing: 750,000 payable, -50,000 credited, net 700,000; 2027 is not due yet
        assertThat(rows(of7301, contract)).containsExactly("2026/2026 GGZ 123457 0 123457",
                "2026/2026 WIJKVERPLEGING 750000 -50000 700000");
        assertThat(rows(of7301, contract)).isEqualTo(entriesPerSectorAndYear("7301", contract));
        assertThat(totals(of7301.path("byServiceYear"))).containsExactly("GGZ 123457 0 123457",
                "WIJKVERPLEGING 750000 -50000 700000");
        assertThat(totals(of7301.path("byBookingYear"))).isEqualTo(totals(of7301.path("byServiceYear")));

        String header = "serviceYear,bookingYear,sector,contractId,payableCents,creditedCents,netCents";
        for (HttpResponse<String> csv : List.of(get("/api/v1/claims-burden?year=2026&format=csv", tokens.insurer("7301")),
                get("/api/v1/claims-burden?year=2026", tokens.insurer("7301"), "text/csv"))) {
            assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
            assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
            assertThat(csv.body().lines()).containsExactly(header,
                    "2026,2026,GGZ," + contract + ",123457,0,123457",
                    "2026,2026,WIJKVERPLEGING," + contract + ",750000,-50000,700000");
        }

        // 7302 sees its own figures only: nursing 250,000 + 50,000 = 300,000 payable, GGZ 41,152
        HttpResponse<String> of7302 = get("/api/v1/claims-burden?year=2026", tokens.insurer("7302"));
        assertThat(rows(json(of7302), contract)).containsExactly("2026/2026 GGZ 41152 0 41152",
                "2026/2026 WIJKVERPLEGING 300000 0 300000");
        assertThat(rows(json(of7302), contract)).isEqualTo(entriesPerSectorAndYear("7302", contract));
        assertThat(of7302.body()).doesNotContain("123457", "750000");
        assertProblem(get("/api/v1/claims-burden?year=2026&insurer=7301", tokens.insurer("7302")), 403, "forbidden");
        assertThat(json(get("/api/v1/claims-burden?year=2026", tokens.insurer("7399"))).path("rows").size()).isZero();
        assertThat(json(get("/api/v1/claims-burden?year=2026&insurer=7301", tokens.operator())).path("rows").toString())
                .isEqualTo(of7301.path("rows").toString());
        assertThat(fields(assertProblem(get("/api/v1/claims-burden?insurer=7301", tokens.operator()), 400,
                "invalid-request"))).containsExactly("year");
        LedgerInvariants.Report report = invariants.check();
        assertThat(report.holds()).as(report.toString()).isTrue();
    }

    // (d) a period close for a future date

    @Test
    void aPeriodCloseForAFutureDate_isRefusedWithR8_andBooksNothing_whileItsDryRunForecastsThatDate() throws Exception {
        String contract = "it-future-close-" + UUID.randomUUID();
        // 2027 only, in advance: due on 2027-01-01, after today 2026-11-22
        publish(YearAllocations.allocation(contract, 1, LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31),
                List.of(year(2027, PAYEE, line("7401", "WIJKVERPLEGING", 500_000L),
                        line("7402", "WIJKVERPLEGING", 500_000L))), List.of(complete(2027))));
        await(() -> jdbc.sql("select count(*) from allocation_line where contract_id = ?").param(contract)
                .query(Long.class).single() == 2);

        JsonNode refused = assertProblem(post("/api/v1/period-close?date=2027-01-01&dryRun=false", null,
                tokens.operator()), 422, "rules-violated");

        assertThat(fields(refused)).containsExactly("date");
        assertThat(refused.path("errors").get(0).path("rule").asString()).isEqualTo("R8");
        assertThat(entries(contract)).isZero();
        // other tests' allocations on the shared topic are booked meanwhile: count only what this close would book
        assertThat(jdbc.sql("select count(*) from settlement_entry where cause like 'period close for 2027-01-01%'")
                .query(Long.class).single()).isZero();
        JsonNode forecast = json(post("/api/v1/period-close?date=2027-01-01", null, tokens.operator()));
        assertThat(forecast.path("dryRun").asBoolean()).isTrue();
        assertThat(forecast.path("entries").values()).filteredOn(e -> e.path("contractId").asString().equals(contract))
                .extracting(e -> e.path("insurer").asString() + " " + e.path("amountCents").asLong() + " "
                        + e.path("serviceYear").asInt() + "/" + e.path("bookingYear").asInt())
                .containsExactlyInAnyOrder("7401 500000 2027/2027", "7402 500000 2027/2027");
        assertThat(entries(contract)).as("a dry run books nothing").isZero();
    }

    // helpers

    private long entries(String contract) {
        return jdbc.sql("select count(*) from settlement_entry where contract_id = ?").param(contract)
                .query(Long.class).single();
    }

    private long closedYearsStored() {
        return jdbc.sql("select count(*) from service_year_closed").query(Long.class).single();
    }

    /** The insurer's entries of the contract summed per service year, booking year and sector, as the rows read. */
    private List<String> entriesPerSectorAndYear(String uzovi, String contract) {
        return jdbc.sql("""
                select service_year || '/' || booking_year || ' ' || sector || ' '
                    || coalesce(sum(amount_cents) filter (where amount_cents > 0), 0) || ' '
                    || coalesce(sum(amount_cents) filter (where amount_cents < 0), 0) || ' ' || sum(amount_cents)
                from settlement_entry where uzovi = ? and contract_id = ?
                group by service_year, booking_year, sector order by service_year, booking_year, sector""")
                .params(uzovi, contract).query(String.class).list();
    }

    private static List<String> rows(JsonNode burden, String contract) {
        return burden.path("rows").values().stream().filter(r -> r.path("contractId").asString().equals(contract))
                .map(r -> r.path("serviceYear").asInt() + "/" + r.path("bookingYear").asInt() + " "
                        + r.path("sector").asString() + " " + r.path("payableCents").asLong() + " "
                        + r.path("creditedCents").asLong() + " " + r.path("netCents").asLong())
                .toList();
    }

    private static List<String> totals(JsonNode totals) {
        return totals.values().stream().map(t -> t.path("sector").asString() + " " + t.path("payableCents").asLong()
                + " " + t.path("creditedCents").asLong() + " " + t.path("netCents").asLong()).toList();
    }

    private static List<String> totalsOf72(JsonNode totals) {
        return totals.values().stream().filter(t -> t.path("insurer").asString().startsWith("72"))
                .map(t -> t.path("insurer").asString() + " " + t.path("sector").asString() + " "
                        + t.path("payableCents").asLong() + " " + t.path("creditedCents").asLong() + " "
                        + t.path("entryCount").asInt())
                .toList();
    }

    private List<SettlementBooked> awaitBooked(String contract, int count) throws InterruptedException {
        await(() -> {
            poll();
            return booked(contract).count() >= count;
        });
        return booked(contract).sorted(java.util.Comparator.comparingLong(SettlementBooked::getSequence)).toList();
    }

    private Stream<SettlementBooked> booked(String contract) {
        return received.stream().filter(SettlementBooked.class::isInstance).map(SettlementBooked.class::cast)
                .filter(e -> e.getContractId().equals(contract));
    }

    private ServiceYearClosed awaitYearClosed(int year) throws InterruptedException {
        await(() -> {
            poll();
            return yearsClosed(year).findAny().isPresent();
        });
        return yearsClosed(year).findFirst().orElseThrow();
    }

    private Stream<ServiceYearClosed> yearsClosed(int year) {
        return received.stream().filter(ServiceYearClosed.class::isInstance).map(ServiceYearClosed.class::cast)
                .filter(e -> e.getServiceYear() == year);
    }

    private synchronized void poll() {
        for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(200))) {
            if (record.value() instanceof ServiceYearClosed closed) {
                assertThat(record.key()).as("keyed by the year").isEqualTo(Integer.toString(closed.getServiceYear()));
            }
            received.add(record.value());
        }
    }

    private static void publish(AllocationCalculated allocation) throws Exception {
        AllocationTopic.publish(allocation);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition met within 60 s").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> get(String path, String token) {
        return get(path, token, "application/json");
    }

    private HttpResponse<String> get(String path, String token, String accept) {
        return send(request(path, token).header("Accept", accept).GET().build());
    }

    private HttpResponse<String> post(String path, String json, String token) {
        return send(postRequest(path, json, token));
    }

    private CompletableFuture<HttpResponse<String>> postAsync(String path, String json, String token) {
        return HTTP.sendAsync(postRequest(path, json, token), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest postRequest(String path, String json, String token) {
        HttpRequest.Builder request = request(path, token);
        return (json == null ? request.POST(HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)))
                .build();
    }

    private HttpRequest.Builder request(String path, String token) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
