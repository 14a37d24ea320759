package nl.bdss.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import nl.bdss.events.Topics;
import nl.bdss.events.allocation.AllocationStatus;
import nl.bdss.events.contract.ContractStatus;
import nl.bdss.testsupport.UsesInfrastructure;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@SpringBootTest(properties = ReportingServiceApplication.CONFIG_NAME, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesInfrastructure(database = "reporting")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadModelsIT {

    @LocalServerPort
    int port;

    static void publishManualExample() {
        TopicsClient.publish(Topics.CONTRACT_VERSIONS, ManualExample.CONTRACT_ID,
                List.of(ManualExample.contractVersion(1, ContractStatus.ACTIVE, LocalDate.of(2026, 12, 31))));
        TopicsClient.publish(Topics.ALLOCATIONS, ManualExample.CONTRACT_ID,
                List.of(ManualExample.allocation(1, AllocationStatus.COMPLETE)));
        TopicsClient.publish(Topics.SETTLEMENTS, ManualExample.CONTRACT_ID, ManualExample.settlements2025());
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
            }
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
        TopicsClient.publish(Topics.ALLOCATIONS, ManualExample.CONTRACT_ID, List.of(
                ManualExample.allocation(2, AllocationStatus.PENDING),
                ManualExample.allocation(1, AllocationStatus.COMPLETE)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(api.get("/api/v1/allocations/pending").toString()).contains(ManualExample.CONTRACT_ID));
        assertThat(api.get("/api/v1/sector-loads?year=2026").get("committedCents").asLong()).isEqualTo(7_000_000L);
        // the pending allocation is followed by a complete one again
        TopicsClient.publish(Topics.ALLOCATIONS, ManualExample.CONTRACT_ID, List.of(ManualExample.allocation(3, AllocationStatus.COMPLETE)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(api.get("/api/v1/allocations/pending").toString()).doesNotContain(ManualExample.CONTRACT_ID));
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
    void rebuildFromOffsetZero_givesIdenticalReadModels() {
        Api api = new Api(port);
        publishManualExample();
        await().atMost(Duration.ofSeconds(30)).until(() -> api.sectorLoad(2025, "HUISARTSENZORG") == 3_500_000L);
        List<String> before = snapshot(api);

        assertThat(api.post("/api/v1/operations/rebuild", "application/json", "").statusCode()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(snapshot(api)).isEqualTo(before));
        assertThat(api.sectorLoad(2025, "WIJKVERPLEGING")).isEqualTo(3_500_000L);
    }

    @Test
    @Order(7)
    void dashboardAssetsAreServedByTheService_chartLibraryIncluded() {
        Api api = new Api(port);
        assertThat(api.getText("/", "text/html")).contains("sector-chart");
        assertThat(api.getText("/webjars/chart.js/dist/chart.umd.js", "*/*")).contains("Chart");
        assertThat(api.get("/api/v1/operations/topics").toString()).contains(Topics.SETTLEMENTS.name());
    }

    private static List<String> snapshot(Api api) {
        return List.of(
                api.get("/api/v1/sector-loads?year=2025").toString(),
                api.get("/api/v1/sector-loads?year=2026").toString(),
                api.get("/api/v1/sector-loads?year=2031").toString(),
                api.get("/api/v1/monitor?year=2025").toString(),
                api.get("/api/v1/contracts").toString(),
                api.get("/api/v1/sector-loads/by-insurer?year=2025").toString(),
                api.get("/api/v1/settlements/by-period?year=2025").toString(),
                String.valueOf(api.get("/api/v1/alerts").size()));
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

    private static JsonNode sector(JsonNode loads, String sector) {
        for (JsonNode load : loads.get("sectors")) {
            if (load.get("sector").asString().equals(sector)) {
                return load;
            }
        }
        throw new AssertionError("no sector " + sector + " in " + loads);
    }
}
