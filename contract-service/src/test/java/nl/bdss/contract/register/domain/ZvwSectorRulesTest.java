package nl.bdss.contract.register.domain;

import static nl.bdss.contract.register.domain.ContractFixture.RULES;
import static nl.bdss.contract.register.domain.ContractFixture.SECTORS;
import static nl.bdss.contract.register.domain.ContractFixture.districtNursing;
import static nl.bdss.contract.register.domain.ContractFixture.gp;
import static nl.bdss.contract.register.domain.ContractFixture.manualExample;
import static nl.bdss.contract.register.domain.ContractFixture.otherDomain;
import static nl.bdss.contract.register.domain.ContractFixture.sector;
import static nl.bdss.contract.register.domain.ContractFixture.sectorsWith;
import static nl.bdss.contract.register.domain.ContractFixture.shares;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import nl.bdss.contract.register.domain.ContractDecision.Changed;
import nl.bdss.contract.register.domain.ContractDecision.RulesViolated;
import nl.bdss.contract.register.domain.ContractFixture.Party;
import org.junit.jupiter.api.Test;

/**
 * R7: a Zvw provider's sector and every sector share name a macro-budget sector of the register, valid on the day the
 * version takes effect; a catch-all stays only where a contract already had it.
 */
class ZvwSectorRulesTest {

    private static final Party CATCH_ALL_PROVIDER = new Party("wijkzorg-noord", "Wijkzorg Noord", LegalDomain.ZVW,
            "OVERIGE_ZVW", "75750123");

    /** The manual's example with district nursing replaced by a provider of {@code code}. */
    private static ContractFixture.Draft withSecondSector(String code) {
        return manualExample()
                .withParties(gp(), new Party("wijkzorg-noord", "Wijkzorg Noord", LegalDomain.ZVW, code, "75750123"),
                        otherDomain("welzijn-centraal", LegalDomain.WMO), otherDomain("jeugdteam-oost", LegalDomain.JEUGDWET))
                .withSectorShares(shares(code, 5000, "HUISARTSENZORG", 5000));
    }

    @Test
    void acceptsTheSectorsTheRegisterHolds_includingThoseTheOldListLacked_R7() {
        for (String code : List.of("EERSTELIJNSVERBLIJF", "GERIATRISCHE_REVALIDATIEZORG", "ZINTUIGLIJK_GEHANDICAPTENZORG",
                "MULTIDISCIPLINAIRE_ZORG", "GGZ")) {
            ContractRules.Assessment assessment = RULES.check(withSecondSector(code), SECTORS);

            assertThat(assessment.violations()).as(code).isEmpty();
            assertThat(assessment.terms().budget().zvwSectorShares()).containsKey(new ZvwSector(code));
        }
    }

    @Test
    void refusesASectorNotInTheRegister_asPartySectorAndShareKey_R7() {
        assertViolations(RULES.check(withSecondSector("TANDARTS"), SECTORS).violations(),
                "parties[1].sector", "budget.zvwSectorSharesBasisPoints.TANDARTS");
    }

    @Test
    void refusesAMalformedCode_asUnknown_R7() {
        assertViolations(RULES.check(withSecondSector("wijkverpleging"), SECTORS).violations(),
                "parties[1].sector", "budget.zvwSectorSharesBasisPoints.wijkverpleging");
    }

    @Test
    void refusesTheCatchAll_forANewContract_R7() {
        List<Finding> violations = RULES.check(withSecondSector("OVERIGE_ZVW"), SECTORS).violations();

        assertViolations(violations, "parties[1].sector", "budget.zvwSectorSharesBasisPoints.OVERIGE_ZVW");
        assertThat(violations.get(0).message()).contains("not a macro-budget sector");
    }

    @Test
    void acceptsASectorOnlyOnceTheOperatorHasEnteredIt_R7() {
        RegisteredZvwSector added = sector("JEUGD_GGZ_OVERGANG", true, LocalDate.of(2024, 5, 1), null);

        assertThat(RULES.check(withSecondSector("JEUGD_GGZ_OVERGANG"), SECTORS).accepted()).isFalse();
        assertThat(RULES.check(withSecondSector("JEUGD_GGZ_OVERGANG"), sectorsWith(added)).violations()).isEmpty();
    }

