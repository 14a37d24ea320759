package nl.bdss.kernel.time;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The days on which the experiment lets the title be charged (R14): from 1 May 2024 until 1 May 2029 at the latest,
 * so the last day a contract may run is 30 April 2029. The NZa may end or extend it, so services take the window
 * from their configuration and use {@link #NZA_2024} only as its default.
 */
public record ExperimentWindow(LocalDate firstDay, LocalDate lastDay) {

    public static final ExperimentWindow NZA_2024 = new ExperimentWindow(LocalDate.of(2024, 5, 1), LocalDate.of(2029, 4, 30));

    public ExperimentWindow {
        Objects.requireNonNull(firstDay, "the experiment needs a first day");
        Objects.requireNonNull(lastDay, "the experiment needs a last day");
        if (lastDay.isBefore(firstDay)) {
            throw new IllegalArgumentException("the experiment cannot end (" + lastDay + ") before it starts (" + firstDay + ")");
        }
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(firstDay) && !day.isAfter(lastDay);
    }

    public boolean covers(Period period) {
        return contains(period.start()) && contains(period.end());
    }

    public Period asPeriod() {
        return new Period(firstDay, lastDay);
    }
}
