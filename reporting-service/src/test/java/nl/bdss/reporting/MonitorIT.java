package nl.bdss.reporting;

import static nl.bdss.reporting.MonitorExamples.allocation;
import static nl.bdss.reporting.MonitorExamples.paid;
import static nl.bdss.reporting.MonitorExamples.period;
import static nl.bdss.reporting.MonitorExamples.recorded;
import static nl.bdss.reporting.MonitorExamples.version;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.bdss.events.Topics;
import nl.bdss.events.allocation.AllocationPeriod;
import nl.bdss.events.allocation.MarketShare;
import nl.bdss.events.common.LegalDomain;
import nl.bdss.events.contract.ContractState;
import nl.bdss.events.fixtures.ManualExampleEvents;
import nl.bdss.testsupport.UsesInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/**
 * The NZa yearly monitor (R20) from the allocations: the allocation events are written by hand as allocation-service
 * would publish them. The test contexts share one database and the topics, and other tests assert exact figures for
 * 2025 and 2026, so these contracts use years of their own: the manual's example runs 2027-2028 here, two years
 * later than in the manual, with the same arithmetic.
 */
@SpringBootTest(properties = {ReportingServiceApplication.CONFIG_NAME, TestProperties.SECURITY_OFF},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesInfrastructure(database = "reporting")
@Import(FixedClock.class)
// one live context at a time: the test contexts share the database, the consumer group and the outbox
@DirtiesContext
class MonitorIT {

    static final String MANUAL_CONTRACT = "monitor-manual-example";
    static final String QUARTERLY_CONTRACT = "monitor-ggz-quarterly";
    static final String ALL_INSURERS_CONTRACT = "monitor-all-insurers";
    static final List<MarketShare> MANUAL_SHARES =
            List.of(new MarketShare("3311", 6000L, 6000), new MarketShare("3343", 4000L, 4000));

    @LocalServerPort
    int port;

    /**
     * One year of the manual's example with the lump sum times {@code factor}: EUR 100,000.00 x 10% Wmo = 1,000,000
     * cents, x 20% Jeugdwet = 2,000,000, x 70% Zvw = 7,000,000, half wijkverpleging and half huisartsenzorg = 3,500,000
     * each, of which 3311 pays 60% = 2,100,000 and 3343 40% = 1,400,000, to the main contractor.
     */
    static AllocationPeriod manualYear(int year, long factor) {
        return ManualExampleEvents.period(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), factor * 10_000_000,
                factor * 1_000_000, factor * 2_000_000, factor * 2_100_000, factor * 1_400_000);
    }

    @Test
    void amendmentFromTheSecondYear_leavesTheFirstYearsBudgetUnchanged_andDoublesTheSecond_R8_R20() {
        Api api = new Api(port);
        LocalDate from = LocalDate.of(2027, 1, 1);
        LocalDate until = LocalDate.of(2028, 12, 31);
        ContractState registered = MonitorExamples.manualTerms(from, until, 10_000_000);
        TopicsClient.publish(Topics.CONTRACT_VERSIONS, MANUAL_CONTRACT, List.of(version(MANUAL_CONTRACT, 1, from, registered)));
        TopicsClient.publish(Topics.ALLOCATIONS, MANUAL_CONTRACT, List.of(allocation(MANUAL_CONTRACT, 1, 1, registered,
                MANUAL_SHARES, List.of(manualYear(2027, 1), manualYear(2028, 1)))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(api.get("/api/v1/monitor?year=2028").get("totalBudgetAllDomainsCents").asLong()).isEqualTo(10_000_000L);
            assertThat(api.get("/api/v1/monitor?year=2028").get("doubleFundingMeasureContractCount").asLong()).isEqualTo(1);
        });

        // amended effective 2028-01-01 to twice the lump sum: allocation keeps 2027 and doubles 2028
        LocalDate effective = LocalDate.of(2028, 1, 1);
        ContractState amended = MonitorExamples.manualTerms(from, until, 20_000_000);
        TopicsClient.publish(Topics.CONTRACT_VERSIONS, MANUAL_CONTRACT, List.of(version(MANUAL_CONTRACT, 2, effective, amended)));
        TopicsClient.publish(Topics.ALLOCATIONS, MANUAL_CONTRACT, List.of(allocation(MANUAL_CONTRACT, 2, 2, amended,
                MANUAL_SHARES, List.of(manualYear(2027, 1), manualYear(2028, 2)))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(api.get("/api/v1/monitor?year=2028").get("totalBudgetAllDomainsCents").asLong()).isEqualTo(20_000_000L);
            assertThat(api.get("/api/v1/contracts").toString()).contains("\"contractId\":\"" + MANUAL_CONTRACT + "\",\"version\":2");
        });

        JsonNode first = api.get("/api/v1/monitor?year=2027");
        // 1,000,000 Wmo + 2,000,000 Jeugdwet + 7,000,000 Zvw = 10,000,000, as before the amendment
        assertThat(first.get("contractCount").asLong()).isEqualTo(1);
        assertThat(first.get("totalBudgetAllDomainsCents").asLong()).isEqualTo(10_000_000L);
        assertThat(first.get("totalBudgetZvwCents").asLong()).isEqualTo(7_000_000L);
        assertThat(first.get("unfundedZvwCents").asLong()).isZero();
        assertThat(sector(first, "WIJKVERPLEGING").get("budgetCents").asLong()).isEqualTo(3_500_000L);
        assertThat(sector(first, "HUISARTSENZORG").get("budgetCents").asLong()).isEqualTo(3_500_000L);
        assertThat(sector(first, "HUISARTSENZORG").get("contractCount").asLong()).isEqualTo(1);
        assertThat(domains(first)).isEqualTo(Map.of("JEUGDWET", "1/2000000", "WMO", "1/1000000"));
        assertThat(first.get("insurerCount").asLong()).isEqualTo(2);
        assertThat(first.get("providerCount").asLong()).isEqualTo(2);
        assertThat(first.get("doubleFundingMeasureContractCount").asLong()).isEqualTo(1);

        JsonNode second = api.get("/api/v1/monitor?year=2028");
        // doubled: 2,000,000 Wmo + 4,000,000 Jeugdwet + 14,000,000 Zvw (7,000,000 per sector) = 20,000,000
        assertThat(second.get("totalBudgetZvwCents").asLong()).isEqualTo(14_000_000L);
        assertThat(sector(second, "WIJKVERPLEGING").get("budgetCents").asLong()).isEqualTo(7_000_000L);
        assertThat(domains(second)).isEqualTo(Map.of("JEUGDWET", "1/4000000", "WMO", "1/2000000"));
        assertThat(api.get("/api/v1/sector-loads?year=2027").get("committedCents").asLong()).isEqualTo(7_000_000L);
        assertThat(api.get("/api/v1/sector-loads?year=2028").get("committedCents").asLong()).isEqualTo(14_000_000L);
    }

    @Test
    void everyYearsZvwBudget_equalsTheCommittedSectorLoad_andTheUnfundedPartIsShownApart_R11_R17_R20() {
        Api api = new Api(port);
        LocalDate from = LocalDate.of(2024, 7, 1);
        LocalDate until = LocalDate.of(2024, 12, 31);
        ContractState terms = MonitorExamples.allInsurersTerms(from, until, 1_000_000);
        // per quarter EUR 10,000.00: Wmo 20% = 200,000; Zvw 80% = 800,000, of which 3311 (7,500 of the area's 10,000
        // insureds) pays 75% = 600,000 and the insurers not taking part leave 200,000 unfunded (no line)
        List<AllocationPeriod> quarters = List.of(
                period(from, LocalDate.of(2024, 9, 30), 1_000_000, recorded(LegalDomain.WMO, 200_000),
                        paid("HUISARTSENZORG", "3311", "hap-west", ManualExampleEvents.MAIN_CONTRACTOR_AGB, 600_000)),
                period(LocalDate.of(2024, 10, 1), until, 1_000_000, recorded(LegalDomain.WMO, 200_000),
                        paid("HUISARTSENZORG", "3311", "hap-west", ManualExampleEvents.MAIN_CONTRACTOR_AGB, 600_000)));
        TopicsClient.publish(Topics.CONTRACT_VERSIONS, ALL_INSURERS_CONTRACT,
                List.of(version(ALL_INSURERS_CONTRACT, 1, from, terms)));
        TopicsClient.publish(Topics.ALLOCATIONS, ALL_INSURERS_CONTRACT, List.of(allocation(ALL_INSURERS_CONTRACT, 1, 1,
                terms, List.of(new MarketShare("3311", 7500L, 7500)), quarters)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode monitor = api.get("/api/v1/monitor?year=2024");
            // two quarters: 2 x 1,000,000 = 2,000,000 in all; Zvw paid 2 x 600,000 = 1,200,000; unfunded 2 x 200,000
            assertThat(monitor.get("totalBudgetAllDomainsCents").asLong()).isEqualTo(2_000_000L);
            assertThat(monitor.get("totalBudgetZvwCents").asLong()).isEqualTo(1_200_000L);
            assertThat(monitor.get("unfundedZvwCents").asLong()).isEqualTo(400_000L);
            assertThat(domains(monitor)).isEqualTo(Map.of("WMO", "1/400000"));
            assertThat(api.get("/api/v1/sector-loads?year=2024").get("committedCents").asLong()).isEqualTo(1_200_000L);
        });
        // whatever the other tests left in the shared database: the monitor and the committed load read one source
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<Integer> years = new java.util.ArrayList<>();
            api.get("/api/v1/sector-loads/years").forEach(year -> years.add(year.asInt()));
            assertThat(years).contains(2024);
            for (int year : years) {
                JsonNode monitor = api.get("/api/v1/monitor?year=" + year);
                JsonNode loads = api.get("/api/v1/sector-loads?year=" + year);
                assertThat(monitor.get("totalBudgetZvwCents").asLong()).as("Zvw budget of %d", year)
                        .isEqualTo(loads.get("committedCents").asLong());
                for (JsonNode load : loads.get("sectors")) {
                    long budget = load.get("committedCents").asLong();
                    if (budget > 0) {
                        assertThat(sector(monitor, load.get("sector").asString()).get("budgetCents").asLong())
                                .as("budget of %s in %d", load.get("sector").asString(), year).isEqualTo(budget);
                    }
                }
                Map<String, Long> recorded = new TreeMap<>();
                monitor.get("otherDomains").forEach(d -> recorded.put(d.get("domain").asString(), d.get("recordedCents").asLong()));
                Map<String, Long> committedOther = new TreeMap<>();
                loads.get("otherDomains").forEach(d -> {
                    if (d.get("committedCents").asLong() > 0) {
                        committedOther.put(d.get("domain").asString(), d.get("committedCents").asLong());
                    }
                });
                assertThat(recorded).as("other domains in %d", year).isEqualTo(committedOther);
            }
        });
    }

    @Test
    void amendmentEffectiveFirstJuly_changesThatYearsBudgetForTheLastTwoQuarters_R8_R20() {
        Api api = new Api(port);
        LocalDate from = LocalDate.of(2030, 1, 1);
        LocalDate until = LocalDate.of(2030, 12, 31);
        ContractState registered = MonitorExamples.quarterlyGgzTerms(from, until, 1_000_000);
        // EUR 10,000.00 a quarter: Zvw 60% = 600,000 (GGZ), Wlz 25% = 250,000, Wpg 15% = 150,000
        TopicsClient.publish(Topics.CONTRACT_VERSIONS, QUARTERLY_CONTRACT, List.of(version(QUARTERLY_CONTRACT, 1, from, registered)));
        TopicsClient.publish(Topics.ALLOCATIONS, QUARTERLY_CONTRACT, List.of(allocation(QUARTERLY_CONTRACT, 1, 1, registered,
                List.of(new MarketShare("3311", 1L, 10000)),
                List.of(ggzQuarter(1, 1_000_000), ggzQuarter(2, 1_000_000), ggzQuarter(3, 1_000_000), ggzQuarter(4, 1_000_000)))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode monitor = api.get("/api/v1/monitor?year=2030");
            // 4 x 1,000,000 = 4,000,000; Zvw 4 x 600,000 = 2,400,000; Wlz 4 x 250,000; Wpg 4 x 150,000
            assertThat(monitor.get("totalBudgetAllDomainsCents").asLong()).isEqualTo(4_000_000L);
            assertThat(monitor.get("totalBudgetZvwCents").asLong()).isEqualTo(2_400_000L);
            assertThat(domains(monitor)).isEqualTo(Map.of("WLZ", "1/1000000", "WPG", "1/600000"));
        });

        // amended from 2030-07-01 to EUR 15,000.00 a quarter: Q3 and Q4 become 900,000 Zvw, 375,000 Wlz, 225,000 Wpg
        LocalDate effective = LocalDate.of(2030, 7, 1);
        ContractState amended = MonitorExamples.quarterlyGgzTerms(from, until, 1_500_000);
        TopicsClient.publish(Topics.CONTRACT_VERSIONS, QUARTERLY_CONTRACT, List.of(version(QUARTERLY_CONTRACT, 2, effective, amended)));
        TopicsClient.publish(Topics.ALLOCATIONS, QUARTERLY_CONTRACT, List.of(allocation(QUARTERLY_CONTRACT, 2, 2, amended,
                List.of(new MarketShare("3311", 1L, 10000)),
                List.of(ggzQuarter(1, 1_000_000), ggzQuarter(2, 1_000_000), ggzQuarter(3, 1_500_000), ggzQuarter(4, 1_500_000)))));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode monitor = api.get("/api/v1/monitor?year=2030");
            // half a year at 4,000,000 a year and half at 6,000,000: 2 x 1,000,000 + 2 x 1,500,000 = 5,000,000
            assertThat(monitor.get("totalBudgetAllDomainsCents").asLong()).isEqualTo(5_000_000L);
            // 2 x 600,000 + 2 x 900,000 = 3,000,000
            assertThat(monitor.get("totalBudgetZvwCents").asLong()).isEqualTo(3_000_000L);
            // Wlz 2 x 250,000 + 2 x 375,000 = 1,250,000; Wpg 2 x 150,000 + 2 x 225,000 = 750,000
            assertThat(domains(monitor)).isEqualTo(Map.of("WLZ", "1/1250000", "WPG", "1/750000"));
            assertThat(sector(monitor, "GGZ").get("budgetCents").asLong()).isEqualTo(3_000_000L);
            assertThat(api.get("/api/v1/contracts").toString()).contains("\"contractId\":\"" + QUARTERLY_CONTRACT + "\",\"version\":2");
        });
        JsonNode monitor = api.get("/api/v1/monitor?year=2030");
        assertThat(monitor.get("contractCount").asLong()).isEqualTo(1);
        assertThat(monitor.get("providerCount").asLong()).isEqualTo(1);
        // the contract leaves its double-funding measure blank (R4): it is not counted
        assertThat(monitor.get("doubleFundingMeasureContractCount").asLong()).isZero();
        assertThat(api.getText("/api/v1/monitor?year=2030&format=csv", "*/*"))
                .contains("2030,budgetAllDomainsCents,,5000000")
                .contains("2030,budgetZvwCents,,3000000")
                .contains("2030,budgetUnfundedZvwCents,,0")
                .contains("2030,doubleFundingMeasureContracts,,0")
                .contains("2030,sectorBudgetCents,GGZ,3000000")
                .contains("2030,domainContracts,WLZ,1")
                .contains("2030,domainRecordedCents,WLZ,1250000")
                .contains("2030,domainRecordedCents,WPG,750000");
    }

    /** Quarter {@code q} of 2030 of the GGZ contract: 60% Zvw paid by 3311, 25% Wlz, 15% Wpg. */
    private static AllocationPeriod ggzQuarter(int q, long amountCents) {
        LocalDate start = LocalDate.of(2030, 3 * q - 2, 1);
        return period(start, start.plusMonths(3).minusDays(1), amountCents,
                paid("GGZ", "3311", "ggz-west", MonitorExamples.GGZ_PROVIDER_AGB, amountCents * 6 / 10),
                recorded(LegalDomain.WLZ, amountCents / 4),
                recorded(LegalDomain.WPG, amountCents * 15 / 100));
    }

    private static JsonNode sector(JsonNode monitor, String sector) {
        for (JsonNode figures : monitor.get("sectors")) {
            if (figures.get("sector").asString().equals(sector)) {
                return figures;
            }
        }
        throw new AssertionError("no sector " + sector + " in " + monitor);
    }

    /** The other domains as "contracts/recorded cents" per domain. */
    private static Map<String, String> domains(JsonNode monitor) {
        Map<String, String> domains = new TreeMap<>();
        monitor.get("otherDomains").forEach(domain -> domains.put(domain.get("domain").asString(),
                domain.get("contractCount").asLong() + "/" + domain.get("recordedCents").asLong()));
        return domains;
    }
}
