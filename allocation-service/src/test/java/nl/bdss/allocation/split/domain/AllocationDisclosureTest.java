package nl.bdss.allocation.split.domain;

import static nl.bdss.allocation.split.domain.ContractFixtures.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.bdss.allocation.counts.domain.CountSource;
import nl.bdss.allocation.split.domain.AllocationDisclosure.ShownCount;
import nl.bdss.allocation.split.domain.AllocationDisclosure.ShownShare;
import nl.bdss.kernel.identity.Postcode;
import nl.bdss.kernel.identity.PostcodeLevel;
import nl.bdss.kernel.identity.Uzovi;
import nl.bdss.kernel.privacy.SmallCells;
import nl.bdss.kernel.time.PaymentTiming;
import nl.bdss.kernel.time.PeriodKind;
import org.junit.jupiter.api.Test;

/**
 * What an insurer or provider may learn of an allocation (issue 14): market shares in basis points, its own counts
 * only, small cells (under 10 insureds) suppressed, a provider only its own lines; operators everything.
 */
class AllocationDisclosureTest {

    private static final Viewer OPERATOR = Viewer.operator();
    private static final Viewer INSURER_3311 = Viewer.insurer("3311");
    private static final Viewer INSURER_3343 = Viewer.insurer("3343");
    private static final Viewer MAIN_CONTRACTOR = Viewer.provider("01012345");
    private static final Viewer DISTRICT_NURSING = Viewer.provider("75750123");

    private final AllocationDisclosure disclosure = new AllocationDisclosure(SmallCells.defaults());

    @Test
    void manualExample_insurer3343_seesBothSharesInBasisPoints_butOnlyItsOwnCounts_R11() {
        Allocation allocation = manualExample();

        // 6,000 and 4,000 insureds in the area: 6000 and 4000 basis points
        assertThat(disclosure.marketShares(allocation, INSURER_3343, true)).containsExactly(
                new ShownShare("3311", false, null, 6000, false),
                new ShownShare("3343", true, 4000L, 4000, false));
        assertThat(disclosure.serviceAreaCounts(allocation, INSURER_3343)).extracting(ShownCount::uzovi)
                .containsOnly("3343").hasSize(5);
        assertThat(disclosure.serviceAreaCounts(allocation, INSURER_3343)).extracting(ShownCount::insuredCount)
                .containsOnly(800L);
        assertThat(disclosure.showsUnfundedInsuredCount(INSURER_3343)).isFalse();
        // an insurer sees the whole split of the contracts it is party to, as before
        assertThat(disclosure.periods(allocation, INSURER_3343)).isEqualTo(allocation.periods());
    }

    @Test
    void onePostcodePc6_aCellOf7Insureds_isSuppressedForTheInsurerItself_andEveryShareGoesWithIt() {
        Allocation allocation = onePostcode(3311, 1200, 3343, 7, 500, Purchasing.coordinated(REFERENCE_DATE,
                CountSource.TRUSTED_THIRD_PARTY));

        assertThat(disclosure.marketShares(allocation, INSURER_3343, true)).containsExactly(
                new ShownShare("3311", false, null, null, true),
                new ShownShare("3343", true, null, null, true));
        assertThat(disclosure.serviceAreaCounts(allocation, INSURER_3343))
                .containsExactly(new ShownCount("3343", "1011AB", null, true));
        // 3311 sees its own 1,200, nothing of 3343's 7, and no share: 10000 minus its own would give 3343's away
        assertThat(disclosure.marketShares(allocation, INSURER_3311, true)).containsExactly(
                new ShownShare("3311", true, 1200L, null, true),
                new ShownShare("3343", false, null, null, true));
        assertThat(disclosure.serviceAreaCounts(allocation, INSURER_3311))
                .containsExactly(new ShownCount("3311", "1011AB", 1200L, false));
    }

