package nl.bdss.allocation.split.domain;

import static nl.bdss.allocation.split.domain.ContractFixtures.manualExample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import nl.bdss.allocation.counts.domain.CountSource;
import nl.bdss.kernel.identity.Postcode;
import nl.bdss.kernel.identity.PostcodeLevel;
import nl.bdss.kernel.identity.Uzovi;
import nl.bdss.kernel.time.PaymentTiming;
import nl.bdss.kernel.time.PeriodKind;
import org.junit.jupiter.api.Test;

/** An amendment changes the terms from its effective date on, never before it (R8, R14). */
class EffectiveDatedAmendmentTest {

    private static final LocalDate MID_2026 = LocalDate.of(2026, 7, 1);

    @Test
    void lumpSumAmendedMid2026_leaves2025Unchanged_andMixes2026ProRataByDays_R8() {
        Allocation before = allocate(List.of(ContractVersion.registered(manualExample())));
        Allocation after = allocate(List.of(ContractVersion.registered(manualExample()),
                amended(2, 12_000_000, PeriodKind.YEAR, MID_2026)));

        assertThat(after.periods().get(0)).isEqualTo(before.periods().get(0));
        AllocatedPeriod year2026 = after.periods().get(1);
        // 10,000,000 x 181/365 + 12,000,000 x 184/365 = 11,008,219.18 -> 11,008,219 (4,958,904 + 6,049,315)
        assertThat(year2026.amountCents()).isEqualTo(11_008_219);
        assertThat(year2026.lines()).extracting(AllocationLine::domain, AllocationLine::sector, AllocationLine::uzovi,
                        AllocationLine::amountCents)
                .containsExactlyInAnyOrder(
                        tuple(LegalDomain.WMO, null, null, 1_100_821L),
                        tuple(LegalDomain.JEUGDWET, null, null, 2_201_644L),
                        tuple(LegalDomain.ZVW, "HUISARTSENZORG", "3311", 2_311_727L),
                        tuple(LegalDomain.ZVW, "HUISARTSENZORG", "3343", 1_541_151L),
                        tuple(LegalDomain.ZVW, "WIJKVERPLEGING", "3311", 2_311_726L),
                        tuple(LegalDomain.ZVW, "WIJKVERPLEGING", "3343", 1_541_150L));
        assertThat(after.lumpSumCents()).isEqualTo(12_000_000);
    }

    @Test
    void amendmentFromValidFrom_replacesTheTermsForTheWholeValidity_R8() {
        Allocation allocation = allocate(List.of(ContractVersion.registered(manualExample()),
                amended(2, 20_000_000, PeriodKind.YEAR, LocalDate.of(2025, 1, 1))));

        assertThat(allocation.periods()).extracting(AllocatedPeriod::amountCents).containsExactly(20_000_000L, 20_000_000L);
    }

