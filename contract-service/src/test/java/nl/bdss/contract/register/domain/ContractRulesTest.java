package nl.bdss.contract.register.domain;

import static nl.bdss.contract.register.domain.ContractFixture.districtNursing;
import static nl.bdss.contract.register.domain.ContractFixture.gp;
import static nl.bdss.contract.register.domain.ContractFixture.insurer;
import static nl.bdss.contract.register.domain.ContractFixture.RULES;
import static nl.bdss.contract.register.domain.ContractFixture.manualExample;
import static nl.bdss.contract.register.domain.ContractFixture.shares;
import static nl.bdss.contract.register.domain.ContractFixture.targetGroup;
import static nl.bdss.contract.register.domain.ContractFixture.withDomainShares;
import static nl.bdss.contract.register.domain.ContractFixture.withGpFundingChoice;
import static nl.bdss.contract.register.domain.ContractFixture.withLumpSum;
import static nl.bdss.contract.register.domain.ContractFixture.withSectorShares;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import nl.bdss.contract.register.domain.ContractTerms.Activity;
import nl.bdss.contract.register.domain.ContractTerms.Agreements;
import nl.bdss.contract.register.domain.ContractTerms.Attestations;
import nl.bdss.contract.register.domain.ContractTerms.ExecutionModel;
import nl.bdss.contract.register.domain.ContractTerms.Party;
import nl.bdss.contract.register.domain.ContractTerms.Purchasing;
import nl.bdss.contract.register.domain.ContractTerms.TargetGroup;
import nl.bdss.kernel.time.ExperimentWindow;
import org.junit.jupiter.api.Test;

class ContractRulesTest {

    @Test
    void acceptsTheManualExampleWithoutWarnings() {
        ContractRules.Assessment assessment = RULES.check(manualExample());

        assertThat(assessment.violations()).isEmpty();
        assertThat(assessment.warnings()).isEmpty();
    }

    @Test
    void rejectsContract_withoutInsurer_R1() {
        assertViolates(manualExample().withInsurers(List.of()), "insurers", "R1");
    }

    @Test
    void rejectsContract_withoutZvwProvider_R1() {
        ContractTerms terms = manualExample().withParties(List.of(
                new Party("welzijn", "Welzijn", LegalDomain.WMO, null, null)));

        assertViolates(terms, "parties", "R1");
    }

    @Test
    void rejectsUzovi_notFourDigits_andDuplicateInsurers_R1() {
        ContractTerms terms = manualExample().withInsurers(List.of(insurer("331"), insurer("3343"), insurer("3343")));

        assertViolates(terms, "insurers[0].uzovi", "R1");
        assertViolates(terms, "insurers[2].uzovi", "R1");
    }

    @Test
    void rejectsAgb_notEightDigits_duplicateAgb_andDuplicatePartyKey_R1() {
        ContractTerms terms = manualExample().withParties(List.of(gp(),
                new Party("hap-west", "Tweede", LegalDomain.ZVW, ZvwSector.WIJKVERPLEGING, "01012345"),
                new Party("wijk", "Wijk", LegalDomain.ZVW, ZvwSector.WIJKVERPLEGING, "7575012")));

        assertViolates(terms, "parties[1].key", "R1");
        assertViolates(terms, "parties[1].agb", "R1");
        assertViolates(terms, "parties[2].agb", "R1");
    }

    @Test
    void rejectsContract_withoutEstablishedCareNeed_R2() {
        assertViolates(manualExample().withAttestations(new Attestations(false, true, true, "maatregel",
                GpFundingChoice.THIS_PERFORMANCE)), "attestations.zvwCareNeedEstablished", "R2");
    }

    @Test
    void rejectsContract_withoutComplexityRequiringCoordination_R3() {
        assertViolates(manualExample().withAttestations(new Attestations(true, null, true, "maatregel",
                GpFundingChoice.THIS_PERFORMANCE)), "attestations.coordinationRequiredForComplexity", "R3");
    }

    @Test
    void rejectsContract_withoutNoDoubleFundingAttestationAndMeasure_R4() {
        ContractTerms terms = manualExample().withAttestations(new Attestations(true, true, false, " ",
                GpFundingChoice.THIS_PERFORMANCE));

        assertViolates(terms, "attestations.noDoubleFunding", "R4");
        assertViolates(terms, "attestations.doubleFundingMeasure", "R4");
    }

    @Test
    void rejectsActivities_missingOrUnjustified_R5() {
        assertViolates(manualExample().withActivities(List.of()), "activities", "R5");
        assertViolates(manualExample().withActivities(List.of(new Activity("Wijkoverleg", ""))),
                "activities[0].justification", "R5");
    }

    @Test
    void rejectsTargetGroup_withoutCharacteristics_R6() {
        assertViolates(manualExample().withTargetGroup(new TargetGroup("Ouderen", List.of(), List.of("1011"))),
                "targetGroup.characteristics", "R6");
    }

