package nl.bdss.contract.register.domain;

import static nl.bdss.contract.register.domain.ContractFixture.RULES;
import static nl.bdss.contract.register.domain.ContractFixture.SECTORS;
import static nl.bdss.contract.register.domain.ContractFixture.coordinated;
import static nl.bdss.contract.register.domain.ContractFixture.manualExample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** R11: market shares per contract year, a reference date per year, by a rule, or one date for every year. */
class MarketShareYearsRulesTest {

    private static final LocalDate MARCH_2025 = LocalDate.of(2025, 3, 1);
    private static final LocalDate MARCH_2026 = LocalDate.of(2026, 3, 1);
    private static final LocalDate MARCH_2027 = LocalDate.of(2027, 3, 1);

    /** The manual's example runs 2025-01-01 to 2026-12-31: contract years 2025 and 2026. */
    private static ContractFixture.Draft withMarketShare(LocalDate referenceDate, Map<String, LocalDate> dates, String rule) {
        return manualExample().withPurchasing(coordinated(referenceDate, dates, rule));
    }

    private static Map<String, LocalDate> dates(Object... yearsAndDates) {
        Map<String, LocalDate> dates = new LinkedHashMap<>();
        for (int i = 0; i < yearsAndDates.length; i += 2) {
            dates.put((String) yearsAndDates[i], (LocalDate) yearsAndDates[i + 1]);
        }
        return dates;
    }

    @Test
    void acceptsADatePerContractYear_withoutTheSingleReferenceDate_R11() {
        ContractRules.Assessment assessment = RULES.check(
                withMarketShare(null, dates("2026", MARCH_2026, "2025", MARCH_2025), null), SECTORS);

        assertThat(assessment.violations()).isEmpty();
        ContractTerms.MarketShareDefinition marketShare = assessment.terms().purchasing().marketShare();
        assertThat(marketShare.referenceDate()).isNull();
        assertThat(marketShare.referenceDates()).containsExactly(Map.entry(2025, MARCH_2025), Map.entry(2026, MARCH_2026));
        assertThat(marketShare.referenceDateOf(2025)).contains(MARCH_2025);
        assertThat(marketShare.referenceDateOf(2026)).contains(MARCH_2026);
        // the event's single date: none was given, so the first contract year's (2025)
        assertThat(assessment.terms().marketShareReferenceDate()).contains(MARCH_2025);
    }

    @Test
    void acceptsARuleOnly_firstOfJanuaryOfEachYear_withAWarningAboutJanuaryCounts_R11() {
        ContractRules.Assessment assessment = RULES.check(withMarketShare(null, null, "FIRST_OF_JANUARY"), SECTORS);

        assertThat(assessment.violations()).isEmpty();
        ContractTerms.MarketShareDefinition marketShare = assessment.terms().purchasing().marketShare();
        assertThat(marketShare.referenceDateRule()).isEqualTo(ReferenceDateRule.FIRST_OF_JANUARY);
        assertThat(marketShare.referenceDates()).isEmpty();
        assertThat(marketShare.referenceDateOf(2026)).contains(LocalDate.of(2026, 1, 1));
        assertThat(assessment.terms().marketShareReferenceDate()).contains(LocalDate.of(2025, 1, 1));
        assertThat(assessment.warnings()).extracting(Finding::field, Finding::rule)
                .containsExactly(tuple("purchasing.marketShare.referenceDateRule", "R11"), tuple("parties[0].vat", "R10"));
    }

    @Test
    void aNamedYearTakesPrecedence_overTheRule_andTheRuleOverTheSingleDate_R11() {
        ContractTerms.MarketShareDefinition marketShare = RULES.check(
                withMarketShare(MARCH_2025, dates("2026", MARCH_2026), "FIRST_OF_JANUARY"), SECTORS)
                .terms().purchasing().marketShare();

        assertThat(marketShare.referenceDateOf(2025)).contains(LocalDate.of(2025, 1, 1));
        assertThat(marketShare.referenceDateOf(2026)).contains(MARCH_2026);
    }

    @Test
    void theSingleDateCoversTheYearsNotNamed_R11() {
        ContractRules.Assessment assessment = RULES.check(withMarketShare(MARCH_2025, dates("2026", MARCH_2026), null),
                SECTORS);

        assertThat(assessment.violations()).isEmpty();
        ContractTerms.MarketShareDefinition marketShare = assessment.terms().purchasing().marketShare();
        assertThat(marketShare.referenceDateOf(2025)).contains(MARCH_2025);
        assertThat(marketShare.referenceDateOf(2026)).contains(MARCH_2026);
        assertThat(assessment.terms().marketShareReferenceDate()).contains(MARCH_2025);
    }