    @Test
    void onePostcodePc6_aParticipantWithoutInsuredsThere_isNoSmallCell_itsZeroAndTheSharesAreShown() {
        Allocation allocation = onePostcode(3311, 1200, 3343, 0, 500, Purchasing.coordinated(REFERENCE_DATE,
                CountSource.TRUSTED_THIRD_PARTY));

        // 1,200 / 1,200 = 10000 bp, 0 / 1,200 = 0 bp: a count of 0 points at no household
        assertThat(disclosure.marketShares(allocation, INSURER_3343, true)).containsExactly(
                new ShownShare("3311", false, null, 10_000, false),
                new ShownShare("3343", true, 0L, 0, false));
        assertThat(disclosure.serviceAreaCounts(allocation, INSURER_3343))
                .containsExactly(new ShownCount("3343", "1011AB", 0L, false));
    }

    @Test
    void onePostcodePc6_operatorsSeeEveryFigure() {
        Allocation allocation = onePostcode(3311, 1200, 3343, 7, 500, Purchasing.coordinated(REFERENCE_DATE,
                CountSource.TRUSTED_THIRD_PARTY));

        // 1,200 / 1,207 = 9942.0049 bp and 7 / 1,207 = 57.9950 bp: the remaining basis point goes to 3343
        assertThat(disclosure.marketShares(allocation, OPERATOR, true)).containsExactly(
                new ShownShare("3311", true, 1200L, 9942, false),
                new ShownShare("3343", true, 7L, 58, false));
        assertThat(disclosure.serviceAreaCounts(allocation, OPERATOR)).containsExactly(
                new ShownCount("3311", "1011AB", 1200L, false), new ShownCount("3343", "1011AB", 7L, false));
        assertThat(disclosure.showsUnfundedInsuredCount(OPERATOR)).isTrue();
    }

    @Test
    void onePostcodePc6_withoutASmallCell_3343SeesNoCountOf3311() {
        Allocation allocation = onePostcode(3311, 1200, 3343, 800, 500, Purchasing.coordinated(REFERENCE_DATE,
                CountSource.TRUSTED_THIRD_PARTY));

        // 1,200 / 2,000 = 6000 bp, 800 / 2,000 = 4000 bp
        assertThat(disclosure.marketShares(allocation, INSURER_3343, true)).containsExactly(
                new ShownShare("3311", false, null, 6000, false),
                new ShownShare("3343", true, 800L, 4000, false));
        assertThat(disclosure.serviceAreaCounts(allocation, INSURER_3343))
                .containsExactly(new ShownCount("3343", "1011AB", 800L, false));
    }

    @Test
    void theDeliveredCountsOfTheExplanation_anInsurerSeesOnlyItsOwnCells_smallOnesSuppressed() {
        List<CountInArea> delivered = List.of(count("3311", "1011AB", 1200), count("3343", "1011AB", 7),
                count("7029", "1011AB", 500));

        assertThat(disclosure.deliveredCounts(delivered, INSURER_3343))
                .containsExactly(new ShownCount("3343", "1011AB", null, true));
        assertThat(disclosure.deliveredCounts(delivered, INSURER_3311))
                .containsExactly(new ShownCount("3311", "1011AB", 1200L, false));
        assertThat(disclosure.deliveredCounts(delivered, MAIN_CONTRACTOR)).isEmpty();
        assertThat(disclosure.deliveredCounts(delivered, OPERATOR)).hasSize(3);
    }

