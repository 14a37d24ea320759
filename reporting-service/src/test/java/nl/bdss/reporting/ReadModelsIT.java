package nl.bdss.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.bdss.events.Topics;
import nl.bdss.events.allocation.AllocationStatus;
import nl.bdss.events.fixtures.ManualExampleEvents;
import nl.bdss.events.reporting.LoadMeasure;
import nl.bdss.events.reporting.MacroBudgetAlertRaised;
import nl.bdss.events.reporting.SectorLoadChanged;
import nl.bdss.events.settlement.SettlementBooked;
import nl.bdss.events.settlement.SettlementKind;
import nl.bdss.testsupport.UsesInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/**
 * The read models from the events, over HTTP. Every test stands alone: it publishes the manual's example under a
 * contract id of its own (a random UUID), moved to two years no other test uses ({@link ManualExampleInYears} lists
 * them), so the figures of those years are its contract's alone and are asserted as literals worked out by hand,
 * whatever other tests (of this class or of the other reporting ITs in the same JVM) ran before it. What is global
 * (the region ranges, a rebuild of every read model) is restored or compared as a whole before and after.
 */
@SpringBootTest(properties = {ReportingServiceApplication.CONFIG_NAME, TestProperties.SECURITY_OFF},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesInfrastructure(database = "reporting")
@Import(FixedClock.class)
// one live context at a time: the test contexts share the database, the consumer group and the outbox
@DirtiesContext
class ReadModelsIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void manualExample_monitorShowsOneContractTwoSectorsAndTheBudgets_R20() {
        Api api = new Api(port);
        String contract = UUID.randomUUID().toString();
        ManualExampleInYears.publish(contract, 2051);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode monitor = api.get("/api/v1/monitor?year=2051");
            assertThat(monitor.get("contractCount").asLong()).isEqualTo(1);
            // 1,000,000 Wmo + 2,000,000 Jeugdwet + 7,000,000 Zvw = 10,000,000
            assertThat(monitor.get("totalBudgetAllDomainsCents").asLong()).isEqualTo(10_000_000L);
            assertThat(monitor.get("totalBudgetZvwCents").asLong()).isEqualTo(7_000_000L);
            // 3311 and 3343; the main contractor (01012345) and the district nurses (75750123)
            assertThat(monitor.get("insurerCount").asLong()).isEqualTo(2);
            assertThat(monitor.get("providerCount").asLong()).isEqualTo(2);
            assertThat(monitor.get("sectors")).hasSize(2);
            for (JsonNode sector : monitor.get("sectors")) {
                assertThat(sector.get("sector").asString()).isIn("HUISARTSENZORG", "WIJKVERPLEGING");
                assertThat(sector.get("contractCount").asLong()).isEqualTo(1);
                // settled 2,100,000 (3311) + 1,400,000 (3343); budget half of 7,000,000
                assertThat(sector.get("chargedCents").asLong()).isEqualTo(3_500_000L);
                assertThat(sector.get("budgetCents").asLong()).isEqualTo(3_500_000L);
            }
            assertThat(monitor.get("unfundedZvwCents").asLong()).isZero();
            assertThat(monitor.get("doubleFundingMeasureContractCount").asLong()).isEqualTo(1);
            assertThat(monitor.get("otherDomains").toString())
                    .isEqualTo("[{\"domain\":\"JEUGDWET\",\"contractCount\":1,\"recordedCents\":2000000},"
                            + "{\"domain\":\"WMO\",\"contractCount\":1,\"recordedCents\":1000000}]");
        });
        assertThat(api.getText("/api/v1/monitor?year=2051&format=csv", "*/*"))
                .contains("2051,budgetZvwCents,,7000000").contains("2051,sectorChargedCents,WIJKVERPLEGING,3500000");
        assertThat(api.getText("/api/v1/monitor?year=2051", "text/csv")).startsWith("year,measure,sector,value");
    }

    @Test
    void completeAllocation_commitsTheZvwAmountsPerSectorAndRecordsTheOtherDomains_R7() {
        Api api = new Api(port);
        String contract = UUID.randomUUID().toString();
        ManualExampleInYears.publish(contract, 2053);

        // the second year, 2054, has no settlements: what it shows is only what the allocation commits
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode loads = api.get("/api/v1/sector-loads?year=2054");
            // 2 sectors x 3,500,000 = 7,000,000
            assertThat(loads.get("committedCents").asLong()).isEqualTo(7_000_000L);
            assertThat(loads.get("totalCents").asLong()).isZero();
            assertThat(sector(loads, "WIJKVERPLEGING").get("committedCents").asLong()).isEqualTo(3_500_000L);
            assertThat(sector(loads, "HUISARTSENZORG").get("committedCents").asLong()).isEqualTo(3_500_000L);
            assertThat(loads.get("otherDomains").toString()).contains("\"domain\":\"JEUGDWET\",\"committedCents\":2000000")
                    .contains("\"domain\":\"WMO\",\"committedCents\":1000000");
        });
    }

    @Test
    void olderOrPendingAllocation_leavesTheCommittedFiguresOfTheLatestCompleteOne() {
        Api api = new Api(port);
        String contract = UUID.randomUUID().toString();
        ManualExampleInYears.publish(contract, 2055);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                api.get("/api/v1/sector-loads?year=2056").get("committedCents").asLong() == 7_000_000L);

        // allocation 2 pending (of contract version 1, without periods), then allocation 1 again in an event of its own
        TopicsClient.publish(Topics.ALLOCATIONS, contract, List.of(
                ManualExampleInYears.allocation(contract, 2055, 2).setStatus(AllocationStatus.PENDING)
                        .setPendingReason("no insured counts for the reference date").setPeriods(List.of()).build(),
                ManualExampleInYears.allocation(contract, 2055, 1).setEventId(UUID.randomUUID()).build()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(pendingCsv(api))
                .contains(contract + ",2,1,no insured counts for the reference date"));
        // allocation 1 again, behind the pending one on the same partition, is applied once nothing lags: it changed
        // nothing either
        awaitEverythingConsumedAndPublished(api);
        JsonNode loads = api.get("/api/v1/sector-loads?year=2056");
        assertThat(loads.get("committedCents").asLong()).isEqualTo(7_000_000L);
        assertThat(sector(loads, "WIJKVERPLEGING").get("committedCents").asLong()).isEqualTo(3_500_000L);
        assertThat(api.get("/api/v1/sector-loads?year=2055").get("committedCents").asLong()).isEqualTo(7_000_000L);

        // the pending allocation is followed by a complete one again
        TopicsClient.publish(Topics.ALLOCATIONS, contract, List.of(ManualExampleInYears.allocation(contract, 2055, 3).build()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(pendingCsv(api)).doesNotContain(contract));
        assertThat(api.get("/api/v1/sector-loads?year=2056").get("committedCents").asLong()).isEqualTo(7_000_000L);
        JsonNode view = contract(api, contract);
        assertThat(view.get("allocationStatus").asString()).isEqualTo("COMPLETE");
        assertThat(view.get("allocationVersion").asInt()).isEqualTo(3);
    }

    @Test
    void mbiAlert_isRaisedOnceWhenTheCommittedLoadCrossesTheThreshold_R21() {
        Api api = new Api(port);
        String contract = UUID.randomUUID().toString();
        ManualExampleInYears.publish(contract, 2057);
        // 2058, the second year: committed 3,500,000 for wijkverpleging, nothing settled
        await().atMost(Duration.ofSeconds(30)).until(() ->
                api.get("/api/v1/sector-loads?year=2058").get("committedCents").asLong() == 7_000_000L);

        // 3,500,000 of 400,000,000 = 0.875%: below the default 1%
        api.put("/api/v1/macro-budgets/WIJKVERPLEGING/2058",
                "{\"amountCents\":400000000,\"source\":\"VWS begroting 2058\",\"date\":\"2057-09-16\"}");
        assertThat(alerts(api, 2058, "WIJKVERPLEGING")).isEmpty();
        // a newer figure of 300,000,000 makes it 3,500,000 x 10,000 / 300,000,000 = 116.67 basis points: crossed
        assertThat(api.post("/api/v1/macro-budgets", "text/csv", """
                sector,year,amountCents,source,date
                WIJKVERPLEGING,2058,300000000,Voorjaarsnota 2058,2058-06-01
                """).statusCode()).isEqualTo(200);
        // 250,000,000: 140 basis points, still above: no second alert
        api.put("/api/v1/macro-budgets/WIJKVERPLEGING/2058",
                "{\"amountCents\":250000000,\"source\":\"Najaarsnota 2058\",\"date\":\"2058-11-01\"}");
        List<JsonNode> alerts = alerts(api, 2058, "WIJKVERPLEGING");
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).get("basis").asString()).isEqualTo("COMMITTED");
        assertThat(alerts.get(0).get("shareBasisPoints").asLong()).isEqualTo(116);
        assertThat(alerts(api, 2058, "HUISARTSENZORG")).isEmpty();

        JsonNode load = sector(api.get("/api/v1/sector-loads?year=2058"), "WIJKVERPLEGING");
        assertThat(load.get("macroBudgetCents").asLong()).isEqualTo(250_000_000L);
        assertThat(load.get("committedShareBasisPoints").asLong()).isEqualTo(140);

        // announced downstream once, through the outbox, read back with a real consumer
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<MacroBudgetAlertRaised> raised = alertEvents("WIJKVERPLEGING|2058");
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
    void badMacroBudgetUpload_isRefusedAsProblemNamingTheLineAndStoresNothing_R18() {
        Api api = new Api(port);
        // 2040 is this test's own year (no other test stores a macro budget for it); 2041 is refused too
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
    void rebuildFromOffsetZero_givesIdenticalReadModels_publishesNothingNewDownstream_andVersionsContinueAfterIt() {
        Api api = new Api(port);
        String contract = UUID.randomUUID().toString();
        String ggzContract = UUID.randomUUID().toString();
        // GGZ in 2059 is this test's alone: 600,000 of 40,000,000 = 150 basis points, above the 1% threshold
        api.put("/api/v1/macro-budgets/GGZ/2059", "{\"amountCents\":40000000,\"source\":\"Rebuild test figure\",\"date\":\"2058-09-16\"}");
        ManualExampleInYears.publish(contract, 2059);
        TopicsClient.publish(Topics.SETTLEMENTS, ggzContract, List.of(ggzEntry(ggzContract, 1, 600_000)));
        await().atMost(Duration.ofSeconds(30)).until(() -> api.sectorLoad(2059, "HUISARTSENZORG") == 3_500_000L
                && api.sectorLoad(2059, "GGZ") == 600_000L);
        awaitEverythingConsumedAndPublished(api);
        List<String> ownAlerts = alerts(api, 2059, "GGZ").stream().map(ReadModelsIT::withoutIdAndTime).toList();
        assertThat(ownAlerts).hasSize(1);

        // every read model, of every test that ran before in this JVM
        List<String> before = snapshot(api);
        int sectorLoadEvents = TopicsClient.readAll(Topics.SECTOR_LOADS, Duration.ofSeconds(2)).size();
        List<String> alertsBefore = alertKeysAndVersions();
        assertThat(before).anySatisfy(figures -> assertThat(figures).contains(contract));
        assertThat(sectorLoadEvents).isPositive();
        assertThat(alertsBefore).filteredOn(alert -> alert.startsWith("GGZ|2059 ")).containsExactly("GGZ|2059 v1 SETTLED");

        assertThat(api.post("/api/v1/operations/rebuild", "application/json", "").statusCode()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            assertThat(api.get("/api/v1/operations/rebuild").get("inProgress").asBoolean()).isFalse();
            assertThat(snapshot(api)).isEqualTo(before);
        });
        assertThat(api.sectorLoad(2059, "WIJKVERPLEGING")).isEqualTo(3_500_000L);
        // an alert is raised again in the rebuilt watch, the same figures as the first time
        assertThat(alerts(api, 2059, "GGZ").stream().map(ReadModelsIT::withoutIdAndTime).toList()).isEqualTo(ownAlerts);
        // the published state survived the rebuild: no duplicate, no version restarting at 1, no alert again
        awaitEverythingConsumedAndPublished(api);
        assertThat(TopicsClient.readAll(Topics.SECTOR_LOADS, Duration.ofSeconds(2))).hasSize(sectorLoadEvents);
        assertThat(alertKeysAndVersions()).isEqualTo(alertsBefore);

        // after the rebuild a new entry continues the versions, with the delta to the last published total
        TopicsClient.publish(Topics.SETTLEMENTS, ggzContract, List.of(ggzEntry(ggzContract, 2, -100_000)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<SectorLoadChanged> changes = SectorLoadIT.sectorLoadChanges("GGZ|2059");
            assertThat(changes).extracting(SectorLoadChanged::getVersion).containsExactly(1L, 2L);
            // 600,000 - 100,000
            assertThat(changes.get(1).getTotalCents()).isEqualTo(500_000L);
            assertThat(changes.get(1).getDeltaCents()).isEqualTo(-100_000L);
            assertThat(changes.get(1).getCause()).isEqualTo(ggzContract + "/c2");
        });
        // 500,000 of 40,000,000 = 125 basis points: still above, no second alert (nor any other)
        awaitEverythingConsumedAndPublished(api);
        assertThat(alertKeysAndVersions()).isEqualTo(alertsBefore);
    }

    /** A GGZ entry of the first quarter of 2059: the lump sum (1), or a correction of it (2 and on). */
    private static SettlementBooked ggzEntry(String contract, long sequence, long amountCents) {
        return ManualExampleEvents.lumpSum(contract, sequence, LocalDate.of(2059, 1, 1), LocalDate.of(2059, 3, 31),
                        "3311", "GGZ", amountCents)
                .setEntryId(contract + "/c" + sequence)
                .setKind(sequence == 1 ? SettlementKind.LUMP_SUM : SettlementKind.CORRECTION)
                .setCorrectsEntryId(sequence == 1 ? null : contract + "/c1")
                .build();
    }

    @Test
    void regionLoads_attributeTheExampleToNoordHolland_andOperatorsCanReplaceTheRanges() throws Exception {
        Api api = new Api(port);
        String contract = UUID.randomUUID().toString();
        ManualExampleInYears.publish(contract, 2061);
        // the service area 1011, 1012, 1013, 1015 and 1016 lies in Noord-Holland: all of the Zvw 2 x 3,500,000
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode loads = api.get("/api/v1/region-loads?year=2061");
            assertThat(loads.get("settledCents").asLong()).isEqualTo(7_000_000L);
            assertThat(region(loads, "Noord-Holland").get("settledCents").asLong()).isEqualTo(7_000_000L);
            assertThat(region(loads, "Noord-Holland").get("committedCents").asLong()).isEqualTo(7_000_000L);
        });
        assertThat(api.get("/api/v1/region-loads?year=2061").get("regions")).hasSize(12);
        assertThat(api.getText("/api/v1/region-loads?year=2061&format=csv", "*/*"))
                .startsWith("year,region,settledCents,committedCents,contracts").contains("2061,Noord-Holland,7000000,7000000,1");

        String shipped;
        try (var in = getClass().getClassLoader().getResourceAsStream("reference/provinces-pc4.csv")) {
            shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String rangesBefore = api.get("/api/v1/regions").toString();
        try {
            var overlapping = api.post("/api/v1/regions", "text/csv", "region,pc4From,pc4To\nA,1000,1500\nB,1400,1600\n");
            assertThat(overlapping.statusCode()).isEqualTo(400);
            assertThat(overlapping.body()).contains("overlaps");
            assertThat(api.get("/api/v1/regions").toString()).isEqualTo(rangesBefore);

            // 1011-1013 in one region, 1015-1016 in another: 3 and 2 of the 5 postcodes,
            // 7,000,000 x 3/5 = 4,200,000 and 7,000,000 x 2/5 = 2,800,000
            var replaced = api.post("/api/v1/regions", "text/csv",
                    "region,pc4From,pc4To\nAmsterdam-Centrum,1011,1013\nAmsterdam-West,1014,1099\n");
            assertThat(replaced.statusCode()).isEqualTo(200);
            assertThat(api.get("/api/v1/regions")).hasSize(2);
            JsonNode split = api.get("/api/v1/region-loads?year=2061");
            assertThat(region(split, "Amsterdam-Centrum").get("settledCents").asLong()).isEqualTo(4_200_000L);
            assertThat(region(split, "Amsterdam-Centrum").get("committedCents").asLong()).isEqualTo(4_200_000L);
            assertThat(region(split, "Amsterdam-West").get("settledCents").asLong()).isEqualTo(2_800_000L);
            assertThat(region(split, "Amsterdam-West").get("committedCents").asLong()).isEqualTo(2_800_000L);
        } finally {
            // the ranges are the whole module's: the shipped ones again, whatever happened above
            assertThat(api.post("/api/v1/regions", "text/csv", shipped).statusCode()).isEqualTo(200);
        }
        // the shipped file's 31 ranges over the twelve provinces
        assertThat(api.get("/api/v1/regions")).hasSize(31);
        assertThat(region(api.get("/api/v1/region-loads?year=2061"), "Noord-Holland").get("settledCents").asLong())
                .isEqualTo(7_000_000L);
    }

    @Test
    void longLists_arePagedWithATotal_cappedAt500_andExportedWholeAsCsv() {
        Api api = new Api(port);
        String contract = UUID.randomUUID().toString();
        ManualExampleInYears.publish(contract, 2063);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.sectorLoad(2063, "HUISARTSENZORG") == 3_500_000L
                && api.sectorLoad(2063, "WIJKVERPLEGING") == 3_500_000L);

        // 2 insurers x 2 sectors = 4 rows
        JsonNode first = api.get("/api/v1/sector-loads/by-insurer?year=2063&page=0&size=3");
        assertThat(first.get("total").asLong()).isEqualTo(4);
        assertThat(first.get("items")).hasSize(3);
        assertThat(api.get("/api/v1/sector-loads/by-insurer?year=2063&page=1&size=3").get("items")).hasSize(1);
        assertThat(api.getText("/api/v1/sector-loads/by-insurer?year=2063", "text/csv").lines())
                .hasSize(5).contains("2063,3343,WIJKVERPLEGING,1400000");

        // one period (the whole year) x 2 sectors, each 2,100,000 + 1,400,000 in 2 entries
        JsonNode periods = api.get("/api/v1/settlements/by-period?year=2063&size=1");
        assertThat(periods.get("total").asLong()).isEqualTo(2);
        assertThat(periods.get("items")).hasSize(1);
        assertThat(api.getText("/api/v1/settlements/by-period?year=2063&format=csv", "*/*"))
                .contains("2063,2063-01-01,2063-12-31,HUISARTSENZORG,3500000,2,0");

        // the pending allocations are the whole module's: the page's total is the export's number of rows
        String pending = pendingCsv(api);
        assertThat(pending).startsWith("contractId,allocationVersion,contractVersion,pendingReason\r\n").doesNotContain(contract);
        assertThat(api.get("/api/v1/allocations/pending").get("total").asLong()).isEqualTo(pending.lines().count() - 1);
        assertThat(api.status("/api/v1/settlements/by-period?year=2063&size=501")).isEqualTo(400);
        assertThat(api.status("/api/v1/sector-loads/by-insurer?year=2063&size=500")).isEqualTo(200);
    }

    @Test
    void dashboardAssetsAreServedByTheService_chartLibraryIncluded() {
        Api api = new Api(port);
        assertThat(api.getText("/", "text/html")).contains("sector-chart");
        assertThat(api.getText("/webjars/chart.js/dist/chart.umd.js", "*/*")).contains("Chart");
        assertThat(api.get("/api/v1/operations/topics").toString()).contains(Topics.SETTLEMENTS.name());
    }

    @Test
    void today_isTheDutchCalendarDayOfTheServicesClock() {
        assertThat(new Api(port).get("/api/v1/today").toString()).isEqualTo("{\"date\":\"2025-06-30\",\"year\":2025}");
    }

    /**
     * Waits until the service has applied every event on the topics it consumes (no lag) and its outbox has
     * published everything: then the read models and the downstream topics hold still.
     */
    private void awaitEverythingConsumedAndPublished(Api api) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (JsonNode topic : api.get("/api/v1/operations/topics")) {
                assertThat(topic.get("consumerLag").asLong()).as("lag on %s", topic.get("topic").asString()).isZero();
            }
            assertThat(jdbc.sql("select count(*) from outbox_message").query(Long.class).single()).isZero();
        });
    }

    /** Every read model the service answers from, for every year it has figures of. */
    private static List<String> snapshot(Api api) {
        List<String> snapshot = new ArrayList<>();
        JsonNode years = api.get("/api/v1/sector-loads/years");
        snapshot.add("years " + years);
        for (JsonNode y : years) {
            int year = y.asInt();
            snapshot.add(api.get("/api/v1/sector-loads?year=" + year).toString());
            snapshot.add(api.get("/api/v1/sector-loads?year=" + year + "&view=booking").toString());
            snapshot.add(api.get("/api/v1/monitor?year=" + year).toString());
            snapshot.add(api.get("/api/v1/region-loads?year=" + year).toString());
            snapshot.add(api.getText("/api/v1/sector-loads/by-insurer?year=" + year, "text/csv"));
            snapshot.add(api.getText("/api/v1/sector-loads/by-insurer?year=" + year + "&view=booking", "text/csv"));
            snapshot.add(api.getText("/api/v1/settlements/by-period?year=" + year, "text/csv"));
            snapshot.addAll(allPages(api, "/api/v1/sector-loads/by-contract?year=" + year + "&"));
        }
        snapshot.addAll(allPages(api, "/api/v1/contracts?"));
        snapshot.add(api.get("/api/v1/contracts/by-status").toString());
        snapshot.add(pendingCsv(api));
        return snapshot;
    }

    private static List<String> allPages(Api api, String pathAndQuery) {
        List<String> pages = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode items = api.get(pathAndQuery + "size=500&page=" + page);
            pages.add(items.toString());
            if (items.size() < 500) {
                return pages;
            }
        }
    }

    private static String pendingCsv(Api api) {
        return api.getText("/api/v1/allocations/pending?format=csv", "*/*");
    }

    /** An alert's figures and cause, without its row id and the time it was raised. */
    private static String withoutIdAndTime(JsonNode alert) {
        return String.join("|", alert.get("sector").asString(), alert.get("year").toString(), alert.get("basis").asString(),
                alert.get("loadCents").toString(), alert.get("macroBudgetCents").toString(),
                alert.get("shareBasisPoints").toString(), alert.get("thresholdBasisPoints").toString(),
                alert.get("cause").asString());
    }

    static List<MacroBudgetAlertRaised> alertEvents(String key) {
        return TopicsClient.readAll(Topics.MACRO_BUDGET_ALERTS, Duration.ofSeconds(2)).stream()
                .filter(record -> record.key().equals(key))
                .map(ConsumerRecord::value)
                .toList();
    }

    private static List<String> alertKeysAndVersions() {
        return TopicsClient.readAll(Topics.MACRO_BUDGET_ALERTS, Duration.ofSeconds(2)).stream()
                .map(record -> record.key() + " v" + record.value().getVersion() + " " + record.value().getMeasure())
                .sorted().toList();
    }

    private static List<JsonNode> alerts(Api api, int year, String sector) {
        List<JsonNode> alerts = new ArrayList<>();
        api.get("/api/v1/alerts?size=500&year=" + year).forEach(alert -> {
            if (alert.get("sector").asString().equals(sector)) {
                alerts.add(alert);
            }
        });
        return alerts;
    }

    private static JsonNode contract(Api api, String contractId) {
        for (int page = 0; ; page++) {
            JsonNode contracts = api.get("/api/v1/contracts?size=500&page=" + page);
            for (JsonNode contract : contracts) {
                if (contract.get("contractId").asString().equals(contractId)) {
                    return contract;
                }
            }
            if (contracts.size() < 500) {
                throw new AssertionError("no contract " + contractId);
            }
        }
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
