package nl.bdss.contract.register.domain;

import static nl.bdss.contract.register.domain.ContractFixture.districtNursing;
import static nl.bdss.contract.register.domain.ContractFixture.gp;
import static nl.bdss.contract.register.domain.ContractFixture.insurer;
import static nl.bdss.contract.register.domain.ContractFixture.RULES;
import static nl.bdss.contract.register.domain.ContractFixture.SECTORS;
import static nl.bdss.contract.register.domain.ContractFixture.attested;
import static nl.bdss.contract.register.domain.ContractFixture.manualExample;
import static nl.bdss.contract.register.domain.ContractFixture.otherDomain;
import static nl.bdss.contract.register.domain.ContractFixture.shares;
import static nl.bdss.contract.register.domain.ContractFixture.targetGroup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.bdss.contract.register.domain.ContractFixture.Activity;
import nl.bdss.contract.register.domain.ContractFixture.Agreements;
import nl.bdss.contract.register.domain.ContractFixture.Attestations;
import nl.bdss.contract.register.domain.ContractFixture.ExecutionModel;
import nl.bdss.contract.register.domain.ContractFixture.Party;
import nl.bdss.contract.register.domain.ContractFixture.Purchasing;
import nl.bdss.contract.register.domain.ContractFixture.TargetGroup;
import nl.bdss.kernel.identity.AgbCode;
import nl.bdss.kernel.identity.Postcode;
import nl.bdss.kernel.identity.Uzovi;
import nl.bdss.kernel.money.BasisPoints;
import nl.bdss.kernel.money.Money;
import nl.bdss.kernel.time.ExperimentWindow;
import nl.bdss.kernel.time.Period;
import org.junit.jupiter.api.Test;

class ContractRulesTest {

    @Test
    void acceptsTheManualExample_warningOnlyThatTheMainContractorsVatIsNotStated_R10() {
        ContractRules.Assessment assessment = RULES.check(manualExample(), SECTORS);

        assertThat(assessment.violations()).isEmpty();
        // the manual does not say whether hap-west (the main contractor, the one payee) charges VAT
        assertThat(assessment.warnings()).extracting(Finding::field, Finding::rule)
                .containsExactly(tuple("parties[0].vat", "R10"));
    }

