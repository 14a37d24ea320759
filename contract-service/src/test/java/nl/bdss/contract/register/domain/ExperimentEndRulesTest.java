package nl.bdss.contract.register.domain;

import static nl.bdss.contract.register.domain.ContractFixture.RULES;
import static nl.bdss.contract.register.domain.ContractFixture.SECTORS;
import static nl.bdss.contract.register.domain.ContractFixture.manualExample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.LocalDate;
import nl.bdss.contract.register.domain.ContractDecision.Changed;
import nl.bdss.contract.register.domain.ContractDecision.RulesViolated;
import nl.bdss.kernel.time.ExperimentWindow;
import org.junit.jupiter.api.Test;

/**
 * R14: the experiment runs from 1 May 2024 up to 1 May 2029, so the last day a contract may run is 30 April 2029 (no
 * one-day May 2029 period), for a registration, an amendment and a termination alike; the window is the rules'
 * configuration.
 */
class ExperimentEndRulesTest {

    private static final LocalDate LAST_DAY = LocalDate.of(2029, 4, 30);
    private static final LocalDate FIRST_DAY_AFTER = LocalDate.of(2029, 5, 1);

    private static Contract runningUntil(ContractRules rules, LocalDate lastDay) {
        return ((Changed) Contract.register(ContractId.random(),
                manualExample().withValidity(LocalDate.of(2025, 1, 1), lastDay), rules, SECTORS)).contract();
    }

    @Test
    void refusesATermination_ending1May2029_R14() {
        ContractDecision decision = runningUntil(RULES, LAST_DAY).terminate(FIRST_DAY_AFTER, RULES);

        assertThat(decision).isInstanceOf(RulesViolated.class);
        assertThat(((RulesViolated) decision).violations()).extracting(Finding::field, Finding::rule)
                .containsExactly(tuple("endDate", "R14"));
        assertThat(((RulesViolated) decision).violations().get(0).message())
                .isEqualTo("R14: the contract may run no later than 2029-04-30, the last day of the experiment; was 2029-05-01");
    }

    @Test
    void acceptsATermination_ending30April2029_R14() {
        Changed terminated = (Changed) runningUntil(RULES, LAST_DAY).terminate(LAST_DAY, RULES);

        assertThat(terminated.contract().terms().validity().end()).isEqualTo(LAST_DAY);
    }

    @Test
    void refusesAnAmendment_runningUntil1May2029_R14() {
        ContractDecision decision = runningUntil(RULES, LocalDate.of(2026, 12, 31)).amend(
                manualExample().withValidity(LocalDate.of(2025, 1, 1), FIRST_DAY_AFTER), LocalDate.of(2026, 1, 1),
                RULES, SECTORS);

        assertThat(((RulesViolated) decision).violations()).extracting(Finding::field, Finding::rule)
                .containsExactly(tuple("validUntil", "R14"));
    }

    @Test
    void acceptsAnAmendment_extendingTo30April2029_R14() {
        assertThat(runningUntil(RULES, LocalDate.of(2026, 12, 31)).amend(
                manualExample().withValidity(LocalDate.of(2025, 1, 1), LAST_DAY), LocalDate.of(2026, 1, 1),
                RULES, SECTORS)).isInstanceOf(Changed.class);
    }

    @Test
    void honoursAnotherConfiguredWindow_forTerminations_R14() {
        ContractRules extended = new ContractRules(new ExperimentWindow(LocalDate.of(2024, 5, 1), LocalDate.of(2030, 12, 31)));
        ContractRules shortened = new ContractRules(new ExperimentWindow(LocalDate.of(2024, 5, 1), LocalDate.of(2027, 6, 30)));

        assertThat(runningUntil(extended, LocalDate.of(2030, 12, 31)).terminate(FIRST_DAY_AFTER, extended))
                .isInstanceOf(Changed.class);
        assertThat(runningUntil(RULES, LAST_DAY).terminate(LocalDate.of(2027, 7, 1), shortened))
                .isInstanceOf(RulesViolated.class);
        assertThat(runningUntil(RULES, LAST_DAY).terminate(LocalDate.of(2027, 6, 30), shortened))
                .isInstanceOf(Changed.class);
    }
}
