package nl.bdss.allocation.split.domain;

import static nl.bdss.allocation.split.domain.ContractFixtures.REFERENCE_DATE;
import static nl.bdss.allocation.split.domain.ContractFixtures.exampleCounts;
import static nl.bdss.allocation.split.domain.ContractFixtures.manualExample;
import static org.assertj.core.api.Assertions.assertThat;

import nl.bdss.allocation.counts.domain.CountSource;
import nl.bdss.kernel.identity.PostcodeLevel;
import org.junit.jupiter.api.Test;

/** The market-share basis "over all insurers in the area": the non-participating part stays unfunded (R11). */
class AllInsurersBasisTest {

    @Test
    void sharesOverAllInsurers_leaveTheNonParticipatingPartOfTheAreaUnfunded_R11() {
        MarketShareOutcome shares = overAllInsurers();

        // in 1011..1016: 3311 has 6000, 3343 4000 and the non-participating 7029 2500 insureds (1017 lies outside)
        assertThat(shares.shares()).containsExactly(new MarketShare("3311", 6000, 4800), new MarketShare("3343", 4000, 3200));
        assertThat(shares.unfundedInsuredCount()).isEqualTo(2500);
    }

    @Test
    void allInsurersBasis_paysEachParticipantItsShareOfAllInsureds_andReportsTheRestAsUnfundedPerPeriod_R7_R11() {
        ContractTerms terms = withBasis(Purchasing.coordinatedOverAllInsurers(REFERENCE_DATE, CountSource.TRUSTED_THIRD_PARTY));

        Allocation allocation = Allocator.allocate(terms, overAllInsurers());

        assertThat(allocation.status()).isEqualTo(AllocationStatus.COMPLETE);
        assertThat(allocation.marketShareBasis()).isEqualTo(Purchasing.INSURED_COUNT_IN_SERVICE_AREA_ALL_INSURERS);
        assertThat(allocation.unfundedInsuredCount()).isEqualTo(2500);
        for (AllocatedPeriod period : allocation.periods()) {
            assertThat(period.lines()).containsExactlyInAnyOrder(
                    new AllocationLine(LegalDomain.ZVW, "HUISARTSENZORG", "3311", "hap-west", "01012345", 1_680_000),
                    new AllocationLine(LegalDomain.ZVW, "HUISARTSENZORG", "3343", "hap-west", "01012345", 1_120_000),
                    new AllocationLine(LegalDomain.ZVW, "WIJKVERPLEGING", "3311", "hap-west", "01012345", 1_680_000),
                    new AllocationLine(LegalDomain.ZVW, "WIJKVERPLEGING", "3343", "hap-west", "01012345", 1_120_000),
                    new AllocationLine(LegalDomain.WMO, null, null, null, null, 1_000_000),
                    new AllocationLine(LegalDomain.JEUGDWET, null, null, null, null, 2_000_000));
            assertThat(period.unfundedCents()).isEqualTo(1_400_000);
            assertThat(period.lines()).noneMatch(line -> "7029".equals(line.uzovi()));
        }
        assertThat(allocation.unfundedCents()).isEqualTo(2_800_000);
    }

    @Test
    void linesPlusUnfunded_addUpExactlyToTheAmount_evenWhenItDoesNotDivide_R11() {
        ContractTerms terms = withBasis(Purchasing.coordinatedOverAllInsurers(REFERENCE_DATE, CountSource.TRUSTED_THIRD_PARTY));
        MarketShareOutcome shares = MarketShareOutcome.completeWithUnfunded(java.util.List.of(
                new MarketShare("3311", 7, 0), new MarketShare("3343", 11, 0)), 13);

        for (long amount : new long[] {1, 2, 3, 99, 10_000_001, 123_456_789}) {
            BudgetSplit.PeriodSplit split = BudgetSplit.split(terms, shares.shares(), shares.unfundedInsuredCount(), amount);
            long paid = split.lines().stream().mapToLong(AllocationLine::amountCents).sum();
            assertThat(paid + split.unfundedCents()).isEqualTo(amount);
            assertThat(split.unfundedCents()).isNotNegative();
        }
    }

    @Test
    void defaultBasis_staysParticipatingInsurersOnly_withNothingUnfunded_R11() {
        Allocation allocation = Allocator.allocate(manualExample(), MarketShareCalculator.fromCounts(
                manualExample().insurers(), manualExample().serviceArea(), PostcodeLevel.PC4, exampleCounts(),
                CountSource.TRUSTED_THIRD_PARTY, REFERENCE_DATE));

        assertThat(allocation.marketShareBasis()).isEqualTo(Purchasing.INSURED_COUNT_IN_SERVICE_AREA);
        assertThat(allocation.unfundedInsuredCount()).isZero();
        assertThat(allocation.periods()).allSatisfy(period -> assertThat(period.unfundedCents()).isZero());
    }

    private static MarketShareOutcome overAllInsurers() {
        return MarketShareCalculator.fromCounts(manualExample().insurers(), manualExample().serviceArea(),
                PostcodeLevel.PC4, exampleCounts(), CountSource.TRUSTED_THIRD_PARTY, REFERENCE_DATE, true);
    }

    private static ContractTerms withBasis(Purchasing purchasing) {
        ContractTerms t = manualExample();
        return new ContractTerms(t.contractId(), t.version(), t.validFrom(), t.validUntil(), t.periodKind(),
                t.paymentTiming(), t.lumpSumCents(), t.domainShares(), t.sectorShares(), t.insurers(), t.parties(),
                t.executionModel(), purchasing, t.serviceArea());
    }
}
