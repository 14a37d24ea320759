package nl.bdss.reporting.contracts.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BudgetYearsTest {

    static ContractSnapshot manualExample(LocalDate validUntil, BudgetPeriod period, long lumpSum) {
        return new ContractSnapshot("c-1", 1, "IZA-WEST-2025-001", "Samenwerking", "ACTIVE", LocalDate.of(2025, 1, 1),
                validUntil, lumpSum, period, Map.of("WMO", 1000, "JEUGDWET", 2000, "ZVW", 7000),
                List.of("3311", "3343"), List.of("HUISARTSENZORG", "WIJKVERPLEGING"), List.of("01012345", "75750123"), 4,
                List.of("1011", "1012"));
    }

    @Test
    void manualExample_budgets10000000AllDomainsAnd7000000ZvwPerYear_R7_R20() {
        var years = BudgetYears.of(manualExample(LocalDate.of(2026, 12, 31), BudgetPeriod.YEAR, 10_000_000));
        assertThat(years.values()).containsExactly(new YearBudget(2025, 10_000_000, 7_000_000),
                new YearBudget(2026, 10_000_000, 7_000_000));
    }

    @Test
    void quarterlyContractTerminatedMidQuarter_getsItsLastQuarterProRataByDays() {
        var years = BudgetYears.of(manualExample(LocalDate.of(2025, 5, 15), BudgetPeriod.QUARTER, 910_000));
        // Q1 in full, Q2 for 45 of its 91 days
        assertThat(years.get(2025).allDomainsCents()).isEqualTo(910_000 + 450_000);
        assertThat(years.get(2025).zvwCents()).isEqualTo(637_000 + 315_000);
    }

    @Test
    void largestRemainder_partsAlwaysAddUpToTheWhole_tiesToTheSmallestKey() {
        Map<String, Long> parts = LargestRemainder.split(100, Map.of("B", 1L, "A", 1L, "C", 1L));
        assertThat(parts).containsEntry("A", 34L).containsEntry("B", 33L).containsEntry("C", 33L);
        assertThat(LargestRemainder.split(10_000_001, Map.of("WMO", 1000L, "JEUGDWET", 2000L, "ZVW", 7000L))
                .values().stream().mapToLong(Long::longValue).sum()).isEqualTo(10_000_001);
    }

    @Test
    void completeAllocation_commitsTheZvwLinesPerSectorPerYear_andRecordsOtherDomainsAlongside_R7() {
        var allocation = new AllocationSnapshot("c-1", 2, 1, true, null, List.of(
                new AllocationSnapshot.Line(LocalDate.of(2025, 1, 1), "ZVW", "HUISARTSENZORG", 2_100_000),
                new AllocationSnapshot.Line(LocalDate.of(2025, 1, 1), "ZVW", "HUISARTSENZORG", 1_400_000),
                new AllocationSnapshot.Line(LocalDate.of(2025, 1, 1), "WMO", null, 1_000_000),
                new AllocationSnapshot.Line(LocalDate.of(2026, 1, 1), "ZVW", "HUISARTSENZORG", 3_500_000)));
        assertThat(allocation.committedByYear())
                .containsEntry(new AllocationSnapshot.CommittedKey(2025, "ZVW", "HUISARTSENZORG"), 3_500_000L)
                .containsEntry(new AllocationSnapshot.CommittedKey(2025, "WMO", ""), 1_000_000L)
                .containsEntry(new AllocationSnapshot.CommittedKey(2026, "ZVW", "HUISARTSENZORG"), 3_500_000L);
        assertThat(allocation.zvwByYear()).hasSize(2);
    }
}
