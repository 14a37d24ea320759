package nl.bdss.reporting.contracts.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.time.LocalDate;
import java.util.List;
import nl.bdss.reporting.contracts.domain.AllocationSnapshot.CommittedKey;
import nl.bdss.reporting.contracts.domain.AllocationSnapshot.Line;
import nl.bdss.reporting.contracts.domain.AllocationSnapshot.Period;
import org.junit.jupiter.api.Test;

class AllocationSnapshotTest {

    private static final LocalDate JANUARY = LocalDate.of(2026, 1, 1);

    /**
     * A year of the manual's example: EUR 100,000.00 x 10% Wmo = 1,000,000 cents, x 20% Jeugdwet = 2,000,000, x 70%
     * Zvw = 7,000,000, half wijkverpleging and half huisartsenzorg = 3,500,000 each, of which insurer 3311 pays 60%
     * (2,100,000) and 3343 40% (1,400,000). With the lump sum doubled every amount doubles.
     */
    static Period manualExampleYear(int year, long factor) {
        return new Period(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), factor * 10_000_000, List.of(
                new Line("WMO", null, factor * 1_000_000),
                new Line("JEUGDWET", null, factor * 2_000_000),
                new Line("ZVW", "WIJKVERPLEGING", factor * 2_100_000),
                new Line("ZVW", "WIJKVERPLEGING", factor * 1_400_000),
                new Line("ZVW", "HUISARTSENZORG", factor * 2_100_000),
                new Line("ZVW", "HUISARTSENZORG", factor * 1_400_000)));
    }

    @Test
    void amendmentEffective2026_leavesTheCommitted2025FiguresAsTheyWere_R8_R20() {
        // allocation 2 after the amendment effective 2026-01-01 to twice the lump sum: 2025 as before, 2026 doubled
        AllocationSnapshot amended = new AllocationSnapshot("C1", 2, 2, true, null,
                List.of(manualExampleYear(2025, 1), manualExampleYear(2026, 2)));

        assertThat(amended.committedByYear()).containsExactly(
                entry(new CommittedKey(2025, "JEUGDWET", ""), 2_000_000L),
                entry(new CommittedKey(2025, "WMO", ""), 1_000_000L),
                entry(new CommittedKey(2025, "ZVW", "HUISARTSENZORG"), 3_500_000L),
                entry(new CommittedKey(2025, "ZVW", "WIJKVERPLEGING"), 3_500_000L),
                entry(new CommittedKey(2026, "JEUGDWET", ""), 4_000_000L),
                entry(new CommittedKey(2026, "WMO", ""), 2_000_000L),
                entry(new CommittedKey(2026, "ZVW", "HUISARTSENZORG"), 7_000_000L),
                entry(new CommittedKey(2026, "ZVW", "WIJKVERPLEGING"), 7_000_000L));
        assertThat(amended.zvwByYear()).hasSize(4);
        assertThat(amended.unfundedByYear()).isEmpty();
    }

    @Test
    void quarterlyPeriods_belongToTheYearTheyStartIn() {
        AllocationSnapshot quarters = new AllocationSnapshot("C1", 1, 1, true, null, List.of(
                new Period(LocalDate.of(2025, 10, 1), LocalDate.of(2025, 12, 31), 1_000, List.of(new Line("ZVW", "GGZ", 1_000))),
                new Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31), 1_500, List.of(new Line("ZVW", "GGZ", 1_500)))));

        assertThat(quarters.committedByYear()).containsExactly(
                entry(new CommittedKey(2025, "ZVW", "GGZ"), 1_000L), entry(new CommittedKey(2026, "ZVW", "GGZ"), 1_500L));
    }

    @Test
    void allInsurersBasis_whatTheLinesLeaveOfThePeriodIsTheUnfundedZvwPart_R11() {
        // EUR 10,000.00 a year, 20% Wmo = 200,000, 80% Zvw = 800,000 of which the participant (7,500 of the area's
        // 10,000 insureds) pays 600,000: 200,000 + 600,000 = 800,000 in lines, 1,000,000 - 800,000 = 200,000 unfunded
        Period year = new Period(LocalDate.of(2029, 1, 1), LocalDate.of(2029, 12, 31), 1_000_000,
                List.of(new Line("WMO", null, 200_000), new Line("ZVW", "HUISARTSENZORG", 600_000)));
        AllocationSnapshot allocation = new AllocationSnapshot("C1", 1, 1, true, null, List.of(year));

        assertThat(year.unfundedCents()).isEqualTo(200_000);
        assertThat(allocation.unfundedByYear()).containsExactly(entry(2029, 200_000L));
    }

    @Test
    void linesAddingUpToMoreThanThePeriodAmount_areRefused_R7() {
        assertThatThrownBy(() -> new Period(JANUARY, JANUARY.plusMonths(1).minusDays(1), 999,
                List.of(new Line("ZVW", "GGZ", 600), new Line("WMO", null, 400))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("periods.lines").hasMessageContaining("1000").hasMessageContaining("999");
    }

    @Test
    void aPeriodSpanningTwoCalendarYears_isRefused_R8() {
        assertThatThrownBy(() -> new Period(LocalDate.of(2025, 12, 1), LocalDate.of(2026, 1, 31), 0, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("periods.periodEnd").hasMessageContaining("R8");
    }

    @Test
    void aNegativeLineIsRefused_settlementRefusesItToo() {
        assertThatThrownBy(() -> new Line(ContractSnapshot.ZVW, "MONDZORG", -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lines.amountCents").hasMessageContaining("-1");
    }

    @Test
    void aZvwLineWithoutSector_isRefused_R17() {
        assertThatThrownBy(() -> new Line(ContractSnapshot.ZVW, " ", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lines.sector");
    }

    @Test
    void zeroLinesAreAllocations_andCommitPerYearDomainAndSector() {
        AllocationSnapshot snapshot = new AllocationSnapshot("C1", 1, 1, true, null, List.of(
                new Period(JANUARY, LocalDate.of(2026, 1, 31), 1_500,
                        List.of(new Line(ContractSnapshot.ZVW, "HUISARTSENZORG", 1_000), new Line("WMO", null, 500))),
                new Period(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28), 0,
                        List.of(new Line(ContractSnapshot.ZVW, "HUISARTSENZORG", 0)))));

        assertThat(snapshot.committedByYear()).containsExactly(
                entry(new CommittedKey(2026, "WMO", ""), 500L),
                entry(new CommittedKey(2026, ContractSnapshot.ZVW, "HUISARTSENZORG"), 1_000L));
        assertThat(snapshot.unfundedByYear()).isEmpty();
    }
}
