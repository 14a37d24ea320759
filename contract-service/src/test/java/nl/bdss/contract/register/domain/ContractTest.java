package nl.bdss.contract.register.domain;

import static nl.bdss.contract.register.domain.ContractFixture.RULES;
import static nl.bdss.contract.register.domain.ContractFixture.SECTORS;
import static nl.bdss.contract.register.domain.ContractFixture.manualExample;
import static nl.bdss.contract.register.domain.ContractFixture.targetGroup;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import nl.bdss.contract.register.domain.ContractDecision.Changed;
import nl.bdss.contract.register.domain.ContractDecision.IllegalTransition;
import nl.bdss.contract.register.domain.ContractDecision.RulesViolated;
import nl.bdss.kernel.money.Money;
import nl.bdss.kernel.time.Period;
import org.junit.jupiter.api.Test;

class ContractTest {

    @Test
    void registersTheManualExampleAsActiveVersionOne() {
        Changed registered = (Changed) Contract.register(ContractId.random(), manualExample(), RULES, SECTORS);

        assertThat(registered.change()).isEqualTo(ContractChange.REGISTERED);
        assertThat(registered.contract().version()).isEqualTo(1);
        assertThat(registered.contract().status()).isEqualTo(ContractStatus.ACTIVE);
        assertThat(registered.effectiveFrom()).isEqualTo(LocalDate.of(2025, 1, 1));
    }

    @Test
    void refusesRegistration_withEveryViolation() {
        ContractDecision decision = Contract.register(ContractId.random(), manualExample().withLumpSumCents(0L), RULES, SECTORS);

        assertThat(decision).isInstanceOf(RulesViolated.class);
    }

    @Test
    void amendmentCreatesTheNextVersion_effectiveOnItsDate_evenInThePast() {
        Contract contract = registered();

        Changed amended = (Changed) contract.amend(manualExample().withLumpSumCents(12_000_000L), LocalDate.of(2025, 2, 1), RULES, SECTORS);

        assertThat(amended.contract().version()).isEqualTo(2);
        assertThat(amended.change()).isEqualTo(ContractChange.AMENDED);
        assertThat(amended.contract().terms().budget().lumpSum()).isEqualTo(Money.ofCents(12_000_000));
        assertThat(amended.effectiveFrom()).isEqualTo(LocalDate.of(2025, 2, 1));
    }

    @Test
    void refusesAmendment_effectiveOutsideTheValidity() {
        assertThat(registered().amend(manualExample(), LocalDate.of(2027, 1, 1), RULES, SECTORS)).isInstanceOf(IllegalTransition.class);
    }

    @Test
    void terminationEndsTheValidityOnTheEndDate() {
        Changed terminated = (Changed) registered().terminate(LocalDate.of(2025, 12, 31), RULES);

        assertThat(terminated.contract().status()).isEqualTo(ContractStatus.TERMINATED);
        assertThat(terminated.contract().terms().validity())
                .isEqualTo(new Period(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)));
        assertThat(terminated.effectiveFrom()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(terminated.contract().version()).isEqualTo(2);
    }

    @Test
    void refusesTermination_beforeTheStart_orOfATerminatedContract() {
        assertThat(registered().terminate(LocalDate.of(2024, 12, 31), RULES)).isInstanceOf(IllegalTransition.class);
        Contract terminated = ((Changed) registered().terminate(LocalDate.of(2025, 12, 31), RULES)).contract();
        assertThat(terminated.terminate(LocalDate.of(2025, 6, 30), RULES)).isInstanceOf(IllegalTransition.class);
        assertThat(terminated.amend(manualExample(), LocalDate.of(2025, 6, 1), RULES, SECTORS)).isInstanceOf(IllegalTransition.class);
    }

    @Test
    void overlapFlagging_isANewVersionWithTheSameTermsAndEffectiveDate_R4_R22() {
        Contract amended = ((Changed) registered().amend(manualExample().withLumpSumCents(12_000_000L), LocalDate.of(2025, 7, 1), RULES, SECTORS))
                .contract();

        Changed flagged = (Changed) amended.overlapsChanged();

        assertThat(flagged.change()).isEqualTo(ContractChange.OVERLAP_FLAGGED);
        assertThat(flagged.contract().version()).isEqualTo(3);
        assertThat(flagged.contract().terms()).isEqualTo(amended.terms());
        assertThat(flagged.contract().status()).isEqualTo(ContractStatus.ACTIVE);
        assertThat(flagged.effectiveFrom()).isEqualTo(LocalDate.of(2025, 7, 1));
        assertThat(flagged.contract().effectiveFrom()).isEqualTo(LocalDate.of(2025, 7, 1));
        assertThat(flagged.contract().warnings()).isEqualTo(amended.warnings());
    }

    @Test
    void terminatedContract_isNeverFlagged_R22() {
        Contract terminated = ((Changed) registered().terminate(LocalDate.of(2025, 12, 31), RULES)).contract();

        assertThat(terminated.overlapsChanged()).isInstanceOf(IllegalTransition.class);
    }

    @Test
    void flagsOverlap_sameProviderOverlappingAreaAndPeriod_R22() {
        Contract first = registered();
        Contract second = registered(manualExample().withTargetGroup(targetGroup("1011AB", "2000")));

        assertThat(first.overlapsWith(second)).isTrue();
        assertThat(second.overlapsWith(first)).isTrue();
    }

    @Test
    void doesNotFlag_disjointAreasOrPeriods_R22() {
        Contract first = registered();
        Contract otherArea = registered(manualExample().withTargetGroup(targetGroup("2000", "3000AB")));
        Contract laterPeriod = registered(manualExample().withValidity(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31)));

        assertThat(first.overlapsWith(otherArea)).isFalse();
        assertThat(first.overlapsWith(laterPeriod)).isFalse();
    }

    private static Contract registered() {
        return registered(manualExample());
    }

    private static Contract registered(ContractDocument document) {
        return ((Changed) Contract.register(ContractId.random(), document, RULES, SECTORS)).contract();
    }

    @Test
    void keepsWarningsWithTheVersion() {
        Contract early = registered(manualExample().withValidity(LocalDate.of(2024, 6, 1), LocalDate.of(2025, 12, 31)));

        assertThat(early.warnings()).extracting(Finding::rule).isEqualTo(List.of("R14", "R10"));
    }
}
