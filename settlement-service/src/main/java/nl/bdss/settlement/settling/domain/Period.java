package nl.bdss.settlement.settling.domain;

import java.time.LocalDate;
import java.util.Objects;

/** A settlement period, both days inclusive (a partial first or last period is shorter, its amount pro-rata). */
public record Period(LocalDate start, LocalDate end) {

    public Period {
        Objects.requireNonNull(start, "periodStart is required");
        Objects.requireNonNull(end, "periodEnd is required");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("periodEnd " + end + " lies before periodStart " + start);
        }
    }

    /** The first day on which the period may be settled. */
    public LocalDate dueDate(PaymentTiming timing) {
        return timing == PaymentTiming.IN_ADVANCE ? start : end.plusDays(1);
    }

    public boolean isDueOn(LocalDate date, PaymentTiming timing) {
        return !dueDate(timing).isAfter(date);
    }

    public boolean liesWithin(LocalDate from, LocalDate until) {
        return !start.isBefore(from) && !end.isAfter(until);
    }
}
