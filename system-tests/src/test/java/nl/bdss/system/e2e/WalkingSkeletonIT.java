package nl.bdss.system.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import nl.bdss.events.Topic;
import nl.bdss.events.Topics;
import nl.bdss.events.settlement.SettlementBooked;
import nl.bdss.messaging.registry.SchemaRegistryClient;
import nl.bdss.messaging.serde.ConfluentAvroDeserializer;
import nl.bdss.messaging.serde.SerdeConfig;
import nl.bdss.system.stack.Component;
import nl.bdss.system.stack.KafkaTools;
import nl.bdss.system.stack.RunLog;
import nl.bdss.system.stack.Stack;
import nl.bdss.system.stack.StackClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The manual's worked example through the whole system as it is deployed: PostgreSQL, Kafka, the schema registry,
 * the authorization server and the four services, each a process from its executable jar (the harness's
 * {@link Stack}, secured as {@code ./bdss up} runs it, so every call carries a real token), with the services'
 * clocks on 16 November 2026. Counts and the contract of {@code examples/} in; amended from 1 July 2026, then
 * terminated on 30 September 2026; every figure out is a literal worked out by hand from those inputs.
 *
 * <p>The inputs ({@code examples/README.md}): a lump sum of 10,000,000 cents per YEAR, paid in advance, valid 2025
 * and 2026; domains Zvw 7000, Wmo 1000, Jeugdwet 2000 basis points; Zvw sectors HUISARTSENZORG and WIJKVERPLEGING
 * 5000 each; insurers 3311 and 3343 with 5 x 1,200 = 6,000 and 5 x 800 = 4,000 insureds in the service area (1011,
 * 1012, 1013, 1015, 1016) on 2025-03-01 (1017 lies outside, 7029 is no party), so 60% and 40%; everything to the
 * main contractor, AGB 01012345. Every split is by the largest remainder, ties to the first key: Zvw before Wmo
 * before Jeugdwet, sectors and insurers alphabetically. On 16 November 2026 both years are due (in advance: from
 * their first day).
 */
class WalkingSkeletonIT {

    static final Path EXAMPLES = Path.of("..", "examples");
    /** The day the services' clocks are on. */
    static final Instant RUN_DATE = Instant.parse("2026-11-16T09:00:00Z");
    static final String GP = "HUISARTSENZORG";
    static final String NURSING = "WIJKVERPLEGING";
    /** The Zvw providers of the example: the GP practice (main contractor) and the district nursing. */
    static final String GP_AGB = "01012345";
    static final String NURSING_AGB = "75750123";
    static final String INSURER_A = StackClient.insurer("3311");
    static final String INSURER_B = StackClient.insurer("3343");

    static Stack stack;
    static StackClient client;
    static KafkaTools kafka;

    @BeforeAll
    static void startTheSystem() {
        stack = Stack.prepare(Path.of("..").toAbsolutePath().normalize(),
                Stack.Settings.named("end-to-end").withSecurity().onDate(RUN_DATE), new RunLog(System.out));
        stack.startAll();
        client = StackClient.strict(stack, new RunLog(System.out));
        kafka = new KafkaTools(stack.bootstrapServers());
    }

