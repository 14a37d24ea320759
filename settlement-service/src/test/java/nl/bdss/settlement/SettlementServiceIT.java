package nl.bdss.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import nl.bdss.events.Topics;
import nl.bdss.events.allocation.AllocationCalculated;
import nl.bdss.events.allocation.AllocationPeriod;
import nl.bdss.events.fixtures.ManualExampleEvents;
import nl.bdss.events.settlement.SettlementBooked;
import nl.bdss.events.settlement.SettlementKind;
import nl.bdss.messaging.serde.ConfluentAvroDeserializer;
import nl.bdss.messaging.serde.ConfluentAvroSerializer;
import nl.bdss.messaging.serde.SerdeConfig;
import nl.bdss.settlement.ledger.application.LedgerInvariants;
import nl.bdss.testsupport.Infrastructure;
import nl.bdss.testsupport.UsesInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The settlement flow through real Kafka, PostgreSQL and the schema registry, on a clock fixed at 2026-11-22 (both
 * years of the example are due, in advance). Every test uses its own contract id; the invariants are checked globally.
 * The context is closed after the class, so that its consumer and relay do not run alongside other tests' services.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {SettlementServiceApplication.CONFIG_NAME, TestProperties.SECURITY_OFF})
@UsesInfrastructure(database = "settlement")
class SettlementServiceIT {

    private static final TestClock CLOCK = TestClock.atNoonOf("2026-11-22");

