package nl.bdss.kernel.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import nl.bdss.kernel.time.PaymentSchedule.Instalment;
import org.junit.jupiter.api.Test;

class PaymentScheduleTest {

    private static final Period YEAR_2026 = Period.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));

    @Test
    void aYearPaidMonthlyIsTwelveEqualInstalmentsWhateverTheMonthsLength() {
        List<Instalment> instalments = PaymentSchedule.MONTHLY.instalments(YEAR_2026, 8_400_000L);

        assertThat(instalments).hasSize(12);
        assertThat(instalments).extracting(Instalment::amountCents).containsOnly(700_000L);
        assertThat(instalments.get(1).period()).isEqualTo(Period.of(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28)));
        assertThat(instalments.get(11).period()).isEqualTo(Period.of(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31)));
    }

    @Test
    void theCentsLeftOverGoToTheEarliestInstalments() {
        // 100 / 12 = 8 remainder 4: the first four months get 9
        List<Long> amounts = PaymentSchedule.MONTHLY.instalments(YEAR_2026, 100L).stream()
                .map(Instalment::amountCents).toList();

        assertThat(amounts).containsExactly(9L, 9L, 9L, 9L, 8L, 8L, 8L, 8L, 8L, 8L, 8L, 8L);
    }

    @Test
    void aCorrectionIsSplitAsItsMagnitudeWithItsSign() {
        List<Long> amounts = PaymentSchedule.MONTHLY.instalments(YEAR_2026, -100L).stream()
                .map(Instalment::amountCents).toList();

        assertThat(amounts).containsExactly(-9L, -9L, -9L, -9L, -8L, -8L, -8L, -8L, -8L, -8L, -8L, -8L);
    }

    @Test
    void aPartialFirstMonthWeighsItsCoveredDays() {
        // from 16 January: January weighs 16/31 of a whole month, the other eleven one each.
        // 16/31 : 1 = 6,720 : 13,020 (x 13,020, the common multiple of 31, 30 and 28), total 149,940
        Period fromMidJanuary = Period.of(LocalDate.of(2025, 1, 16), LocalDate.of(2025, 12, 31));

        List<Instalment> instalments = PaymentSchedule.MONTHLY.instalments(fromMidJanuary, 1_499_400L);

        assertThat(instalments.get(0)).isEqualTo(new Instalment(
                Period.of(LocalDate.of(2025, 1, 16), LocalDate.of(2025, 1, 31)), 67_200L));
        assertThat(instalments.subList(1, 12)).extracting(Instalment::amountCents)
                .isEqualTo(Collections.nCopies(11, 130_200L));
    }

    @Test
    void aYearPaidQuarterlyHasFourInstalments() {
        List<Instalment> instalments = PaymentSchedule.QUARTERLY.instalments(YEAR_2026, 10_000_001L);

        assertThat(instalments).extracting(Instalment::amountCents)
                .containsExactly(2_500_001L, 2_500_000L, 2_500_000L, 2_500_000L);
        assertThat(instalments.get(2).period()).isEqualTo(Period.of(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30)));
    }

    @Test
    void aQuarterPaidMonthly() {
        Period q3 = Period.of(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30));

        assertThat(PaymentSchedule.MONTHLY.instalments(q3, 300_000L)).extracting(Instalment::amountCents)
                .containsExactly(100_000L, 100_000L, 100_000L);
    }

    @Test
    void onePaymentPerPeriodIsTheWholePeriod() {
        assertThat(PaymentSchedule.PER_PERIOD.instalments(YEAR_2026, 8_400_000L))
                .containsExactly(new Instalment(YEAR_2026, 8_400_000L));
    }

    @Test
    void instalmentsAreShorterThanTheBudgetPeriod() {
        assertThat(PaymentSchedule.MONTHLY.fits(PeriodKind.YEAR)).isTrue();
        assertThat(PaymentSchedule.QUARTERLY.fits(PeriodKind.YEAR)).isTrue();
        assertThat(PaymentSchedule.MONTHLY.fits(PeriodKind.QUARTER)).isTrue();
        assertThat(PaymentSchedule.QUARTERLY.fits(PeriodKind.QUARTER)).isFalse();
        assertThat(PaymentSchedule.MONTHLY.fits(PeriodKind.MONTH)).isFalse();
        assertThat(PaymentSchedule.PER_PERIOD.fits(PeriodKind.MONTH)).isTrue();
    }
}
