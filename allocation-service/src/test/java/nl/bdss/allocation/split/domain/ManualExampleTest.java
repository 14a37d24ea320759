package nl.bdss.allocation.split.domain;

import static nl.bdss.allocation.split.domain.ContractFixtures.REFERENCE_DATE;
import static nl.bdss.allocation.split.domain.ContractFixtures.exampleCounts;
import static nl.bdss.allocation.split.domain.ContractFixtures.manualExample;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import nl.bdss.allocation.counts.domain.CountSource;
import nl.bdss.kernel.identity.Postcode;
import nl.bdss.kernel.identity.PostcodeLevel;
import nl.bdss.kernel.identity.Uzovi;
import org.junit.jupiter.api.Test;

class ManualExampleTest {

    @Test
    void marketShares_countOnlyParticipatingInsurersInsideTheServiceArea_R11() {
        MarketShareOutcome shares = MarketShareCalculator.fromCounts(manualExample().insurers(), manualExample().serviceArea(),
                PostcodeLevel.PC4, exampleCounts(), CountSource.TRUSTED_THIRD_PARTY, REFERENCE_DATE);

        assertThat(shares.pending()).isFalse();
        assertThat(shares.shares()).containsExactly(
                new MarketShare("3311", 6000, 6000),
                new MarketShare("3343", 4000, 4000));
    }

    @Test
    void manualExample_paysEachSector2_100_000And1_400_000CentsPerYear_allToTheMainContractor_R7_R10_R11() {
        MarketShareOutcome shares = MarketShareCalculator.fromCounts(manualExample().insurers(), manualExample().serviceArea(),
                PostcodeLevel.PC4, exampleCounts(), CountSource.TRUSTED_THIRD_PARTY, REFERENCE_DATE);

        Allocation allocation = Allocator.allocate(manualExample(), shares);

        assertThat(allocation.status()).isEqualTo(AllocationStatus.COMPLETE);
        assertThat(allocation.periods()).extracting(AllocatedPeriod::start, AllocatedPeriod::end, AllocatedPeriod::amountCents)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), 10_000_000L),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), 10_000_000L));
        for (AllocatedPeriod period : allocation.periods()) {
            assertThat(period.lines()).containsExactlyInAnyOrder(
                    new AllocationLine(LegalDomain.ZVW, "HUISARTSENZORG", "3311", "hap-west", "01012345", 2_100_000),
                    new AllocationLine(LegalDomain.ZVW, "HUISARTSENZORG", "3343", "hap-west", "01012345", 1_400_000),
                    new AllocationLine(LegalDomain.ZVW, "WIJKVERPLEGING", "3311", "hap-west", "01012345", 2_100_000),
                    new AllocationLine(LegalDomain.ZVW, "WIJKVERPLEGING", "3343", "hap-west", "01012345", 1_400_000),
                    new AllocationLine(LegalDomain.WMO, null, null, null, null, 1_000_000),
                    new AllocationLine(LegalDomain.JEUGDWET, null, null, null, null, 2_000_000));
        }
    }

    @Test
    void missingCountsForAParticipatingInsurer_leaveTheAllocationPendingWithTheReason_R11() {
        MarketShareOutcome shares = MarketShareCalculator.fromCounts(manualExample().insurers(), manualExample().serviceArea(),
                PostcodeLevel.PC4, exampleCounts().stream().filter(c -> !c.uzovi().code().equals("3343")).toList(),
                CountSource.TRUSTED_THIRD_PARTY, REFERENCE_DATE);

        Allocation allocation = Allocator.allocate(manualExample(), shares);

        assertThat(allocation.status()).isEqualTo(AllocationStatus.PENDING);
        assertThat(allocation.pendingReason()).contains("3343").contains("2025-03-01");
        assertThat(allocation.periods()).isEmpty();
    }

    @Test
    void pc6CountsAddUpIntoAPc4ServiceArea_R11() {
        MarketShareOutcome shares = MarketShareCalculator.fromCounts(manualExample().insurers(), manualExample().serviceArea(),
                PostcodeLevel.PC6, java.util.List.of(
                        ContractFixtures.count("3311", "1011AB", 100), ContractFixtures.count("3311", "1016ZZ", 200),
                        ContractFixtures.count("3343", "1012CD", 100), ContractFixtures.count("3343", "1017AA", 900)),
                CountSource.TRUSTED_THIRD_PARTY, REFERENCE_DATE);

        assertThat(shares.shares()).containsExactly(new MarketShare("3311", 300, 7500), new MarketShare("3343", 100, 2500));
    }

    @Test
    void aPc6ServiceAreaCannotBeDerivedFromPc4Counts_soItIsPending_R11() {
        ContractTerms pc6Area = manualExample();
        pc6Area = new ContractTerms(pc6Area.contractId(), 1, pc6Area.validFrom(), pc6Area.validUntil(), pc6Area.periodKind(),
                pc6Area.paymentTiming(), pc6Area.lumpSumCents(), pc6Area.domainShares(), pc6Area.sectorShares(),
                pc6Area.insurers(), pc6Area.parties(), pc6Area.executionModel(), pc6Area.purchasing(),
                java.util.List.of(Postcode.of("1011 AB")));

        MarketShareOutcome shares = MarketShareCalculator.fromCounts(pc6Area.insurers(), pc6Area.serviceArea(),
                PostcodeLevel.PC4, exampleCounts(), CountSource.TRUSTED_THIRD_PARTY, REFERENCE_DATE);

        assertThat(shares.pendingReason()).contains("1011AB").contains("PC4");
    }

    @Test
    void singlePurchasing_needsNoCounts_theInsurerPaysAllOfZvw_R11() {
        MarketShareOutcome shares = MarketShareCalculator.single(Uzovi.of("3311"));

        assertThat(BudgetSplit.lines(manualExample(), shares.shares(), 10_000_000))
                .filteredOn(line -> line.domain() == LegalDomain.ZVW)
                .extracting(AllocationLine::uzovi, AllocationLine::amountCents)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("3311", 3_500_000L),
                        org.assertj.core.groups.Tuple.tuple("3311", 3_500_000L));
    }
}