    @Test
    void rejectsPostcodes_thatAreNotDutchPc4OrPc6_R6() {
        ContractTerms terms = manualExample().withTargetGroup(targetGroup("0123", "101", "1011 SS", "1011 AB C", "1011", "1011"));

        assertViolates(terms, "targetGroup.serviceAreaPostcodes[0]", "R6");
        assertViolates(terms, "targetGroup.serviceAreaPostcodes[1]", "R6");
        assertViolates(terms, "targetGroup.serviceAreaPostcodes[2]", "R6");
        assertViolates(terms, "targetGroup.serviceAreaPostcodes[3]", "R6");
        assertViolates(terms, "targetGroup.serviceAreaPostcodes[5]", "R6");
    }

    @Test
    void normalisesPc6Postcodes_toCapitalsWithoutSpace_R6() {
        ContractRules.Assessment assessment = RULES.check(manualExample().withTargetGroup(targetGroup("1011 AB", "1012", "1013cd")));

        assertThat(assessment.violations()).isEmpty();
        assertThat(assessment.terms().targetGroup().serviceAreaPostcodes()).containsExactly("1011AB", "1012", "1013CD");
    }

    @Test
    void rejectsDomainShares_notSummingTo100Percent_R7() {
        assertViolates(withDomainShares(manualExample(),
                shares(LegalDomain.WMO, 1000, LegalDomain.JEUGDWET, 2000, LegalDomain.ZVW, 6999)),
                "budget.domainSharesBasisPoints", "R7");
    }

    @Test
    void rejectsDomainShares_forOtherDomainsThanTheParties_R7() {
        assertViolates(withDomainShares(manualExample(),
                shares(LegalDomain.WMO, 1000, LegalDomain.WLZ, 2000, LegalDomain.ZVW, 7000)),
                "budget.domainSharesBasisPoints", "R7");
    }

    @Test
    void rejectsZeroZvwShare_R7() {
        assertViolates(withDomainShares(manualExample(),
                shares(LegalDomain.WMO, 5000, LegalDomain.JEUGDWET, 5000, LegalDomain.ZVW, 0)),
                "budget.domainSharesBasisPoints.ZVW", "R7");
    }

    @Test
    void rejectsSectorShares_notOverExactlyTheProvidersSectors_orNotSummingTo100Percent_R7() {
        assertViolates(withSectorShares(manualExample(), shares(ZvwSector.WIJKVERPLEGING, 5000, ZvwSector.GGZ, 5000)),
                "budget.zvwSectorSharesBasisPoints", "R7");
        assertViolates(withSectorShares(manualExample(), shares(ZvwSector.WIJKVERPLEGING, 5000, ZvwSector.HUISARTSENZORG, 4000)),
                "budget.zvwSectorSharesBasisPoints", "R7");
    }

    @Test
    void rejectsNonPositiveLumpSum_R8() {
        assertViolates(withLumpSum(manualExample(), 0), "budget.lumpSumCents", "R8");
    }

    @Test
    void rejectsMissingAgreements_R9() {
        assertViolates(manualExample().withAgreements(new Agreements("claims", null, "evaluatie", "controle", null)),
                "agreements.informationExchange", "R9");
    }

    @Test
    void rejectsMainContractor_thatIsNoZvwProvider_R10() {
        assertViolates(manualExample().withExecutionModel(new ExecutionModel(ExecutionModelType.MAIN_CONTRACTOR,
                "welzijn-centraal", null)), "executionModel.mainContractor", "R10");
    }

    @Test
    void acceptsEqualPartners_whoseSharesAddUpPerSector_R10() {
        ContractTerms terms = manualExample().withExecutionModel(new ExecutionModel(ExecutionModelType.EQUAL_PARTNERS, null,
                shares("hap-west", 10000, "wijkzorg-noord", 10000)));

        assertThat(RULES.check(terms).violations()).isEmpty();
    }

    @Test
    void rejectsEqualPartnerShares_notAddingUpPerSector_R10() {
        ContractTerms terms = manualExample().withExecutionModel(new ExecutionModel(ExecutionModelType.EQUAL_PARTNERS, null,
                shares("hap-west", 6000, "wijkzorg-noord", 10000)));

        assertViolates(terms, "executionModel.partnerSharesBasisPoints", "R10");
    }

    @Test
    void rejectsCoordinatedPurchasing_withOneInsurerOrWithoutMarketShare_R11() {
        assertViolates(manualExample().withInsurers(List.of(insurer("3311"))), "purchasing.type", "R11");
        assertViolates(manualExample().withPurchasing(new Purchasing(PurchasingType.COORDINATED, null)),
                "purchasing.marketShare", "R11");
    }

