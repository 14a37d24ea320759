package nl.bdss.system.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
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
import nl.bdss.events.Topics;
import nl.bdss.events.settlement.ServiceYearClosed;
import nl.bdss.events.settlement.SettlementBooked;
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
 * The contract year through the whole system (issue 15), secured as {@code ./bdss up} runs it, with the services'
 * clocks on 2 February 2026: {@code examples/contract-yearly-reference-dates.json} (2025-2027, 1,000,000 cents per
 * QUARTER paid in arrears, a reference date per year) and {@code examples/insured-counts-<date>.csv} (a delivery holds
 * one reference date).
 *
 * <p>Per quarter 1,000,000 -> Wmo 100,000, Jeugdwet 200,000, Zvw 700,000 -> 350,000 per sector (HUISARTSENZORG and
 * WIJKVERPLEGING). Five postcodes each: on 2025-01-01 3311 5 x 1,200 = 6,000 and 3343 5 x 800 = 4,000 (60% : 40%:
 * 210,000 and 140,000 per sector), on 2026-01-01 5,000 : 5,000 (175,000 each), on 2027-01-01 7,000 : 3,000. In
 * arrears a quarter is due the day after it ends, so on 2026-02-02 all of 2025 is due (16 lump sums: 4 quarters x 2
 * sectors x 2 insurers) and nothing of 2026.
 */
class ContractYearsIT {

    static final Path EXAMPLES = Path.of("..", "examples");
    static final Instant RUN_DATE = Instant.parse("2026-02-02T09:00:00Z");
    static final String GP = "HUISARTSENZORG";
    static final String NURSING = "WIJKVERPLEGING";
    static final String INSURER_A = StackClient.insurer("3311");
    static final String OPERATOR = StackClient.OPERATOR;

    static Stack stack;
    static StackClient client;
    static KafkaTools kafka;

