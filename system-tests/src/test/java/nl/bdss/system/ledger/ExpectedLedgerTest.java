package nl.bdss.system.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.bdss.system.ledger.ExpectedLedger.Allocation;
import nl.bdss.system.ledger.ExpectedLedger.Target;
import nl.bdss.system.workload.ContractVersion;
import nl.bdss.system.workload.CountDataset;
import nl.bdss.system.workload.Terms.Party;
import nl.bdss.system.workload.Terms.PeriodKind;
import nl.bdss.system.workload.Terms;
import org.junit.jupiter.api.Test;

class ExpectedLedgerTest {

    private static final LocalDate REFERENCE_DATE = LocalDate.of(2025, 3, 1);
    private static final String GP = "01012345";
    private static final String NURSING = "75750123";

    @Test
    void theManualsWorkedExample_splitsDomainsSectorsAndInsurersExactly_R7_R11() {
        Allocation allocation = allocate(List.of(ContractVersion.registered(manualExample())));

        Map<Target, Long> settled = allocation.settled(LocalDate.of(2025, 6, 1));

        assertThat(settled).containsExactlyInAnyOrderEntriesOf(Map.of(
                target("2025-01-01", "3311", "WIJKVERPLEGING"), 2_100_000L,
                target("2025-01-01", "3311", "HUISARTSENZORG"), 2_100_000L,
                target("2025-01-01", "3343", "WIJKVERPLEGING"), 1_400_000L,
                target("2025-01-01", "3343", "HUISARTSENZORG"), 1_400_000L));
        assertThat(allocation.committed()).containsEntry("2025|WMO|", 1_000_000L).containsEntry("2025|JEUGDWET|", 2_000_000L)
                .containsEntry("2025|ZVW|HUISARTSENZORG", 3_500_000L).containsEntry("2026|ZVW|WIJKVERPLEGING", 3_500_000L);
    }

    @Test
    void nothingIsPayableBeforeItsPeriodIsDue_inAdvanceFromTheFirstDay_inArrearsFromTheDayAfter_R8() {
        Terms inArrears = new Terms("R", "T", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), List.of("3311"),
                List.of(new Party("hap", "GP", "ZVW", "HUISARTSENZORG", GP)), List.of("1011"), 300_000, PeriodKind.QUARTER,
                Map.of("ZVW", 10_000), Map.of("HUISARTSENZORG", 10_000), Terms.MAIN_CONTRACTOR, "hap", Map.of(), null, null,
                Terms.IN_ARREARS, null);

        Allocation allocation = allocate(List.of(ContractVersion.registered(inArrears)));

