package nl.bdss.kernel.time;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/** A run of days, both ends inclusive: a settlement period, a contract's validity or a terms segment. */
public record Period(LocalDate start, LocalDate end) implements Comparable<Period> {

    public Period {
        Objects.requireNonNull(start, "a period needs a start");
        Objects.requireNonNull(end, "a period needs an end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("a period cannot end (" + end + ") before it starts (" + start + ")");
        }
    }

    public static Period of(LocalDate start, LocalDate end) {
        return new Period(start, end);
    }

    /** The calendar year the period belongs to: periods of the grid never span two years, so its start's year. */
    public int year() {
        return start.getYear();
    }

    public long days() {
        return ChronoUnit.DAYS.between(start, end) + 1;
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }

    public boolean liesWithin(Period other) {
        return !start.isBefore(other.start) && !end.isAfter(other.end);
    }

    /** The days this period shares with {@code other}, if any. */
    public Optional<Period> overlap(Period other) {
        LocalDate from = start.isAfter(other.start) ? start : other.start;
        LocalDate until = end.isBefore(other.end) ? end : other.end;
        return until.isBefore(from) ? Optional.empty() : Optional.of(new Period(from, until));
    }

    /** The number of days this period shares with {@code other}; 0 when they do not overlap. */
    public long overlapDays(Period other) {
        return overlap(other).map(Period::days).orElse(0L);
    }

    /** The first day on which the period's lump sum may be paid (R8). */
    public LocalDate dueDate(PaymentTiming timing) {
        return timing == PaymentTiming.IN_ADVANCE ? start : end.plusDays(1);
    }

    public boolean isDueOn(LocalDate date, PaymentTiming timing) {
        return !dueDate(timing).isAfter(date);
    }

    @Override
    public int compareTo(Period other) {
        int byStart = start.compareTo(other.start);
        return byStart != 0 ? byStart : end.compareTo(other.end);
    }

    @Override
    public String toString() {
        return start + ".." + end;
    }
}
