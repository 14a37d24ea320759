package nl.bdss.allocation.split.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import nl.bdss.allocation.counts.domain.CountSource;
import nl.bdss.kernel.identity.PostcodeLevel;
import nl.bdss.kernel.time.Period;
import org.junit.jupiter.api.Test;

/** What a new allocation would correct against the current one, per payable line (R8). */
class CorrectionsTest {

    private static final LocalDate Y2026 = LocalDate.of(2026, 1, 1);
    private static final LocalDate END_2026 = LocalDate.of(2026, 12, 31);

    @Test
    void aLumpSumDoubledFrom2026_correctsOnly2026_perInsurerAndSector_R8() {
        Allocation current = Allocator.allocate(segments(ContractFixtures.manualExample()), terms -> shares(terms));
        ContractTerms doubled = withLumpSum(ContractFixtures.manualExample(), 2, 20_000_000);
        Allocation proposed = Allocator.allocate(List.of(
                new TermsSegment(Period.of(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)), ContractFixtures.manualExample()),
                new TermsSegment(Period.of(Y2026, END_2026), doubled)), terms -> shares(terms));

        // 2026: 20,000,000 x Zvw 70% = 14,000,000, per sector 50% = 7,000,000, 60/40 = 4,200,000 / 2,800,000;
        // minus today's 2,100,000 / 1,400,000: +2,100,000 for 3311 and +1,400,000 for 3343 in each sector
        assertThat(Corrections.between(current, proposed)).containsExactly(
                new Correction(Y2026, END_2026, "3311", "HUISARTSENZORG", "01012345", 2_100_000),
                new Correction(Y2026, END_2026, "3311", "WIJKVERPLEGING", "01012345", 2_100_000),
                new Correction(Y2026, END_2026, "3343", "HUISARTSENZORG", "01012345", 1_400_000),
                new Correction(Y2026, END_2026, "3343", "WIJKVERPLEGING", "01012345", 1_400_000));
    }

    @Test
    void aTerminationAtTheEndOf2025_creditsEvery2026Line_R14() {
        Allocation current = Allocator.allocate(segments(ContractFixtures.manualExample()), terms -> shares(terms));
        ContractTerms terminated = ContractFixtures.manualExample(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31),
                nl.bdss.kernel.time.PeriodKind.YEAR);

        List<Correction> corrections = Corrections.between(current, Allocator.allocate(terminated, shares(terminated)));

        // the 2026 lines disappear: minus their whole amounts, the period end is the current one's
        assertThat(corrections).extracting(Correction::periodStart, Correction::periodEnd, Correction::uzovi,
                Correction::deltaCents).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Y2026, END_2026, "3311", -2_100_000L),
                org.assertj.core.groups.Tuple.tuple(Y2026, END_2026, "3311", -2_100_000L),
                org.assertj.core.groups.Tuple.tuple(Y2026, END_2026, "3343", -1_400_000L),
                org.assertj.core.groups.Tuple.tuple(Y2026, END_2026, "3343", -1_400_000L));
    }

    @Test
    void theSameAllocation_correctsNothing_andAPendingProposalBooksNothing() {
        Allocation current = Allocator.allocate(segments(ContractFixtures.manualExample()), terms -> shares(terms));
        Allocation pending = Allocator.allocate(ContractFixtures.manualExample(),
                MarketShareOutcome.pending("no insured counts (R11)"));

        assertThat(Corrections.between(current, current)).isEmpty();
        assertThat(Corrections.between(current, pending)).isEmpty();
    }

    @Test
    void againstAPendingCurrentAllocation_everyProposedZvwLineIsACorrectionOfItsWholeAmount() {
        Allocation pending = Allocator.allocate(ContractFixtures.manualExample(),
                MarketShareOutcome.pending("no insured counts (R11)"));
        Allocation complete = Allocator.allocate(segments(ContractFixtures.manualExample()), terms -> shares(terms));

        // 2 years x 2 sectors x 2 insurers; Wmo and Jeugdwet are recorded, never paid (R7): no correction
        assertThat(Corrections.between(pending, complete)).hasSize(8)
                .extracting(Correction::deltaCents).containsOnly(2_100_000L, 1_400_000L);
    }

    private static List<TermsSegment> segments(ContractTerms terms) {
        return List.of(new TermsSegment(Period.of(terms.validFrom(), terms.validUntil()), terms));
    }

    private static MarketShareOutcome shares(ContractTerms terms) {
        return MarketShareCalculator.fromCounts(terms.insurers(), terms.serviceArea(), PostcodeLevel.PC4,
                ContractFixtures.exampleCounts(), CountSource.TRUSTED_THIRD_PARTY, ContractFixtures.REFERENCE_DATE);
    }

    private static ContractTerms withLumpSum(ContractTerms terms, int version, long lumpSumCents) {
        return new ContractTerms(terms.contractId(), version, terms.validFrom(), terms.validUntil(), terms.periodKind(),
                terms.paymentTiming(), lumpSumCents, terms.domainShares(), terms.sectorShares(), terms.insurers(),
                terms.parties(), terms.executionModel(), terms.purchasing(), terms.serviceArea());
    }
}
