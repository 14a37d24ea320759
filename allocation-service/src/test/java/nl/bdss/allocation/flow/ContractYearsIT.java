package nl.bdss.allocation.flow;

import static nl.bdss.events.fixtures.AvroJson.avroJsonText;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import nl.bdss.allocation.AllocationServiceApplication;
import nl.bdss.allocation.TestProperties;
import nl.bdss.events.Topics;
import nl.bdss.events.allocation.AllocationCalculated;
import nl.bdss.events.allocation.AllocationLine;
import nl.bdss.events.allocation.AllocationPeriod;
import nl.bdss.events.allocation.AllocationStatus;
import nl.bdss.events.allocation.YearShares;
import nl.bdss.events.common.BudgetPeriod;
import nl.bdss.events.common.LegalDomain;
import nl.bdss.events.common.PaymentTiming;
import nl.bdss.events.contract.ContractState;
import nl.bdss.events.contract.ContractVersionPublished;
import nl.bdss.events.contract.CountSource;
import nl.bdss.events.contract.MarketShareDefinition;
import nl.bdss.events.contract.Purchasing;
import nl.bdss.events.contract.PurchasingType;
import nl.bdss.events.contract.YearReferenceDate;
import nl.bdss.events.fixtures.ManualExampleEvents;
import nl.bdss.messaging.serde.ConfluentAvroDeserializer;
import nl.bdss.messaging.serde.ConfluentAvroSerializer;
import nl.bdss.messaging.serde.SerdeConfig;
import nl.bdss.testsupport.Infrastructure;
import nl.bdss.testsupport.UsesInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Market shares per contract year, settled periods that stay settled, the operator's reopen and the R15 warning,
 * through real Kafka and PostgreSQL, on the fixed business date 2026-05-15.
 *
 * <p>Every test's contract runs 2025-2027 with a lump sum of 1,000,000 cents per QUARTER paid IN_ARREARS (due the
 * day after the quarter). Split (R7): Wmo 10% = 100,000, Jeugdwet 20% = 200,000, Zvw 70% = 700,000, half of it per
 * Zvw sector (wijkverpleging, huisartsenzorg) = 350,000, paid by 3311 and 3343 to the main contractor by their
 * insureds in the service area (3311 counted in 1011, 3343 in 1012). On 2026-05-15 every 2025 quarter (due
 * 2025-04-01 ... 2026-01-01) and 2026's Q1 (due 2026-04-01) are settled; 2026's Q2 (due 2026-07-01) on are not.
 * Each test counts on reference dates of its own (a delivery replaces its source and date's whole dataset).
 */
@SpringBootTest(properties = {AllocationServiceApplication.CONFIG_NAME, TestProperties.SECURITY_OFF},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesInfrastructure(database = "allocation")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContractYearsIT {

    private static final Duration PATIENCE = Duration.ofSeconds(45);
    private static final JsonMapper JSON = JsonMapper.shared();

    @TestConfiguration(proxyBeanMethods = false)
    static class InMay2026 {
        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(Instant.parse("2026-05-15T10:00:00Z"), ZoneOffset.UTC);
        }
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();
    private KafkaProducer<String, ContractVersionPublished> producer;
    private KafkaConsumer<String, AllocationCalculated> consumer;
    private final List<AllocationCalculated> received = new ArrayList<>();

    @BeforeAll
    void connect() {
        Infrastructure infrastructure = Infrastructure.get();
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ConfluentAvroSerializer.class,
                SerdeConfig.SCHEMA_REGISTRY_URL, infrastructure.schemaRegistryUrl()));
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "contract-years-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ConfluentAvroDeserializer.class,
                SerdeConfig.SCHEMA_REGISTRY_URL, infrastructure.schemaRegistryUrl(),
                SerdeConfig.SPECIFIC_AVRO_READER, true));
        consumer.subscribe(List.of(Topics.ALLOCATIONS.name()));
    }

    @AfterAll
    void disconnect() {
        producer.close();
        consumer.close();
    }

    @Test
    void eachContractYear_isSplitByThatYearsCounts_R11() throws Exception {
        LocalDate[] dates = dates(2, 3);
        // 2025: 300 : 100 (75% / 25%); 2026: 100 : 100 (50% / 50%); 2027: 100 : 300 (25% / 75%)
        deliver(dates[0], 300, 100);
        deliver(dates[1], 100, 100);
        deliver(dates[2], 100, 300);
        String contractId = UUID.randomUUID().toString();

        publish(threeYears(contractId, dates));

        AllocationCalculated allocation = awaitAllocation(contractId, a -> a.getAllocationVersion() == 1);
        assertThat(allocation.getStatus()).isEqualTo(AllocationStatus.COMPLETE);
        assertThat(allocation.getCause()).isEqualTo("CONTRACT_VERSION");
        assertThat(allocation.getPeriods()).hasSize(12);
        // per sector and quarter: 350,000 x 300/400 = 262,500 and x 100/400 = 87,500; x 1/2 = 175,000
        assertThat(zvwOfYear(allocation, 2025)).containsOnly(List.of(262_500L, 87_500L, 262_500L, 87_500L));
        assertThat(zvwOfYear(allocation, 2026)).containsOnly(List.of(175_000L, 175_000L, 175_000L, 175_000L));
        assertThat(zvwOfYear(allocation, 2027)).containsOnly(List.of(87_500L, 262_500L, 87_500L, 262_500L));
        assertThat(allocation.getYearShares()).extracting(YearShares::getYear, YearShares::getReferenceDate,
                        YearShares::getStatus, y -> points(y), YearShares::getSettledPeriodsKept)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2025, dates[0], AllocationStatus.COMPLETE, "3311=7500 3343=2500", false),
                        org.assertj.core.groups.Tuple.tuple(2026, dates[1], AllocationStatus.COMPLETE, "3311=5000 3343=5000", false),
                        org.assertj.core.groups.Tuple.tuple(2027, dates[2], AllocationStatus.COMPLETE, "3311=2500 3343=7500", false));
        // the top-level shares and date are the first contract year's
        assertThat(allocation.getReferenceDate()).isEqualTo(dates[0]);
        assertThat(allocation.getMarketShares()).extracting(s -> s.getUzovi() + "=" + s.getBasisPoints())
                .containsExactly("3311=7500", "3343=2500");
        assertThat(allocation.getWarnings()).isEmpty();

        JsonNode current = JSON.readTree(get("/api/v1/allocations/" + contractId).body());
        assertThat(current.path("yearShares")).hasSize(3);
        assertThat(current.path("yearShares").get(2).path("referenceDate").asString()).isEqualTo(dates[2].toString());
        assertThat(current.path("yearShares").get(2).path("marketShares").get(1).path("insuredCount").asLong()).isEqualTo(300);
        assertThat(current.path("cause").asString()).isEqualTo("CONTRACT_VERSION");
        JsonNode explanation = JSON.readTree(get("/api/v1/allocations/" + contractId + "/explanation").body());
        assertThat(explanation.path("years").get(1).path("countsPerInsurerAndPostcode").path("3343").path("1012").asLong())
                .isEqualTo(100);
    }

    @Test
    void aYearWithoutCounts_isPendingOnItsOwn_andTheOtherYearsArePaid_R11() throws Exception {
        LocalDate[] dates = dates(2, 4);
        deliver(dates[0], 300, 100);
        deliver(dates[1], 100, 100);
        String contractId = UUID.randomUUID().toString();

        publish(threeYears(contractId, dates));

        AllocationCalculated pending = awaitAllocation(contractId, a -> a.getAllocationVersion() == 1);
        assertThat(pending.getStatus()).isEqualTo(AllocationStatus.PENDING);
        assertThat(pending.getPendingReason()).contains("contract year 2027").contains(dates[2].toString())
                .doesNotContain("contract year 2025").doesNotContain("contract year 2026");
        // 2025 and 2026: 4 quarters each; 2027's are left out
        assertThat(pending.getPeriods()).extracting(p -> p.getPeriodStart().getYear())
                .containsExactly(2025, 2025, 2025, 2025, 2026, 2026, 2026, 2026);
        assertThat(zvwOfYear(pending, 2025)).containsOnly(List.of(262_500L, 87_500L, 262_500L, 87_500L));
        assertThat(pending.getYearShares()).extracting(YearShares::getYear, YearShares::getStatus)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2025, AllocationStatus.COMPLETE),
                        org.assertj.core.groups.Tuple.tuple(2026, AllocationStatus.COMPLETE),
                        org.assertj.core.groups.Tuple.tuple(2027, AllocationStatus.PENDING));
        assertThat(pending.getYearShares().get(2).getPendingReason()).contains("INSURERS").contains(dates[2].toString());
        assertThat(pending.getYearShares().get(2).getMarketShares()).isEmpty();

        deliver(dates[2], 100, 300);

        AllocationCalculated complete = awaitAllocation(contractId, a -> a.getAllocationVersion() == 2);
        assertThat(complete.getStatus()).isEqualTo(AllocationStatus.COMPLETE);
        assertThat(complete.getCause()).isEqualTo("COUNTS_DELIVERED");
        assertThat(complete.getPeriods()).hasSize(12);
        assertThat(complete.getPeriods().subList(0, 8)).isEqualTo(pending.getPeriods());
        assertThat(zvwOfYear(complete, 2027)).containsOnly(List.of(87_500L, 262_500L, 87_500L, 262_500L));
    }

    @Test
    void replacementDeliveries_keepTheSettledPeriods_andReallocateOnlyUnsettledOnes_R11() throws Exception {
        LocalDate[] dates = dates(2, 5);
        deliver(dates[0], 300, 100);
        deliver(dates[1], 100, 100);
        deliver(dates[2], 100, 300);
        String contractId = UUID.randomUUID().toString();
        publish(threeYears(contractId, dates));
        AllocationCalculated first = awaitAllocation(contractId, a -> a.getAllocationVersion() == 1);

        // 2025 is settled whole: a replacement for its date re-allocates nothing
        deliver(dates[0], 100, 100);
        // 2026: Q1 settled (due 2026-04-01), Q2-Q4 not: only those take 300 : 100
        deliver(dates[1], 300, 100);

        AllocationCalculated second = awaitAllocation(contractId, a -> a.getAllocationVersion() == 2);
        assertThat(second.getCause()).isEqualTo("COUNTS_DELIVERED");
        assertThat(periodsOfYear(second, 2025)).isEqualTo(periodsOfYear(first, 2025));
        assertThat(second.getPeriods().get(4)).isEqualTo(first.getPeriods().get(4));
        // Q2-Q4 2026: 350,000 x 300/400 = 262,500 and 87,500 per sector
        assertThat(second.getPeriods().subList(5, 8)).extracting(ContractYearsIT::zvw)
                .containsOnly(List.of(262_500L, 87_500L, 262_500L, 87_500L));
        assertThat(periodsOfYear(second, 2027)).isEqualTo(periodsOfYear(first, 2027));
        // 2025 shows the shares its settled quarters keep, flagged: its current counts (100 : 100) would split it otherwise
        assertThat(second.getYearShares()).extracting(YearShares::getYear, y -> points(y), YearShares::getSettledPeriodsKept)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2025, "3311=7500 3343=2500", true),
                        org.assertj.core.groups.Tuple.tuple(2026, "3311=7500 3343=2500", true),
                        org.assertj.core.groups.Tuple.tuple(2027, "3311=2500 3343=7500", false));
        // no allocation came of the 2025 delivery, before or after
        drain();
        assertThat(received).filteredOn(a -> a.getContractId().equals(contractId))
                .extracting(AllocationCalculated::getAllocationVersion).containsExactly(1, 2);
    }

    @Test
    void reopen_dryRunShowsThe2025Corrections_andStoresNothing_thenTheRealOnePublishesAndAudits() throws Exception {
        LocalDate[] dates = dates(2, 6);
        deliver(dates[0], 300, 100);
        deliver(dates[1], 100, 100);
        deliver(dates[2], 100, 300);
        String contractId = UUID.randomUUID().toString();
        publish(threeYears(contractId, dates));
        AllocationCalculated first = awaitAllocation(contractId, a -> a.getAllocationVersion() == 1);
        deliver(dates[0], 100, 100);
        String body = "{\"reason\":\"Vektis corrected the 2025 counts\",\"years\":[2025]}";

        HttpResponse<String> dryRun = post("/api/v1/allocations/" + contractId + "/reopen", body);

        assertThat(dryRun.statusCode()).as(dryRun.body()).isEqualTo(200);
        JsonNode shown = JSON.readTree(dryRun.body());
        assertThat(shown.path("dryRun").asBoolean()).isTrue();
        assertThat(shown.path("changed").asBoolean()).isTrue();
        // per 2025 quarter and sector: 3311 350,000 x 1/2 - 262,500 = -87,500; 3343 175,000 - 87,500 = +87,500
        List<String> corrections = new ArrayList<>();
        shown.path("corrections").forEach(c -> corrections.add(c.path("periodStart").asString() + " "
                + c.path("uzovi").asString() + " " + c.path("deltaCents").asLong()));
        assertThat(corrections).hasSize(16).allMatch(c -> c.startsWith("2025-"))
                .filteredOn(c -> c.contains(" 3311 ")).allMatch(c -> c.endsWith(" -87500"));
        assertThat(corrections).filteredOn(c -> c.contains(" 3343 ")).hasSize(8).allMatch(c -> c.endsWith(" 87500"));
        assertThat(count("select count(*) from allocation where contract_id = ?", contractId)).isEqualTo(1);
        assertThat(count("select count(*) from allocation_reopen where contract_id = ?", contractId)).isZero();

        HttpResponse<String> real = post("/api/v1/allocations/" + contractId + "/reopen?dryRun=false", body);

        assertThat(real.statusCode()).as(real.body()).isEqualTo(200);
        assertThat(JSON.readTree(real.body()).path("allocationVersion").asInt()).isEqualTo(2);
        AllocationCalculated reopened = awaitAllocation(contractId, a -> a.getAllocationVersion() == 2);
        assertThat(reopened.getCause()).isEqualTo("REOPENED: Vektis corrected the 2025 counts");
        assertThat(zvwOfYear(reopened, 2025)).containsOnly(List.of(175_000L, 175_000L, 175_000L, 175_000L));
        assertThat(periodsOfYear(reopened, 2026)).isEqualTo(periodsOfYear(first, 2026));
        assertThat(periodsOfYear(reopened, 2027)).isEqualTo(periodsOfYear(first, 2027));
        assertThat(reopened.getYearShares().get(0).getSettledPeriodsKept()).isFalse();
        assertThat(points(reopened.getYearShares().get(0))).isEqualTo("3311=5000 3343=5000");
        Map<String, Object> audit = jdbc.sql("select client_id, reason, array_to_string(years, ',') as years, "
                + "allocation_version from allocation_reopen where contract_id = ?").param(contractId).query().singleRow();
        assertThat(audit).containsEntry("client_id", "operator").containsEntry("reason", "Vektis corrected the 2025 counts")
                .containsEntry("years", "2025").containsEntry("allocation_version", 2);

        // once more: nothing changes, nothing is published
        HttpResponse<String> again = post("/api/v1/allocations/" + contractId + "/reopen?dryRun=false", body);
        assertThat(JSON.readTree(again.body()).path("changed").asBoolean()).isFalse();
        assertThat(JSON.readTree(again.body()).path("message").asString()).contains("nothing");
        assertThat(count("select count(*) from allocation where contract_id = ?", contractId)).isEqualTo(2);
    }

    /**
     * Two contracts on the same 2025 counts (3311 300 : 3343 100) and corrected counts (100 : 100): the reopen of all
     * contracts on that delivery shows per contract 16 corrections netting 0 (3311 -87,500, 3343 +87,500 per quarter
     * and sector) and stores nothing; the real one publishes both; a contract on other dates is not touched.
     */
    @Test
    void reopenOfAllContractsOnACorrectedDelivery_dryRunFirst_thenEachContractAsItsOwnReopen() throws Exception {
        LocalDate[] dates = dates(2, 8);
        deliver(dates[0], 300, 100);
        deliver(dates[1], 100, 100);
        deliver(dates[2], 100, 300);
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        publish(threeYears(first, dates));
        publish(threeYears(second, dates));
        awaitAllocation(first, a -> a.getAllocationVersion() == 1);
        awaitAllocation(second, a -> a.getAllocationVersion() == 1);
        deliver(dates[0], 100, 100);
        String body = "{\"reason\":\"Vektis corrected the 2025 counts\",\"years\":[2025],"
                + "\"source\":\"INSURERS\",\"referenceDate\":\"" + dates[0] + "\"}";

        HttpResponse<String> dryRun = post("/api/v1/allocations/reopen", body);

        assertThat(dryRun.statusCode()).as(dryRun.body()).isEqualTo(200);
        JsonNode shown = JSON.readTree(dryRun.body());
        assertThat(shown.path("contractCount").asInt()).isEqualTo(2);
        assertThat(shown.path("changedCount").asInt()).isEqualTo(2);
        assertThat(shown.path("correctionCount").asInt()).isEqualTo(32);
        shown.path("contracts").forEach(contract -> {
            assertThat(contract.path("correctionCount").asInt()).isEqualTo(16);
            assertThat(contract.path("netDeltaCents").asLong()).isZero();
        });
        assertThat(count("select count(*) from allocation where contract_id = ?", first)).isEqualTo(1);

        HttpResponse<String> real = post("/api/v1/allocations/reopen?dryRun=false", body);

        assertThat(real.statusCode()).as(real.body()).isEqualTo(200);
        assertThat(zvwOfYear(awaitAllocation(first, a -> a.getAllocationVersion() == 2), 2025))
                .containsOnly(List.of(175_000L, 175_000L, 175_000L, 175_000L));
        assertThat(zvwOfYear(awaitAllocation(second, a -> a.getAllocationVersion() == 2), 2025))
                .containsOnly(List.of(175_000L, 175_000L, 175_000L, 175_000L));
        assertThat(count("select count(*) from allocation_reopen where contract_id = ?", second)).isEqualTo(1);

        HttpResponse<String> incomplete = post("/api/v1/allocations/reopen", "{\"reason\":\" \"}");
        assertThat(incomplete.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(incomplete.body()).path("errors").toString())
                .contains("reason", "years", "source", "referenceDate");
    }

    @Test
    void anInsurerWithoutInsuredsInTheArea_isWarnedOf_inTheEventTheAllocationAndThePreview_R15() throws Exception {
        LocalDate[] dates = dates(2, 7);
        deliver(dates[0], 300, 0);
        deliver(dates[1], 100, 100);
        deliver(dates[2], 100, 300);
        String contractId = UUID.randomUUID().toString();
        ContractVersionPublished version = threeYears(contractId, dates);

        publish(version);

        AllocationCalculated allocation = awaitAllocation(contractId, a -> a.getAllocationVersion() == 1);
        assertThat(allocation.getStatus()).isEqualTo(AllocationStatus.COMPLETE);
        // 3311 pays all of 2025: 350,000 per sector and quarter
        assertThat(zvwOfYear(allocation, 2025)).containsOnly(List.of(350_000L, 350_000L));
        assertThat(allocation.getWarnings()).hasSize(1);
        assertThat(allocation.getWarnings().get(0).getRule()).isEqualTo("R15");
        assertThat(allocation.getWarnings().get(0).getMessage()).contains("3343").contains(dates[0].toString())
                .contains("2025").contains("own insureds");
        assertThat(get("/api/v1/allocations/" + contractId).body()).contains("\"rule\":\"R15\"")
                .contains(dates[0].toString() + ", the reference date of contract year 2025");
        HttpResponse<String> preview = http.send(HttpRequest.newBuilder(uri("/api/v1/allocations/preview"))
                .header("Content-Type", "application/vnd.bdss.contract-version+json")
                .POST(HttpRequest.BodyPublishers.ofString(avroJsonText(version), StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
        JsonNode warnings = JSON.readTree(preview.body()).path("warnings");
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0).path("rule").asString()).isEqualTo("R15");
        assertThat(warnings.get(0).path("message").asString()).contains("3343");
    }

    /** The reference dates of 2025, 2026 and 2027 on one day of the month, so that they are this test's own. */
    private static LocalDate[] dates(int month, int day) {
        return new LocalDate[] {LocalDate.of(2025, month, day + 10), LocalDate.of(2026, month, day + 10),
                LocalDate.of(2027, month, day + 10)};
    }

    /** The manual's example over 2025-2027 by quarter, in arrears, with a reference date per contract year. */
    private static ContractVersionPublished threeYears(String contractId, LocalDate[] dates) {
        MarketShareDefinition definition = MarketShareDefinition.newBuilder()
                .setBasis("INSURED_COUNT_IN_SERVICE_AREA").setReferenceDate(dates[0]).setSource(CountSource.INSURERS)
                .setReferenceDates(List.of(new YearReferenceDate(2025, dates[0]), new YearReferenceDate(2026, dates[1]),
                        new YearReferenceDate(2027, dates[2])))
                .setReferenceDateRule(null)
                .build();
        ContractState state = ManualExampleEvents.contract()
                .setValidUntil(LocalDate.of(2027, 12, 31))
                .setBudget(ManualExampleEvents.budget(1_000_000, BudgetPeriod.QUARTER))
                .setPaymentTiming(PaymentTiming.IN_ARREARS)
                .setPurchasing(new Purchasing(PurchasingType.COORDINATED, definition))
                .build();
        return ManualExampleEvents.contractVersion(contractId, 1, ManualExampleEvents.VALID_FROM, state).build();
    }

    /** Counts of 3311 in 1011 and 3343 in 1012 on the date, from the insurers. */
    private void deliver(LocalDate date, long of3311, long of3343) throws Exception {
        String csv = "uzovi,postcode,referenceDate,insuredCount\n3311,1011," + date + "," + of3311 + "\n3343,1012," + date
                + "," + of3343 + "\n";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/v1/insured-counts?source=INSURERS"))
                        .header("Content-Type", "text/csv").header("X-Delivered-By", "test")
                        .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
    }

    /** The Zvw amounts of a period in the order wijkverpleging 3311, 3343, huisartsenzorg 3311, 3343. */
    private static List<Long> zvw(AllocationPeriod period) {
        List<Long> amounts = new ArrayList<>();
        for (String sector : List.of("WIJKVERPLEGING", "HUISARTSENZORG")) {
            for (String uzovi : List.of("3311", "3343")) {
                period.getLines().stream().filter(line -> line.getDomain() == LegalDomain.ZVW)
                        .filter(line -> sector.equals(line.getSector()) && uzovi.equals(line.getUzovi()))
                        .mapToLong(AllocationLine::getAmountCents).forEach(amounts::add);
            }
        }
        return amounts;
    }

    private static List<List<Long>> zvwOfYear(AllocationCalculated allocation, int year) {
        return periodsOfYear(allocation, year).stream().map(ContractYearsIT::zvw).toList();
    }

    private static List<AllocationPeriod> periodsOfYear(AllocationCalculated allocation, int year) {
        return allocation.getPeriods().stream().filter(p -> p.getPeriodStart().getYear() == year).toList();
    }

    private static String points(YearShares year) {
        return String.join(" ", year.getMarketShares().stream().map(s -> s.getUzovi() + "=" + s.getBasisPoints()).toList());
    }

    private long count(String sql, String contractId) {
        return jdbc.sql(sql).param(contractId).query(Long.class).single();
    }

    private void publish(ContractVersionPublished event) throws Exception {
        producer.send(new ProducerRecord<>(Topics.CONTRACT_VERSIONS.name(), event.getContractId(), event)).get();
    }

    private AllocationCalculated awaitAllocation(String contractId, Predicate<AllocationCalculated> wanted) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            var found = received.stream().filter(a -> a.getContractId().equals(contractId)).filter(wanted).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            poll(Duration.ofMillis(250));
        }
        throw new AssertionError("no such allocation for contract " + contractId + " within " + PATIENCE);
    }

    /** Reads what the outbox still publishes within two seconds. */
    private void drain() {
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (System.nanoTime() < deadline) {
            poll(Duration.ofMillis(250));
        }
    }

    private void poll(Duration timeout) {
        for (ConsumerRecord<String, AllocationCalculated> record : consumer.poll(timeout)) {
            received.add(record.value());
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
