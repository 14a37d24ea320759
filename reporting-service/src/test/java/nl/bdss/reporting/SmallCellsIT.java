package nl.bdss.reporting;

import static nl.bdss.reporting.MonitorExamples.paid;
import static nl.bdss.reporting.MonitorExamples.period;
import static nl.bdss.reporting.MonitorExamples.recorded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import nl.bdss.events.Topics;
import nl.bdss.events.allocation.MarketShare;
import nl.bdss.events.common.LegalDomain;
import nl.bdss.events.contract.ContractState;
import nl.bdss.events.contract.Insurer;
import nl.bdss.events.contract.TargetGroup;
import nl.bdss.events.fixtures.ManualExampleEvents;
import nl.bdss.events.settlement.SettlementBooked;
import nl.bdss.security.testing.TestTokenIssuer;
import nl.bdss.security.testing.UsesTestTokenIssuer;
import nl.bdss.testsupport.UsesInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an insurer learns from the sector-wide figures (issue 14): nothing that rests on one or two contracts it is not
 * a party to ({@code bdss.privacy.min-contracts}, default 3), and no alert cause; the operator sees everything. Year
 * 2043 holds only this test's contracts ({@link ManualExampleInYears}), each settled for the whole year:
 *
 * <pre>
 * contract  insurer  service area        settled 2043                                   allocated 2043
 * OWN       4401     1011 (Noord-Holland) WIJKVERPLEGING 100,000, HUISARTSENZORG 100,000
 * OTHER1    4402     9401 (Drenthe)       GGZ 7,000                                      GGZ 7,000 + Wmo 1,000
 * OTHER2    4403     1012 (Noord-Holland) HUISARTSENZORG 30,000, WIJKVERPLEGING 10,000
 * OTHER3    4403     1012                 HUISARTSENZORG 40,000, WIJKVERPLEGING 10,000
 * OTHER4    4403     1012                 HUISARTSENZORG 50,000, WIJKVERPLEGING 10,000
 * OTHER5    4403     1012                 WIJKVERPLEGING 20,000
 * </pre>
 *
 * Settled per sector: GGZ 7,000 (OTHER1); HUISARTSENZORG 100,000 + 30,000 + 40,000 + 50,000 = 220,000 (OWN,
 * OTHER2-4); WIJKVERPLEGING 100,000 + 3 x 10,000 + 20,000 = 150,000 (OWN, OTHER2-5); in all 377,000. Insurer 4401
 * is not shown GGZ (1 other contract) and therefore not HUISARTSENZORG either (the shown sector with the fewest other
 * contracts, 3: otherwise the total minus the shown sectors would be GGZ); WIJKVERPLEGING (4 others) and the total
 * (5 others) are shown, and the total minus WIJKVERPLEGING, 227,000, rests on OTHER1-4. Insurer 4403 (OTHER2-5) is
 * shown no national figure: only OWN and OTHER1 are not its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = ReportingServiceApplication.CONFIG_NAME)
@UsesInfrastructure(database = "reporting")
@Import(FixedClock.class)
@UsesTestTokenIssuer
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// one live context at a time: the test contexts share the database, the consumer group and the outbox
@DirtiesContext
class SmallCellsIT {

    static final int YEAR = 2043;
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final TestTokenIssuer TOKENS = TestTokenIssuer.get();

    final String own = "small-cells-own-" + UUID.randomUUID();
    final String other1 = "small-cells-other1-" + UUID.randomUUID();
    final String other2 = "small-cells-other2-" + UUID.randomUUID();
    final String other3 = "small-cells-other3-" + UUID.randomUUID();
    final String other4 = "small-cells-other4-" + UUID.randomUUID();
    final String other5 = "small-cells-other5-" + UUID.randomUUID();

    @LocalServerPort
    int port;

