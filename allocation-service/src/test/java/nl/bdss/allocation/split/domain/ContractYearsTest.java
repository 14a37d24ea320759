package nl.bdss.allocation.split.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.bdss.allocation.counts.domain.CountSource;
import nl.bdss.kernel.identity.PostcodeLevel;
import nl.bdss.kernel.time.Period;
import nl.bdss.kernel.time.PaymentTiming;
import nl.bdss.kernel.time.PeriodKind;
import org.junit.jupiter.api.Test;

/**
 * Market shares per contract year, the settled rule on fixed dates and what a re-allocation keeps (R8, R11, R15).
 *
 * <p>The manual's example over 2025-2026 by YEAR: 10,000,000 a year, Zvw 70% = 7,000,000, half per sector =
 * 3,500,000, split over 3311 and 3343 by the counts of the year's reference date (2025: {@link #DATE_2025},
 * 2026: {@link #DATE_2026}). 600 : 400 gives 2,100,000 / 1,400,000 per sector; 300 : 100 gives 2,625,000 / 875,000;
 * 500 : 500 gives 1,750,000 each.
 */
class ContractYearsTest {

    static final LocalDate DATE_2025 = LocalDate.of(2025, 3, 1);
    static final LocalDate DATE_2026 = LocalDate.of(2026, 3, 1);

    @Test
    void aYearsReferenceDate_isItsListedDate_elseTheRule_elseTheOneDate_R11() {
        Purchasing listedAndRule = new Purchasing(Purchasing.Type.COORDINATED, null, LocalDate.of(2024, 12, 1),
                CountSource.INSURERS, Map.of(2026, LocalDate.of(2026, 6, 1)), Purchasing.FIRST_OF_JANUARY);
        Purchasing listedOnly = new Purchasing(Purchasing.Type.COORDINATED, null, LocalDate.of(2024, 12, 1),
                CountSource.INSURERS, Map.of(2026, LocalDate.of(2026, 6, 1)), null);

        assertThat(listedAndRule.referenceDateOf(2026)).isEqualTo(LocalDate.of(2026, 6, 1));
        assertThat(listedAndRule.referenceDateOf(2027)).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(listedOnly.referenceDateOf(2027)).isEqualTo(LocalDate.of(2024, 12, 1));
        // an old version: one date for every year
        assertThat(Purchasing.coordinated(DATE_2025, CountSource.INSURERS).referenceDateOf(2026)).isEqualTo(DATE_2025);
        assertThat(listedOnly.referenceDatesWithin(Period.of(LocalDate.of(2025, 1, 1), LocalDate.of(2027, 12, 31))))
                .containsExactly(LocalDate.of(2024, 12, 1), LocalDate.of(2026, 6, 1));
        assertThatThrownBy(() -> new Purchasing(Purchasing.Type.COORDINATED, null, DATE_2025, CountSource.INSURERS,
                Map.of(), "LAST_OF_JUNE")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("R11");
    }

    @Test
    void eachYear_isSplitByItsOwnCounts_R11() {
        Allocation allocation = allocate(terms(PaymentTiming.IN_ADVANCE, 10_000_000), counts(600, 400, 300, 100),
                Reallocation.first(Reallocation.Cause.CONTRACT_VERSION));

        assertThat(allocation.status()).isEqualTo(AllocationStatus.COMPLETE);
        assertThat(zvw(allocation, 0)).containsExactly(2_100_000L, 1_400_000L, 2_100_000L, 1_400_000L);
        assertThat(zvw(allocation, 1)).containsExactly(2_625_000L, 875_000L, 2_625_000L, 875_000L);
        assertThat(allocation.yearShares()).extracting(YearShares::year, YearShares::referenceDate,
                        year -> year.marketShares().stream().map(MarketShare::basisPoints).toList())
                .containsExactly(tuple(2025, DATE_2025, List.of(6000, 4000)), tuple(2026, DATE_2026, List.of(7500, 2500)));
        assertThat(allocation.referenceDate()).isEqualTo(DATE_2025);
        assertThat(allocation.warnings()).isEmpty();
    }

    @Test
    void aYearWithoutCounts_isPendingOnItsOwn_R11() {
        Allocation allocation = allocate(terms(PaymentTiming.IN_ADVANCE, 10_000_000), counts(600, 400, -1, -1),
                Reallocation.first(Reallocation.Cause.CONTRACT_VERSION));

        assertThat(allocation.status()).isEqualTo(AllocationStatus.PENDING);
        assertThat(allocation.pendingReason()).startsWith("contract year 2026 (reference date 2026-03-01): ")
                .doesNotContain("2025");
        assertThat(allocation.periods()).extracting(AllocatedPeriod::start).containsExactly(LocalDate.of(2025, 1, 1));
        assertThat(allocation.yearShares()).extracting(YearShares::status)
                .containsExactly(AllocationStatus.COMPLETE, AllocationStatus.PENDING);
    }

    @Test
    void aPeriodIsSettled_fromItsDueDate_andOnlyWithLines_R8() {
        AllocatedPeriod year2025 = new AllocatedPeriod(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), 100,
                List.of(new AllocationLine(LegalDomain.ZVW, "HUISARTSENZORG", "3311", "hap-west", "01012345", 100)));
        AllocatedPeriod pending = new AllocatedPeriod(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), 100, List.of());