    @AfterAll
    static void stopTheSystem() {
        if (kafka != null) {
            kafka.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void theManualsExample_registeredAmendedAndTerminated_loadsEachSectorExactly_R7_R8_R11_R17_R18() throws Exception {
        String contractId = theRegistrationSettlesBothYears();
        restartingSettlementAndReportingLosesAndDoublesNothing();
        anAmendmentFromJuly2026CorrectsOnly2026(contractId);
        aTerminationOn30September2026CreditsTheRestOf2026(contractId);
        eachInsurerSeesOnlyItsOwnPaymentInstructions();
        everyRecordOnEveryTopicIsInConfluentsWireFormatWithARegisteredSchema();
    }

    @Test
    void withoutATokenNoServiceAnswers() {
        assertThat(client.statusWithoutToken(Component.CONTRACT, "/api/v1/contracts")).isEqualTo(401);
        assertThat(client.statusWithoutToken(Component.ALLOCATION, "/api/v1/insured-counts/deliveries")).isEqualTo(401);
        assertThat(client.statusWithoutToken(Component.SETTLEMENT, "/api/v1/payment-instructions")).isEqualTo(401);
        assertThat(client.statusWithoutToken(Component.REPORTING, "/api/v1/sector-loads?year=2025")).isEqualTo(401);
    }

    // -------------------------------------------------------------------------------------------------------------
    // The steps of the example
    // -------------------------------------------------------------------------------------------------------------

    /**
     * Each year: 10,000,000 -> Zvw 7,000,000 (Wmo 1,000,000, Jeugdwet 2,000,000, recorded, not paid) -> 3,500,000
     * per sector -> 3311 60% = 2,100,000, 3343 40% = 1,400,000. Eight lump sums: two years x two sectors x two
     * insurers.
     */
    String theRegistrationSettlesBothYears() throws IOException {
        client.deliverCounts(StackClient.TRUSTED_THIRD_PARTY, "TRUSTED_THIRD_PARTY",
                Files.readString(EXAMPLES.resolve("insured-counts-example.csv")));
        // 3311 proposes; the contract binds no one until 3343 and both Zvw providers accepted it (R1)
        HttpResponse<String> proposed = client.propose(INSURER_A, example(), UUID.randomUUID().toString());
        JsonNode proposal = client.json().readTree(proposed.body());
        String contractId = proposal.path("id").asString();
        assertThat(proposal.path("status").asString()).isEqualTo("PROPOSED");
        assertThat(proposal.path("proposal").path("pendingAcceptances").toString()).isEqualTo("["
                + "{\"role\":\"INSURER\",\"uzovi\":\"3343\"},"
                + "{\"role\":\"PROVIDER\",\"agb\":\"01012345\",\"partyKey\":\"hap-west\"},"
                + "{\"role\":\"PROVIDER\",\"agb\":\"75750123\",\"partyKey\":\"wijkzorg-noord\"}]");
        String etag = client.accept(INSURER_B, contractId, proposed.headers().firstValue("ETag").orElseThrow(), "the example");
        etag = client.accept(StackClient.provider(GP_AGB), contractId, etag, "the example");
        // two of three accepted: still nothing allocated, booked or loaded
        assertThat(client.status(StackClient.OPERATOR, Component.ALLOCATION, "/api/v1/allocations/" + contractId))
                .isEqualTo(404);
        assertThat(settlementEntries()).isEmpty();
        assertThat(sectorLoads(2025)).isEmpty();
        client.accept(StackClient.provider(NURSING_AGB), contractId, etag, "the example");
        StackClient.Registered registered = new StackClient.Registered(contractId,
                client.currentEtag(INSURER_A, contractId));
        assertThat(registered.etag()).isEqualTo("\"1\"");
        assertThat(client.read(INSURER_A, Component.CONTRACT, "/api/v1/contracts/" + contractId).path("status").asString())
                .isEqualTo("ACTIVE");

        List<Tuple> lumpSums = List.of(
                tuple("LUMP_SUM", "2025-01-01", "3311", GP, 2_100_000L),
                tuple("LUMP_SUM", "2025-01-01", "3311", NURSING, 2_100_000L),
                tuple("LUMP_SUM", "2025-01-01", "3343", GP, 1_400_000L),
                tuple("LUMP_SUM", "2025-01-01", "3343", NURSING, 1_400_000L),
                tuple("LUMP_SUM", "2026-01-01", "3311", GP, 2_100_000L),
                tuple("LUMP_SUM", "2026-01-01", "3311", NURSING, 2_100_000L),
                tuple("LUMP_SUM", "2026-01-01", "3343", GP, 1_400_000L),
                tuple("LUMP_SUM", "2026-01-01", "3343", NURSING, 1_400_000L));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(settlementEntries()).containsExactlyInAnyOrderElementsOf(lumpSums);
            assertThat(sectorLoads(2025)).isEqualTo(Map.of(GP, 3_500_000L, NURSING, 3_500_000L));
            assertThat(sectorLoads(2026)).isEqualTo(Map.of(GP, 3_500_000L, NURSING, 3_500_000L));
        });
        for (int year : new int[] {2025, 2026}) {
            JsonNode loads = client.sectorLoads(year);
            assertThat(loads.path("totalCents").asLong()).isEqualTo(7_000_000L);
            assertThat(loads.path("committedCents").asLong()).isEqualTo(7_000_000L);
            assertThat(otherDomains(loads)).isEqualTo(Map.of("WMO", 1_000_000L, "JEUGDWET", 2_000_000L));
        }
        assertThat(loadsByInsurer(2026)).containsExactlyInAnyOrder(
                tuple("3311", GP, 2_100_000L), tuple("3311", NURSING, 2_100_000L),
                tuple("3343", GP, 1_400_000L), tuple("3343", NURSING, 1_400_000L));
        assertTheLedgerHoldsOnTheRunDate();
        return registered.id();
    }

