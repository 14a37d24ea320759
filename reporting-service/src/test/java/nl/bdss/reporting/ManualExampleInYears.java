package nl.bdss.reporting;

import java.time.LocalDate;
import java.util.List;
import nl.bdss.events.Topics;
import nl.bdss.events.allocation.AllocationCalculated;
import nl.bdss.events.allocation.AllocationPeriod;
import nl.bdss.events.contract.ContractVersionPublished;
import nl.bdss.events.contract.CountSource;
import nl.bdss.events.fixtures.ManualExampleEvents;
import nl.bdss.events.settlement.SettlementBooked;

/**
 * The manual's example ({@link ManualExampleEvents}) moved to other years, for the reporting tests that assert the
 * figures of a whole year. The test classes share one database and the topics (one JVM, one embedded stack), and the
 * monitor, the sector loads, the region loads, the lists per year and the alerts add up every contract of a year, so
 * a test that asserts such a figure as a literal publishes into years no other test uses, with a contract id of its
 * own (a random UUID): then the year holds its contract alone, whichever tests ran before it and in whatever order.
 *
 * <p>The years of the reporting tests (pick a free one for a new test; reporting does not check the experiment's
 * window, so years after it serve as well):
 * <ul>
 * <li>2024, 2027-2028, 2030: MonitorIT;</li>
 * <li>2025-2026 (the example as the manual has it): DashboardBrowserIT, which opens on the service's current year;</li>
 * <li>2031-2033: SectorLoadIT (corrections, redeliveries), 2036: SectorLoadIT (the example's settlements);</li>
 * <li>2038-2039: ReportingSecurityIT; 2040: ReadModelsIT (a refused upload, nothing stored); 2041-2042: ProblemsIT;</li>
 * <li>2043: SmallCellsIT (what insurers are shown of the sector-wide figures);</li>
 * <li>2051-2064: ReadModelsIT, two years per test;</li>
 * <li>2071-2073: ServiceYearsIT (a closed service year, its later corrections, an entry without years).</li>
 * </ul>
 *
 * <p>Every amount is the manual's, written out by hand: EUR 100,000.00 = 10,000,000 cents a year; Wmo 10% =
 * 1,000,000; Jeugdwet 20% = 2,000,000; Zvw 70% = 7,000,000, half wijkverpleging and half huisartsenzorg = 3,500,000
 * each, of which 3311 pays 60% = 2,100,000 and 3343 40% = 1,400,000, to the main contractor.
 */
final class ManualExampleInYears {

    private ManualExampleInYears() {
    }

    /**
     * The example's contract, allocation and first year's settlements, moved to {@code year} and {@code year + 1}
     * (the manual's 2025 and 2026): settled 3,500,000 per Zvw sector in {@code year}, committed 3,500,000 per Zvw
     * sector, 2,000,000 Jeugdwet and 1,000,000 Wmo in each of the two years.
     */
    static void publish(String contractId, int year) {
        TopicsClient.publish(Topics.CONTRACT_VERSIONS, contractId, List.of(registered(contractId, year)));
        TopicsClient.publish(Topics.ALLOCATIONS, contractId, List.of(allocation(contractId, year, 1).build()));
        TopicsClient.publish(Topics.SETTLEMENTS, contractId, settlements(contractId, year));
    }

    /** The example as registered, valid from 1 January {@code year} until 31 December {@code year + 1}. */
    static ContractVersionPublished registered(String contractId, int year) {
        LocalDate from = LocalDate.of(year, 1, 1);
        return ManualExampleEvents.contractVersion(contractId, 1, from, ManualExampleEvents.contract()
                        .setReference("IZA-WEST-" + year + "-001")
                        .setValidFrom(from)
                        .setValidUntil(LocalDate.of(year + 1, 12, 31))
                        .setPurchasing(ManualExampleEvents.purchasing("INSURED_COUNT_IN_SERVICE_AREA",
                                LocalDate.of(year, 3, 1), CountSource.TRUSTED_THIRD_PARTY))
                        .build())
                .build();
    }

    /** The example's complete allocation of contract version 1 as {@code allocationVersion}: both years. */
    static AllocationCalculated.Builder allocation(String contractId, int year, int allocationVersion) {
        return ManualExampleEvents.allocation(contractId, allocationVersion, 1)
                .setValidFrom(LocalDate.of(year, 1, 1))
                .setValidUntil(LocalDate.of(year + 1, 12, 31))
                .setReferenceDate(LocalDate.of(year, 3, 1))
                .setPeriods(List.of(wholeYear(year), wholeYear(year + 1)));
    }

    /** One year: 1,000,000 Wmo + 2,000,000 Jeugdwet + 2 x (2,100,000 + 1,400,000) Zvw = 10,000,000. */
    static AllocationPeriod wholeYear(int year) {
        return ManualExampleEvents.period(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), 10_000_000,
                1_000_000, 2_000_000, 2_100_000, 1_400_000);
    }

    /** The four payment instructions of {@code year}, paid yearly in advance: per insurer and per Zvw sector. */
    static List<SettlementBooked> settlements(String contractId, int year) {
        LocalDate start = LocalDate.of(year, 1, 1);
        LocalDate end = LocalDate.of(year, 12, 31);
        return List.of(
                ManualExampleEvents.lumpSum(contractId, 1, start, end, "3311", "WIJKVERPLEGING", 2_100_000).build(),
                ManualExampleEvents.lumpSum(contractId, 2, start, end, "3311", "HUISARTSENZORG", 2_100_000).build(),
                ManualExampleEvents.lumpSum(contractId, 3, start, end, "3343", "WIJKVERPLEGING", 1_400_000).build(),
                ManualExampleEvents.lumpSum(contractId, 4, start, end, "3343", "HUISARTSENZORG", 1_400_000).build());
    }
}
