package nl.bdss.allocation.split.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * The settlement periods of a contract (R8): calendar years, quarters or months from validFrom to validUntil.
 * A first or last period the contract covers only partly gets the lump sum pro rata by days, rounded to the
 * cent by the largest remainder (the covered part wins a tie).
 */
public final class SettlementCalendar {

    private SettlementCalendar() {
    }

    public static List<SettlementPeriod> periods(LocalDate validFrom, LocalDate validUntil, PeriodKind kind, long lumpSumCents) {
        List<SettlementPeriod> periods = new ArrayList<>();
        LocalDate periodStart = startOf(validFrom, kind);
        while (!periodStart.isAfter(validUntil)) {
            LocalDate periodEnd = next(periodStart, kind).minusDays(1);
            LocalDate from = periodStart.isBefore(validFrom) ? validFrom : periodStart;
            LocalDate until = periodEnd.isAfter(validUntil) ? validUntil : periodEnd;
            long daysInPeriod = ChronoUnit.DAYS.between(periodStart, periodEnd) + 1;
            long covered = ChronoUnit.DAYS.between(from, until) + 1;
            periods.add(new SettlementPeriod(from, until, proRata(lumpSumCents, covered, daysInPeriod)));
            periodStart = next(periodStart, kind);
        }
        return periods;
    }

    /**
     * The calendar periods of a kind that overlap {@code from..until}: the full calendar period and the part of it
     * in the range (both inclusive).
     */
    public static List<CalendarPeriod> grid(LocalDate from, LocalDate until, PeriodKind kind) {
        List<CalendarPeriod> grid = new ArrayList<>();
        LocalDate periodStart = startOf(from, kind);
        while (!periodStart.isAfter(until)) {
            LocalDate periodEnd = next(periodStart, kind).minusDays(1);
            grid.add(new CalendarPeriod(periodStart, periodEnd, periodStart.isBefore(from) ? from : periodStart,
                    periodEnd.isAfter(until) ? until : periodEnd));
            periodStart = next(periodStart, kind);
        }
        return grid;
    }

    /** A calendar period and the part of it that counts: {@code start..end}. */
    public record CalendarPeriod(LocalDate periodStart, LocalDate periodEnd, LocalDate start, LocalDate end) {
    }

    static long proRata(long lumpSumCents, long coveredDays, long daysInPeriod) {
        if (coveredDays == daysInPeriod) {
            return lumpSumCents;
        }
        return LargestRemainder.split(lumpSumCents, List.of(
                new LargestRemainder.Claim<>(0, coveredDays),
                new LargestRemainder.Claim<>(1, daysInPeriod - coveredDays))).get(0);
    }

    static LocalDate startOf(LocalDate day, PeriodKind kind) {
        return switch (kind) {
            case YEAR -> day.with(TemporalAdjusters.firstDayOfYear());
            case QUARTER -> LocalDate.of(day.getYear(), ((day.getMonthValue() - 1) / 3) * 3 + 1, 1);
            case MONTH -> day.withDayOfMonth(1);
        };
    }

    private static LocalDate next(LocalDate periodStart, PeriodKind kind) {
        return switch (kind) {
            case YEAR -> periodStart.plusYears(1);
            case QUARTER -> periodStart.plusMonths(3);
            case MONTH -> periodStart.plusMonths(1);
        };
    }
}