    @BeforeAll
    static void startTheSystem() {
        stack = Stack.prepare(Path.of("..").toAbsolutePath().normalize(),
                Stack.Settings.named("contract-years").withSecurity().onDate(RUN_DATE), new RunLog(System.out));
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
    void eachYearIsSplitByItsOwnCounts_settledStaysSettled_andACorrectionAfterTheYearCloseIsBookedInTheOpenYear_R11_R17_R19_R20()
            throws IOException {
        String contractId = eachYearBy_itsCounts_theMissingYearWaitsAlone();
        aReplacementDeliveryChangesNothingSettled_andReallocates2026(contractId);
        theOperatorsReopenShowsTheCorrectionsFirst(contractId);
        closing2025_freezesItsFigures();
        theReopenAndAnAmendment_bookTheir2025CorrectionsIn2026(contractId);
        reportingShowsTheServiceYearAndTheBookingYear();
        theClaimsBurdenAndTheStoredAttributionEqualTheLedger();
    }

    /**
     * Counts for 2025 and 2026 only: 2025 and 2026 are allocated (8 quarters), 2027 waits on its own. Settlement
     * books 2025's 16 lump sums; once 2027's counts arrive it is allocated too (12 quarters).
     */
    String eachYearBy_itsCounts_theMissingYearWaitsAlone() throws IOException {
        client.deliverCounts(StackClient.TRUSTED_THIRD_PARTY, "TRUSTED_THIRD_PARTY", countsOf("2025-01-01"));
        client.deliverCounts(StackClient.TRUSTED_THIRD_PARTY, "TRUSTED_THIRD_PARTY", countsOf("2026-01-01"));
        String contractId = client.register(INSURER_A, document(), UUID.randomUUID().toString()).id();

        await().ignoreExceptions().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode allocation = allocation(contractId);
            assertThat(allocation.path("status").asString()).isEqualTo("PENDING");
            assertThat(yearShares(allocation)).containsExactly(
                    tuple(2025, "COMPLETE", "3311:6000 3343:4000"),
                    tuple(2026, "COMPLETE", "3311:5000 3343:5000"),
                    tuple(2027, "PENDING", ""));
            assertThat(allocation.path("periods")).hasSize(8);
        });
        client.closePeriods(LocalDate.of(2026, 2, 2));
        await().ignoreExceptions().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(entries()).hasSize(16));
        assertThat(entries()).extracting(entry -> entry.toList().subList(0, 4)).containsOnly(
                List.of("LUMP_SUM", "3311", 2025, 2025), List.of("LUMP_SUM", "3343", 2025, 2025));
        assertThat(entries()).extracting(entry -> entry.toList().get(5))
                .containsOnly(210_000L, 140_000L);

        client.deliverCounts(StackClient.TRUSTED_THIRD_PARTY, "TRUSTED_THIRD_PARTY", countsOf("2027-01-01"));
        await().ignoreExceptions().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode allocation = allocation(contractId);
            assertThat(allocation.path("status").asString()).isEqualTo("COMPLETE");
            assertThat(yearShares(allocation)).contains(tuple(2027, "COMPLETE", "3311:7000 3343:3000"));
            assertThat(allocation.path("periods")).hasSize(12);
        });
        assertThat(entries()).hasSize(16);
        return contractId;
    }

    /**
     * Replaced counts for 2025-01-01 (3311 5 x 600 = 3,000, 3343 5 x 1,400 = 7,000) touch nothing: 2025 is settled,
     * no allocation is published. Replaced counts for 2026-01-01 (5 x 500 = 2,500 : 5 x 1,500 = 7,500, 25% : 75%)
     * re-allocate 2026, still unsettled: 350,000 x 25% = 87,500 and 262,500 per sector and quarter; nothing is booked.
     */
    void aReplacementDeliveryChangesNothingSettled_andReallocates2026(String contractId) {
        int version = allocation(contractId).path("allocationVersion").asInt();
        client.deliverCounts(StackClient.TRUSTED_THIRD_PARTY, "TRUSTED_THIRD_PARTY", counts("2025-01-01", 600, 1400));
        assertThat(allocation(contractId).path("allocationVersion").asInt()).isEqualTo(version);

        client.deliverCounts(StackClient.TRUSTED_THIRD_PARTY, "TRUSTED_THIRD_PARTY", counts("2026-01-01", 500, 1500));
        await().ignoreExceptions().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(allocation(contractId).path("allocationVersion").asInt()).isEqualTo(version + 1));
        JsonNode allocation = allocation(contractId);
        assertThat(yearShares(allocation)).containsExactly(
                tuple(2025, "COMPLETE", "3311:6000 3343:4000"),
                tuple(2026, "COMPLETE", "3311:2500 3343:7500"),
                tuple(2027, "COMPLETE", "3311:7000 3343:3000"));
        assertThat(zvwLines(allocation, "2025-")).containsOnly(210_000L, 140_000L);
        assertThat(zvwLines(allocation, "2026-")).containsOnly(87_500L, 262_500L);
        assertThat(allocation.path("cause").asString()).isEqualTo("COUNTS_DELIVERED");
        assertThat(entries()).hasSize(16);
    }

    /**
     * A dry run of reopening 2025 on the replaced counts (30% : 70%: 105,000 and 245,000 per sector and quarter)
     * shows 16 corrections, 3311 -105,000 and 3343 +105,000 each, and stores nothing.
     */
    void theOperatorsReopenShowsTheCorrectionsFirst(String contractId) {
        int version = allocation(contractId).path("allocationVersion").asInt();
        JsonNode dryRun = client.sendJson(OPERATOR, "POST", Component.ALLOCATION,
                "/api/v1/allocations/" + contractId + "/reopen", "{\"reason\":\"counts of 2025 corrected by Vektis\","
                        + "\"years\":[2025]}", 200);
        assertThat(dryRun.path("dryRun").asBoolean()).isTrue();
        assertThat(dryRun.path("changed").asBoolean()).isTrue();
        List<Tuple> corrections = new ArrayList<>();
        dryRun.path("corrections").forEach(c -> corrections.add(tuple(c.path("uzovi").asString(), c.path("deltaCents").asLong())));
        assertThat(corrections).hasSize(16).containsOnly(tuple("3311", -105_000L), tuple("3343", 105_000L));
        assertThat(allocation(contractId).path("allocationVersion").asInt()).isEqualTo(version);
        assertThat(client.status(INSURER_A, Component.ALLOCATION, "/api/v1/allocations/" + contractId)).isEqualTo(200);
    }

    /**
     * The year's figures at the close: 4 quarters x 210,000 = 840,000 per sector for 3311, 4 x 140,000 = 560,000 for
     * 3343. The dry run shows them and closes nothing; the close publishes them; a second close is refused.
     */
    void closing2025_freezesItsFigures() {
        JsonNode dryRun = client.sendJson(OPERATOR, "POST", Component.SETTLEMENT, "/api/v1/service-years/2025/close",
                "{\"reason\":\"jaarrekening 2025\"}", 200);
        assertThat(dryRun.path("dryRun").asBoolean()).isTrue();
        assertThat(dryRun.path("closable").asBoolean()).isTrue();
        assertThat(totals(dryRun)).containsExactlyInAnyOrder(tuple("3311", GP, 840_000L, 4), tuple("3311", NURSING, 840_000L, 4),
                tuple("3343", GP, 560_000L, 4), tuple("3343", NURSING, 560_000L, 4));

        JsonNode closed = client.sendJson(OPERATOR, "POST", Component.SETTLEMENT,
                "/api/v1/service-years/2025/close?dryRun=false", "{\"reason\":\"jaarrekening 2025\"}", 200);
        assertThat(closed.path("closed").asBoolean()).isTrue();
        assertThat(client.sendJson(OPERATOR, "POST", Component.SETTLEMENT, "/api/v1/service-years/2025/close?dryRun=false",
                "{}").statusCode()).isEqualTo(409);
        ConfluentAvroDeserializer avro = deserializer();
        List<ConsumerRecord<byte[], byte[]>> records = kafka.readAll(Topics.SERVICE_YEARS.name());
        assertThat(records).hasSize(1);
        ServiceYearClosed event = (ServiceYearClosed) avro.deserialize(records.get(0).topic(), records.get(0).value());
        assertThat(event.getServiceYear()).isEqualTo(2025);
        assertThat(event.getTotals()).extracting(t -> tuple(t.getUzovi(), t.getSector(), t.getPayableCents()))
                .containsExactlyInAnyOrder(tuple("3311", GP, 840_000L), tuple("3311", NURSING, 840_000L),
                        tuple("3343", GP, 560_000L), tuple("3343", NURSING, 560_000L));
    }

    /**
     * The real reopen books the 16 corrections of the dry run, in 2026 for service year 2025. Then the parties raise
     * the lump sum to 1,200,000 from 2025-10-01: Q4 2025, settled, keeps its (reopened) 30% : 70%: Zvw 840,000, 420,000
     * per sector, 126,000 and 294,000, corrections +21,000 and +49,000 per sector, also in 2026 for 2025.
     */
    void theReopenAndAnAmendment_bookTheir2025CorrectionsIn2026(String contractId) throws IOException {
        JsonNode reopened = client.sendJson(OPERATOR, "POST", Component.ALLOCATION,
                "/api/v1/allocations/" + contractId + "/reopen?dryRun=false",
                "{\"reason\":\"counts of 2025 corrected by Vektis\",\"years\":[2025]}", 200);
        assertThat(reopened.path("changed").asBoolean()).isTrue();
        await().ignoreExceptions().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(entries()).hasSize(32));
        assertThat(entries().subList(16, 32)).extracting(entry -> tuple(entry.toList().get(0), entry.toList().get(1),
                        entry.toList().get(2), entry.toList().get(3), entry.toList().get(5)))
                .containsOnly(tuple("CORRECTION", "3311", 2025, 2026, -105_000L), tuple("CORRECTION", "3343", 2025, 2026, 105_000L));

        ObjectNode amended = document();
        ((ObjectNode) amended.get("budget")).put("lumpSumCents", 1_200_000L);
        client.amend(INSURER_A, contractId, client.currentEtag(INSURER_A, contractId), LocalDate.of(2025, 10, 1),
                amended, UUID.randomUUID().toString());
        await().ignoreExceptions().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(entries()).hasSize(36));
        assertThat(entries().subList(32, 36)).extracting(entry -> tuple(entry.toList().get(1), entry.toList().get(2),
                        entry.toList().get(3), entry.toList().get(4), entry.toList().get(5)))
                .containsExactlyInAnyOrder(tuple("3311", 2025, 2026, "2025-10-01", 21_000L),
                        tuple("3311", 2025, 2026, "2025-10-01", 21_000L), tuple("3343", 2025, 2026, "2025-10-01", 49_000L),
                        tuple("3343", 2025, 2026, "2025-10-01", 49_000L));
        JsonNode invariants = client.ledgerInvariants();
        assertThat(invariants.path("holds").asBoolean()).as(invariants.toString()).isTrue();
    }

    /**
     * Service year 2025 per sector: 1,400,000 at the close, later corrections 0 (the reopen moves money between the
     * insurers) + 70,000 (the amendment) = 70,000, 1,470,000 in all; the monitor charges 2025 the same. Booking year
     * 2026 holds only the corrections, 70,000 per sector, all of service year 2025.
     */
    void reportingShowsTheServiceYearAndTheBookingYear() {
        await().ignoreExceptions().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode service = client.read(OPERATOR, Component.REPORTING, "/api/v1/sector-loads?year=2025");
            assertThat(service.path("closed").asBoolean()).isTrue();
            assertThat(sectors(service, "amountCents", "amountAtCloseCents", "laterCorrectionsCents")).isEqualTo(Map.of(
                    GP, List.of(1_470_000L, 1_400_000L, 70_000L), NURSING, List.of(1_470_000L, 1_400_000L, 70_000L)));
        });
        JsonNode booking = client.read(OPERATOR, Component.REPORTING, "/api/v1/sector-loads?year=2026&view=booking");
        assertThat(sectors(booking, "amountCents")).isEqualTo(Map.of(GP, List.of(70_000L), NURSING, List.of(70_000L)));
        booking.path("sectors").forEach(sector -> assertThat(sector.path("byServiceYear").toString())
                .isEqualTo("[{\"serviceYear\":2025,\"amountCents\":70000}]"));

        JsonNode monitor = client.read(OPERATOR, Component.REPORTING, "/api/v1/monitor?year=2025");
        assertThat(monitor.path("closed").asBoolean()).isTrue();
        assertThat(sectors(monitor, "chargedCents", "chargedAtCloseCents", "laterCorrectionsCents")).isEqualTo(Map.of(
                GP, List.of(1_470_000L, 1_400_000L, 70_000L), NURSING, List.of(1_470_000L, 1_400_000L, 70_000L)));
    }

    /**
     * 3311's claims burden per sector: booked in 2025 for 2025 840,000; booked in 2026 for 2025 4 x -105,000 =
     * -420,000 credited and +21,000 payable. Service year 2025: 861,000 payable, -420,000 credited, 441,000 net;
     * booking year 2025: 840,000. Its stored R19 attribution of 2025 (target area, no key recorded) adds up to the
     * same 441,000 per sector.
     */
    void theClaimsBurdenAndTheStoredAttributionEqualTheLedger() {
        JsonNode burden = client.read(INSURER_A, Component.SETTLEMENT, "/api/v1/claims-burden?year=2025");
        Map<String, List<Long>> byServiceYear = new TreeMap<>();
        burden.path("byServiceYear").forEach(total -> byServiceYear.put(total.path("sector").asString(), List.of(
                total.path("payableCents").asLong(), total.path("creditedCents").asLong(), total.path("netCents").asLong())));
        assertThat(byServiceYear).isEqualTo(Map.of(GP, List.of(861_000L, -420_000L, 441_000L),
                NURSING, List.of(861_000L, -420_000L, 441_000L)));
        Map<String, Long> byBookingYear = new TreeMap<>();
        burden.path("byBookingYear").forEach(total -> byBookingYear.put(total.path("sector").asString(),
                total.path("netCents").asLong()));
        assertThat(byBookingYear).isEqualTo(Map.of(GP, 840_000L, NURSING, 840_000L));
        String csv = client.readText(INSURER_A, Component.SETTLEMENT, "/api/v1/claims-burden?year=2025&format=csv");
        assertThat(csv).doesNotContain("3343");

        await().ignoreExceptions().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode attribution = client.read(INSURER_A, Component.SETTLEMENT,
                    "/api/v1/risk-equalisation/attributions?year=2025");
            Map<String, Long> parts = new TreeMap<>();
            attribution.findValues("sectors").forEach(sectors -> sectors.forEach(sector -> {
                long sum = 0;
                for (JsonNode part : sector.path("parts")) {
                    sum += part.path("amountCents").asLong();
                }
                parts.put(sector.path("sector").asString(), sum);
            }));
            assertThat(parts).isEqualTo(Map.of(GP, 441_000L, NURSING, 441_000L));
        });
    }

    // -------------------------------------------------------------------------------------------------------------
    // Reading the system
    // -------------------------------------------------------------------------------------------------------------

    static ObjectNode document() throws IOException {
        return (ObjectNode) client.json().readTree(Files.readString(EXAMPLES.resolve("contract-yearly-reference-dates.json")));
    }

    static JsonNode allocation(String contractId) {
        return client.read(OPERATOR, Component.ALLOCATION, "/api/v1/allocations/" + contractId);
    }

    /** (year, status, "uzovi:basisPoints ...") per contract year. */
    static List<Tuple> yearShares(JsonNode allocation) {
        List<Tuple> years = new ArrayList<>();
        allocation.path("yearShares").forEach(year -> {
            List<String> shares = new ArrayList<>();
            year.path("marketShares").forEach(share -> shares.add(share.path("uzovi").asString() + ":"
                    + share.path("basisPoints").asInt()));
            years.add(tuple(year.path("year").asInt(), year.path("status").asString(), String.join(" ", shares)));
        });
        return years;
    }

    /** The Zvw line amounts of the periods starting with {@code prefix} (a year). */
    static List<Long> zvwLines(JsonNode allocation, String prefix) {
        List<Long> amounts = new ArrayList<>();
        allocation.path("periods").forEach(period -> {
            if (period.path("start").asString().startsWith(prefix)) {
                period.path("lines").forEach(line -> {
                    if ("ZVW".equals(line.path("domain").asString())) {
                        amounts.add(line.path("amountCents").asLong());
                    }
                });
            }
        });
        return amounts;
    }

    static List<Tuple> totals(JsonNode close) {
        List<Tuple> totals = new ArrayList<>();
        close.path("totals").forEach(total -> totals.add(tuple(total.path("insurer").asString(),
                total.path("sector").asString(), total.path("payableCents").asLong(), total.path("entryCount").asInt())));
        return totals;
    }

    static Map<String, List<Long>> sectors(JsonNode answer, String... fields) {
        Map<String, List<Long>> bySector = new TreeMap<>();
        answer.path("sectors").forEach(sector -> {
            List<Long> values = new ArrayList<>();
            for (String field : fields) {
                values.add(sector.path(field).asLong());
            }
            bySector.put(sector.path("sector").asString(), values);
        });
        return bySector;
    }

    /** The example's counts on a reference date. */
    static String countsOf(String referenceDate) throws IOException {
        return Files.readString(EXAMPLES.resolve("insured-counts-" + referenceDate + ".csv"));
    }

    /** Replaced counts for a reference date: per postcode of the service area, 3311 and 3343. */
    static String counts(String referenceDate, long of3311, long of3343) {
        StringBuilder csv = new StringBuilder("uzovi,postcode,referenceDate,insuredCount\n");
        for (String uzovi : List.of("3311", "3343")) {
            for (String postcode : List.of("1011", "1012", "1013", "1015", "1016")) {
                csv.append(uzovi).append(',').append(postcode).append(',').append(referenceDate).append(',')
                        .append("3311".equals(uzovi) ? of3311 : of3343).append('\n');
            }
        }
        return csv.toString();
    }

    static ConfluentAvroDeserializer deserializer() {
        ConfluentAvroDeserializer avro = new ConfluentAvroDeserializer();
        avro.configure(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, stack.registryUrl(), SerdeConfig.SPECIFIC_AVRO_READER, true),
                false);
        return avro;
    }

    /** Every SettlementBooked in topic order: (kind, insurer, service year, booking year, period start, cents). */
    static List<Tuple> entries() {
        ConfluentAvroDeserializer avro = deserializer();
        List<Tuple> entries = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : kafka.readAll(Topics.SETTLEMENTS.name())) {
            SettlementBooked booked = (SettlementBooked) avro.deserialize(record.topic(), record.value());
            entries.add(tuple(booked.getKind().name(), booked.getUzovi(), booked.getServiceYear(), booked.getBookingYear(),
                    booked.getPeriodStart().toString(), booked.getAmountCents()));
        }
        return entries;
    }
}