    @Test
    void retroactiveAmendment_overridesALaterStartingEarlierAmendment_R8() {
        List<TermsSegment> segments = TermsHistory.segments(List.of(ContractVersion.registered(manualExample()),
                amended(2, 12_000_000, PeriodKind.YEAR, MID_2026),
                amended(3, 11_000_000, PeriodKind.YEAR, LocalDate.of(2026, 1, 1))));

        assertThat(segments).extracting(TermsSegment::from, TermsSegment::until, s -> s.terms().lumpSumCents())
                .containsExactly(
                        tuple(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), 10_000_000L),
                        tuple(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), 11_000_000L));
    }

    @Test
    void overlapFlaggedAndTermination_startNoNewTerms_andTerminationShortensTheValidity_R4_R14() {
        ContractVersion amendment = amended(2, 12_000_000, PeriodKind.YEAR, MID_2026);
        ContractVersion flagged = new ContractVersion(copy(manualExample(), 3, 12_000_000, PeriodKind.YEAR,
                LocalDate.of(2026, 12, 31)), ContractChangeKind.OVERLAP_FLAGGED, LocalDate.of(2026, 2, 1));
        ContractVersion terminated = new ContractVersion(copy(manualExample(), 4, 12_000_000, PeriodKind.YEAR,
                LocalDate.of(2026, 9, 30)), ContractChangeKind.TERMINATED, LocalDate.of(2026, 10, 1));

        List<TermsSegment> segments = TermsHistory.segments(List.of(ContractVersion.registered(manualExample()),
                amendment, flagged, terminated));

        assertThat(segments).extracting(TermsSegment::from, TermsSegment::until, s -> s.terms().version())
                .containsExactly(
                        tuple(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 6, 30), 1),
                        tuple(MID_2026, LocalDate.of(2026, 9, 30), 2));
        Allocation allocation = Allocator.allocate(segments, terms -> exampleShares());
        // 10,000,000 x 181/365 + 12,000,000 x 92/365 = 7,983,561.64 -> 7,983,562
        assertThat(allocation.periods()).extracting(AllocatedPeriod::start, AllocatedPeriod::end, AllocatedPeriod::amountCents)
                .containsExactly(tuple(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), 10_000_000L),
                        tuple(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 9, 30), 7_983_562L));
        assertThat(allocation.validUntil()).isEqualTo(LocalDate.of(2026, 9, 30));
    }

    @Test
    void periodKindChange_keepsThePastOnItsOwnGrid_andStartsTheNewGridOnTheEffectiveDate_R8() {
        Allocation allocation = allocate(List.of(ContractVersion.registered(manualExample()),
                amended(2, 3_000_000, PeriodKind.QUARTER, MID_2026)));

        assertThat(allocation.periodKind()).isEqualTo(PeriodKind.QUARTER);
        assertThat(allocation.periods()).extracting(AllocatedPeriod::start, AllocatedPeriod::end, AllocatedPeriod::amountCents)
                .containsExactly(
                        tuple(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), 10_000_000L),
                        // the old yearly lump sum for the half year before the change: 10,000,000 x 181/365
                        tuple(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30), 4_958_904L),
                        tuple(MID_2026, LocalDate.of(2026, 9, 30), 3_000_000L),
                        tuple(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31), 3_000_000L));
    }

    @Test
    void amendmentWithOtherInsurers_splitsEachPartByTheInsurersThenInForce_andMergesTheLines_R11() {
        ContractTerms single = new ContractTerms("contract-1", 2, LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31),
                PeriodKind.YEAR, PaymentTiming.IN_ADVANCE, 10_000_000, manualExample().domainShares(),
                manualExample().sectorShares(), List.of(Uzovi.of("3311")), ContractFixtures.parties(),
                ExecutionModel.mainContractor("hap-west"), Purchasing.single(), manualExample().serviceArea());
        List<TermsSegment> segments = TermsHistory.segments(List.of(ContractVersion.registered(manualExample()),
                new ContractVersion(single, ContractChangeKind.AMENDED, MID_2026)));

        Allocation allocation = Allocator.allocate(segments, terms -> terms.purchasing().type() == Purchasing.Type.SINGLE
                ? MarketShareCalculator.single(Uzovi.of("3311")) : exampleShares());

        AllocatedPeriod year2026 = allocation.periods().get(1);
        assertThat(year2026.amountCents()).isEqualTo(10_000_000);
        assertThat(year2026.lines().stream().mapToLong(AllocationLine::amountCents).sum()).isEqualTo(10_000_000);
        // 3343 pays 40% of the Zvw sector amounts for the first 181 days only
        assertThat(year2026.lines()).filteredOn(line -> "3343".equals(line.uzovi()))
                .extracting(AllocationLine::amountCents).containsExactly(694_247L, 694_246L);
        // the top-level counts are the first contract year's (2025, coordinated); the latest terms buy singly, so
        // the allocation has no per-year shares
        assertThat(allocation.serviceAreaCounts()).isEqualTo(exampleShares().serviceAreaCounts());
        assertThat(allocation.yearShares()).isEmpty();
    }

    static Allocation allocate(List<ContractVersion> versions) {
        return Allocator.allocate(TermsHistory.segments(versions), terms -> exampleShares());
    }

    static MarketShareOutcome exampleShares() {
        ContractTerms terms = manualExample();
        return MarketShareCalculator.fromCounts(terms.insurers(), terms.serviceArea(), PostcodeLevel.PC4,
                ContractFixtures.exampleCounts(), CountSource.TRUSTED_THIRD_PARTY, ContractFixtures.REFERENCE_DATE);
    }

    static ContractVersion amended(int version, long lumpSumCents, PeriodKind kind, LocalDate effectiveFrom) {
        return new ContractVersion(copy(manualExample(), version, lumpSumCents, kind, LocalDate.of(2026, 12, 31)),
                ContractChangeKind.AMENDED, effectiveFrom);
    }

    static ContractTerms copy(ContractTerms t, int version, long lumpSumCents, PeriodKind kind, LocalDate validUntil) {
        return new ContractTerms(t.contractId(), version, t.validFrom(), validUntil, kind, t.paymentTiming(),
                lumpSumCents, t.domainShares(), t.sectorShares(), t.insurers(), t.parties(), t.executionModel(),
                t.purchasing(), t.serviceArea().stream().map(Postcode::value).map(Postcode::of).toList());
    }
}
