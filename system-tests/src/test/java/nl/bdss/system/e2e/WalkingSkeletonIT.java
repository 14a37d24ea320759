package nl.bdss.system.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.bdss.allocation.AllocationServiceApplication;
import nl.bdss.contract.ContractServiceApplication;
import nl.bdss.events.Topic;
import nl.bdss.events.Topics;
import nl.bdss.messaging.registry.SchemaRegistryClient;
import nl.bdss.reporting.ReportingServiceApplication;
import nl.bdss.settlement.SettlementServiceApplication;
import nl.bdss.testsupport.Infrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * The manual's example through all four services, real Kafka, PostgreSQL and the registry: counts and contract
 * in, exact sector loads out (shared/examples/README.md), nothing lost or doubled across restarts.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WalkingSkeletonIT {

    static final Path EXAMPLES = Path.of("..", "examples");

    static String contractLocation;
    static LocalAuthorizationServer authorization;
    static RunningService contracts;
    static RunningService allocations;
    static RunningService settlements;
    static RunningService reporting;

    @BeforeAll
    static void startTheSystem() {
        authorization = LocalAuthorizationServer.start();
        Map<String, Object> security = authorization.serviceProperties();
        contracts = new RunningService(ContractServiceApplication.class, "contract-service", "contract", security).start();
        allocations = new RunningService(AllocationServiceApplication.class, "allocation-service", "allocation", security).start();
        settlements = new RunningService(SettlementServiceApplication.class, "settlement-service", "settlement", security).start();
        reporting = new RunningService(ReportingServiceApplication.class, "reporting-service", "reporting", security).start();
    }

    /** A client of one service acting as one of the local authorization server's demo clients, with a real token. */
    static RestClient as(String client, RunningService service) {
        return RestClient.builder().baseUrl(service.url())
                .defaultHeader("Authorization", "Bearer " + authorization.tokenFor(client))
                .build();
    }

    @AfterAll
    static void stopTheSystem() {
        for (RunningService service : new RunningService[] {reporting, settlements, allocations, contracts}) {
            if (service != null) {
                service.close();
            }
        }
        if (authorization != null) {
            authorization.close();
        }
    }

    @Test
    @Order(1)
    void theManualsExampleLoadsEachSectorWithItsExactShare() throws IOException {
        ResponseEntity<String> counts = as("ttp-vektis", allocations).post().uri("/api/v1/insured-counts")
                .contentType(MediaType.parseMediaType("text/csv"))
                .body(Files.readString(EXAMPLES.resolve("insured-counts-example.csv")))
                .retrieve().toEntity(String.class);
        ResponseEntity<String> contract = as("insurer-3311", contracts).post().uri("/api/v1/contracts")
                .contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Files.readString(EXAMPLES.resolve("contract-manual-example.json")))
                .retrieve().toEntity(String.class);

        assertThat(counts.getStatusCode().is2xxSuccessful()).isTrue();
        assertThat(contract.getStatusCode().value()).isEqualTo(201);
        assertThat(contract.getHeaders().getLocation()).isNotNull();
        contractLocation = contract.getHeaders().getLocation().getPath();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertExampleSectorLoads());
    }

    @Test
    @Order(2)
    void everyRecordOnEveryTopicIsInConfluentsWireFormatWithARegisteredSchema() {
        SchemaRegistryClient registry = new SchemaRegistryClient(Infrastructure.get().schemaRegistryUrl());
        for (Topic<?> topic : List.of(Topics.CONTRACT_VERSIONS, Topics.ALLOCATIONS, Topics.SETTLEMENTS, Topics.SECTOR_LOADS)) {
            List<ConsumerRecord<String, byte[]>> records = readAll(topic.name());

            assertThat(records).as(topic.name()).isNotEmpty();
            for (ConsumerRecord<String, byte[]> record : records) {
                assertThat(record.value()[0]).as("magic byte on " + topic.name()).isZero();
                int id = ByteBuffer.wrap(record.value(), 1, 4).getInt();
                assertThat(registry.schemaById(id).getFullName()).isEqualTo(topic.valueType().getName());
            }
        }
    }

    @Test
    @Order(3)
    void restartingTheDownstreamServicesLosesAndDoublesNothing() throws Exception {
        settlements.close();
        reporting.close();
        settlements.start();
        reporting.start();

        Thread.sleep(3_000);
        assertExampleSectorLoads();
        assertThat(readAll(Topics.SETTLEMENTS.name())).hasSize(8);
    }

    @Test
    @Order(4)
    void anAmendmentEffectiveMid2026CorrectsOnly2026AndReportingFollowsTheLedgerToTheCent() throws Exception {
        String document = Files.readString(EXAMPLES.resolve("contract-manual-example.json"))
                .replace("\"lumpSumCents\": 10000000", "\"lumpSumCents\": 12000000");
        ResponseEntity<String> amended = as("insurer-3311", contracts).post().uri(contractLocation + "/amendments")
                .contentType(MediaType.APPLICATION_JSON)
                .header("If-Match", "\"1\"")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"effectiveFrom\":\"2026-07-01\",\"contract\":" + document + "}")
                .retrieve().toEntity(String.class);

        assertThat(amended.getStatusCode().is2xxSuccessful()).isTrue();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<Map<String, Object>> entries = settlementEntries();
            List<Map<String, Object>> corrections = entries.stream().filter(e -> "CORRECTION".equals(e.get("kind"))).toList();
            assertThat(corrections).isNotEmpty();
            assertThat(corrections).allSatisfy(c -> assertThat(c.get("periodStart")).isEqualTo("2026-01-01"));
            assertReportingAgreesWithTheLedger(entries);
            assertThat(sectorLoads(2026).values()).allSatisfy(amount -> assertThat(amount).isGreaterThan(3_500_000L));
        });
        assertThat(sectorLoads(2025)).containsExactlyInAnyOrderEntriesOf(
                Map.of("WIJKVERPLEGING", 3_500_000L, "HUISARTSENZORG", 3_500_000L));
        assertLedgerInvariantsHold();
    }

    @Test
    @Order(5)
    void terminatingCreditsTheRestOf2026ProRataAndReportingFollows() {
        Map<String, Long> before = sectorLoads(2026);
        ResponseEntity<String> terminated = as("insurer-3343", contracts).post().uri(contractLocation + "/termination")
                .contentType(MediaType.APPLICATION_JSON)
                .header("If-Match", "\"2\"")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"endDate\":\"2026-09-30\"}")
                .retrieve().toEntity(String.class);

        assertThat(terminated.getStatusCode().is2xxSuccessful()).isTrue();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<Map<String, Object>> entries = settlementEntries();
            assertReportingAgreesWithTheLedger(entries);
            Map<String, Long> after = sectorLoads(2026);
            assertThat(after.keySet()).isEqualTo(before.keySet());
            after.forEach((sector, amount) -> assertThat(amount).isLessThan(before.get(sector)).isPositive());
        });
        assertLedgerInvariantsHold();
    }

    @Test
    @Order(6)
    void withoutATokenNoServiceAnswersAndEachInsurerSeesOnlyItsOwnPayments() {
        for (var call : List.of(
                Map.entry(contracts, "/api/v1/contracts"),
                Map.entry(allocations, "/api/v1/insured-counts/deliveries"),
                Map.entry(settlements, "/api/v1/payment-instructions"),
                Map.entry(reporting, "/api/v1/sector-loads?year=2025"))) {
            var response = RestClient.create(call.getKey().url()).get().uri(call.getValue())
                    .exchange((request, reply) -> reply.getStatusCode().value());
            assertThat(response).as(call.getValue()).isEqualTo(401);
        }
        String instructions = as("insurer-3343", settlements).get().uri("/api/v1/payment-instructions?size=100")
                .retrieve().body(String.class);
        assertThat(instructions).contains("\"3343\"").doesNotContain("\"3311\"");
    }

    @SuppressWarnings("unchecked")
    static void assertLedgerInvariantsHold() {
        Map<String, Object> report = as("operator", settlements).get().uri("/api/v1/ledger/invariants")
                .retrieve().body(Map.class);
        assertThat(report.get("holds")).as(String.valueOf(report)).isEqualTo(true);
    }

    /** Reporting's sector loads per year equal the sum of the settlement entries on the topic, to the cent. */
    static void assertReportingAgreesWithTheLedger(List<Map<String, Object>> entries) {
        Map<Integer, Map<String, Long>> ledger = new java.util.TreeMap<>();
        for (Map<String, Object> entry : entries) {
            int year = Integer.parseInt(((String) entry.get("periodStart")).substring(0, 4));
            ledger.computeIfAbsent(year, y -> new java.util.TreeMap<>())
                    .merge((String) entry.get("sector"), (Long) entry.get("amountCents"), Long::sum);
        }
        ledger.forEach((year, sectors) -> assertThat(sectorLoads(year)).as("year " + year).isEqualTo(sectors));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Long> sectorLoads(int year) {
        Map<String, Object> loads = as("operator", reporting).get()
                .uri("/api/v1/sector-loads?year={year}", year)
                .retrieve().body(Map.class);
        Map<String, Long> bySector = new java.util.TreeMap<>();
        for (Map<String, Object> sector : (List<Map<String, Object>>) loads.get("sectors")) {
            bySector.put((String) sector.get("sector"), ((Number) sector.get("amountCents")).longValue());
        }
        return bySector;
    }

    static List<Map<String, Object>> settlementEntries() {
        nl.bdss.messaging.serde.ConfluentAvroDeserializer avro = new nl.bdss.messaging.serde.ConfluentAvroDeserializer();
        avro.configure(Map.of("schema.registry.url", Infrastructure.get().schemaRegistryUrl(), "specific.avro.reader", true), false);
        Map<String, Map<String, Object>> byEntryId = new java.util.LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : readAll(Topics.SETTLEMENTS.name())) {
            var booked = (nl.bdss.events.settlement.SettlementBooked) avro.deserialize(record.topic(), record.value());
            byEntryId.put(booked.getEntryId(), Map.of(
                    "kind", booked.getKind().name(),
                    "periodStart", booked.getPeriodStart().toString(),
                    "sector", booked.getSector(),
                    "amountCents", booked.getAmountCents()));
        }
        return new ArrayList<>(byEntryId.values());
    }

    @SuppressWarnings("unchecked")
    static void assertExampleSectorLoads() {
        for (int year : new int[] {2025, 2026}) {
            Map<String, Object> loads = as("operator", reporting).get()
                    .uri("/api/v1/sector-loads?year={year}", year)
                    .retrieve().body(Map.class);
            List<Map<String, Object>> sectors = (List<Map<String, Object>>) loads.get("sectors");
            assertThat(sectors).as("sector loads %d", year)
                    .extracting(s -> s.get("sector"), s -> ((Number) s.get("amountCents")).longValue())
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("WIJKVERPLEGING", 3_500_000L),
                            org.assertj.core.groups.Tuple.tuple("HUISARTSENZORG", 3_500_000L));
        }
    }

    static List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.get().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long quietSince = System.currentTimeMillis();
            while (System.currentTimeMillis() - quietSince < 3_000) {
                var batch = consumer.poll(Duration.ofMillis(500));
                if (!batch.isEmpty()) {
                    batch.forEach(records::add);
                    quietSince = System.currentTimeMillis();
                }
            }
        }
        return records;
    }
}