        // in advance: due on the first day, 2025-01-01
        assertThat(SettledPeriods.isSettled(year2025, PaymentTiming.IN_ADVANCE, LocalDate.of(2024, 12, 31))).isFalse();
        assertThat(SettledPeriods.isSettled(year2025, PaymentTiming.IN_ADVANCE, LocalDate.of(2025, 1, 1))).isTrue();
        // in arrears: due the day after the last, 2026-01-01
        assertThat(SettledPeriods.isSettled(year2025, PaymentTiming.IN_ARREARS, LocalDate.of(2025, 12, 31))).isFalse();
        assertThat(SettledPeriods.isSettled(year2025, PaymentTiming.IN_ARREARS, LocalDate.of(2026, 1, 1))).isTrue();
        // a pending period was paid by no one
        assertThat(SettledPeriods.isSettled(pending, PaymentTiming.IN_ADVANCE, LocalDate.of(2026, 1, 1))).isFalse();
    }

    @Test
    void aCountDelivery_keepsTheSettledPeriodsLines_andSplitsTheOthersByTheNewCounts_R11() {
        ContractTerms terms = terms(PaymentTiming.IN_ARREARS, 10_000_000);
        Allocation current = allocate(terms, counts(600, 400, 600, 400), Reallocation.first(Reallocation.Cause.CONTRACT_VERSION));
        // on 2026-01-01 (in arrears) 2025 is settled, 2026 is not
        Reallocation delivery = new Reallocation(current, null, LocalDate.of(2026, 1, 1),
                Reallocation.Cause.COUNTS_DELIVERED, Set.of());

        Allocation next = allocate(terms, counts(500, 500, 300, 100), delivery);

        assertThat(next.periods().get(0)).isEqualTo(current.periods().get(0));
        assertThat(zvw(next, 1)).containsExactly(2_625_000L, 875_000L, 2_625_000L, 875_000L);
        // 2025 keeps the 60 : 40 it was settled with although its counts now say 50 : 50
        assertThat(next.yearShares()).extracting(YearShares::year, YearShares::settledPeriodsKept,
                        year -> year.marketShares().stream().map(MarketShare::basisPoints).toList())
                .containsExactly(tuple(2025, true, List.of(6000, 4000)), tuple(2026, false, List.of(7500, 2500)));
    }

    @Test
    void aPendingPeriodAlreadyDue_isAllocatedWhenItsCountsArrive_R11() {
        ContractTerms terms = terms(PaymentTiming.IN_ADVANCE, 10_000_000);
        Allocation current = allocate(terms, counts(-1, -1, 600, 400), Reallocation.first(Reallocation.Cause.CONTRACT_VERSION));
        assertThat(current.periods()).hasSize(1);
        // 2025 fell due on 2025-01-01 but has no lines: nothing was settled
        Reallocation delivery = new Reallocation(current, null, LocalDate.of(2026, 6, 1),
                Reallocation.Cause.COUNTS_DELIVERED, Set.of());

        Allocation next = allocate(terms, counts(600, 400, 600, 400), delivery);

        assertThat(next.status()).isEqualTo(AllocationStatus.COMPLETE);
        assertThat(zvw(next, 0)).containsExactly(2_100_000L, 1_400_000L, 2_100_000L, 1_400_000L);
        assertThat(next.periods().get(1)).isEqualTo(current.periods().get(0));
    }

    @Test
    void anAmendment_changesTheSettledPeriodsAmounts_butKeepsTheSharesTheyWereAllocatedWith_R8() {
        ContractTerms registered = terms(PaymentTiming.IN_ARREARS, 10_000_000);
        Allocation current = allocate(registered, counts(600, 400, 600, 400),
                Reallocation.first(Reallocation.Cause.CONTRACT_VERSION));
        ContractTerms doubled = terms(PaymentTiming.IN_ARREARS, 20_000_000);
        Reallocation amendment = new Reallocation(current, null, LocalDate.of(2026, 1, 1),
                Reallocation.Cause.CONTRACT_VERSION, Set.of());

        // the counts have changed since (50 : 50 for 2025, 75 : 25 for 2026)
        Allocation next = allocate(doubled, counts(500, 500, 300, 100), amendment);

        // 2025 settled: 20,000,000 x 70% / 2 = 7,000,000 per sector, by the kept 60 : 40 = 4,200,000 / 2,800,000
        assertThat(zvw(next, 0)).containsExactly(4_200_000L, 2_800_000L, 4_200_000L, 2_800_000L);
        // 2026 not settled: 7,000,000 by 75 : 25 = 5,250,000 / 1,750,000
        assertThat(zvw(next, 1)).containsExactly(5_250_000L, 1_750_000L, 5_250_000L, 1_750_000L);
    }

    /**
     * An amendment that left 3311 buying alone while its counts were missing kept the settled 2025 period's lines
     * (60 : 40 with 3343). When the counts arrive, the agreed change applies: kept shares serve the same insurers only,
     * so 3311 pays the whole 10,000,000 x 70% / 2 = 3,500,000 per sector.
     */
    @Test
    void aCountDelivery_appliesAnAmendmentOfTheInsurersThatASettledPeriodWaitedFor_R11() {
        ContractTerms together = terms(PaymentTiming.IN_ARREARS, 10_000_000);
        Allocation current = allocate(together, counts(600, 400, 600, 400),
                Reallocation.first(Reallocation.Cause.CONTRACT_VERSION));
        ContractTerms alone = new ContractTerms(together.contractId(), 2, together.validFrom(), together.validUntil(),
                together.periodKind(), together.paymentTiming(), together.lumpSumCents(), together.domainShares(),
                together.sectorShares(), together.insurers().subList(0, 1), together.parties(),
                together.executionModel(), together.purchasing(), together.serviceArea());
        Reallocation delivery = new Reallocation(current, null, LocalDate.of(2026, 1, 1),
                Reallocation.Cause.COUNTS_DELIVERED, Set.of());

        Allocation next = allocate(alone, counts(600, 400, 600, 400), delivery);

        assertThat(zvw(next, 0)).containsExactly(3_500_000L, 0L, 3_500_000L, 0L);
    }

    @Test
    void aReopen_splitsTheNamedYearsSettledPeriodsByTheCurrentCounts() {
        ContractTerms terms = terms(PaymentTiming.IN_ADVANCE, 10_000_000);
        Allocation current = allocate(terms, counts(600, 400, 600, 400), Reallocation.first(Reallocation.Cause.CONTRACT_VERSION));
        // on 2026-06-01 (in advance) both years are settled; only 2025 is reopened
        Reallocation reopen = new Reallocation(current, null, LocalDate.of(2026, 6, 1), Reallocation.Cause.REOPENED,
                Set.of(2025));

        Allocation next = allocate(terms, counts(500, 500, 300, 100), reopen);

        assertThat(zvw(next, 0)).containsExactly(1_750_000L, 1_750_000L, 1_750_000L, 1_750_000L);
        assertThat(next.periods().get(1)).isEqualTo(current.periods().get(1));
        // per sector 1,750,000 - 2,100,000 = -350,000 for 3311 and 1,750,000 - 1,400,000 = +350,000 for 3343
        assertThat(Corrections.between(current, next)).extracting(Correction::uzovi, Correction::deltaCents)
                .containsExactlyInAnyOrder(tuple("3311", -350_000L), tuple("3343", 350_000L),
                        tuple("3311", -350_000L), tuple("3343", 350_000L));
    }

    @Test
    void anInsurerWithoutInsuredsOnAYearsDate_isWarned_R15() {
        Allocation allocation = allocate(terms(PaymentTiming.IN_ADVANCE, 10_000_000), counts(600, 0, 300, 100),
                Reallocation.first(Reallocation.Cause.CONTRACT_VERSION));

        assertThat(allocation.status()).isEqualTo(AllocationStatus.COMPLETE);
        assertThat(allocation.warnings()).extracting(AllocationWarning::rule).containsExactly("R15");
        assertThat(allocation.warnings().get(0).message()).contains("insurer 3343").contains("2025-03-01")
                .contains("contract year 2025").contains("own insureds");
    }

    @Test
    void aPendingYear_causesNoCorrectionsForThePeriodsItLeavesOut() {
        ContractTerms terms = terms(PaymentTiming.IN_ADVANCE, 10_000_000);
        Allocation current = allocate(terms, counts(600, 400, 600, 400), Reallocation.first(Reallocation.Cause.CONTRACT_VERSION));

        Allocation proposed = allocate(terms, counts(500, 500, -1, -1), Reallocation.first(Reallocation.Cause.CONTRACT_VERSION));

        // 2025 only: 1,750,000 - 2,100,000 = -350,000 and 1,750,000 - 1,400,000 = +350,000 per sector
        assertThat(Corrections.between(current, proposed)).extracting(Correction::periodStart)
                .containsOnly(LocalDate.of(2025, 1, 1)).hasSize(4);
    }

    /** The example with a reference date per year, by YEAR, paid with the timing. */
    private static ContractTerms terms(PaymentTiming timing, long lumpSumCents) {
        ContractTerms example = ContractFixtures.manualExample();
        return new ContractTerms("contract-years", 1, example.validFrom(), example.validUntil(), PeriodKind.YEAR, timing,
                lumpSumCents, example.domainShares(), example.sectorShares(), example.insurers(), example.parties(),
                example.executionModel(), new Purchasing(Purchasing.Type.COORDINATED, null, DATE_2025,
                        CountSource.INSURERS, Map.of(2025, DATE_2025, 2026, DATE_2026), null),
                example.serviceArea());
    }

    /** Counts of 3311 in 1011 and 3343 in 1012 per date; a negative count: no delivery for that date. */
    private static Map<LocalDate, long[]> counts(long of3311In2025, long of3343In2025, long of3311In2026,
            long of3343In2026) {
        return Map.of(DATE_2025, new long[] {of3311In2025, of3343In2025}, DATE_2026, new long[] {of3311In2026, of3343In2026});
    }

    private static Allocation allocate(ContractTerms terms, Map<LocalDate, long[]> counts, Reallocation basis) {
        return Allocator.allocate(TermsHistory.segments(List.of(ContractVersion.registered(terms))), (segment, year) -> {
            LocalDate date = segment.purchasing().referenceDateOf(year);
            long[] delivered = counts.get(date);
            if (delivered[0] < 0) {
                return MarketShareCalculator.noDataset(CountSource.INSURERS, date);
            }
            return MarketShareCalculator.fromCounts(segment.insurers(), segment.serviceArea(), PostcodeLevel.PC4,
                    List.of(ContractFixtures.count("3311", "1011", delivered[0]),
                            ContractFixtures.count("3343", "1012", delivered[1])), CountSource.INSURERS, date);
        }, basis);
    }

    /** A period's Zvw amounts: wijkverpleging 3311, 3343, huisartsenzorg 3311, 3343. */
    private static List<Long> zvw(Allocation allocation, int period) {
        List<AllocationLine> lines = allocation.periods().get(period).lines();
        return List.of("WIJKVERPLEGING", "HUISARTSENZORG").stream()
                .flatMap(sector -> List.of("3311", "3343").stream().map(uzovi -> lines.stream()
                        .filter(line -> sector.equals(line.sector()) && uzovi.equals(line.uzovi()))
                        .mapToLong(AllocationLine::amountCents).sum()))
                .toList();
    }
}