    @Test
    void allInsurersBasis_fewerThan10NonParticipatingInsureds_suppressesTheShares_R11() {
        Purchasing overAll = Purchasing.coordinatedOverAllInsurers(REFERENCE_DATE, CountSource.TRUSTED_THIRD_PARTY);

        Allocation fewOthers = onePostcode(3311, 1200, 3343, 800, 7, overAll);
        Allocation manyOthers = onePostcode(3311, 1200, 3343, 800, 500, overAll);

        // 1,200 / 2,007 = 5979 bp and 800 / 2,007 = 3986 bp: the 35 bp missing from 10000 would give the 7 away
        assertThat(disclosure.marketShares(fewOthers, INSURER_3343, true)).extracting(ShownShare::basisPoints)
                .containsExactly(null, null);
        // 1,200 / 2,500 = 4800 bp, 800 / 2,500 = 3200 bp
        assertThat(disclosure.marketShares(manyOthers, INSURER_3343, true)).extracting(ShownShare::basisPoints)
                .containsExactly(4800, 3200);
        assertThat(manyOthers.unfundedInsuredCount()).isEqualTo(500);
        assertThat(disclosure.showsUnfundedInsuredCount(INSURER_3343)).isFalse();
    }

    @Test
    void singlePurchasing_restsOnNoCount_itsShareIsAlwaysShown_R11() {
        ContractTerms single = terms(List.of(Uzovi.of("3311")), Purchasing.single(), List.of(Postcode.of("1011AB")));
        Allocation allocation = Allocator.allocate(single, MarketShareCalculator.single(Uzovi.of("3311")));

        assertThat(disclosure.marketShares(allocation, INSURER_3311, true))
                .containsExactly(new ShownShare("3311", false, null, 10_000, false));
    }

    @Test
    void aMainContractor_seesTheZvwLinesPaidToIt_withoutCounts_R10() {
        Allocation allocation = manualExample();

        List<AllocatedPeriod> periods = disclosure.periods(allocation, MAIN_CONTRACTOR);

        assertThat(periods).hasSize(2);
        // per year: 3,500,000 per Zvw sector, 60/40 over 3311 and 3343, all paid to hap-west; Wmo and Jeugdwet not
        periods.forEach(period -> assertThat(period.lines())
                .extracting(AllocationLine::sector, AllocationLine::uzovi, AllocationLine::payeeAgb, AllocationLine::amountCents)
                .containsExactlyInAnyOrder(
                        tuple("WIJKVERPLEGING", "3311", "01012345", 2_100_000L),
                        tuple("WIJKVERPLEGING", "3343", "01012345", 1_400_000L),
                        tuple("HUISARTSENZORG", "3311", "01012345", 2_100_000L),
                        tuple("HUISARTSENZORG", "3343", "01012345", 1_400_000L)));
        assertThat(disclosure.marketShares(allocation, MAIN_CONTRACTOR, true)).containsExactly(
                new ShownShare("3311", false, null, 6000, false), new ShownShare("3343", false, null, 4000, false));
        assertThat(disclosure.serviceAreaCounts(allocation, MAIN_CONTRACTOR)).isEmpty();
        assertThat(disclosure.showsUnfundedInsuredCount(MAIN_CONTRACTOR)).isFalse();
    }

    @Test
    void aProviderThatIsNotPaid_seesNoLineAndNoPeriod() {
        Allocation allocation = manualExample();

        assertThat(disclosure.periods(allocation, DISTRICT_NURSING)).isEmpty();
        assertThat(disclosure.periods(allocation, Viewer.provider(null))).isEmpty();
    }

    @Test
    void equalPartners_eachProviderSeesOnlyItsOwnSectorsLines_R10() {
        ContractTerms partners = new ContractTerms("contract-1", 1, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31),
                PeriodKind.YEAR, PaymentTiming.IN_ADVANCE, 10_000_000,
                Map.of(LegalDomain.WMO, 1000, LegalDomain.JEUGDWET, 2000, LegalDomain.ZVW, 7000),
                Map.of("WIJKVERPLEGING", 5000, "HUISARTSENZORG", 5000), List.of(Uzovi.of("3311"), Uzovi.of("3343")),
                ContractFixtures.parties(), ExecutionModel.equalPartners(Map.of()),
                Purchasing.coordinated(REFERENCE_DATE, CountSource.TRUSTED_THIRD_PARTY), ContractFixtures.manualExample().serviceArea());
        Allocation allocation = allocate(partners, ContractFixtures.exampleCounts());

