package nl.bdss.settlement.settling.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PeriodTest {

    private static final Period YEAR_2026 = new Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));

    @Test
    void aPeriodPaidInAdvanceIsDueOnItsFirstDay() {
        assertThat(YEAR_2026.dueDate(PaymentTiming.IN_ADVANCE)).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(YEAR_2026.isDueOn(LocalDate.of(2025, 12, 31), PaymentTiming.IN_ADVANCE)).isFalse();
        assertThat(YEAR_2026.isDueOn(LocalDate.of(2026, 1, 1), PaymentTiming.IN_ADVANCE)).isTrue();
    }

    @Test
    void aPeriodPaidInArrearsIsDueTheDayAfterItsEnd() {
        assertThat(YEAR_2026.dueDate(PaymentTiming.IN_ARREARS)).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(YEAR_2026.isDueOn(LocalDate.of(2026, 12, 31), PaymentTiming.IN_ARREARS)).isFalse();
        assertThat(YEAR_2026.isDueOn(LocalDate.of(2027, 1, 1), PaymentTiming.IN_ARREARS)).isTrue();
    }

    @Test
    void aShortenedLastPeriodIsDueInArrearsTheDayAfterItsNewEnd() {
        Period terminated = new Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30));
        assertThat(terminated.dueDate(PaymentTiming.IN_ARREARS)).isEqualTo(LocalDate.of(2026, 7, 1));
    }

    @Test
    void refusesAPeriodEndingBeforeItStarts() {
        assertThatThrownBy(() -> new Period(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 31)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("periodEnd");
    }

    @Test
    void refusesAnAllocatedPeriodOutsideTheContractsValidity_R14() {
        assertThatThrownBy(() -> AllocationFixture.allocation("c1", 1, LocalDate.of(2026, 6, 30), 10_000_000L))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("R14");
    }
}
