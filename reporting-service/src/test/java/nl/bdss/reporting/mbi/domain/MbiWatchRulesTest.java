package nl.bdss.reporting.mbi.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

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
        MacroBudgetCsv.Read read = MacroBudgetCsv.read("""
                sector,year,amountCents,source,date
                HUISARTSENZORG,2025,420000000000,VWS begroting 2025,2024-09-17
                WIJKVERPLEGING,2025,510000000000,VWS begroting 2025,2024-09-17
                """);
        assertThat(read.violations()).isEmpty();
        assertThat(read.budgets()).hasSize(2);
        assertThat(read.budgets().get(0)).isEqualTo(new MacroBudget(new SectorYear("HUISARTSENZORG", 2025),
                420_000_000_000L, "VWS begroting 2025", LocalDate.of(2024, 9, 17)));
    }

    @Test
    void macroBudgetCsv_namesEveryBadValueWithItsLineAndRule_andGivesNoBudgetsThen_R18() {
        MacroBudgetCsv.Read read = MacroBudgetCsv.read("""
                sector,year,amountCents,source,date
                HUISARTSENZORG,2025,420000000000,VWS,2024-09-17
                WIJKVERPLEGING,2025,-5,VWS,2024-09-17
                ggz,20x5,12,,17-09-2024
                GGZ,2025,1
                HUISARTSENZORG,2025,1,Najaarsnota,2024-11-01
                """);

        assertThat(read.budgets()).isEmpty();
        assertThat(read.violations()).extracting(Violation::field, Violation::rule).containsExactly(
                tuple("line 3: amountCents", "R18"),
                tuple("line 4: sector", "R17"),
                tuple("line 4: year", "REQUEST"),
                tuple("line 4: source", "R18"),
                tuple("line 4: date", "REQUEST"),
                tuple("line 5", "REQUEST"),
                tuple("line 6: sector,year", "R18"));
        assertThat(read.violations().get(0).message()).contains("positive").contains("-5");
        assertThat(read.violations().get(6).message()).contains("HUISARTSENZORG|2025").contains("first on line 2");
    }

    @Test
    void macroBudgetCsv_refusesAWrongHeaderAndAnEmptyFile() {
        assertThat(MacroBudgetCsv.read("sector;year\nX;1").violations())
                .containsExactly(new Violation("line 1: header", "REQUEST", "must be sector,year,amountCents,source,date"));
        assertThat(MacroBudgetCsv.read("").violations()).extracting(Violation::field).containsExactly("header");
        assertThat(MacroBudgetCsv.read("sector,year,amountCents,source,date\n").violations())
                .extracting(Violation::field).containsExactly("body");
    }

    @Test
    void aMacroBudget_namesEachFieldThatBreaksARule_R18() {
        assertThat(MacroBudget.checkAmount(0)).hasValueSatisfying(violation ->
                assertThat(violation.field()).isEqualTo("amountCents"));
        assertThat(MacroBudget.checkAmount(1)).isEmpty();
        assertThat(MacroBudget.checkSource(" ")).hasValueSatisfying(violation ->
                assertThat(violation.rule()).isEqualTo("R18"));
        assertThat(MacroBudget.checkSource("x".repeat(501))).hasValueSatisfying(violation ->
                assertThat(violation.rule()).isEqualTo("REQUEST"));
        assertThat(MacroBudget.checkDate(null)).hasValueSatisfying(violation ->
                assertThat(violation.field()).isEqualTo("date"));
        assertThat(SectorYear.checkSector("Huisartsenzorg")).hasValueSatisfying(violation ->
                assertThat(violation.rule()).isEqualTo("R17"));
        assertThat(SectorYear.checkYear(1999)).hasValueSatisfying(violation ->
                assertThat(violation.field()).isEqualTo("year"));
        assertThatThrownBy(() -> new MacroBudget(new SectorYear("GGZ", 2025), -1, "VWS", LocalDate.of(2024, 9, 17)))
                .hasMessageStartingWith("amountCents:");
    }
}