    @Test
    void turnsAnAcceptedDocumentIntoTermsOfValueObjects() {
        ContractTerms terms = RULES.check(manualExample(), SECTORS).terms();

        assertThat(terms.validity()).isEqualTo(new Period(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31)));
        assertThat(terms.insurerCodes()).containsExactly(new Uzovi("3311"), new Uzovi("3343"));
        assertThat(terms.providerAgbs()).containsExactly(new AgbCode("01012345"), new AgbCode("75750123"));
        assertThat(terms.targetGroup().serviceArea()).containsExactly(new Postcode("1011"), new Postcode("1012"),
                new Postcode("1013"), new Postcode("1015"), new Postcode("1016"));
        assertThat(terms.budget().lumpSum()).isEqualTo(Money.ofCents(10_000_000));
        assertThat(terms.budget().domainShares()).containsExactly(Map.entry(LegalDomain.WMO, new BasisPoints(1000)),
                Map.entry(LegalDomain.JEUGDWET, new BasisPoints(2000)),
                Map.entry(LegalDomain.ZVW, new BasisPoints(7000)));
        assertThat(terms.executionModel().partnerShares()).isEmpty();
        assertThat(terms.purchasing().marketShare().referenceDate()).isEqualTo(LocalDate.of(2025, 3, 1));
    }

    @Test
    void givesNoTermsForARefusedDocument() {
        assertThat(RULES.check(manualExample().withInsurers(), SECTORS).terms()).isNull();
    }

    @Test
    void rejectsContract_withoutInsurer_R1() {
        assertViolates(manualExample().withInsurers(), "insurers", "R1");
    }

    @Test
    void rejectsContract_withoutZvwProvider_R1() {
        assertViolates(manualExample().withParties(otherDomain("welzijn", LegalDomain.WMO)), "parties", "R1");
    }

    @Test
    void rejectsUzovi_notFourDigits_andDuplicateInsurers_R1() {
        ContractDocument document = manualExample().withInsurers(insurer("331"), insurer("3343"), insurer("3343"));

        assertViolates(document, "insurers[0].uzovi", "R1");
        assertViolates(document, "insurers[2].uzovi", "R1");
    }

    @Test
    void rejectsAgb_notEightDigits_duplicateAgb_andDuplicatePartyKey_R1() {
        ContractDocument document = manualExample().withParties(gp(),
                new Party("hap-west", "Tweede", LegalDomain.ZVW, "WIJKVERPLEGING", "01012345"),
                new Party("wijk", "Wijk", LegalDomain.ZVW, "WIJKVERPLEGING", "7575012"));

        assertViolates(document, "parties[1].key", "R1");
        assertViolates(document, "parties[1].agb", "R1");
        assertViolates(document, "parties[2].agb", "R1");
    }

    @Test
    void keepsTheAgbCodeOfAPartyOfAnotherDomain_withoutMakingItAZvwProvider_R1() {
        ContractDocument document = manualExample().withParties(gp(), districtNursing(),
                new Party("zorgcentrum", "Zorgcentrum", LegalDomain.WLZ, null, "22334455"))
                .withDomainShares(shares(LegalDomain.WLZ, 1000, LegalDomain.ZVW, 9000));

        ContractTerms terms = RULES.check(document, SECTORS).terms();

        assertThat(terms.parties().get(2).agb()).isEqualTo(new AgbCode("22334455"));
        assertThat(terms.providerAgbs()).containsExactly(new AgbCode("01012345"), new AgbCode("75750123"));
    }

    @Test
    void rejectsAnAgbCodeOfAPartyOfAnotherDomain_thatIsNotEightDigits_R1() {
        ContractDocument document = manualExample().withParties(gp(), districtNursing(),
                new Party("welzijn", "Welzijn", LegalDomain.WMO, null, "welzijn"))
                .withDomainShares(shares(LegalDomain.WMO, 1000, LegalDomain.ZVW, 9000));

        assertThat(RULES.check(document, SECTORS).violations()).extracting(Finding::field, Finding::rule)
                .containsExactly(tuple("parties[2].agb", "R1"));
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
        ContractDocument document = manualExample().withAttestations(new Attestations(true, true, false, " ",
                GpFundingChoice.THIS_PERFORMANCE));

        assertViolates(document, "attestations.noDoubleFunding", "R4");
        assertViolates(document, "attestations.doubleFundingMeasure", "R4");
    }

    @Test
    void rejectsActivities_missingOrUnjustified_R5() {
        assertViolates(manualExample().withActivities(), "activities", "R5");
        assertViolates(manualExample().withActivities(new Activity("Wijkoverleg", "")), "activities[0].justification", "R5");
    }

    @Test
    void rejectsTargetGroup_withoutCharacteristics_R6() {
        assertViolates(manualExample().withTargetGroup(new TargetGroup("Ouderen", List.of(), List.of("1011"))),
                "targetGroup.characteristics", "R6");
    }

    @Test
    void rejectsPostcodes_thatAreNotDutchPc4OrPc6_R6() {
        ContractDocument document = manualExample()
                .withTargetGroup(targetGroup("0123", "101", "1011 SS", "1011 AB C", "1011", "1011"));

        assertViolates(document, "targetGroup.serviceAreaPostcodes[0]", "R6");
        assertViolates(document, "targetGroup.serviceAreaPostcodes[1]", "R6");
        assertViolates(document, "targetGroup.serviceAreaPostcodes[2]", "R6");
        assertViolates(document, "targetGroup.serviceAreaPostcodes[3]", "R6");
        assertViolates(document, "targetGroup.serviceAreaPostcodes[5]", "R6");
    }

    @Test
    void normalisesPc6Postcodes_toCapitalsWithoutSpace_R6() {
        ContractRules.Assessment assessment = RULES.check(manualExample().withTargetGroup(targetGroup("1011 AB", "1012", "1013cd")), SECTORS);

        assertThat(assessment.violations()).isEmpty();
        assertThat(assessment.terms().targetGroup().serviceArea()).extracting(Postcode::value)
                .containsExactly("1011AB", "1012", "1013CD");
    }

    @Test
    void rejectsDomainShares_notSummingTo100Percent_R7() {
        assertViolates(manualExample().withDomainShares(shares(LegalDomain.WMO, 1000, LegalDomain.JEUGDWET, 2000, LegalDomain.ZVW, 6999)),
                "budget.domainSharesBasisPoints", "R7");
    }

    @Test
    void rejectsDomainShares_forOtherDomainsThanTheParties_R7() {
        assertViolates(manualExample().withDomainShares(shares(LegalDomain.WMO, 1000, LegalDomain.WLZ, 2000, LegalDomain.ZVW, 7000)),
                "budget.domainSharesBasisPoints", "R7");
    }

    @Test
    void rejectsZeroZvwShare_R7() {
        assertViolates(manualExample().withDomainShares(shares(LegalDomain.WMO, 5000, LegalDomain.JEUGDWET, 5000, LegalDomain.ZVW, 0)),
                "budget.domainSharesBasisPoints.ZVW", "R7");
    }

    @Test
    void rejectsSectorShares_notOverExactlyTheProvidersSectors_orNotSummingTo100Percent_R7() {
        assertViolates(manualExample().withSectorShares(shares("WIJKVERPLEGING", 5000, "GGZ", 5000)),
                "budget.zvwSectorSharesBasisPoints", "R7");
        assertViolates(manualExample().withSectorShares(shares("WIJKVERPLEGING", 5000, "HUISARTSENZORG", 4000)),
                "budget.zvwSectorSharesBasisPoints", "R7");
    }

    @Test
    void rejectsNonPositiveLumpSum_R8() {
        assertViolates(manualExample().withLumpSumCents(0L), "budget.lumpSumCents", "R8");
        assertViolates(manualExample().withLumpSumCents(null), "budget.lumpSumCents", "R8");
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
        ContractDocument document = manualExample().withExecutionModel(new ExecutionModel(ExecutionModelType.EQUAL_PARTNERS, null,
                shares("hap-west", 10000, "wijkzorg-noord", 10000)));

        ContractRules.Assessment assessment = RULES.check(document, SECTORS);

        assertThat(assessment.violations()).isEmpty();
        assertThat(assessment.terms().executionModel().partnerShares()).containsExactly(
                Map.entry("hap-west", BasisPoints.HUNDRED_PERCENT),
                Map.entry("wijkzorg-noord", BasisPoints.HUNDRED_PERCENT));
    }

    @Test
    void rejectsEqualPartnerShares_notAddingUpPerSector_R10() {
        ContractDocument document = manualExample().withExecutionModel(new ExecutionModel(ExecutionModelType.EQUAL_PARTNERS, null,
                shares("hap-west", 6000, "wijkzorg-noord", 10000)));

        assertViolates(document, "executionModel.partnerSharesBasisPoints", "R10");
    }

    @Test
    void rejectsCoordinatedPurchasing_withOneInsurerOrWithoutMarketShare_R11() {
        assertViolates(manualExample().withInsurers(insurer("3311")), "purchasing.type", "R11");
        assertViolates(manualExample().withPurchasing(new Purchasing(PurchasingType.COORDINATED, null)),
                "purchasing.marketShare", "R11");
    }

    @Test
    void acceptsMarketSharesOverAllInsurersInTheServiceArea_R11() {
        ContractTerms terms = RULES.check(manualExample().withPurchasing(new Purchasing(PurchasingType.COORDINATED,
                new ContractFixture.MarketShareDefinition(MarketShareBasis.INSURED_COUNT_IN_SERVICE_AREA_ALL_INSURERS,
                        LocalDate.of(2025, 3, 1), CountSource.TRUSTED_THIRD_PARTY))), SECTORS).terms();

        assertThat(terms.purchasing().marketShare().basis())
                .isEqualTo(MarketShareBasis.INSURED_COUNT_IN_SERVICE_AREA_ALL_INSURERS);
    }

    @Test
    void rejectsSinglePurchasing_byTwoInsurers_R11() {
        assertViolates(manualExample().withPurchasing(new Purchasing(PurchasingType.SINGLE, null)), "purchasing.type", "R11");
    }

    @Test
    void warnsWhenReferenceDateFallsInJanuaryOrFebruary_R11() {
        ContractRules.Assessment assessment = RULES.check(
                manualExample().withPurchasing(ContractFixture.coordinated(LocalDate.of(2025, 2, 1))), SECTORS);

        assertThat(assessment.violations()).isEmpty();
        assertThat(assessment.warnings()).extracting(Finding::field, Finding::rule)
                .containsExactly(tuple("purchasing.marketShare.referenceDate", "R11"), tuple("parties[0].vat", "R10"));
    }

    @Test
    void rejectsOAndIFunding_whenAGpTakesPart_R12() {
        assertViolates(manualExample().withAttestations(attested(GpFundingChoice.O_AND_I)), "attestations.gpFundingChoice", "R12");
    }

    @Test
    void needsNoGpFundingChoice_withoutGp_R12() {
        ContractDocument withoutGp = manualExample().withAttestations(attested(null))
                .withParties(districtNursing(), otherDomain("welzijn-centraal", LegalDomain.WMO),
                        otherDomain("jeugdteam-oost", LegalDomain.JEUGDWET))
                .withExecutionModel(new ExecutionModel(ExecutionModelType.MAIN_CONTRACTOR, "wijkzorg-noord", null))
                .withSectorShares(shares("WIJKVERPLEGING", 10000));

        assertThat(RULES.check(withoutGp, SECTORS).violations()).isEmpty();
    }

    @Test
    void rejectsValidity_outsideTheExperiment_R14() {
        assertViolates(manualExample().withValidity(LocalDate.of(2024, 4, 30), LocalDate.of(2026, 12, 31)), "validFrom", "R14");
        assertViolates(manualExample().withValidity(LocalDate.of(2025, 1, 1), LocalDate.of(2029, 5, 2)), "validUntil", "R14");
        assertViolates(manualExample().withValidity(LocalDate.of(2026, 1, 1), LocalDate.of(2025, 12, 31)), "validUntil", "R14");
    }

    @Test
    void acceptsValidity_untilTheLastDayOfTheExperiment_30April2029_R14() {
        assertThat(RULES.check(manualExample().withValidity(LocalDate.of(2025, 1, 1), LocalDate.of(2029, 4, 30)), SECTORS)
                .violations()).isEmpty();
    }

    @Test
    void rejectsValidity_ending1May2029_theDayTheExperimentHasEnded_R14() {
        List<Finding> violations = RULES.check(manualExample().withValidity(LocalDate.of(2025, 1, 1), LocalDate.of(2029, 5, 1)), SECTORS)
                .violations();

        assertThat(violations).extracting(Finding::field, Finding::rule)
                .containsExactly(tuple("validUntil", "R14"));
        assertThat(violations.get(0).message()).isEqualTo("R14: validity must end no later than 2029-04-30, the last day"
                + " of the experiment; was 2029-05-01");
    }

    @Test
    void takesTheExperimentWindowFromItsConfiguration_R14() {
        ContractRules extended = new ContractRules(new ExperimentWindow(LocalDate.of(2024, 5, 1), LocalDate.of(2030, 12, 31)));

        assertThat(extended.check(manualExample().withValidity(LocalDate.of(2025, 1, 1), LocalDate.of(2030, 12, 31)), SECTORS)
                .violations()).isEmpty();
        assertViolates(extended, manualExample().withValidity(LocalDate.of(2025, 1, 1), LocalDate.of(2031, 1, 1)),
                "validUntil", "R14");
    }

    @Test
    void warnsWhenValidityStartsBefore2025_R14() {
        ContractRules.Assessment assessment = RULES.check(
                manualExample().withValidity(LocalDate.of(2024, 5, 1), LocalDate.of(2029, 4, 30)), SECTORS);

        assertThat(assessment.violations()).isEmpty();
        assertThat(assessment.warnings()).extracting(Finding::rule).containsExactly("R14", "R10");
    }

    @Test
    void reportsEveryViolationAtOnce() {
        ContractDocument document = manualExample().withInsurers().withActivities().withLumpSumCents(-1L);

        assertThat(RULES.check(document, SECTORS).violations()).extracting(Finding::rule)
                .contains("R1", "R5", "R8", "R11");
    }

    private static void assertViolates(ContractDocument document, String field, String rule) {
        assertViolates(RULES, document, field, rule);
    }

    private static void assertViolates(ContractRules rules, ContractDocument document, String field, String rule) {
        List<Finding> violations = rules.check(document, SECTORS).violations();
        assertThat(violations)
                .as("violations %s", violations)
                .anySatisfy(finding -> {
                    assertThat(finding.field()).isEqualTo(field);
                    assertThat(finding.rule()).isEqualTo(rule);
                    assertThat(finding.message()).startsWith(rule + ":");
                });
    }
}
