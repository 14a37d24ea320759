package nl.bdss.kernel.time;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The calendar period a lump sum is agreed for (R8). Periods never span two calendar years. */
public enum PeriodKind {
    MONTH(1), QUARTER(3), YEAR(12);

    private final int months;

    PeriodKind(int months) {
        this.months = months;
    }

    /** The number of calendar months in a period of this kind. */
    public int months() {
        return months;
    }

    /** The first day of the period of this kind that contains the day. */
    public LocalDate startOf(LocalDate day) {
        int firstMonth = ((day.getMonthValue() - 1) / months) * months + 1;
        return LocalDate.of(day.getYear(), firstMonth, 1);
    }

    /** The whole calendar period of this kind that contains the day. */
    public Period containing(LocalDate day) {
        LocalDate start = startOf(day);
        return new Period(start, start.plusMonths(months).minusDays(1));
    }

    /** The calendar periods of this kind that overlap {@code range}, each with the part of it inside the range. */
    public List<CalendarPeriod> grid(Period range) {
        List<CalendarPeriod> grid = new ArrayList<>();
        LocalDate start = startOf(range.start());
        while (!start.isAfter(range.end())) {
            Period calendar = containing(start);
            grid.add(new CalendarPeriod(calendar, calendar.overlap(range).orElseThrow()));
            start = calendar.end().plusDays(1);
        }
        return grid;
    }
}
