package nl.bdss.settlement.settling.domain;

import java.util.Collection;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The service years an operator has closed, and the booking-year rule that follows from them (R17: insurers account
 * per year, a year once accounted is closed). An entry for a period of service year Y is booked in Y while Y is open,
 * else in the first open year after Y: a correction or a late lump sum for a closed year lands in the open year and
 * keeps naming Y as its service year.
 */
public record ClosedYears(SortedSet<Integer> years) {

    /** No year closed: every entry is booked in its own service year. */
    public static final ClosedYears NONE = new ClosedYears(new TreeSet<>());

    public ClosedYears {
        years = Collections.unmodifiableSortedSet(new TreeSet<>(years));
    }

    public static ClosedYears of(Collection<Integer> years) {
        return new ClosedYears(new TreeSet<>(years));
    }

    public boolean isClosed(int year) {
        return years.contains(year);
    }

    /** The year an entry of {@code serviceYear} is booked in: that year while open, else the first open year after. */
    public int bookingYearOf(int serviceYear) {
        int year = serviceYear;
        while (years.contains(year)) {
            year++;
        }
        return year;
    }
}
