package nl.bdss.allocation.split.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettlementCalendarTest {

    @Test
    void calendarYears_partialFirstAndLastYearProRataByDays_R8() {
        List<SettlementPeriod> periods = SettlementCalendar.periods(LocalDate.of(2024, 5, 1), LocalDate.of(2025, 4, 30),
                PeriodKind.YEAR, 10_000_000);

        // 2024 is a leap year: 245 of 366 days; 2025: 120 of 365 days
        assertThat(periods).containsExactly(
                new SettlementPeriod(LocalDate.of(2024, 5, 1), LocalDate.of(2024, 12, 31), 6_693_989),
                new SettlementPeriod(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 4, 30), 3_287_671));
    }

    @Test
    void calendarQuarters_fromAMidQuarterStart_R8() {
        List<SettlementPeriod> periods = SettlementCalendar.periods(LocalDate.of(2025, 2, 15), LocalDate.of(2025, 9, 30),
                PeriodKind.QUARTER, 900_000);

        assertThat(periods).extracting(SettlementPeriod::start).containsExactly(
                LocalDate.of(2025, 2, 15), LocalDate.of(2025, 4, 1), LocalDate.of(2025, 7, 1));
        // 45 of 90 days in Q1 2025
        assertThat(periods).extracting(SettlementPeriod::amountCents).containsExactly(450_000L, 900_000L, 900_000L);
    }

    @Test
    void calendarMonths_singleDayContractGetsOneDayOfTheMonth_R8() {
        List<SettlementPeriod> periods = SettlementCalendar.periods(LocalDate.of(2025, 2, 10), LocalDate.of(2025, 2, 10),
                PeriodKind.MONTH, 2_800);

        assertThat(periods).containsExactly(new SettlementPeriod(LocalDate.of(2025, 2, 10), LocalDate.of(2025, 2, 10), 100));
    }
}