        // wijkzorg-noord alone in wijkverpleging: 3,500,000 = 2,100,000 (3311) + 1,400,000 (3343)
        assertThat(disclosure.periods(allocation, DISTRICT_NURSING).get(0).lines())
                .extracting(AllocationLine::sector, AllocationLine::uzovi, AllocationLine::amountCents)
                .containsExactlyInAnyOrder(tuple("WIJKVERPLEGING", "3311", 2_100_000L), tuple("WIJKVERPLEGING", "3343", 1_400_000L));
        assertThat(disclosure.periods(allocation, MAIN_CONTRACTOR).get(0).lines()).extracting(AllocationLine::sector)
                .containsOnly("HUISARTSENZORG");
        assertThat(partners.pays("75750123")).isTrue();
        assertThat(ContractFixtures.manualExample().pays("75750123")).isFalse();
        assertThat(ContractFixtures.manualExample().pays("01012345")).isTrue();
    }

    @Test
    void aPreview_showsTheInsurerOnlyTheLinesItWouldPay_andNoCorrectionsWithoutACurrentAllocation() {
        AllocationDisclosure.ShownPreview preview = disclosure.preview(manualExample(), null, INSURER_3343);

        assertThat(preview.status()).isEqualTo(AllocationStatus.COMPLETE);
        assertThat(preview.corrections()).isNull();
        assertThat(preview.periods()).hasSize(2).allSatisfy(period -> assertThat(period.lines())
                .extracting(AllocationLine::sector, AllocationLine::uzovi, AllocationLine::amountCents)
                .containsExactlyInAnyOrder(tuple("WIJKVERPLEGING", "3343", 1_400_000L),
                        tuple("HUISARTSENZORG", "3343", 1_400_000L)));
        assertThat(preview.marketShares()).containsExactly(new ShownShare("3311", false, null, 6000, false),
                new ShownShare("3343", false, null, 4000, false));
        // an operator: every line, the recorded Wmo and Jeugdwet parts too
        assertThat(disclosure.preview(manualExample(), null, OPERATOR).periods().get(0).lines()).hasSize(6);
    }

    private static final LocalDate REFERENCE_DATE = ContractFixtures.REFERENCE_DATE;

    private static Allocation manualExample() {
        return allocate(ContractFixtures.manualExample(), ContractFixtures.exampleCounts());
    }

    /** The example's budget in a one-postcode PC6 area 1011AB with these insureds of 3311, 3343 and a third (7029). */
    private static Allocation onePostcode(int first, long firstCount, int second, long secondCount, long othersCount,
            Purchasing purchasing) {
        ContractTerms terms = terms(List.of(Uzovi.of(String.valueOf(first)), Uzovi.of(String.valueOf(second))), purchasing,
                List.of(Postcode.of("1011AB")));
        return allocate(terms, List.of(count(String.valueOf(first), "1011AB", firstCount),
                count(String.valueOf(second), "1011AB", secondCount), count("7029", "1011AB", othersCount),
                count("3311", "1012AB", 3)));
    }

    private static ContractTerms terms(List<Uzovi> insurers, Purchasing purchasing, List<Postcode> serviceArea) {
        ContractTerms example = ContractFixtures.manualExample();
        return new ContractTerms("contract-1", 1, example.validFrom(), example.validUntil(), PeriodKind.YEAR,
                PaymentTiming.IN_ADVANCE, 10_000_000, example.domainShares(), example.sectorShares(), insurers,
                ContractFixtures.parties(), example.executionModel(), purchasing, serviceArea);
    }

    private static Allocation allocate(ContractTerms terms, List<CountInArea> counts) {
        PostcodeLevel level = terms.serviceArea().get(0).level();
        return Allocator.allocate(terms, MarketShareCalculator.fromCounts(terms.insurers(), terms.serviceArea(), level,
                counts, CountSource.TRUSTED_THIRD_PARTY, REFERENCE_DATE, terms.purchasing().overAllInsurers()));
    }
}