    @BeforeAll
    void publishTheYearsContracts_andTheMacroBudgetsOnceEverythingIsSettled() {
        contract(own, "4401", "1011");
        contract(other1, "4402", "9401");
        for (String contract : List.of(other2, other3, other4, other5)) {
            contract(contract, "4403", "1012");
        }
        settle(own, "4401", Map.of("WIJKVERPLEGING", 100_000L, "HUISARTSENZORG", 100_000L));
        settle(other1, "4402", Map.of("GGZ", 7_000L));
        settle(other2, "4403", Map.of("HUISARTSENZORG", 30_000L, "WIJKVERPLEGING", 10_000L));
        settle(other3, "4403", Map.of("HUISARTSENZORG", 40_000L, "WIJKVERPLEGING", 10_000L));
        settle(other4, "4403", Map.of("HUISARTSENZORG", 50_000L, "WIJKVERPLEGING", 10_000L));
        settle(other5, "4403", Map.of("WIJKVERPLEGING", 20_000L));
        // OTHER1's year: 8,000 = Wmo 1,000 (recorded) + GGZ 7,000 paid by 4402
        ContractState terms = terms("4402", "9401");
        TopicsClient.publish(Topics.ALLOCATIONS, other1, List.of(MonitorExamples.allocation(other1, 1, 1, terms,
                List.of(new MarketShare("4402", 1L, 10000)), List.of(period(LocalDate.of(YEAR, 1, 1),
                        LocalDate.of(YEAR, 12, 31), 8_000, recorded(LegalDomain.WMO, 1_000),
                        paid("GGZ", "4402", "ggz-klein", MonitorExamples.GGZ_PROVIDER_AGB, 7_000))))));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode loads = get("/api/v1/sector-loads?year=" + YEAR, TOKENS.operator());
            assertThat(loads.get("totalCents").asLong()).isEqualTo(377_000L);
            assertThat(loads.get("committedCents").asLong()).isEqualTo(7_000L);
            assertThat(get("/api/v1/contracts?size=500", TOKENS.insurer("4403")).findValuesAsString("contractId"))
                    .contains(other2, other3, other4, other5);
            assertThat(get("/api/v1/contracts?size=500", TOKENS.insurer("4401")).findValuesAsString("contractId"))
                    .contains(own);
        });
        // 1% of 100,000 = 1,000 <= GGZ's 7,000; 1% of 1,000,000 = 10,000 <= WIJKVERPLEGING's 150,000: both raise
        // their alerts now, with every contract of the year behind them
        put("/api/v1/macro-budgets/GGZ/" + YEAR, "{\"amountCents\":100000,\"source\":\"Small-cells test\","
                + "\"date\":\"2042-09-15\"}");
        put("/api/v1/macro-budgets/WIJKVERPLEGING/" + YEAR, "{\"amountCents\":1000000,\"source\":\"Small-cells test\","
                + "\"date\":\"2042-09-15\"}");
    }

    // Sector loads

    @Test
    void theOperator_seesEverySectorLoad() {
        JsonNode loads = get("/api/v1/sector-loads?year=" + YEAR, TOKENS.operator());

        assertThat(settled(loads)).isEqualTo(Map.of("GGZ", "7000", "HUISARTSENZORG", "220000", "WIJKVERPLEGING", "150000"));
        assertThat(loads.get("totalCents").asLong()).isEqualTo(377_000L);
        assertThat(loads.has("suppressed")).isFalse();
        assertThat(loads.get("sectors").findValues("suppressed")).isEmpty();
    }

    @Test
    void insurer4401_isNotShownGgz_norHuisartsenzorgWhichWouldGiveItAway_butWijkverplegingAndTheTotal() {
        JsonNode loads = get("/api/v1/sector-loads?year=" + YEAR, TOKENS.insurer("4401"));

        assertThat(settled(loads)).isEqualTo(Map.of("GGZ", "null", "HUISARTSENZORG", "null", "WIJKVERPLEGING", "150000"));
        assertThat(sector(loads, "GGZ").get("suppressed").asBoolean()).isTrue();
        assertThat(sector(loads, "GGZ").get("version").isNull()).isTrue();
        assertThat(sector(loads, "HUISARTSENZORG").get("suppressed").asBoolean()).isTrue();
        assertThat(sector(loads, "WIJKVERPLEGING").has("suppressed")).isFalse();
        // 5 other contracts behind the total: shown
        assertThat(loads.get("totalCents").asLong()).isEqualTo(377_000L);
        // GGZ's committed 7,000 rests on OTHER1 alone, and so does the year's committed total and its Wmo share
        assertThat(sector(loads, "GGZ").get("committedCents").isNull()).isTrue();
        assertThat(sector(loads, "GGZ").has("committedShareBasisPoints")).isFalse();
        assertThat(loads.get("committedCents").isNull()).isTrue();
        assertThat(sector(loads, "WIJKVERPLEGING").get("committedCents").asLong()).isZero();
        assertThat(loads.get("otherDomains").toString()).isEqualTo("[{\"domain\":\"WMO\",\"committedCents\":null,"
                + "\"suppressed\":true}]");
        assertThat(loads.get("suppressed").asBoolean()).isTrue();
        assertThat(text("/api/v1/sector-loads?year=" + YEAR + "&format=csv", TOKENS.insurer("4401")).lines())
                .contains(YEAR + ",GGZ,,,100000,,", YEAR + ",WIJKVERPLEGING,150000,0,1000000,1500,0");
    }

    @Test
    void insurer4403_isShownNoNationalFigure_onlyOwnAndOther1AreNotItsOwn() {
        JsonNode loads = get("/api/v1/sector-loads?year=" + YEAR, TOKENS.insurer("4403"));

        assertThat(settled(loads)).isEqualTo(Map.of("GGZ", "null", "HUISARTSENZORG", "null", "WIJKVERPLEGING", "null"));
        assertThat(loads.get("totalCents").isNull()).isTrue();
    }

    @Test
    void anInsurersOwnRows_areShownInFull() {
        JsonNode byInsurer = get("/api/v1/sector-loads/by-insurer?year=" + YEAR, TOKENS.insurer("4402"));

        assertThat(byInsurer.get("items").toString()).isEqualTo("[{\"uzovi\":\"4402\",\"sector\":\"GGZ\","
                + "\"amountCents\":7000}]");
        assertThat(get("/api/v1/sector-loads/by-contract?year=" + YEAR, TOKENS.insurer("4402")).toString())
                .isEqualTo("[{\"contractId\":\"" + other1 + "\",\"sector\":\"GGZ\",\"amountCents\":7000}]");
    }

    // Alerts

    @Test
    void alerts_showAnInsurerNoCause_andNoLoadThatRestsOnOneOtherContract() {
        Map<String, JsonNode> ofOperator = alerts(TOKENS.operator());
        Map<String, JsonNode> of4401 = alerts(TOKENS.insurer("4401"));

        assertThat(ofOperator.keySet()).containsExactlyInAnyOrder("GGZ SETTLED", "GGZ COMMITTED", "WIJKVERPLEGING SETTLED");
        // 7,000 of 100,000 = 7% = 700 basis points
        assertThat(ofOperator.get("GGZ SETTLED").get("loadCents").asLong()).isEqualTo(7_000L);
        assertThat(ofOperator.get("GGZ SETTLED").get("shareBasisPoints").asLong()).isEqualTo(700L);
        assertThat(ofOperator.get("GGZ SETTLED").get("cause").asString()).isNotBlank();
        assertThat(ofOperator.get("GGZ SETTLED").has("suppressed")).isFalse();

        assertThat(of4401.keySet()).isEqualTo(ofOperator.keySet());
        assertThat(of4401.values()).allSatisfy(alert -> assertThat(alert.has("cause")).isFalse());
        for (String key : List.of("GGZ SETTLED", "GGZ COMMITTED")) {
            assertThat(of4401.get(key).get("loadCents").isNull()).as(key).isTrue();
            assertThat(of4401.get(key).get("shareBasisPoints").isNull()).as(key).isTrue();
            assertThat(of4401.get(key).get("suppressed").asBoolean()).as(key).isTrue();
            assertThat(of4401.get(key).get("macroBudgetCents").asLong()).isEqualTo(100_000L);
        }
        // 150,000 of 1,000,000 = 15% = 1,500 basis points, on OWN and OTHER2-5: 4 contracts of others
        assertThat(of4401.get("WIJKVERPLEGING SETTLED").get("loadCents").asLong()).isEqualTo(150_000L);
        assertThat(of4401.get("WIJKVERPLEGING SETTLED").get("shareBasisPoints").asLong()).isEqualTo(1_500L);
        assertThat(of4401.get("WIJKVERPLEGING SETTLED").has("suppressed")).isFalse();
        // to 4403 the same alert rests on OWN alone
        assertThat(alerts(TOKENS.insurer("4403")).get("WIJKVERPLEGING SETTLED").get("loadCents").isNull()).isTrue();
    }

    // NZa monitor

    @Test
    void theMonitor_showsTheOperatorEveryFigure() {
        JsonNode monitor = get("/api/v1/monitor?year=" + YEAR, TOKENS.operator());

        assertThat(monitor.get("contractCount").asLong()).isEqualTo(1);
        // 7,000 Zvw + 1,000 Wmo
        assertThat(monitor.get("totalBudgetAllDomainsCents").asLong()).isEqualTo(8_000L);
        assertThat(monitor.get("totalBudgetZvwCents").asLong()).isEqualTo(7_000L);
        assertThat(monitor.get("chargedTotalCents").asLong()).isEqualTo(377_000L);
        assertThat(monitor.get("insurerCount").asLong()).isEqualTo(1);
        assertThat(monitor.get("otherDomains").toString())
                .isEqualTo("[{\"domain\":\"WMO\",\"contractCount\":1,\"recordedCents\":1000}]");
        assertThat(monitor.has("suppressed")).isFalse();
    }

    @Test
    void theMonitor_showsInsurer4401OnlyWhatRestsOnEnoughOtherContracts() {
        JsonNode monitor = get("/api/v1/monitor?year=" + YEAR, TOKENS.insurer("4401"));

        // the year's allocated contracts are OTHER1 alone: every count and budget rests on it
        for (String figure : List.of("contractCount", "insurerCount", "providerCount", "doubleFundingMeasureContractCount",
                "totalBudgetAllDomainsCents", "totalBudgetZvwCents")) {
            assertThat(monitor.get(figure).isNull()).as(figure).isTrue();
        }
        assertThat(monitor.get("unfundedZvwCents").asLong()).as("rests on no contract").isZero();
        // the charged amounts as in the sector loads: GGZ and HUISARTSENZORG withheld, WIJKVERPLEGING and the total shown
        assertThat(monitor.get("chargedTotalCents").asLong()).isEqualTo(377_000L);
        assertThat(monitorSector(monitor, "GGZ").toString()).isEqualTo("{\"sector\":\"GGZ\",\"contractCount\":null,"
                + "\"chargedCents\":null,\"budgetCents\":null,\"suppressed\":true}");
        assertThat(monitorSector(monitor, "HUISARTSENZORG").toString()).isEqualTo("{\"sector\":\"HUISARTSENZORG\","
                + "\"contractCount\":0,\"chargedCents\":null,\"budgetCents\":0,\"suppressed\":true}");
        assertThat(monitorSector(monitor, "WIJKVERPLEGING").toString()).isEqualTo("{\"sector\":\"WIJKVERPLEGING\","
                + "\"contractCount\":0,\"chargedCents\":150000,\"budgetCents\":0}");
        assertThat(monitor.get("otherDomains").toString()).isEqualTo("[{\"domain\":\"WMO\",\"contractCount\":null,"
                + "\"recordedCents\":null,\"suppressed\":true}]");
        assertThat(monitor.get("suppressed").asBoolean()).isTrue();
        assertThat(text("/api/v1/monitor?year=" + YEAR + "&format=csv", TOKENS.insurer("4401")).lines())
                .contains(YEAR + ",contracts,,", YEAR + ",chargedTotalCents,,377000", YEAR + ",sectorChargedCents,GGZ,",
                        YEAR + ",sectorChargedCents,WIJKVERPLEGING,150000");
    }

    // Region loads

    @Test
    void regionLoads_showInsurer4401NeitherDrentheWithItsOneContract_norNoordHollandItsComplement() {
        JsonNode ofOperator = get("/api/v1/region-loads?year=" + YEAR, TOKENS.operator());
        JsonNode of4401 = get("/api/v1/region-loads?year=" + YEAR, TOKENS.insurer("4401"));

        // Drenthe: OTHER1's 7,000; Noord-Holland: OWN 200,000 + OTHER2 40,000 + OTHER3 50,000 + OTHER4 60,000
        // + OTHER5 20,000 = 370,000
        assertThat(region(ofOperator, "Drenthe").toString())
                .isEqualTo("{\"region\":\"Drenthe\",\"settledCents\":7000,\"committedCents\":7000,\"contractCount\":1}");
        assertThat(region(ofOperator, "Noord-Holland").get("settledCents").asLong()).isEqualTo(370_000L);
        assertThat(region(ofOperator, "Noord-Holland").get("contractCount").asLong()).isEqualTo(5);

        assertThat(region(of4401, "Drenthe").toString()).isEqualTo("{\"region\":\"Drenthe\",\"settledCents\":null,"
                + "\"committedCents\":null,\"contractCount\":null,\"suppressed\":true}");
        assertThat(region(of4401, "Noord-Holland").get("settledCents").isNull()).isTrue();
        assertThat(region(of4401, "Noord-Holland").get("suppressed").asBoolean()).isTrue();
        assertThat(region(of4401, "Utrecht").toString()).as("no contract there")
                .isEqualTo("{\"region\":\"Utrecht\",\"settledCents\":0,\"committedCents\":0,\"contractCount\":0}");
        assertThat(of4401.get("settledCents").asLong()).isEqualTo(377_000L);
        assertThat(of4401.get("committedCents").isNull()).as("OTHER1's 7,000 alone").isTrue();
        assertThat(text("/api/v1/region-loads?year=" + YEAR + "&format=csv", TOKENS.insurer("4401")).lines())
                .contains(YEAR + ",Drenthe,,,");
    }

    // helpers

    void contract(String contractId, String uzovi, String postcode) {
        TopicsClient.publish(Topics.CONTRACT_VERSIONS, contractId, List.of(MonitorExamples.version(contractId, 1,
                LocalDate.of(YEAR, 1, 1), terms(uzovi, postcode))));
    }

    static ContractState terms(String uzovi, String postcode) {
        return ManualExampleEvents.contract()
                .setReference("SMALL-CELLS-" + uzovi + "-" + UUID.randomUUID())
                .setInsurers(List.of(new Insurer(uzovi, "Zorgverzekeraar " + uzovi)))
                .setTargetGroup(new TargetGroup("Kwetsbare ouderen", List.of("leeftijd 75+"), List.of(postcode)))
                .setValidFrom(LocalDate.of(YEAR, 1, 1))
                .setValidUntil(LocalDate.of(YEAR, 12, 31))
                .build();
    }

    static void settle(String contractId, String uzovi, Map<String, Long> perSector) {
        List<SettlementBooked> entries = new ArrayList<>();
        long sequence = 1;
        for (Map.Entry<String, Long> sector : new TreeMap<>(perSector).entrySet()) {
            entries.add(ManualExampleEvents.lumpSum(contractId, sequence++, LocalDate.of(YEAR, 1, 1),
                    LocalDate.of(YEAR, 12, 31), uzovi, sector.getKey(), sector.getValue()).build());
        }
        TopicsClient.publish(Topics.SETTLEMENTS, contractId, entries);
    }

    /** The settled amount per sector as text ("null" when withheld). */
    static Map<String, String> settled(JsonNode loads) {
        Map<String, String> settled = new TreeMap<>();
        loads.get("sectors").forEach(sector -> settled.put(sector.get("sector").asString(),
                sector.get("amountCents").isNull() ? "null" : Long.toString(sector.get("amountCents").asLong())));
        return settled;
    }

    static JsonNode sector(JsonNode loads, String sector) {
        for (JsonNode load : loads.get("sectors")) {
            if (load.get("sector").asString().equals(sector)) {
                return load;
            }
        }
        throw new AssertionError("no sector " + sector + " in " + loads);
    }

    static JsonNode monitorSector(JsonNode monitor, String sector) {
        return sector(monitor, sector);
    }

    static JsonNode region(JsonNode loads, String region) {
        for (JsonNode load : loads.get("regions")) {
            if (load.get("region").asString().equals(region)) {
                return load;
            }
        }
        throw new AssertionError("no region " + region + " in " + loads);
    }

    /** The year's alerts by "sector basis". */
    Map<String, JsonNode> alerts(String token) {
        Map<String, JsonNode> alerts = new TreeMap<>();
        get("/api/v1/alerts?size=500&year=" + YEAR, token).forEach(alert ->
                alerts.put(alert.get("sector").asString() + " " + alert.get("basis").asString(), alert));
        return alerts;
    }

    JsonNode get(String path, String token) {
        return JSON.readTree(text(path, token));
    }

    String text(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).GET().build());
    }

    void put(String path, String json) {
        send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + TOKENS.operator()).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    static String send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(request.uri() + ": " + response.body()).isEqualTo(200);
            return response.body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
