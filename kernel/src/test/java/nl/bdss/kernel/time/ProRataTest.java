package nl.bdss.kernel.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import java.util.List;
import nl.bdss.kernel.time.ProRata.Share;
import org.junit.jupiter.api.Test;

class ProRataTest {

    @Test
    void aPartialQuarterEarnsItsDays_R8() {
        // Q3 2025 has 92 days; from 15 August 17 + 30 = 47 are covered: 300,000 x 47 / 92 = 153,260.869... -> 153,261
        CalendarPeriod q3 = PeriodKind.QUARTER.grid(Period.of(LocalDate.of(2025, 8, 15), LocalDate.of(2025, 12, 31))).get(0);

        assertThat(q3.daysInPeriod()).isEqualTo(92);
        assertThat(q3.coveredDays()).isEqualTo(47);
        assertThat(q3.proRata(300_000)).isEqualTo(153_261);
    }

    @Test
    void halfACentGoesToTheCoveredPart() {
        // 1 cent over 1 of 2 days = 0.5 -> 1; 3 cents over 1 of 2 days = 1.5 -> 2; -3 -> -2
        assertThat(ProRata.of(1, 1, 2)).isEqualTo(1);
        assertThat(ProRata.of(3, 1, 2)).isEqualTo(2);
        assertThat(ProRata.of(-3, 1, 2)).isEqualTo(-2);
        assertThat(ProRata.of(7, 0, 31)).isZero();
    }

    @Test
    void aMidPeriodAmendmentIsRoundedOnceAndDividedExactly() {
        // July 2026 (31 days): 100,000 for 10 days, then 200,000 for 21 days
        // exact: (100,000 x 10 + 200,000 x 21) / 31 = 5,200,000 / 31 = 167,741.935... -> 167,742
        // weights 1,000,000 : 4,200,000 of 167,742 -> 32,258.07... and 135,483.92...: floors 32,258 + 135,483 = 167,741,
        // the cent left over goes to the larger remainder (0.92..., the second)
        List<Share> shares = List.of(new Share(100_000, 10), new Share(200_000, 21));

        assertThat(ProRata.total(shares, 31)).isEqualTo(167_742);
        assertThat(ProRata.parts(shares, 31)).containsExactly(32_258, 135_484);
    }

    @Test
    void refusesSharesThatCoverMoreThanThePeriod() {
        assertThatIllegalArgumentException().isThrownBy(() -> ProRata.total(List.of(new Share(1, 20), new Share(1, 12)), 31));
        assertThatIllegalArgumentException().isThrownBy(() -> ProRata.of(1, 32, 31));
    }

    @Test
    void theExperimentEndsOn30April2029_R14() {
        ExperimentWindow window = ExperimentWindow.NZA_2024;

        assertThat(window.contains(LocalDate.of(2024, 5, 1))).isTrue();
        assertThat(window.contains(LocalDate.of(2024, 4, 30))).isFalse();
        assertThat(window.contains(LocalDate.of(2029, 4, 30))).isTrue();
        assertThat(window.contains(LocalDate.of(2029, 5, 1))).isFalse();
        assertThat(window.asPeriod().days()).isEqualTo(1_826); // five years with the leap day of 2028
    }

    @Test
    void aPeriodIsDueAtItsStartInAdvanceAndTheDayAfterItsEndInArrears_R8() {
        Period march = PeriodKind.MONTH.containing(LocalDate.of(2026, 3, 17));

        assertThat(march).isEqualTo(Period.of(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31)));
        assertThat(march.dueDate(PaymentTiming.IN_ADVANCE)).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(march.dueDate(PaymentTiming.IN_ARREARS)).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(march.isDueOn(LocalDate.of(2026, 3, 31), PaymentTiming.IN_ARREARS)).isFalse();
    }
}