    @TestConfiguration
    static class ClockInTheTest {
        @Bean
        @Primary
        Clock testClock() {
            return CLOCK;
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static KafkaProducer<String, Object> producer;
    private static KafkaConsumer<String, Object> consumer;
    private static final List<SettlementBooked> received = new ArrayList<>();

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LedgerInvariants invariants;

    @Value("${local.server.port}")
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void clients() {
        Infrastructure infrastructure = Infrastructure.get();
        Properties producerConfig = new Properties();
        producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers());
        producerConfig.put(SerdeConfig.SCHEMA_REGISTRY_URL, infrastructure.schemaRegistryUrl());
        ConfluentAvroSerializer avro = new ConfluentAvroSerializer();
        avro.configure(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, infrastructure.schemaRegistryUrl()), false);
        producer = new KafkaProducer<>(producerConfig, new StringSerializer(), avro);
        Properties consumerConfig = new Properties();
        consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers());
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, "settlement-it-" + UUID.randomUUID());
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerConfig.put(SerdeConfig.SCHEMA_REGISTRY_URL, infrastructure.schemaRegistryUrl());
        consumerConfig.put(SerdeConfig.SPECIFIC_AVRO_READER, "true");
        ConfluentAvroDeserializer values = new ConfluentAvroDeserializer();
        values.configure(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, infrastructure.schemaRegistryUrl(),
                SerdeConfig.SPECIFIC_AVRO_READER, "true"), false);
        consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), values);
        consumer.subscribe(List.of(Topics.SETTLEMENTS.name()));
    }

    @AfterAll
    static void close() {
        producer.close();
        consumer.close();
    }

    @Test
    void theManualExampleSettles2025And2026InAdvance_fourInstructionsOf7000000PerYear_R8() throws Exception {
        String contract = "it-example-" + UUID.randomUUID();

        publish(ManualExampleEvents.allocation(contract).setContractReference("IZA-WEST-2025-001").build());

        List<SettlementBooked> events = awaitEvents(contract, 8);
        // the contract's reference from the allocation, and the due date in advance: each period's first day
        assertThat(events).allMatch(e -> "IZA-WEST-2025-001".equals(e.getContractReference()))
                .allMatch(e -> e.getPeriodStart().equals(e.getDueDate()));
        assertThat(events).allMatch(e -> e.getKind() == SettlementKind.LUMP_SUM)
                .allMatch(e -> e.getPayeeAgb().equals("01012345"))
                .extracting(SettlementBooked::getSequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        Map<Integer, List<SettlementBooked>> perYear = events.stream()
                .collect(Collectors.groupingBy(e -> e.getPeriodStart().getYear()));
        assertThat(perYear).containsOnlyKeys(2025, 2026);
        perYear.values().forEach(year -> {
            assertThat(year).hasSize(4);
            assertThat(year.stream().mapToLong(SettlementBooked::getAmountCents).sum()).isEqualTo(7_000_000L);
            assertThat(year).extracting(SettlementBooked::getAmountCents)
                    .containsExactlyInAnyOrder(2_100_000L, 2_100_000L, 1_400_000L, 1_400_000L);
            assertThat(year).extracting(e -> e.getUzovi() + "/" + e.getSector()).containsExactlyInAnyOrder(
                    "3311/WIJKVERPLEGING", "3311/HUISARTSENZORG", "3343/WIJKVERPLEGING", "3343/HUISARTSENZORG");
        });
        assertThat(events.get(0).getEntryId()).startsWith(contract + "|2025-01-01|").endsWith("|LUMP_SUM");
        assertThat(invariants.check().holds()).isTrue();
    }

    /**
     * Issue 16: an insurer's finance system reads only its own entries. Each entry of the manual's example is on the
     * topic of the insurer that pays it, as the same event (event id, key) as on the all-insurer topic, and on no
     * other insurer's topic.
     */
    @Test
    void eachEntryIsAlsoOnItsPayingInsurersOwnTopic_theSameEvent_andOnNoOtherInsurersTopic() throws Exception {
        String contract = "it-per-insurer-" + UUID.randomUUID();
        List<String> insurers = List.of("3311", "3343");

        publish(ManualExampleEvents.allocation(contract).build());

        List<SettlementBooked> all = awaitEvents(contract, 8);
        Map<String, List<ConsumerRecord<String, Object>>> perTopic = readInsurerTopics(insurers, contract, all.size());
        for (String uzovi : insurers) {
            List<ConsumerRecord<String, Object>> own = perTopic.getOrDefault(Topics.insurerEntries(uzovi).name(), List.of());
            // the example: per insurer one line per sector (2) and year (2)
            assertThat(own).as(uzovi).hasSize(4);
            assertThat(own).extracting(ConsumerRecord::key).containsOnly(contract);
            // the same events, field for field, the event id too
            assertThat(own).extracting(r -> (SettlementBooked) r.value())
                    .containsExactlyInAnyOrderElementsOf(all.stream().filter(e -> e.getUzovi().equals(uzovi)).toList());
        }
    }

    @Test
    void redeliveringTheAllocationAndClosingThePeriodTwiceLeaveTheLedgerUnchanged() throws Exception {
        String contract = "it-redelivery-" + UUID.randomUUID();
        AllocationCalculated allocation = ManualExampleEvents.allocation(contract).build();
        publish(allocation);
        awaitEntries(contract, 8);
        LedgerSnapshot before = snapshot(contract);

        publish(allocation);
        // the same allocation version in another event: applied once all the same
        AllocationCalculated sameVersionAgain = ManualExampleEvents.allocation(contract).setEventId(UUID.randomUUID()).build();
        publish(sameVersionAgain);
        awaitAllocationsConsumed();
        String firstClose = post("/api/v1/period-close?date=2026-11-22&dryRun=false");
        String secondClose = post("/api/v1/period-close?date=2026-11-22&dryRun=false");

        assertThat(firstClose).contains("\"count\":0");
        assertThat(secondClose).contains("\"count\":0");
        assertThat(snapshot(contract)).isEqualTo(before);
        assertThat(before.entries()).isEqualTo(8);
        assertThat(before.debits()).isEqualTo(14_000_000L).isEqualTo(before.credits());
        assertThat(invariants.check().holds()).isTrue();
    }

    @Test
    void anAmendedAllocationCorrectsOnlyTheAffectedSettledPeriods_andTerminationCreditsProRata() throws Exception {
        String contract = "it-amended-" + UUID.randomUUID();
        publish(ManualExampleEvents.allocation(contract).build());
        awaitEntries(contract, 8);

        // 2026 raised to 12,000,000: Wmo 10% = 1,200,000, Jeugdwet 20% = 2,400,000, Zvw 8,400,000 = per sector
        // 4,200,000 = 2,520,000 (3311, 60%) + 1,680,000 (3343, 40%); 2026's Zvw corrections add up to 1,400,000
        publish(amended(contract, 2, 12_000_000L, ManualExampleEvents.period(LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31), 12_000_000L, 1_200_000L, 2_400_000L, 2_520_000L, 1_680_000L)));

        List<SettlementBooked> events = awaitEvents(contract, 12);
        List<SettlementBooked> corrections = events.subList(8, 12);
        assertThat(corrections).allMatch(e -> e.getKind() == SettlementKind.CORRECTION)
                .allMatch(e -> e.getPeriodStart().getYear() == 2026)
                .allMatch(e -> e.getCorrectsEntryId().endsWith("|LUMP_SUM") && e.getAllocationVersion() == 2);
        assertThat(corrections.stream().mapToLong(SettlementBooked::getAmountCents).sum()).isEqualTo(1_400_000L);
        assertThat(invariants.check().holds()).isTrue();

        // terminated on 2026-06-30: 2026 keeps 181 of its 365 days, 12,000,000 x 181 / 365 = 5,950,684 (rounded down):
        // Wmo 10% = 595,068, Jeugdwet 20% = 1,190,136, Zvw 5,950,684 - 595,068 - 1,190,136 = 4,165,480 = per sector
        // 2,082,740 = 1,249,644 (3311, 60%) + 833,096 (3343)
        publish(amended(contract, 3, 12_000_000L, ManualExampleEvents.period(LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 6, 30), 5_950_684L, 595_068L, 1_190_136L, 1_249_644L, 833_096L)));

        List<SettlementBooked> credits = awaitEvents(contract, 16).subList(12, 16);
        assertThat(credits).allMatch(e -> e.getAmountCents() < 0 && e.getPeriodEnd().equals(LocalDate.of(2026, 6, 30)));
        assertThat(netFor(contract, 2026)).isEqualTo(4_165_480L);
        assertThat(netFor(contract, 2025)).isEqualTo(7_000_000L);
        LedgerInvariants.Report report = invariants.check();
        assertThat(report.holds()).as(report.toString()).isTrue();
    }

    @Test
    void theBackOfficeListsExportsAcknowledgesIdempotentlyAndStatesPerPayee() throws Exception {
        String contract = "it-backoffice-" + UUID.randomUUID();
        publish(ManualExampleEvents.allocation(contract).build());
        awaitEntries(contract, 8);
        UUID id = jdbc.sql("select id from settlement_entry where contract_id = ? and uzovi = '3311' and sector = 'WIJKVERPLEGING' and period_start = '2025-01-01'")
                .param(contract).query(UUID.class).single();

        String ack = "{\"status\":\"PAID\",\"paymentReference\":\"BANK-2025-0001\",\"paidOn\":\"2025-01-15\"}";
        HttpResponse<String> first = send("POST", "/api/v1/payment-instructions/" + id + "/acknowledgement", ack);
        HttpResponse<String> again = send("POST", "/api/v1/payment-instructions/" + id + "/acknowledgement", ack);
        HttpResponse<String> different = send("POST", "/api/v1/payment-instructions/" + id + "/acknowledgement",
                ack.replace("0001", "0002"));

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("\"status\":\"PAID\"", "BANK-2025-0001");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(different.statusCode()).isEqualTo(409);
        assertThat(different.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).contains("application/problem+json"));
        assertThat(jdbc.sql("select count(*) from ledger_posting where booking_ref like ?").param(contract + "%|PAID")
                .query(Long.class).single()).isEqualTo(2L);

        HttpResponse<String> paid = send("GET", "/api/v1/payment-instructions?insurer=3311&status=PAID&size=1000", null);
        assertThat(paid.body()).contains(id.toString());
        HttpResponse<String> csv = send("GET", "/api/v1/payment-instructions/export?periodStart=2025-01-01", null);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.body().lines().filter(line -> line.contains(contract))).hasSize(4);
        HttpResponse<String> statement = send("GET", "/api/v1/payees/01012345/statement", null);
        assertThat(statement.body()).contains(contract, "\"paidCents\":2100000");
        HttpResponse<String> badAgb = send("GET", "/api/v1/payees/123/statement", null);
        assertThat(badAgb.statusCode()).isEqualTo(400);
        long settled3311In2025 = jdbc.sql("select sum(amount_cents) from settlement_entry where uzovi = '3311' and extract(year from period_start) = 2025")
                .query(Long.class).single();
        for (String key : List.of(
                "\"key\":\"SERVICE_AREA_INSUREDS\",\"insuredCounts\":{\"1011\":1200,\"1012\":1200,\"1013\":1200,\"1015\":1200,\"1016\":1200}",
                "\"key\":\"ALL_INSUREDS\",\"insuredCounts\":{\"ALL_INSUREDS\":850000}",
                "\"key\":\"NOT_ATTRIBUTED\",\"reason\":\"no distribution key agreed\"")) {
            HttpResponse<String> csvAttribution = sendJson("/api/v1/risk-equalisation/attribution",
                    "{\"insurer\":\"3311\",\"year\":2025," + key + "}", "text/csv");
            assertThat(csvAttribution.statusCode()).as(csvAttribution.body()).isEqualTo(200);
            long attributed = csvAttribution.body().lines().skip(1)
                    .mapToLong(line -> Long.parseLong(line.substring(line.lastIndexOf(',') + 1))).sum();
            assertThat(attributed).as(key).isEqualTo(settled3311In2025);
        }
        HttpResponse<String> noReason = sendJson("/api/v1/risk-equalisation/attribution",
                "{\"insurer\":\"3311\",\"year\":2025,\"key\":\"NOT_ATTRIBUTED\"}", "application/json");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("R19");
        HttpResponse<String> ledger = send("GET", "/api/v1/ledger/invariants", null);
        assertThat(ledger.body()).contains("\"holds\":true");
    }

    @Test
    void theAttributionUsesTheCountsBehindTheAllocation_andSumsExactlyToEachInsurersSettledTotalUnderEachKey_R19()
            throws Exception {
        String withCounts = "it-r19-counts-" + UUID.randomUUID();
        String withoutCounts = "it-r19-nocounts-" + UUID.randomUUID();
        publish(ManualExampleEvents.allocation(withCounts).setServiceAreaCounts(ManualExampleEvents.serviceAreaCounts()).build());
        publish(ManualExampleEvents.allocation(withoutCounts).build());
        awaitEntries(withCounts, 8);
        awaitEntries(withoutCounts, 8);
        assertThat(jdbc.sql("select count(*) from allocation_service_area_count where contract_id = ? and allocation_version = 1")
                .param(withCounts).query(Long.class).single()).isEqualTo(10L);

        for (String insurer : List.of("3311", "3343")) {
            long perPostcode = insurer.equals("3311") ? 840_000L : 560_000L;
            long count = insurer.equals("3311") ? 1200L : 800L;
            for (int year : List.of(2025, 2026)) {
                long settled = jdbc.sql("select sum(amount_cents) from settlement_entry where uzovi = ? and extract(year from period_start) = ?")
                        .params(insurer, year).query(Long.class).single();
                String request = "{\"insurer\":\"" + insurer + "\",\"year\":" + year;

                HttpResponse<String> serviceArea = sendJson("/api/v1/risk-equalisation/attribution",
                        request + ",\"key\":\"SERVICE_AREA_INSUREDS\",\"insuredCounts\":{\"9999\":1}}", "application/json");
                assertThat(serviceArea.statusCode()).as(serviceArea.body()).isEqualTo(200);
                JsonNode attribution = JSON.readTree(serviceArea.body());
                assertThat(attribution.path("settledCents").asLong()).isEqualTo(settled);
                assertThat(sumOf(attribution.path("parts"))).as(insurer + " " + year).isEqualTo(settled);
                assertThat(attribution.path("countsFrom").asString()).isEqualTo("MIXED");
                JsonNode ours = attribution.path("basis").values().stream()
                        .filter(b -> b.path("contractId").asString().equals(withCounts)).findFirst().orElseThrow();
                assertThat(ours.path("countsFrom").asString()).isEqualTo("ALLOCATION");
                assertThat(ours.path("amountCents").asLong()).isEqualTo(perPostcode * 5);
                assertThat(attribution.path("basis").values()).filteredOn(b -> b.path("contractId").asString().equals(withoutCounts))
                        .extracting(b -> b.path("countsFrom").asString()).containsExactly("CALLER");
                for (JsonNode part : attribution.path("parts").values()) {
                    if (!part.path("category").asString().equals("9999")) {
                        assertThat(part.path("amountCents").asLong()).as(part.toString()).isEqualTo(perPostcode);
                        assertThat(part.path("insuredCount").asLong()).isEqualTo(count);
                    }
                }
                assertThat(attribution.path("parts").values()).extracting(p -> p.path("category").asString())
                        .containsExactly("1011", "1012", "1013", "1015", "1016", "9999");

                for (String key : List.of(",\"key\":\"ALL_INSUREDS\",\"insuredCounts\":{\"ALL_INSUREDS\":850000}}",
                        ",\"key\":\"NOT_ATTRIBUTED\",\"reason\":\"no distribution key agreed\"}")) {
                    HttpResponse<String> other = sendJson("/api/v1/risk-equalisation/attribution", request + key,
                            "application/json");
                    assertThat(other.statusCode()).as(other.body()).isEqualTo(200);
                    assertThat(sumOf(JSON.readTree(other.body()).path("parts"))).as(key).isEqualTo(settled);
                }
            }
        }
        HttpResponse<String> noFallback = sendJson("/api/v1/risk-equalisation/attribution",
                "{\"insurer\":\"3311\",\"year\":2025,\"key\":\"SERVICE_AREA_INSUREDS\"}", "application/json");
        assertThat(noFallback.statusCode()).isEqualTo(422);
        assertThat(noFallback.body()).contains("carries no service-area counts", "R19");
    }

    @Test
    void aPaidLumpSumLaterCorrected_showsTheCreditWithItsReference_andACreditIsOffsetOrRefundedNeverPaid()
            throws Exception {
        String contract = "it-credit-" + UUID.randomUUID();
        publish(ManualExampleEvents.allocation(contract).build());
        awaitEntries(contract, 8);
        UUID lumpSum = entryId(contract, "LUMP_SUM");
        String ack = "{\"status\":\"PAID\",\"paymentReference\":\"BANK-2026-0001\",\"paidOn\":\"2026-01-10\"}";
        assertThat(send("POST", "/api/v1/payment-instructions/" + lumpSum + "/acknowledgement", ack).statusCode())
                .isEqualTo(200);

        // 2026 lowered to 8,000,000: Wmo 800,000, Jeugdwet 1,600,000, Zvw 5,600,000 = per sector 2,800,000 =
        // 1,680,000 (3311, 60%) + 1,120,000 (3343): 3311's wijkverpleging 2,100,000 paid, 420,000 to credit
        publish(amended(contract, 2, 8_000_000L, ManualExampleEvents.period(LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31), 8_000_000L, 800_000L, 1_600_000L, 1_680_000L, 1_120_000L)));
        awaitEntries(contract, 12);
        UUID credit = entryId(contract, "CORRECTION");

        HttpResponse<String> paidCredit = send("POST", "/api/v1/payment-instructions/" + credit + "/acknowledgement",
                ack.replace("0001", "0002"));
        HttpResponse<String> noStatus = send("POST", "/api/v1/payment-instructions/" + credit + "/acknowledgement",
                "{\"paymentReference\":\"BANK-2026-0002\",\"paidOn\":\"2026-07-01\"}");
        HttpResponse<String> offsetLumpSum = send("POST", "/api/v1/payment-instructions/" + lumpSum + "/acknowledgement",
                "{\"status\":\"OFFSET\",\"paymentReference\":\"BANK-2026-0001\",\"paidOn\":\"2026-01-10\"}");
        String offset = "{\"status\":\"OFFSET\",\"paymentReference\":\"BANK-2027-0001\",\"paidOn\":\"2026-07-01\"}";
        HttpResponse<String> offsetCredit = send("POST", "/api/v1/payment-instructions/" + credit + "/acknowledgement", offset);
        HttpResponse<String> offsetAgain = send("POST", "/api/v1/payment-instructions/" + credit + "/acknowledgement", offset);

        assertThat(paidCredit.statusCode()).isEqualTo(422);
        assertThat(paidCredit.body()).contains("never paid");
        assertThat(paidCredit.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).contains("application/problem+json"));
        assertThat(noStatus.statusCode()).isEqualTo(422);
        assertThat(offsetLumpSum.statusCode()).isEqualTo(422);
        assertThat(offsetCredit.statusCode()).as(offsetCredit.body()).isEqualTo(200);
        assertThat(offsetAgain.statusCode()).isEqualTo(200);
        JsonNode acknowledged = JSON.readTree(offsetCredit.body());
        assertThat(acknowledged.path("status").asString()).isEqualTo("OFFSET");
        assertThat(acknowledged.path("direction").asString()).isEqualTo("CREDIT");
        assertThat(acknowledged.path("amountCents").asLong()).isEqualTo(-420_000L);
        String lumpSumKey = contract + "|2026-01-01|3311|01012345|WIJKVERPLEGING|LUMP_SUM";
        assertThat(acknowledged.path("correctsEntryId").asString()).isEqualTo(lumpSumKey);

        JsonNode line = JSON.readTree(send("GET", "/api/v1/payees/01012345/statement", null).body()).path("lines")
                .values().stream().filter(l -> l.path("contractId").asString().equals(contract)
                        && l.path("periodStart").asString().equals("2026-01-01")
                        && l.path("insurer").asString().equals("3311")
                        && l.path("sector").asString().equals("WIJKVERPLEGING"))
                .findFirst().orElseThrow();
        assertThat(line.path("settledCents").asLong()).isEqualTo(1_680_000L);
        assertThat(line.path("paidCents").asLong()).isEqualTo(2_100_000L);
        assertThat(line.path("creditedCents").asLong()).isEqualTo(-420_000L);
        assertThat(line.path("openCents").asLong()).isZero();
        assertThat(line.path("entries").values()).extracting(e -> e.path("kind").asString() + " "
                + e.path("status").asString() + " "
                        + (e.hasNonNull("correctsEntryId") ? e.get("correctsEntryId").asString() : ""))
                .containsExactly("LUMP_SUM PAID ", "CORRECTION OFFSET " + lumpSumKey);

        List<String> csv = send("GET", "/api/v1/payment-instructions/export?periodStart=2026-01-01", null).body()
                .lines().toList();
        assertThat(csv.get(0)).endsWith(",direction,serviceYear,bookingYear");
        assertThat(csv).filteredOn(row -> row.contains(credit.toString())).singleElement().satisfies(row -> assertThat(row)
                .contains(",CORRECTION," + lumpSumKey + ",", ",-420000,2,OFFSET,BANK-2027-0001,2026-07-01,CREDIT,2026,2026"));
        assertThat(jdbc.sql("select count(*) from ledger_posting where booking_ref = ?")
                .param(lumpSumKey.replace("LUMP_SUM", "CORRECTION|v2") + "|OFFSET").query(Long.class).single())
                .isEqualTo(2L);
        LedgerInvariants.Report report = invariants.check();
        assertThat(report.holds()).as(report.toString()).isTrue();
    }

    private UUID entryId(String contract, String kind) {
        return jdbc.sql("""
                select id from settlement_entry where contract_id = ? and kind = ? and uzovi = '3311'
                and sector = 'WIJKVERPLEGING' and period_start = '2026-01-01'""")
                .params(contract, kind).query(UUID.class).single();
    }

    private static long sumOf(JsonNode parts) {
        return parts.values().stream().mapToLong(part -> part.path("amountCents").asLong()).sum();
    }

    @Test
    void aDryRunPeriodCloseShowsWithoutBooking() throws Exception {
        String body = post("/api/v1/period-close?date=2027-01-01&dryRun=true");

        assertThat(body).contains("\"dryRun\":true");
        assertThat(jdbc.sql("select count(*) from settlement_entry where booked_by = 'operator'").query(Long.class).single())
                .isZero();
    }

    @Test
    void aPendingAllocationMakesNothingPayableAndCorrectsNothing() throws Exception {
        String contract = "it-pending-" + UUID.randomUUID();
        publish(ManualExampleEvents.allocation(contract).build());
        awaitEntries(contract, 8);
        AllocationCalculated pending = ManualExampleEvents.allocation(contract, 2, 2).build();
        pending.setStatus(nl.bdss.events.allocation.AllocationStatus.PENDING);
        pending.setPendingReason("no insured counts for reference date 2026-03-01");

        publish(pending);
        awaitAllocationsConsumed();

        assertThat(jdbc.sql("select status from contract_allocation where contract_id = ?").param(contract)
                .query(String.class).single()).isEqualTo("PENDING");
        assertThat(jdbc.sql("select count(*) from allocation_line where contract_id = ?").param(contract)
                .query(Long.class).single()).isZero();
        assertThat(snapshot(contract).entries()).isEqualTo(8);
        LedgerInvariants.Report report = invariants.check();
        assertThat(report.pendingContracts()).contains(contract);
        assertThat(report.holds()).isTrue();
    }

    @Test
    void anAllocationWithAnInvalidPayeeGoesToTheDeadLetterTopicAndStoresNothing() throws Exception {
        String contract = "it-invalid-" + UUID.randomUUID();
        AllocationCalculated invalid = ManualExampleEvents.allocation(contract).build();
        invalid.getPeriods().get(0).getLines().get(2).setPayeeAgb("123");

        publish(invalid);

        String deadLetters = Topics.ALLOCATIONS.deadLetterTopic("settlement-service");
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.get().kafkaBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "settlement-it-dlt-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, byte[]> dlt = new KafkaConsumer<>(config, new StringDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            dlt.subscribe(List.of(deadLetters));
            List<String> reasons = new ArrayList<>();
            await(() -> {
                dlt.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (contract.equals(record.key())) {
                        var header = record.headers().lastHeader("kafka_dlt-exception-message");
                        reasons.add(header == null ? "" : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8));
                    }
                });
                return !reasons.isEmpty();
            });
            assertThat(reasons.get(0)).contains("payeeAgb");
        }
        assertThat(jdbc.sql("select count(*) from contract_allocation where contract_id = ?").param(contract)
                .query(Long.class).single()).isZero();
    }

    @Test
    void garbageBytesGoToTheDeadLetterTopicWithTheReason_andThePartitionKeepsMoving() throws Exception {
        String contract = "it-garbage-" + UUID.randomUUID();
        Properties rawConfig = new Properties();
        rawConfig.put(org.apache.kafka.clients.producer.ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                Infrastructure.get().kafkaBootstrapServers());
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(rawConfig, new StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            raw.send(new org.apache.kafka.clients.producer.ProducerRecord<>(Topics.ALLOCATIONS.name(), contract,
                    "{\"not\":\"avro\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8))).get();
        }

        publish(ManualExampleEvents.allocation(contract).build());

        awaitEntries(contract, 8);
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.get().kafkaBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "settlement-it-garbage-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, byte[]> dlt = new KafkaConsumer<>(config, new StringDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            dlt.subscribe(List.of(Topics.ALLOCATIONS.deadLetterTopic("settlement-service")));
            List<String> reasons = new ArrayList<>();
            List<byte[]> payloads = new ArrayList<>();
            await(() -> {
                dlt.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (contract.equals(record.key())) {
                        var header = record.headers().lastHeader(nl.bdss.messaging.ConsumerConfiguration.REASON_HEADER);
                        reasons.add(header == null ? "" : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8));
                        payloads.add(record.value());
                    }
                });
                return !reasons.isEmpty();
            });
            assertThat(reasons).singleElement().asString().contains("magic byte");
            assertThat(new String(payloads.get(0), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("{\"not\":\"avro\"}");
        }
    }

    @Test
    void theServiceExposesHealthMetricsAndItsApi() throws Exception {
        assertThat(send("GET", "/actuator/health", null).body()).contains("UP");
        assertThat(send("GET", "/actuator/prometheus", null).body()).contains("bdss_outbox_pending");
        assertThat(send("GET", "/v3/api-docs", null).body()).contains("/api/v1/period-close", "/api/v1/ledger/invariants",
                "/api/v1/service-years/{year}/close", "/api/v1/service-years", "/api/v1/claims-burden");
    }

    @Test
    void theDatabaseRefusesASecondLumpSumForTheSameTargetAndAnyEditOfHistory() throws Exception {
        String contract = "it-construction-" + UUID.randomUUID();
        publish(ManualExampleEvents.allocation(contract).build());
        awaitEntries(contract, 8);
        LedgerSnapshot before = snapshot(contract);

        assertThatThrownBy(() -> jdbc.sql("""
                insert into settlement_entry (id, entry_key, contract_id, sequence, kind, period_start, period_end, uzovi,
                    payee_agb, payee_party_key, sector, amount_cents, allocation_version, cause, booked_by, booked_at, event_id,
                    payment_timing, service_year, booking_year)
                select gen_random_uuid(), entry_key || '-again', contract_id, sequence + 100, kind, period_start, period_end,
                    uzovi, payee_agb, payee_party_key, sector, amount_cents, allocation_version, cause, booked_by, booked_at,
                    gen_random_uuid(), payment_timing, service_year, booking_year
                from settlement_entry where contract_id = ? and sequence = 1""").param(contract).update())
                .hasMessageContaining("settlement_entry_one_lump_sum");
        assertThatThrownBy(() -> jdbc.sql("update settlement_entry set amount_cents = 0 where contract_id = ?")
                .param(contract).update()).hasMessageContaining("immutable");
        assertThatThrownBy(() -> jdbc.sql("delete from ledger_posting where booking_ref like ?")
                .param(contract + "|%").update()).hasMessageContaining("immutable");
        assertThat(snapshot(contract)).isEqualTo(before);
    }

    // --- helpers

    private record LedgerSnapshot(long entries, long postings, long debits, long credits, long acknowledgements,
            long sequence) {
    }

    private LedgerSnapshot snapshot(String contract) {
        return jdbc.sql("""
                select (select count(*) from settlement_entry where contract_id = :c),
                       (select count(*) from ledger_posting where booking_ref like :prefix),
                       (select coalesce(sum(debit_cents), 0) from ledger_posting where booking_ref like :prefix),
                       (select coalesce(sum(credit_cents), 0) from ledger_posting where booking_ref like :prefix),
                       (select count(*) from payment_acknowledgement a join settlement_entry e on e.id = a.entry_id
                         where e.contract_id = :c),
                       (select last_sequence from contract_allocation where contract_id = :c)""")
                .param("c", contract)
                .param("prefix", contract + "|%")
                .query((rs, n) -> new LedgerSnapshot(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6)))
                .single();
    }

    /**
     * Allocation {@code version} (of contract version {@code version}) of the example: 2025 as allocated, 2026 as
     * given, a changed lump sum or a termination at the period's end.
     */
    private static AllocationCalculated amended(String contract, int version, long lumpSumCents, AllocationPeriod year2026) {
        return ManualExampleEvents.allocation(contract, version, version)
                .setLumpSumCents(lumpSumCents)
                .setValidUntil(year2026.getPeriodEnd())
                .setPeriods(List.of(ManualExampleEvents.wholeYear(2025), year2026))
                .build();
    }

    private long netFor(String contract, int year) {
        return jdbc.sql("select coalesce(sum(amount_cents), 0) from settlement_entry where contract_id = ? and extract(year from period_start) = ?")
                .params(contract, year).query(Long.class).single();
    }

    private void publish(AllocationCalculated allocation) throws Exception {
        producer.send(new ProducerRecord<>(Topics.ALLOCATIONS.name(), allocation.getContractId(), allocation)).get();
    }

    private void awaitEntries(String contract, int count) {
        await(() -> jdbc.sql("select count(*) from settlement_entry where contract_id = ?").param(contract)
                .query(Long.class).single() >= count);
    }

    private List<SettlementBooked> awaitEvents(String contract, int count) {
        await(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(r -> received.add((SettlementBooked) r.value()));
            return received.stream().filter(e -> e.getContractId().equals(contract)).count() >= count;
        });
        return received.stream().filter(e -> e.getContractId().equals(contract))
                .sorted(java.util.Comparator.comparingLong(SettlementBooked::getSequence)).toList();
    }

    /** The contract's records on the insurers' own topics, read from the start until {@code count} arrived, per topic. */
    private static Map<String, List<ConsumerRecord<String, Object>>> readInsurerTopics(List<String> insurers,
            String contract, int count) {
        Infrastructure infrastructure = Infrastructure.get();
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "settlement-it-insurers-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        ConfluentAvroDeserializer values = new ConfluentAvroDeserializer();
        values.configure(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, infrastructure.schemaRegistryUrl(),
                SerdeConfig.SPECIFIC_AVRO_READER, "true"), false);
        List<ConsumerRecord<String, Object>> found = new ArrayList<>();
        try (KafkaConsumer<String, Object> insurerConsumer = new KafkaConsumer<>(config, new StringDeserializer(), values)) {
            insurerConsumer.subscribe(insurers.stream().map(uzovi -> Topics.insurerEntries(uzovi).name()).toList());
            await(() -> {
                insurerConsumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (contract.equals(((SettlementBooked) r.value()).getContractId())) {
                        found.add(r);
                    }
                });
                return found.size() >= count;
            });
            // anything more of the contract (a copy too many) would arrive with or right after the last one
            insurerConsumer.poll(Duration.ofSeconds(1)).forEach(r -> {
                if (contract.equals(((SettlementBooked) r.value()).getContractId())) {
                    found.add(r);
                }
            });
        }
        return found.stream().collect(Collectors.groupingBy(ConsumerRecord::topic));
    }

    /** Waits until the service's consumer group has committed every allocation record published so far. */
    private void awaitAllocationsConsumed() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                Infrastructure.get().kafkaBootstrapServers()))) {
            await(() -> {
                try {
                    Map<TopicPartition, OffsetAndMetadata> committed = admin
                            .listConsumerGroupOffsets("settlement-service").partitionsToOffsetAndMetadata().get();
                    var partitions = admin.describeTopics(List.of(Topics.ALLOCATIONS.name())).allTopicNames().get()
                            .get(Topics.ALLOCATIONS.name()).partitions().stream()
                            .map(p -> new TopicPartition(Topics.ALLOCATIONS.name(), p.partition())).toList();
                    var ends = admin.listOffsets(partitions.stream()
                            .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all().get();
                    return partitions.stream().allMatch(p -> ends.get(p).offset() == 0
                            || committed.containsKey(p) && committed.get(p).offset() >= ends.get(p).offset());
                } catch (Exception e) {
                    return false;
                }
            });
        }
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 45 s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private String post(String path) throws Exception {
        HttpResponse<String> response = send("POST", path, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private HttpResponse<String> sendJson(String path, String json, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").header("Accept", accept)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        request = json == null
                ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
