package nl.bdss.settlement.settling.domain;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import nl.bdss.kernel.time.PaymentTiming;
import org.junit.jupiter.api.Test;

class CurrentAllocationTest {

    @Test
    void refusesAnAllocatedPeriodOutsideTheContractsValidity_R14() {
        assertThatThrownBy(() -> AllocationFixture.allocation("c1", 1, LocalDate.of(2026, 6, 30), 10_000_000L))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("R14");
    }

    @Test
    void refusesTwoLinesForOneTarget() {
        AllocatedPeriod year = AllocationFixture.year("c1", 2025, LocalDate.of(2025, 12, 31), 10_000_000L);
        AllocatedPeriod twice = new AllocatedPeriod(year.period(), List.of(year.lines().get(0), year.lines().get(0)));

        assertThatThrownBy(() -> new CurrentAllocation("c1", 1, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31),
                PaymentTiming.IN_ADVANCE, List.of(twice)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two lines");
    }
}