    @Test
    void rejectsSinglePurchasing_byTwoInsurers_R11() {
        assertViolates(manualExample().withPurchasing(new Purchasing(PurchasingType.SINGLE, null)), "purchasing.type", "R11");
    }

    @Test
    void warnsWhenReferenceDateFallsInJanuaryOrFebruary_R11() {
        ContractRules.Assessment assessment = RULES.check(
                manualExample().withPurchasing(ContractFixture.coordinated(LocalDate.of(2025, 2, 1))));

        assertThat(assessment.violations()).isEmpty();
        assertThat(assessment.warnings()).extracting(Finding::field, Finding::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("purchasing.marketShare.referenceDate", "R11"));
    }

    @Test
    void rejectsOAndIFunding_whenAGpTakesPart_R12() {
        assertViolates(withGpFundingChoice(manualExample(), GpFundingChoice.O_AND_I), "attestations.gpFundingChoice", "R12");
    }

    @Test
    void needsNoGpFundingChoice_withoutGp_R12() {
        ContractTerms withoutGp = withSectorShares(withGpFundingChoice(manualExample(), null)
                        .withParties(List.of(districtNursing(), new Party("welzijn-centraal", "W", LegalDomain.WMO, null, null),
                                new Party("jeugdteam-oost", "J", LegalDomain.JEUGDWET, null, null)))
                        .withExecutionModel(new ExecutionModel(ExecutionModelType.MAIN_CONTRACTOR, "wijkzorg-noord", null)),
                shares(ZvwSector.WIJKVERPLEGING, 10000));

        assertThat(RULES.check(withoutGp).violations()).isEmpty();
    }

    @Test
    void rejectsValidity_outsideTheExperiment_R14() {
        assertViolates(manualExample().withValidity(LocalDate.of(2024, 4, 30), LocalDate.of(2026, 12, 31)), "validFrom", "R14");
        assertViolates(manualExample().withValidity(LocalDate.of(2025, 1, 1), LocalDate.of(2029, 5, 2)), "validUntil", "R14");
        assertViolates(manualExample().withValidity(LocalDate.of(2026, 1, 1), LocalDate.of(2025, 12, 31)), "validUntil", "R14");
    }

    @Test
    void acceptsValidity_untilTheLastDayOfTheExperiment_30April2029_R14() {
        assertThat(RULES.check(manualExample().withValidity(LocalDate.of(2025, 1, 1), LocalDate.of(2029, 4, 30)))
                .violations()).isEmpty();
    }

    @Test
    void rejectsValidity_ending1May2029_theDayTheExperimentHasEnded_R14() {
        List<Finding> violations = RULES.check(manualExample().withValidity(LocalDate.of(2025, 1, 1), LocalDate.of(2029, 5, 1)))
                .violations();

        assertThat(violations).extracting(Finding::field, Finding::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("validUntil", "R14"));
        assertThat(violations.get(0).message()).isEqualTo("R14: validity must end no later than 2029-04-30, the last day"
                + " of the experiment; was 2029-05-01");
    }

    @Test
    void takesTheExperimentWindowFromItsConfiguration_R14() {
        ContractRules extended = new ContractRules(new ExperimentWindow(LocalDate.of(2024, 5, 1), LocalDate.of(2030, 12, 31)));

        assertThat(extended.check(manualExample().withValidity(LocalDate.of(2025, 1, 1), LocalDate.of(2030, 12, 31)))
                .violations()).isEmpty();
        assertViolates(extended, manualExample().withValidity(LocalDate.of(2025, 1, 1), LocalDate.of(2031, 1, 1)),
                "validUntil", "R14");
    }

    @Test
    void warnsWhenValidityStartsBefore2025_R14() {
        ContractRules.Assessment assessment = RULES.check(
                manualExample().withValidity(LocalDate.of(2024, 5, 1), LocalDate.of(2029, 4, 30)));

        assertThat(assessment.violations()).isEmpty();
        assertThat(assessment.warnings()).extracting(Finding::rule).containsExactly("R14");
    }

    @Test
    void reportsEveryViolationAtOnce() {
        ContractTerms terms = withLumpSum(manualExample().withInsurers(List.of()).withActivities(List.of()), -1);

        assertThat(RULES.check(terms).violations()).extracting(Finding::rule)
                .contains("R1", "R5", "R8", "R11");
    }

    private static void assertViolates(ContractTerms terms, String field, String rule) {
        assertViolates(RULES, terms, field, rule);
    }

    private static void assertViolates(ContractRules rules, ContractTerms terms, String field, String rule) {
        List<Finding> violations = rules.check(terms).violations();
        assertThat(violations)
                .as("violations %s", violations)
                .anySatisfy(finding -> {
                    assertThat(finding.field()).isEqualTo(field);
                    assertThat(finding.rule()).isEqualTo(rule);
                    assertThat(finding.message()).startsWith(rule + ":");
                });
    }
}