    @Test
    void refusesASectorNotValidOnTheDayTheVersionTakesEffect_R7() {
        // valid from 2026: the manual's example takes effect on 2025-01-01
        ZvwSectorRegister from2026 = sectorsWith(sector("NIEUW", true, LocalDate.of(2026, 1, 1), null));
        // ended on 2024-12-31
        ZvwSectorRegister ended = sectorsWith(sector("OUD", true, LocalDate.of(2024, 5, 1), LocalDate.of(2024, 12, 31)));

        assertViolations(RULES.check(withSecondSector("NIEUW"), from2026).violations(),
                "parties[1].sector", "budget.zvwSectorSharesBasisPoints.NIEUW");
        assertViolations(RULES.check(withSecondSector("OUD"), ended).violations(),
                "parties[1].sector", "budget.zvwSectorSharesBasisPoints.OUD");
        assertThat(RULES.checkAmendment(withSecondSector("NIEUW"), from2026, LocalDate.of(2026, 1, 1), Set.of())
                .violations()).isEmpty();
    }

    @Test
    void aStartBeforeTheExperiment_isR14s_notAlsoR7s_thoughNoSectorExistsThatDay() {
        assertThat(RULES.check(manualExample().withValidity(LocalDate.of(2024, 4, 30), LocalDate.of(2026, 12, 31)), SECTORS)
                .violations()).extracting(Finding::field, Finding::rule).containsExactly(tuple("validFrom", "R14"));
    }

    @Test
    void anAmendmentMayKeepTheCatchAll_theContractAlreadyHas_R7() {
        // registered when the catch-all was still offered
        ZvwSectorRegister before = sectorsWith(sector("OVERIGE_ZVW", true, LocalDate.of(2024, 5, 1), null));
        Contract legacy = ((Changed) Contract.register(ContractId.random(), withSecondSector("OVERIGE_ZVW"), RULES, before))
                .contract();

        ContractDecision amended = legacy.amend(withSecondSector("OVERIGE_ZVW").withLumpSumCents(12_000_000L),
                LocalDate.of(2026, 1, 1), RULES, SECTORS);

        assertThat(amended).isInstanceOf(Changed.class);
        assertThat(((Changed) amended).contract().terms().parties().get(1).sector()).isEqualTo(new ZvwSector("OVERIGE_ZVW"));
    }

    @Test
    void anAmendmentNeverIntroducesTheCatchAll_R7() {
        Contract contract = ((Changed) Contract.register(ContractId.random(), manualExample(), RULES, SECTORS)).contract();

        ContractDecision amended = contract.amend(withSecondSector("OVERIGE_ZVW"), LocalDate.of(2026, 1, 1), RULES, SECTORS);

        assertViolations(((RulesViolated) amended).violations(),
                "parties[1].sector", "budget.zvwSectorSharesBasisPoints.OVERIGE_ZVW");
    }

    @Test
    void theGpRuleStillKnowsHuisartsenzorgByItsCode_R12() {
        ContractDocument document = manualExample().withParties(gp(), districtNursing())
                .withDomainShares(shares(LegalDomain.ZVW, 10000))
                .withAttestations(ContractFixture.attested(GpFundingChoice.O_AND_I));

        assertThat(RULES.check(document, SECTORS).violations()).extracting(Finding::field, Finding::rule)
                .contains(tuple("attestations.gpFundingChoice", "R12"));
    }

    @Test
    void aSectorCodeIsCapitalsDigitsAndUnderscores() {
        assertThat(new ZvwSector("GERIATRISCHE_REVALIDATIEZORG").toString()).isEqualTo("GERIATRISCHE_REVALIDATIEZORG");
        assertThat(ZvwSector.isValidCode("GGZ2")).isTrue();
        assertThat(ZvwSector.isValidCode("ggz")).isFalse();
        assertThat(ZvwSector.isValidCode("_GGZ")).isFalse();
        assertThat(ZvwSector.isValidCode("G")).isFalse();
        assertThatThrownBy(() -> new ZvwSector("wijk verpleging")).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertViolations(List<Finding> violations, String... fields) {
        assertThat(violations).as("violations %s", violations).extracting(Finding::field, Finding::rule)
                .containsExactlyInAnyOrder(java.util.Arrays.stream(fields).map(field -> tuple(field, "R7"))
                        .toArray(org.assertj.core.groups.Tuple[]::new));
        assertThat(violations).allSatisfy(finding -> assertThat(finding.message()).startsWith("R7:"));
    }
}