    /** Stopped and started again, settlement and reporting book nothing twice and lose nothing: the same 8 entries. */
    void restartingSettlementAndReportingLosesAndDoublesNothing() {
        stack.stop(Component.SETTLEMENT);
        stack.stop(Component.REPORTING);
        stack.start(Component.SETTLEMENT, List.of());
        stack.start(Component.REPORTING, List.of());

        assertThat(kafka.readAll(Topics.SETTLEMENTS.name())).hasSize(8);
        assertThat(sectorLoads(2025)).isEqualTo(Map.of(GP, 3_500_000L, NURSING, 3_500_000L));
        assertThat(sectorLoads(2026)).isEqualTo(Map.of(GP, 3_500_000L, NURSING, 3_500_000L));
    }

    /**
     * 12,000,000 per year from 2026-07-01. The 2026 period (365 days) is 181 days (January-June) at 10,000,000 and
     * 184 days (July-December) at 12,000,000: (1,810,000,000 + 2,208,000,000) / 365 = 11,008,219.18, rounded half
     * up 11,008,219, spread back by lump sum x days: 11,008,219 x 1,810 / 4,018 = 4,958,904.03 and
     * 11,008,219 x 2,208 / 4,018 = 6,049,314.97, the leftover cent to the larger remainder: 4,958,904 + 6,049,315.
     *
     * <p>January-June, 4,958,904: Zvw 3,471,232.8, Wmo 495,890.4, Jeugdwet 991,780.8; two cents left, to the
     * remainders .8 (Zvw before Jeugdwet): Zvw 3,471,233, Wmo 495,890, Jeugdwet 991,781. Zvw / 2 = 1,735,616.5:
     * HUISARTSENZORG 1,735,617, WIJKVERPLEGING 1,735,616. HUISARTSENZORG x 60% = 1,041,370.2 -> 3311 1,041,370,
     * 3343 694,247; WIJKVERPLEGING x 60% = 1,041,369.6 -> 3311 1,041,370, 3343 694,246.
     *
     * <p>July-December, 6,049,315: Zvw 4,234,520.5, Wmo 604,931.5, Jeugdwet 1,209,863; one cent left, to Zvw
     * (.5 tie, Zvw first): Zvw 4,234,521, Wmo 604,931, Jeugdwet 1,209,863. Zvw / 2 = 2,117,260.5: HUISARTSENZORG
     * 2,117,261, WIJKVERPLEGING 2,117,260. HUISARTSENZORG x 60% = 1,270,356.6 -> 3311 1,270,357, 3343 846,904;
     * WIJKVERPLEGING x 60% = 1,270,356 -> 3311 1,270,356, 3343 846,904.
     *
     * <p>2026 per insurer and sector: 3311 HUISARTSENZORG 1,041,370 + 1,270,357 = 2,311,727 (correction +211,727),
     * 3311 WIJKVERPLEGING 1,041,370 + 1,270,356 = 2,311,726 (+211,726), 3343 HUISARTSENZORG 694,247 + 846,904 =
     * 1,541,151 (+141,151), 3343 WIJKVERPLEGING 694,246 + 846,904 = 1,541,150 (+141,150). Sector loads 2026:
     * HUISARTSENZORG 2,311,727 + 1,541,151 = 3,852,878, WIJKVERPLEGING 2,311,726 + 1,541,150 = 3,852,876; Wmo
     * 495,890 + 604,931 = 1,100,821, Jeugdwet 991,781 + 1,209,863 = 2,201,644. 2025 stays as it was.
     */
    void anAmendmentFromJuly2026CorrectsOnly2026(String contractId) throws IOException {
        ObjectNode amended = example();
        ((ObjectNode) amended.get("budget")).put("lumpSumCents", 12_000_000L);
        String etag = client.amend(INSURER_A, contractId, "\"1\"", LocalDate.of(2026, 7, 1), amended,
                UUID.randomUUID().toString());
        assertThat(etag).isEqualTo("\"2\"");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(settlementEntries()).filteredOn(entry -> "CORRECTION".equals(entry.toList().get(0)))
                    .containsExactlyInAnyOrder(
                            tuple("CORRECTION", "2026-01-01", "3311", GP, 211_727L),
                            tuple("CORRECTION", "2026-01-01", "3311", NURSING, 211_726L),
                            tuple("CORRECTION", "2026-01-01", "3343", GP, 141_151L),
                            tuple("CORRECTION", "2026-01-01", "3343", NURSING, 141_150L));
            assertThat(sectorLoads(2026)).isEqualTo(Map.of(GP, 3_852_878L, NURSING, 3_852_876L));
        });
        assertThat(settlementEntries()).hasSize(12);
        assertThat(sectorLoads(2025)).isEqualTo(Map.of(GP, 3_500_000L, NURSING, 3_500_000L));
        JsonNode loads2026 = client.sectorLoads(2026);
        assertThat(loads2026.path("totalCents").asLong()).isEqualTo(7_705_754L);
        assertThat(loads2026.path("committedCents").asLong()).isEqualTo(7_705_754L);
        assertThat(otherDomains(loads2026)).isEqualTo(Map.of("WMO", 1_100_821L, "JEUGDWET", 2_201_644L));
        assertThat(loadsByInsurer(2026)).containsExactlyInAnyOrder(
                tuple("3311", GP, 2_311_727L), tuple("3311", NURSING, 2_311_726L),
                tuple("3343", GP, 1_541_151L), tuple("3343", NURSING, 1_541_150L));
        assertTheLedgerHoldsOnTheRunDate();
    }

    /**
     * The contract ends on 2026-09-30 (asked by the other insurer, 3343). The 2026 period keeps its 365-day
     * calendar year and covers 181 days at 10,000,000 and 92 days (July-September) at 12,000,000: (1,810,000,000 +
     * 1,104,000,000) / 365 = 7,983,561.64 -> 7,983,562, by lump sum x days 7,983,562 x 1,810 / 2,914 = 4,958,904.33
     * and 7,983,562 x 1,104 / 2,914 = 3,024,657.67 -> 4,958,904 + 3,024,658.
     *
     * <p>January-June is 4,958,904 as before (HUISARTSENZORG 3311 1,041,370, 3343 694,247; WIJKVERPLEGING 3311
     * 1,041,370, 3343 694,246). July-September,
     * 3,024,658: Zvw 2,117,260.6, Wmo 302,465.8, Jeugdwet 604,931.6; two cents left, to Wmo (.8) and Zvw (.6, before
     * Jeugdwet): Zvw 2,117,261, Wmo 302,466, Jeugdwet 604,931. Zvw / 2 = 1,058,630.5: HUISARTSENZORG 1,058,631,
     * WIJKVERPLEGING 1,058,630. HUISARTSENZORG x 60% = 635,178.6 -> 3311 635,179, 3343 423,452; WIJKVERPLEGING x
     * 60% = 635,178 -> 3311 635,178, 3343 423,452.
     *
     * <p>2026: 3311 HUISARTSENZORG 1,041,370 + 635,179 = 1,676,549 (correction 1,676,549 - 2,311,727 = -635,178),
     * 3311 WIJKVERPLEGING 1,041,370 + 635,178 = 1,676,548 (-635,178), 3343 HUISARTSENZORG 694,247 + 423,452 =
     * 1,117,699 (-423,452), 3343 WIJKVERPLEGING 694,246 + 423,452 = 1,117,698 (-423,452). Sector loads 2026:
     * HUISARTSENZORG 1,676,549 + 1,117,699 = 2,794,248, WIJKVERPLEGING 1,676,548 + 1,117,698 = 2,794,246; Wmo
     * 495,890 + 302,466 = 798,356, Jeugdwet 991,781 + 604,931 = 1,596,712.
     */
    void aTerminationOn30September2026CreditsTheRestOf2026(String contractId) {
        String etag = client.terminate(INSURER_B, contractId, "\"2\"", LocalDate.of(2026, 9, 30),
                UUID.randomUUID().toString());
        assertThat(etag).isEqualTo("\"3\"");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(settlementEntries()).hasSize(16).filteredOn(entry -> "CORRECTION".equals(entry.toList().get(0)))
                    .containsExactlyInAnyOrder(
                            tuple("CORRECTION", "2026-01-01", "3311", GP, 211_727L),
                            tuple("CORRECTION", "2026-01-01", "3311", NURSING, 211_726L),
                            tuple("CORRECTION", "2026-01-01", "3343", GP, 141_151L),
                            tuple("CORRECTION", "2026-01-01", "3343", NURSING, 141_150L),
                            tuple("CORRECTION", "2026-01-01", "3311", GP, -635_178L),
                            tuple("CORRECTION", "2026-01-01", "3311", NURSING, -635_178L),
                            tuple("CORRECTION", "2026-01-01", "3343", GP, -423_452L),
                            tuple("CORRECTION", "2026-01-01", "3343", NURSING, -423_452L));
            assertThat(sectorLoads(2026)).isEqualTo(Map.of(GP, 2_794_248L, NURSING, 2_794_246L));
        });
        assertThat(sectorLoads(2025)).isEqualTo(Map.of(GP, 3_500_000L, NURSING, 3_500_000L));
        JsonNode loads2026 = client.sectorLoads(2026);
        assertThat(loads2026.path("totalCents").asLong()).isEqualTo(5_588_494L);
        assertThat(loads2026.path("committedCents").asLong()).isEqualTo(5_588_494L);
        assertThat(otherDomains(loads2026)).isEqualTo(Map.of("WMO", 798_356L, "JEUGDWET", 1_596_712L));
        assertThat(loadsByInsurer(2026)).containsExactlyInAnyOrder(
                tuple("3311", GP, 1_676_549L), tuple("3311", NURSING, 1_676_548L),
                tuple("3343", GP, 1_117_699L), tuple("3343", NURSING, 1_117_698L));
        assertTheLedgerHoldsOnTheRunDate();
    }

    /** Insurer 3343's token shows its eight entries (4 lump sums, 4 corrections), none of 3311's eight. */
    void eachInsurerSeesOnlyItsOwnPaymentInstructions() {
        JsonNode page = client.read(INSURER_B, Component.SETTLEMENT, "/api/v1/payment-instructions?size=100");

        List<Tuple> seen = new ArrayList<>();
        page.path("content").forEach(instruction -> seen.add(tuple(instruction.path("insurer").asString(),
                instruction.path("kind").asString(), instruction.path("periodStart").asString(),
                instruction.path("sector").asString(), instruction.path("amountCents").asLong())));
        assertThat(seen).containsExactlyInAnyOrder(
                tuple("3343", "LUMP_SUM", "2025-01-01", GP, 1_400_000L),
                tuple("3343", "LUMP_SUM", "2025-01-01", NURSING, 1_400_000L),
                tuple("3343", "LUMP_SUM", "2026-01-01", GP, 1_400_000L),
                tuple("3343", "LUMP_SUM", "2026-01-01", NURSING, 1_400_000L),
                tuple("3343", "CORRECTION", "2026-01-01", GP, 141_151L),
                tuple("3343", "CORRECTION", "2026-01-01", NURSING, 141_150L),
                tuple("3343", "CORRECTION", "2026-01-01", GP, -423_452L),
                tuple("3343", "CORRECTION", "2026-01-01", NURSING, -423_452L));
        assertThat(page.path("totalElements").asLong()).isEqualTo(8);
    }

    /**
     * Byte 0 is the magic byte 0, bytes 1-4 a schema id the registry knows for the topic's value type. One contract
     * version per change (registration, amendment, termination), one allocation per version, 8 + 4 + 4 entries.
     */
    void everyRecordOnEveryTopicIsInConfluentsWireFormatWithARegisteredSchema() {
        SchemaRegistryClient registry = new SchemaRegistryClient(stack.registryUrl());
        Map<Topic<?>, Integer> expectedCounts = Map.of(Topics.CONTRACT_VERSIONS, 3, Topics.ALLOCATIONS, 3,
                Topics.SETTLEMENTS, 16);
        for (Topic<?> topic : List.of(Topics.CONTRACT_VERSIONS, Topics.ALLOCATIONS, Topics.SETTLEMENTS, Topics.SECTOR_LOADS)) {
            List<ConsumerRecord<byte[], byte[]>> records = kafka.readAll(topic.name());

            if (expectedCounts.containsKey(topic)) {
                assertThat(records).as(topic.name()).hasSize(expectedCounts.get(topic));
            } else {
                assertThat(records).as(topic.name()).isNotEmpty();
            }
            for (ConsumerRecord<byte[], byte[]> record : records) {
                assertThat(record.value()[0]).as("magic byte on " + topic.name()).isZero();
                int id = ByteBuffer.wrap(record.value(), 1, 4).getInt();
                assertThat(registry.schemaById(id).getFullName()).isEqualTo(topic.valueType().getName());
            }
        }
    }

    // -------------------------------------------------------------------------------------------------------------
    // Reading the system
    // -------------------------------------------------------------------------------------------------------------

    static ObjectNode example() throws IOException {
        return (ObjectNode) client.json().readTree(Files.readString(EXAMPLES.resolve("contract-manual-example.json")));
    }

    /** Settlement's own check on the run date: debits = credits, every period's net = its allocation. */
    static void assertTheLedgerHoldsOnTheRunDate() {
        JsonNode report = client.ledgerInvariants();
        assertThat(report.path("holds").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.path("checkedOn").asString()).isEqualTo("2026-11-16");
        assertThat(report.path("totalDebitCents").asLong()).isEqualTo(report.path("totalCreditCents").asLong());
    }

    /** Reporting's settled load per Zvw sector of the year. */
    static Map<String, Long> sectorLoads(int year) {
        Map<String, Long> bySector = new TreeMap<>();
        client.sectorLoads(year).path("sectors").forEach(sector ->
                bySector.put(sector.path("sector").asString(), sector.path("amountCents").asLong()));
        return bySector;
    }

    /** Reporting's committed amounts of the domains other than Zvw (recorded, never paid: R7). */
    static Map<String, Long> otherDomains(JsonNode loads) {
        Map<String, Long> byDomain = new TreeMap<>();
        loads.path("otherDomains").forEach(domain ->
                byDomain.put(domain.path("domain").asString(), domain.path("committedCents").asLong()));
        return byDomain;
    }

    /** Reporting's settled load per insurer and sector of the year: (uzovi, sector, cents). */
    static List<Tuple> loadsByInsurer(int year) {
        List<Tuple> loads = new ArrayList<>();
        client.read(StackClient.OPERATOR, Component.REPORTING, "/api/v1/sector-loads/by-insurer?year=" + year)
                .path("items").forEach(load -> loads.add(tuple(load.path("uzovi").asString(),
                        load.path("sector").asString(), load.path("amountCents").asLong())));
        return loads;
    }

    /** Every SettlementBooked on the topic: (kind, period start, insurer, sector, cents). */
    static List<Tuple> settlementEntries() {
        ConfluentAvroDeserializer avro = new ConfluentAvroDeserializer();
        avro.configure(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, stack.registryUrl(), SerdeConfig.SPECIFIC_AVRO_READER, true),
                false);
        List<Tuple> entries = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : kafka.readAll(Topics.SETTLEMENTS.name())) {
            SettlementBooked booked = (SettlementBooked) avro.deserialize(record.topic(), record.value());
            entries.add(tuple(booked.getKind().name(), booked.getPeriodStart().toString(), booked.getUzovi(),
                    booked.getSector(), booked.getAmountCents()));
        }
        return entries;
    }
}