        assertThat(allocation.settled(LocalDate.of(2025, 6, 30))).containsOnlyKeys(target("2025-01-01", "3311", "HUISARTSENZORG"));
        assertThat(allocation.settled(LocalDate.of(2025, 7, 1))).hasSize(2);
    }

    @Test
    void anAmendmentMidPeriod_givesThePeriodTheExactProRataMixRoundedHalfUp_R8() {
        Terms before = manualExample();
        List<ContractVersion> versions = List.of(ContractVersion.registered(before),
                ContractVersion.amended(LocalDate.of(2026, 7, 1), before.withLumpSum(20_000_000)));

        Allocation allocation = allocate(versions);

        // (10,000,000 x 181 + 20,000,000 x 184) / 365 = 15,041,095.89 -> 15,041,096 = 4,958,904 + 10,082,192 by
        // days x lump sum; Zvw 70% of each part: 3,471,232.8 and 7,057,534.4, where Zvw wins the ties with Jeugdwet
        // for the leftover cents (first in the domain order): 3,471,233 + 7,057,535
        long zvw2026 = allocation.committed().entrySet().stream().filter(e -> e.getKey().startsWith("2026|ZVW"))
                .mapToLong(Map.Entry::getValue).sum();
        long all2026 = allocation.committed().entrySet().stream().filter(e -> e.getKey().startsWith("2026|"))
                .mapToLong(Map.Entry::getValue).sum();
        assertThat(all2026).isEqualTo(15_041_096L);
        assertThat(zvw2026).isEqualTo(10_528_768L);
        assertThat(allocation.committed()).containsEntry("2025|ZVW|HUISARTSENZORG", 3_500_000L);
    }

    @Test
    void aTermination_shortensTheLastPeriodProRataAndDropsTheRest_R8_R14() {
        Terms monthly = manualExample().withPeriod(PeriodKind.QUARTER);
        List<ContractVersion> versions = List.of(ContractVersion.registered(monthly),
                ContractVersion.terminated(monthly, LocalDate.of(2025, 2, 14)));

        Allocation allocation = allocate(versions);

        // Q1 2025 has 90 days, 45 of them covered: half of 10,000,000
        assertThat(allocation.committed().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(5_000_000L);
        assertThat(allocation.lines()).allMatch(line -> line.periodStart().equals(LocalDate.of(2025, 1, 1))
                && line.periodEnd().equals(LocalDate.of(2025, 2, 14)));
    }

    @Test
    void aFinerPeriodFromAnAmendment_endsTheOldGridTheDayBeforeAndStartsTheNewOneThere_R8() {
        Terms yearly = manualExample();
        List<ContractVersion> versions = List.of(ContractVersion.registered(yearly),
                ContractVersion.amended(LocalDate.of(2025, 11, 15), yearly.withPeriod(PeriodKind.MONTH)));

        Allocation allocation = allocate(versions);

        assertThat(allocation.lines().stream().map(ExpectedLedger.Line::periodStart).distinct().sorted().toList())
                .startsWith(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 11, 15), LocalDate.of(2025, 12, 1), LocalDate.of(2026, 1, 1));
    }

    @Test
    void aLaterStart_dropsTheDaysBeforeIt_andGivesTheFirstPeriodItsNewStart_R8_R14() {
        Terms registered = manualExample();
        List<ContractVersion> versions = List.of(ContractVersion.registered(registered),
                ContractVersion.amended(LocalDate.of(2025, 7, 1), registered.withValidFrom(LocalDate.of(2025, 4, 1))));

        Allocation allocation = allocate(versions);

        // 2025-04-01 to 2025-12-31 is 275 of the year's 365 days: 10,000,000 x 275 / 365 = 7,534,246.58 -> 7,534,247
        assertThat(yearTotal(allocation, 2025)).isEqualTo(7_534_247L);
        assertThat(yearTotal(allocation, 2026)).isEqualTo(10_000_000L);
        assertThat(allocation.lines()).extracting(ExpectedLedger.Line::periodStart).containsOnly(
                LocalDate.of(2025, 4, 1), LocalDate.of(2026, 1, 1));
        assertThat(allocation.settled(LocalDate.of(2025, 3, 31))).isEmpty();
    }

    @Test
    void anEarlierStart_stretchesTheFirstTermsBackToIt_R8_R14() {
        Terms registered = manualExample();
        List<ContractVersion> versions = List.of(ContractVersion.registered(registered),
                ContractVersion.amended(LocalDate.of(2025, 3, 1), registered.withValidFrom(LocalDate.of(2024, 10, 1))));

        Allocation allocation = allocate(versions);

        // 2024 is a leap year: 2024-10-01 to 2024-12-31 is 92 of 366 days: 10,000,000 x 92 / 366 = 2,513,661.20
        assertThat(yearTotal(allocation, 2024)).isEqualTo(2_513_661L);
        assertThat(yearTotal(allocation, 2025)).isEqualTo(10_000_000L);
        assertThat(allocation.lines()).extracting(ExpectedLedger.Line::periodStart).containsOnly(
                LocalDate.of(2024, 10, 1), LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1));
    }

    @Test
    void fromInArrearsToInAdvance_theCurrentPeriodIsPayableFromItsFirstDay_R8() {
        Terms inArrears = manualExample().withPeriod(PeriodKind.QUARTER).withPaymentTiming(Terms.IN_ARREARS);
        List<ContractVersion> versions = List.of(ContractVersion.registered(inArrears),
                ContractVersion.amended(LocalDate.of(2025, 7, 1), inArrears.withPaymentTiming(Terms.IN_ADVANCE)));

        Allocation allocation = allocate(versions);

        // on 15 July 2025: Q1 and Q2 have ended, Q3 has begun; two insurers x two sectors each
        assertThat(allocate(List.of(ContractVersion.registered(inArrears))).settled(LocalDate.of(2025, 7, 15))).hasSize(8);
        assertThat(allocation.settled(LocalDate.of(2025, 7, 15))).hasSize(12)
                .containsKey(target("2025-07-01", "3311", "HUISARTSENZORG"));
    }

    @Test
    void withoutCountsForAnInsurerTheContractIsPending_andNothingIsPayable_R11() {
        Terms terms = manualExample().withPurchasing(List.of("3311", "7029"), List.of("1011"), REFERENCE_DATE, "TRUSTED_THIRD_PARTY",
                Terms.IN_SERVICE_AREA);

        Allocation allocation = allocate(List.of(ContractVersion.registered(terms)));

        assertThat(allocation.complete()).isFalse();
        assertThat(allocation.settled(LocalDate.of(2027, 1, 1))).isEmpty();
    }

    @Test
    void overAllInsurers_thePartOfTheInsurersOutsideTheContractIsPaidByNobody_R11() {
        Terms terms = manualExample().withPurchasing(List.of("3311", "3343"), List.of("1011", "1012", "1013", "1015", "1016"),
                REFERENCE_DATE, "TRUSTED_THIRD_PARTY", Terms.IN_SERVICE_AREA_ALL_INSURERS);
        // in the area: 3311 6,000, 3343 4,000 and 7029 (not in the contract) 400 + 600 = 1,000; its 1017 lies outside
        CountDataset counts = new CountDataset("TRUSTED_THIRD_PARTY", REFERENCE_DATE, Map.of(
                "3311", Map.of("1011", 1200L, "1012", 1200L, "1013", 1200L, "1015", 1200L, "1016", 1200L),
                "3343", Map.of("1011", 800L, "1012", 800L, "1013", 800L, "1015", 800L, "1016", 800L),
                "7029", Map.of("1011", 400L, "1016", 600L, "1017", 9000L)));

        Allocation allocation = ExpectedLedger.allocate("c1", List.of(ContractVersion.registered(terms)),
                (source, date) -> Optional.of(counts));

        // per sector and year 3,500,000 over 6,000 : 4,000 : 1,000 = 1,909,090.91 : 1,272,727.27 : 318,181.82; the two
        // cents left go to the largest remainders (.91 to 3311, .82 to the unfunded part)
        assertThat(allocation.settled(LocalDate.of(2025, 1, 1))).hasSize(4)
                .containsEntry(target("2025-01-01", "3311", "HUISARTSENZORG"), 1_909_091L)
                .containsEntry(target("2025-01-01", "3343", "HUISARTSENZORG"), 1_272_727L)
                .containsEntry(target("2025-01-01", "3311", "WIJKVERPLEGING"), 1_909_091L)
                .containsEntry(target("2025-01-01", "3343", "WIJKVERPLEGING"), 1_272_727L);
    }

    @Test
    void largestRemainder_givesLeftoverCentsToTheLargestRemainders_tiesToTheFirstKey() {
        assertThat(Remainders.split(100, Map.of("a", 1L, "b", 1L, "c", 1L))).containsExactly(
                Map.entry("a", 34L), Map.entry("b", 33L), Map.entry("c", 33L));
        assertThat(Remainders.split(10, Map.of("x", 1L, "y", 2L, "z", 4L))).containsExactly(
                Map.entry("x", 1L), Map.entry("y", 3L), Map.entry("z", 6L));
    }

    /**
     * The manual's example (yearly, in advance, 2025 and 2026) on 2025-06-01: 2025 is due, so settled; 2026 is not.
     * Corrected counts of 3311 1,000 and 3343 1,500 per postcode (5,000 : 7,500, 40% : 60%) leave 2025 at 60% : 40%
     * (3311 2,100,000 per sector) and move 2026: 3,500,000 x 40% = 1,400,000 for 3311, 2,100,000 for 3343.
     */
    @Test
    void aCorrectedDelivery_keepsTheSettledPeriods_andMovesTheOthers() {
        List<ExpectedLedger.Input> timeline = List.of(new ExpectedLedger.Delivered(counts(1200, 800)),
                new ExpectedLedger.Changed("c1", ContractVersion.registered(manualExample())),
                new ExpectedLedger.Delivered(counts(1000, 1500)));

        Allocation allocation = ExpectedLedger.replay(timeline, LocalDate.of(2025, 6, 1)).get("c1");

        assertThat(allocation.payable()).containsEntry(target("2025-01-01", "3311", "HUISARTSENZORG"), 2_100_000L)
                .containsEntry(target("2025-01-01", "3343", "HUISARTSENZORG"), 1_400_000L)
                .containsEntry(target("2026-01-01", "3311", "HUISARTSENZORG"), 1_400_000L)
                .containsEntry(target("2026-01-01", "3343", "HUISARTSENZORG"), 2_100_000L);
    }

    /**
     * After the corrected counts, an amendment of 2025's lump sum to 20,000,000 keeps 2025's shares (60% : 40%): Zvw
     * 14,000,000, 7,000,000 per sector, 3311 4,200,000 and 3343 2,800,000. A contract registered after the
     * correction splits 2025 by the corrected counts from the start (40% : 60%).
     */
    @Test
    void anAmendment_changesASettledPeriodsAmountOnItsKeptShares_aLaterContractTakesTheCorrectedCounts() {
        Terms doubled = manualExample().withLumpSum(20_000_000);
        List<ExpectedLedger.Input> timeline = List.of(new ExpectedLedger.Delivered(counts(1200, 800)),
                new ExpectedLedger.Changed("c1", ContractVersion.registered(manualExample())),
                new ExpectedLedger.Delivered(counts(1000, 1500)),
                new ExpectedLedger.Changed("c1", ContractVersion.amended(LocalDate.of(2025, 1, 1), doubled)),
                new ExpectedLedger.Changed("c2", ContractVersion.registered(manualExample())));

        Map<String, Allocation> allocations = ExpectedLedger.replay(timeline, LocalDate.of(2025, 6, 1));

        assertThat(allocations.get("c1").payable()).containsEntry(target("2025-01-01", "3311", "HUISARTSENZORG"), 4_200_000L)
                .containsEntry(target("2025-01-01", "3343", "HUISARTSENZORG"), 2_800_000L);
        assertThat(allocations.get("c2").payable())
                .containsEntry(new Target("c2", LocalDate.of(2025, 1, 1), "3311", GP, "HUISARTSENZORG"), 1_400_000L);
    }

    /**
     * An amendment that lets 3311 buy alone from 2025 on takes the whole 3,500,000 per sector for 3311, settled or
     * not: kept shares serve the same insurers only.
     */
    @Test
    void anAmendmentWithOtherInsurers_takesTheCurrentCountsForASettledPeriodToo() {
        Terms alone = manualExample().withPurchasing(List.of("3311"), List.of("1011"), null, null, null);
        List<ExpectedLedger.Input> timeline = List.of(new ExpectedLedger.Delivered(counts(1200, 800)),
                new ExpectedLedger.Changed("c1", ContractVersion.registered(manualExample())),
                new ExpectedLedger.Changed("c1", ContractVersion.amended(LocalDate.of(2025, 1, 1), alone)));

        Allocation allocation = ExpectedLedger.replay(timeline, LocalDate.of(2025, 6, 1)).get("c1");

        assertThat(allocation.payable()).containsEntry(target("2025-01-01", "3311", "HUISARTSENZORG"), 3_500_000L)
                .doesNotContainKey(target("2025-01-01", "3343", "HUISARTSENZORG"));
    }

    private static CountDataset counts(long perPostcode3311, long perPostcode3343) {
        Map<String, Long> a = new java.util.TreeMap<>();
        Map<String, Long> b = new java.util.TreeMap<>();
        for (String postcode : List.of("1011", "1012", "1013", "1015", "1016")) {
            a.put(postcode, perPostcode3311);
            b.put(postcode, perPostcode3343);
        }
        return new CountDataset("TRUSTED_THIRD_PARTY", REFERENCE_DATE, Map.of("3311", a, "3343", b));
    }

    private static long yearTotal(Allocation allocation, int year) {
        return allocation.lines().stream().filter(line -> line.periodStart().getYear() == year)
                .mapToLong(ExpectedLedger.Line::cents).sum();
    }

    private static Allocation allocate(List<ContractVersion> versions) {
        CountDataset counts = new CountDataset("TRUSTED_THIRD_PARTY", REFERENCE_DATE, Map.of(
                "3311", Map.of("1011", 1200L, "1012", 1200L, "1013", 1200L, "1015", 1200L, "1016", 1200L, "1017", 1500L),
                "3343", Map.of("1011", 800L, "1012", 800L, "1013", 800L, "1015", 800L, "1016", 800L)));
        return ExpectedLedger.allocate("c1", versions, (source, date) ->
                source.equals(counts.source()) && date.equals(counts.referenceDate()) ? Optional.of(counts) : Optional.empty());
    }

    /** examples/contract-manual-example.json */
    private static Terms manualExample() {
        return new Terms("IZA-WEST-2025-001", "Samenwerking kwetsbare ouderen Regio West", LocalDate.of(2025, 1, 1),
                LocalDate.of(2026, 12, 31), List.of("3311", "3343"),
                List.of(new Party("hap-west", "Huisartsenpraktijk West", "ZVW", "HUISARTSENZORG", GP),
                        new Party("wijkzorg-noord", "Wijkzorg Noord", "ZVW", "WIJKVERPLEGING", NURSING),
                        new Party("welzijn-centraal", "Welzijn Centraal", "WMO", null, null),
                        new Party("jeugdteam-oost", "Jeugdteam Oost", "JEUGDWET", null, null)),
                List.of("1011", "1012", "1013", "1015", "1016"), 10_000_000, PeriodKind.YEAR,
                Map.of("WMO", 1000, "JEUGDWET", 2000, "ZVW", 7000), Map.of("WIJKVERPLEGING", 5000, "HUISARTSENZORG", 5000),
                Terms.MAIN_CONTRACTOR, "hap-west", Map.of(), REFERENCE_DATE, "TRUSTED_THIRD_PARTY", Terms.IN_ADVANCE,
                Terms.IN_SERVICE_AREA);
    }

    private static Target target(String periodStart, String uzovi, String sector) {
        return new Target("c1", LocalDate.parse(periodStart), uzovi, GP, sector);
    }
}
