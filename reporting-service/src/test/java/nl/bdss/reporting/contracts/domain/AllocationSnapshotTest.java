package nl.bdss.reporting.contracts.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AllocationSnapshotTest {

    private static final LocalDate JANUARY = LocalDate.of(2026, 1, 1);

    @Test
    void aNegativeLineIsRefused_settlementRefusesItToo() {
        List<AllocationSnapshot.Line> lines = List.of(
                new AllocationSnapshot.Line(JANUARY, ContractSnapshot.ZVW, "HUISARTSENZORG", 1_000),
                new AllocationSnapshot.Line(JANUARY, ContractSnapshot.ZVW, "MONDZORG", -1));

        assertThatThrownBy(() -> new AllocationSnapshot("C1", 1, 1, true, null, lines))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lines.amountCents").hasMessageContaining("-1");
    }

    @Test
    void zeroLinesAreAllocations_andCommitPerYearDomainAndSector() {
        AllocationSnapshot snapshot = new AllocationSnapshot("C1", 1, 1, true, null, List.of(
                new AllocationSnapshot.Line(JANUARY, ContractSnapshot.ZVW, "HUISARTSENZORG", 1_000),
                new AllocationSnapshot.Line(JANUARY.plusMonths(1), ContractSnapshot.ZVW, "HUISARTSENZORG", 0),
                new AllocationSnapshot.Line(JANUARY, "WMO", null, 500)));

        assertThat(snapshot.committedByYear()).containsExactly(
                java.util.Map.entry(new AllocationSnapshot.CommittedKey(2026, "WMO", ""), 500L),
                java.util.Map.entry(new AllocationSnapshot.CommittedKey(2026, ContractSnapshot.ZVW, "HUISARTSENZORG"), 1_000L));
    }
}
