package nl.bdss.reporting.mbi.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class MbiWatchRulesTest {

    @Test
    void loadShare_isExactAtTheThreshold_R21() {
        Threshold onePercent = new Threshold(100);
        assertThat(new LoadShare(999_999, 100_000_000).reaches(onePercent)).isFalse();
        assertThat(new LoadShare(1_000_000, 100_000_000).reaches(onePercent)).isTrue();
        assertThat(new LoadShare(1_000_000, 100_000_000).basisPoints()).isEqualTo(100);
        assertThat(new LoadShare(3_500_000, 400_000_000).basisPoints()).isEqualTo(87);
    }

    @Test
    void crossing_isRaisedOnlyWhenTheLoadGoesFromBelowToAbove_R21() {
        assertThat(Crossing.of(false, true)).isEqualTo(Crossing.RAISED);
        assertThat(Crossing.of(true, true)).isEqualTo(Crossing.UNCHANGED);
        assertThat(Crossing.of(true, false)).isEqualTo(Crossing.CLEARED);
        assertThat(Crossing.of(false, false)).isEqualTo(Crossing.UNCHANGED);
    }

    @Test
    void macroBudgetCsv_readsDatedFiguresWithTheirSource_R18() {
        List<MacroBudget> budgets = MacroBudgetCsv.parse("""
                sector,year,amountCents,source,date
                HUISARTSENZORG,2025,420000000000,VWS begroting 2025,2024-09-17
                WIJKVERPLEGING,2025,510000000000,VWS begroting 2025,2024-09-17
                """);
        assertThat(budgets).hasSize(2);
        assertThat(budgets.get(0)).isEqualTo(new MacroBudget(new SectorYear("HUISARTSENZORG", 2025), 420_000_000_000L,
                "VWS begroting 2025", LocalDate.of(2024, 9, 17)));
    }

    @Test
    void macroBudgetCsv_refusesTheWholeFileOnABadLine_namingLineAndField() {
        assertThatThrownBy(() -> MacroBudgetCsv.parse("""
                sector,year,amountCents,source,date
                HUISARTSENZORG,2025,420000000000,VWS,2024-09-17
                WIJKVERPLEGING,2025,-5,VWS,2024-09-17
                """)).hasMessageContaining("line 3").hasMessageContaining("amountCents");
        assertThatThrownBy(() -> MacroBudgetCsv.parse("sector;year\nX;1")).hasMessageStartingWith("header");
    }
}
