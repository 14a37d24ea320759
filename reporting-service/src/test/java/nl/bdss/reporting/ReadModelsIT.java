package nl.bdss.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.bdss.events.Topics;
import nl.bdss.events.allocation.AllocationStatus;
import nl.bdss.events.fixtures.ManualExampleEvents;
import nl.bdss.events.reporting.LoadMeasure;
import nl.bdss.events.reporting.MacroBudgetAlertRaised;
import nl.bdss.events.reporting.SectorLoadChanged;
import nl.bdss.events.settlement.SettlementKind;
import nl.bdss.testsupport.UsesInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

@SpringBootTest(properties = {ReportingServiceApplication.CONFIG_NAME, TestProperties.SECURITY_OFF},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesInfrastructure(database = "reporting")
@Import(FixedClock.class)
// one live context at a time: the test contexts share the database, the consumer group and the outbox
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadModelsIT {

    /**
     * The one contract id of the manual's example in reporting's tests. The read models sum over all contracts in the
     * database the test classes share, and ReadModelsIT, SectorLoadIT and DashboardBrowserIT each publish the example:
     * with one contract id they publish the same events (the same entry ids), so it is booked once, whichever runs first.
     */
    static final String MANUAL_EXAMPLE_CONTRACT_ID = "7a0c9f36-6f3e-4a55-9d2a-2b0f4c1e2025";

    @LocalServerPort
    int port;

    static void publishManualExample() {
        TopicsClient.publish(Topics.CONTRACT_VERSIONS, MANUAL_EXAMPLE_CONTRACT_ID,
                List.of(ManualExampleEvents.registered(MANUAL_EXAMPLE_CONTRACT_ID)));
        TopicsClient.publish(Topics.ALLOCATIONS, MANUAL_EXAMPLE_CONTRACT_ID,
                List.of(ManualExampleEvents.allocation(MANUAL_EXAMPLE_CONTRACT_ID).build()));
        TopicsClient.publish(Topics.SETTLEMENTS, MANUAL_EXAMPLE_CONTRACT_ID,
                ManualExampleEvents.settlements2025(MANUAL_EXAMPLE_CONTRACT_ID));
    }

    @Test
    @Order(1)
    void manualExample_monitorShowsOneContractTwoSectorsAndTheBudgets_R20() {
        Api api = new Api(port);
        publishManualExample();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode monitor = api.get("/api/v1/monitor?year=2025");
            assertThat(monitor.get("contractCount").asLong()).isEqualTo(1);
            assertThat(monitor.get("totalBudgetAllDomainsCents").asLong()).isEqualTo(10_000_000L);
            assertThat(monitor.get("totalBudgetZvwCents").asLong()).isEqualTo(7_000_000L);
            assertThat(monitor.get("insurerCount").asLong()).isEqualTo(2);
            assertThat(monitor.get("providerCount").asLong()).isEqualTo(2);
            assertThat(monitor.get("sectors")).hasSize(2);
            for (JsonNode sector : monitor.get("sectors")) {
                assertThat(sector.get("sector").asString()).isIn("HUISARTSENZORG", "WIJKVERPLEGING");
                assertThat(sector.get("contractCount").asLong()).isEqualTo(1);
                assertThat(sector.get("chargedCents").asLong()).isEqualTo(3_500_000L);
                assertThat(sector.get("budgetCents").asLong()).isEqualTo(3_500_000L);
            }
            assertThat(monitor.get("unfundedZvwCents").asLong()).isZero();
            assertThat(monitor.get("doubleFundingMeasureContractCount").asLong()).isEqualTo(1);
            assertThat(monitor.get("otherDomains").toString())
                    .isEqualTo("[{\"domain\":\"JEUGDWET\",\"contractCount\":1,\"recordedCents\":2000000},"
                            + "{\"domain\":\"WMO\",\"contractCount\":1,\"recordedCents\":1000000}]");
        });
        assertThat(api.getText("/api/v1/monitor?year=2025&format=csv", "*/*"))
                .contains("2025,budgetZvwCents,,7000000").contains("2025,sectorChargedCents,WIJKVERPLEGING,3500000");
        assertThat(api.getText("/api/v1/monitor?year=2025", "text/csv")).startsWith("year,measure,sector,value");
    }

    @Test
    @Order(2)
    void completeAllocation_commitsTheZvwAmountsPerSectorAndRecordsTheOtherDomains_R7() {
        Api api = new Api(port);
        publishManualExample();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode loads = api.get("/api/v1/sector-loads?year=2026");
            assertThat(loads.get("committedCents").asLong()).isEqualTo(7_000_000L);
            assertThat(loads.get("otherDomains").toString()).contains("\"domain\":\"JEUGDWET\",\"committedCents\":2000000")
                    .contains("\"domain\":\"WMO\",\"committedCents\":1000000");
        });
    }

    @Test
    @Order(3)
    void olderOrPendingAllocation_leavesTheCommittedFiguresOfTheLatestCompleteOne() {
        Api api = new Api(port);
        publishManualExample();
        // allocation 2 pending (of contract version 1, without periods), then allocation 1 again in an event of its own
        TopicsClient.publish(Topics.ALLOCATIONS, MANUAL_EXAMPLE_CONTRACT_ID, List.of(
                ManualExampleEvents.allocation(MANUAL_EXAMPLE_CONTRACT_ID, 2, 1).setStatus(AllocationStatus.PENDING)
                        .setPendingReason("no insured counts for the reference date").setPeriods(List.of()).build(),
                ManualExampleEvents.allocation(MANUAL_EXAMPLE_CONTRACT_ID).setEventId(UUID.randomUUID()).build()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(api.get("/api/v1/allocations/pending").toString()).contains(MANUAL_EXAMPLE_CONTRACT_ID));
        assertThat(api.get("/api/v1/sector-loads?year=2026").get("committedCents").asLong()).isEqualTo(7_000_000L);
        // the pending allocation is followed by a complete one again
        TopicsClient.publish(Topics.ALLOCATIONS, MANUAL_EXAMPLE_CONTRACT_ID,
                List.of(ManualExampleEvents.allocation(MANUAL_EXAMPLE_CONTRACT_ID, 3, 1).build()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(api.get("/api/v1/allocations/pending").toString()).doesNotContain(MANUAL_EXAMPLE_CONTRACT_ID));
    }

    @Test
    @Order(4)
    void mbiAlert_isRaisedOnceWhenTheCommittedLoadCrossesTheThreshold_R21() {
        Api api = new Api(port);
        publishManualExample();
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/v1/sector-loads?year=2026").get("committedCents").asLong() == 7_000_000L);

        // 3,500,000 of 400,000,000 = 0.875%: below the default 1%
        api.put("/api/v1/macro-budgets/WIJKVERPLEGING/2026",
                "{\"amountCents\":400000000,\"source\":\"VWS begroting 2026\",\"date\":\"2025-09-16\"}");
        assertThat(alerts(api, "WIJKVERPLEGING")).isEmpty();
        // a newer figure of 300,000,000 makes it 1.17%: crossed
        assertThat(api.post("/api/v1/macro-budgets", "text/csv", """
                sector,year,amountCents,source,date
                WIJKVERPLEGING,2026,300000000,Voorjaarsnota 2026,2026-06-01
                """).statusCode()).isEqualTo(200);
        // still above: no second alert
        api.put("/api/v1/macro-budgets/WIJKVERPLEGING/2026",
                "{\"amountCents\":250000000,\"source\":\"Najaarsnota 2026\",\"date\":\"2026-11-01\"}");
        List<JsonNode> alerts = alerts(api, "WIJKVERPLEGING");
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).get("basis").asString()).isEqualTo("COMMITTED");
        assertThat(alerts.get(0).get("shareBasisPoints").asLong()).isEqualTo(116);

        JsonNode load = sector(api.get("/api/v1/sector-loads?year=2026"), "WIJKVERPLEGING");
        assertThat(load.get("macroBudgetCents").asLong()).isEqualTo(250_000_000L);
        assertThat(load.get("committedShareBasisPoints").asLong()).isEqualTo(140);

        // announced downstream once, through the outbox, read back with a real consumer
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<MacroBudgetAlertRaised> raised = alertEvents("WIJKVERPLEGING|2026");
            assertThat(raised).hasSize(1);
            MacroBudgetAlertRaised event = raised.get(0);
            assertThat(event.getVersion()).isEqualTo(1L);
            assertThat(event.getMeasure()).isEqualTo(LoadMeasure.COMMITTED);
            assertThat(event.getLoadCents()).isEqualTo(3_500_000L);
            assertThat(event.getMacroBudgetCents()).isEqualTo(300_000_000L);
            assertThat(event.getLoadBasisPoints()).isEqualTo(116);
            assertThat(event.getThresholdBasisPoints()).isEqualTo(100);
        });
    }

    @Test
    @Order(5)
    void badMacroBudgetUpload_isRefusedAsProblemNamingTheLineAndStoresNothing_R18() {
        Api api = new Api(port);
        var response = api.post("/api/v1/macro-budgets", "text/csv", """
                sector,year,amountCents,source,date
                GGZ,2040,500000000,VWS,2039-09-16
                GGZ,2041,-1,VWS,2040-09-16
                """);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
        assertThat(response.body()).contains("line 3").contains("amountCents");
        assertThat(api.get("/api/v1/macro-budgets?year=2040")).isEmpty();
    }

    @Test
    @Order(6)
    void rebuildFromOffsetZero_givesIdenticalReadModels_publishesNothingNewDownstream_andVersionsContinueAfterIt() {
        Api api = new Api(port);
        publishManualExample();
        TopicsClient.publish(Topics.SETTLEMENTS, REBUILD_CONTRACT, List.of(rebuildContractEntry(1, 600_000)));
        await().atMost(Duration.ofSeconds(30)).until(() -> api.sectorLoad(2025, "HUISARTSENZORG") == 3_500_000L
                && api.sectorLoad(2034, "GGZ") == 600_000L);
        List<String> before = snapshot(api);
        int sectorLoadEvents = TopicsClient.readAll(Topics.SECTOR_LOADS, Duration.ofSeconds(2)).size();
        List<String> alertsBefore = alertKeysAndVersions();
        assertThat(sectorLoadEvents).isPositive();
        assertThat(alertsBefore).isNotEmpty();

        assertThat(api.post("/api/v1/operations/rebuild", "application/json", "").statusCode()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(api.get("/api/v1/operations/rebuild").get("inProgress").asBoolean()).isFalse();
            assertThat(snapshot(api)).isEqualTo(before);
        });
        assertThat(api.sectorLoad(2025, "WIJKVERPLEGING")).isEqualTo(3_500_000L);
        // the published state survived the rebuild: no duplicate, no version restarting at 1, no alert again
        assertThat(TopicsClient.readAll(Topics.SECTOR_LOADS, Duration.ofSeconds(3))).hasSize(sectorLoadEvents);
        assertThat(alertKeysAndVersions()).isEqualTo(alertsBefore);

        // after the rebuild a new entry continues the versions, with the delta to the last published total
        TopicsClient.publish(Topics.SETTLEMENTS, REBUILD_CONTRACT, List.of(rebuildContractEntry(2, -100_000)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<SectorLoadChanged> changes = SectorLoadIT.sectorLoadChanges("GGZ|2034");
            assertThat(changes).extracting(SectorLoadChanged::getVersion).containsExactly(1L, 2L);
            assertThat(changes.get(1).getTotalCents()).isEqualTo(500_000L);
            assertThat(changes.get(1).getDeltaCents()).isEqualTo(-100_000L);
            assertThat(changes.get(1).getCause()).isEqualTo(REBUILD_CONTRACT + "/c2");
        });
    }

    static final String REBUILD_CONTRACT = "rebuild-contract";

    private static nl.bdss.events.settlement.SettlementBooked rebuildContractEntry(long sequence, long amountCents) {
        return ManualExampleEvents.lumpSum(REBUILD_CONTRACT, sequence, LocalDate.of(2034, 1, 1), LocalDate.of(2034, 3, 31),
                        "3311", "GGZ", amountCents)
                .setEntryId(REBUILD_CONTRACT + "/c" + sequence)
                .setKind(sequence == 1 ? SettlementKind.LUMP_SUM : SettlementKind.CORRECTION)
                .setCorrectsEntryId(sequence == 1 ? null : REBUILD_CONTRACT + "/c1")
                .build();
    }

    @Test
    @Order(8)
    void regionLoads_attributeTheExampleToNoordHolland_andOperatorsCanReplaceTheRanges() throws Exception {
        Api api = new Api(port);
        publishManualExample();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode loads = api.get("/api/v1/region-loads?year=2025");
            assertThat(loads.get("settledCents").asLong()).isEqualTo(7_000_000L);
            assertThat(region(loads, "Noord-Holland").get("settledCents").asLong()).isEqualTo(7_000_000L);
            assertThat(region(loads, "Noord-Holland").get("committedCents").asLong()).isEqualTo(7_000_000L);
        });
        assertThat(api.get("/api/v1/region-loads?year=2025").get("regions")).hasSize(12);
        assertThat(api.getText("/api/v1/region-loads?year=2025&format=csv", "*/*"))
                .startsWith("year,region,settledCents,committedCents,contracts").contains("2025,Noord-Holland,7000000,7000000,1");

        var overlapping = api.post("/api/v1/regions", "text/csv", "region,pc4From,pc4To\nA,1000,1500\nB,1400,1600\n");
        assertThat(overlapping.statusCode()).isEqualTo(400);
        assertThat(overlapping.body()).contains("overlaps");
        assertThat(api.get("/api/v1/regions")).hasSize(31);

        // 1011-1013 in one region, 1015-1016 in another: 3 and 2 of the 5 postcodes
        var replaced = api.post("/api/v1/regions", "text/csv", "region,pc4From,pc4To\nAmsterdam-Centrum,1011,1013\nAmsterdam-West,1014,1099\n");
        assertThat(replaced.statusCode()).isEqualTo(200);
        JsonNode split = api.get("/api/v1/region-loads?year=2025");
        assertThat(region(split, "Amsterdam-Centrum").get("settledCents").asLong()).isEqualTo(4_200_000L);
        assertThat(region(split, "Amsterdam-West").get("settledCents").asLong()).isEqualTo(2_800_000L);

        String shipped;
        try (var in = getClass().getClassLoader().getResourceAsStream("reference/provinces-pc4.csv")) {
            shipped = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertThat(api.post("/api/v1/regions", "text/csv", shipped).statusCode()).isEqualTo(200);
        assertThat(api.get("/api/v1/regions")).hasSize(31);
    }

    @Test
    @Order(9)
    void longLists_arePagedWithATotal_cappedAt500_andExportedWholeAsCsv() {
        Api api = new Api(port);
        publishManualExample();
        await().atMost(Duration.ofSeconds(30)).until(() -> api.sectorLoad(2025, "HUISARTSENZORG") == 3_500_000L);

        JsonNode first = api.get("/api/v1/sector-loads/by-insurer?year=2025&page=0&size=3");
        assertThat(first.get("total").asLong()).isEqualTo(4);
        assertThat(first.get("items")).hasSize(3);
        assertThat(api.get("/api/v1/sector-loads/by-insurer?year=2025&page=1&size=3").get("items")).hasSize(1);
        assertThat(api.getText("/api/v1/sector-loads/by-insurer?year=2025", "text/csv").lines())
                .hasSize(5).contains("2025,3343,WIJKVERPLEGING,1400000");

        JsonNode periods = api.get("/api/v1/settlements/by-period?year=2025&size=1");
        assertThat(periods.get("total").asLong()).isEqualTo(2);
        assertThat(periods.get("items")).hasSize(1);
        assertThat(api.getText("/api/v1/settlements/by-period?year=2025&format=csv", "*/*"))
                .contains("2025,2025-01-01,2025-12-31,HUISARTSENZORG,3500000,2,0");

        assertThat(api.get("/api/v1/allocations/pending").get("total").asLong()).isZero();
        assertThat(api.getText("/api/v1/allocations/pending?format=csv", "*/*"))
                .isEqualTo("contractId,allocationVersion,contractVersion,pendingReason\r\n");
        assertThat(api.status("/api/v1/settlements/by-period?year=2025&size=501")).isEqualTo(400);
        assertThat(api.status("/api/v1/sector-loads/by-insurer?year=2025&size=500")).isEqualTo(200);
    }

    @Test
    @Order(10)
    void dashboardAssetsAreServedByTheService_chartLibraryIncluded() {
        Api api = new Api(port);
        assertThat(api.getText("/", "text/html")).contains("sector-chart");
        assertThat(api.getText("/webjars/chart.js/dist/chart.umd.js", "*/*")).contains("Chart");
        assertThat(api.get("/api/v1/operations/topics").toString()).contains(Topics.SETTLEMENTS.name());
    }

    @Test
    @Order(11)
    void today_isTheDutchCalendarDayOfTheServicesClock() {
        assertThat(new Api(port).get("/api/v1/today").toString()).isEqualTo("{\"date\":\"2025-06-30\",\"year\":2025}");
    }

    private static List<String> snapshot(Api api) {
        return List.of(
                api.get("/api/v1/sector-loads?year=2025").toString(),
                api.get("/api/v1/sector-loads?year=2026").toString(),
                api.get("/api/v1/sector-loads?year=2031").toString(),
                api.get("/api/v1/sector-loads?year=2034").toString(),
                api.get("/api/v1/region-loads?year=2025").toString(),
                api.get("/api/v1/monitor?year=2025").toString(),
                api.get("/api/v1/contracts").toString(),
                api.get("/api/v1/sector-loads/by-insurer?year=2025").toString(),
                api.get("/api/v1/settlements/by-period?year=2025").toString(),
                String.valueOf(api.get("/api/v1/alerts").size()));
    }

    static List<MacroBudgetAlertRaised> alertEvents(String key) {
        return TopicsClient.readAll(Topics.MACRO_BUDGET_ALERTS, Duration.ofSeconds(2)).stream()
                .filter(record -> record.key().equals(key))
                .map(ConsumerRecord::value)
                .toList();
    }

    private static List<String> alertKeysAndVersions() {
        return TopicsClient.readAll(Topics.MACRO_BUDGET_ALERTS, Duration.ofSeconds(3)).stream()
                .map(record -> record.key() + " v" + record.value().getVersion() + " " + record.value().getMeasure())
                .sorted().toList();
    }

    private static List<JsonNode> alerts(Api api, String sector) {
        List<JsonNode> alerts = new java.util.ArrayList<>();
        api.get("/api/v1/alerts?year=2026").forEach(alert -> {
            if (alert.get("sector").asString().equals(sector)) {
                alerts.add(alert);
            }
        });
        return alerts;
    }

    private static JsonNode region(JsonNode loads, String region) {
        for (JsonNode load : loads.get("regions")) {
            if (load.get("region").asString().equals(region)) {
                return load;
            }
        }
        throw new AssertionError("no region " + region + " in " + loads);
    }

    private static JsonNode sector(JsonNode loads, String sector) {
        for (JsonNode load : loads.get("sectors")) {
            if (load.get("sector").asString().equals(sector)) {
                return load;
            }
        }
        throw new AssertionError("no sector " + sector + " in " + loads);
    }
}