    @Test
    void theManualsOneDate_appliesToEveryYear_asBefore_R11() {
        ContractTerms terms = RULES.check(manualExample(), SECTORS).terms();

        assertThat(terms.purchasing().marketShare().referenceDates()).isEmpty();
        assertThat(terms.purchasing().marketShare().referenceDateRule()).isNull();
        assertThat(terms.purchasing().marketShare().referenceDateOf(2026)).contains(MARCH_2025);
        assertThat(terms.marketShareReferenceDate()).contains(MARCH_2025);
    }

    @Test
    void refusesAYearOutsideTheContractsValidity_R11() {
        assertViolations(withMarketShare(null, dates("2025", MARCH_2025, "2026", MARCH_2026, "2031", LocalDate.of(2031, 3, 1)),
                null), "purchasing.marketShare.referenceDates.2031");
    }

    @Test
    void refusesADateAfterTheEndOfTheYearItIsFor_R11() {
        // 2026-03-01 is after 31 December 2025
        assertViolations(withMarketShare(null, dates("2025", MARCH_2026, "2026", MARCH_2026), null),
                "purchasing.marketShare.referenceDates.2025");
    }

    @Test
    void acceptsADateOnTheLastDayOfItsYear_orBeforeTheYear_R11() {
        assertThat(RULES.check(withMarketShare(null, dates("2025", LocalDate.of(2025, 12, 31), "2026",
                LocalDate.of(2025, 10, 1)), null), SECTORS).violations()).isEmpty();
    }

    @Test
    void refusesAContractYearWithoutADate_whenNeitherRuleNorSingleDateCoversIt_R11() {
        assertViolations(withMarketShare(null, dates("2025", MARCH_2025), null), "purchasing.marketShare.referenceDates.2026");
    }

    @Test
    void refusesAnUnknownRule_namingTheAllowedOnes_R11() {
        List<Finding> violations = assertViolations(withMarketShare(MARCH_2025, null, "LAST_DAY_OF_MARCH"),
                "purchasing.marketShare.referenceDateRule");

        assertThat(violations.get(0).message()).contains("LAST_DAY_OF_MARCH").contains("FIRST_OF_JANUARY");
    }

    @Test
    void refusesMalformedYearKeys_R11() {
        assertViolations(withMarketShare(MARCH_2025, dates("25", MARCH_2025, "2026-01", MARCH_2026), null),
                "purchasing.marketShare.referenceDates.2026-01", "purchasing.marketShare.referenceDates.25");
    }

    @Test
    void stillRequiresSomeReferenceDate_R11() {
        assertViolations(withMarketShare(null, null, null), "purchasing.marketShare.referenceDate");
    }

    @Test
    void reportsEveryReferenceDateViolationAtOnce_eachWithItsField_R11() {
        // a 2025-2027 contract: 2026 missing, 2025 too late, 2030 not a contract year, "x" malformed
        ContractFixture.Draft document = withMarketShare(null, dates("2025", MARCH_2026, "2027", MARCH_2027,
                "2030", LocalDate.of(2030, 3, 1), "x", MARCH_2025), null)
                .withValidity(LocalDate.of(2025, 1, 1), LocalDate.of(2027, 12, 31));

        List<Finding> violations = RULES.check(document, SECTORS).violations();

        assertThat(violations).extracting(Finding::field, Finding::rule).containsExactlyInAnyOrder(
                tuple("purchasing.marketShare.referenceDates.2025", "R11"),
                tuple("purchasing.marketShare.referenceDates.2026", "R11"),
                tuple("purchasing.marketShare.referenceDates.2030", "R11"),
                tuple("purchasing.marketShare.referenceDates.x", "R11"));
        assertThat(violations).allSatisfy(finding -> assertThat(finding.message()).startsWith("R11:"));
    }

    private static List<Finding> assertViolations(ContractDocument document, String... fields) {
        List<Finding> violations = RULES.check(document, SECTORS).violations();
        assertThat(violations).as("violations %s", violations).extracting(Finding::field, Finding::rule)
                .containsExactlyInAnyOrder(java.util.Arrays.stream(fields).map(field -> tuple(field, "R11"))
                        .toArray(org.assertj.core.groups.Tuple[]::new));
        assertThat(violations).allSatisfy(finding -> assertThat(finding.message()).startsWith("R11:"));
        return violations;
    }
}
