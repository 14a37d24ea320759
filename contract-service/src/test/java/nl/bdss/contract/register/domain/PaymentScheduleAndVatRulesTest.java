package nl.bdss.contract.register.domain;

import static nl.bdss.contract.register.domain.ContractFixture.RULES;
import static nl.bdss.contract.register.domain.ContractFixture.SECTORS;
import static nl.bdss.contract.register.domain.ContractFixture.districtNursing;
import static nl.bdss.contract.register.domain.ContractFixture.gp;
import static nl.bdss.contract.register.domain.ContractFixture.manualExample;
import static nl.bdss.contract.register.domain.ContractFixture.otherDomain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Map;
import nl.bdss.kernel.money.Vat;
import nl.bdss.kernel.time.PaymentSchedule;
import nl.bdss.kernel.time.PeriodKind;
import org.junit.jupiter.api.Test;

/** Instalments (issue 16) and the VAT treatment per Zvw provider (R10). */
class PaymentScheduleAndVatRulesTest {

    private static final ContractFixture.Party WELZIJN = otherDomain("welzijn-centraal", LegalDomain.WMO);
    private static final ContractFixture.Party JEUGD = otherDomain("jeugdteam-oost", LegalDomain.JEUGDWET);
    private static final ContractFixture.Party EXEMPT_GP = gp().withVat(Vat.Treatment.EXEMPT, null);

    @Test
    void aYearlyLumpSumMayBePaidInMonthlyInstalments() {
        ContractRules.Assessment assessment = RULES.check(manualExample()
                .withPaymentSchedule(PaymentSchedule.MONTHLY), SECTORS);

        assertThat(assessment.violations()).isEmpty();
        assertThat(assessment.terms().paymentSchedule()).isEqualTo(PaymentSchedule.MONTHLY);
        assertThat(assessment.terms().budget().period()).isEqualTo(PeriodKind.YEAR);
    }

    @Test
    void withoutASchedule_eachPeriodIsPaidInOneAmount() {
        assertThat(RULES.check(manualExample(), SECTORS).terms().paymentSchedule())
                .isEqualTo(PaymentSchedule.PER_PERIOD);
    }

    @Test
    void instalmentsMustBeShorterThanTheBudgetPeriod_R8() {
        ContractRules.Assessment quarterly = RULES.check(manualExample()
                .withBudgetPeriod(PeriodKind.QUARTER).withPaymentSchedule(PaymentSchedule.QUARTERLY), SECTORS);
        ContractRules.Assessment monthly = RULES.check(manualExample()
                .withBudgetPeriod(PeriodKind.MONTH).withPaymentSchedule(PaymentSchedule.MONTHLY), SECTORS);
        ContractRules.Assessment quarterMonthly = RULES.check(manualExample()
                .withBudgetPeriod(PeriodKind.QUARTER).withPaymentSchedule(PaymentSchedule.MONTHLY), SECTORS);

        assertThat(quarterly.violations()).extracting(Finding::field, Finding::rule)
                .containsExactly(tuple("paymentSchedule", "R8"));
        assertThat(monthly.violations()).extracting(Finding::field, Finding::rule)
                .containsExactly(tuple("paymentSchedule", "R8"));
        assertThat(quarterMonthly.violations()).isEmpty();
    }

    @Test
    void anExemptMainContractorLeavesNoWarning_andTheTermsKeepIt_R10() {
        ContractRules.Assessment assessment = RULES.check(manualExample()
                .withParties(EXEMPT_GP, districtNursing(), WELZIJN, JEUGD), SECTORS);

        assertThat(assessment.violations()).isEmpty();
        // wijkzorg-noord is paid by the main contractor, not by the insurers: its VAT is not the insurers' to know
        assertThat(assessment.warnings()).isEmpty();
        assertThat(assessment.terms().parties().get(0).vat()).isEqualTo(Vat.EXEMPT);
        assertThat(assessment.terms().parties().get(1).vat()).isNull();
    }

    @Test
    void vatIncludedNeedsARate_R10() {
        ContractRules.Assessment included = RULES.check(manualExample()
                .withParties(gp().withVat(Vat.Treatment.INCLUDED, 2100), districtNursing(), WELZIJN, JEUGD), SECTORS);
        ContractRules.Assessment withoutRate = RULES.check(manualExample()
                .withParties(gp().withVat(Vat.Treatment.INCLUDED, null), districtNursing(), WELZIJN, JEUGD), SECTORS);
        ContractRules.Assessment tooHigh = RULES.check(manualExample()
                .withParties(gp().withVat(Vat.Treatment.INCLUDED, 10_001), districtNursing(), WELZIJN, JEUGD), SECTORS);
        ContractRules.Assessment exemptWithRate = RULES.check(manualExample()
                .withParties(gp().withVat(Vat.Treatment.EXEMPT, 2100), districtNursing(), WELZIJN, JEUGD), SECTORS);
        ContractRules.Assessment noTreatment = RULES.check(manualExample()
                .withParties(gp().withVat(null, 2100), districtNursing(), WELZIJN, JEUGD), SECTORS);

        assertThat(included.violations()).isEmpty();
        assertThat(included.terms().parties().get(0).vat()).isEqualTo(Vat.included(2100));
        assertThat(withoutRate.violations()).extracting(Finding::field, Finding::rule)
                .containsExactly(tuple("parties[0].vat.rateBasisPoints", "R10"));
        assertThat(tooHigh.violations()).extracting(Finding::field)
                .containsExactly("parties[0].vat.rateBasisPoints");
        assertThat(exemptWithRate.violations()).extracting(Finding::field)
                .containsExactly("parties[0].vat.rateBasisPoints");
        assertThat(noTreatment.violations()).extracting(Finding::field)
                .containsExactly("parties[0].vat.treatment");
    }

    @Test
    void onlyZvwProvidersStateVat_R10() {
        ContractFixture.Party welzijnWithVat = new ContractFixture.Party(WELZIJN.key(), WELZIJN.name(), WELZIJN.domain(),
                null, null, new ContractFixture.Vat(Vat.Treatment.EXEMPT, null));

        ContractRules.Assessment assessment = RULES.check(manualExample()
                .withParties(EXEMPT_GP, districtNursing(), welzijnWithVat, JEUGD), SECTORS);

        assertThat(assessment.violations()).extracting(Finding::field, Finding::rule)
                .containsExactly(tuple("parties[2].vat", "R10"));
    }

    @Test
    void everyEqualPartnerIsPaid_soEachWithoutVatIsWarnedAbout_R10() {
        ContractRules.Assessment assessment = RULES.check(manualExample()
                .withExecutionModel(new ContractFixture.ExecutionModel(ExecutionModelType.EQUAL_PARTNERS, null,
                        Map.of("hap-west", 10_000, "wijkzorg-noord", 10_000))), SECTORS);

        assertThat(assessment.violations()).isEmpty();
        assertThat(assessment.warnings()).extracting(Finding::field, Finding::rule)
                .containsExactly(tuple("parties[0].vat", "R10"), tuple("parties[1].vat", "R10"));
    }
}
