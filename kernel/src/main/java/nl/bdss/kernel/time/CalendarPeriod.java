package nl.bdss.kernel.time;

/**
 * A period of the calendar grid ({@code calendar}, e.g. the whole of Q3) and the part of it that counts
 * ({@code covered}, e.g. from a contract's start on 15 August): the lump sum agreed for the calendar period is
 * paid pro rata by the covered days (R8).
 */
public record CalendarPeriod(Period calendar, Period covered) {

    public CalendarPeriod {
        if (!covered.liesWithin(calendar)) {
            throw new IllegalArgumentException("the covered part " + covered + " lies outside the period " + calendar);
        }
    }

    public long daysInPeriod() {
        return calendar.days();
    }

    public long coveredDays() {
        return covered.days();
    }

    public boolean isWhole() {
        return covered.equals(calendar);
    }

    /** The part of a lump sum for the whole calendar period that the covered days earn. */
    public long proRata(long lumpSumCents) {
        return ProRata.of(lumpSumCents, coveredDays(), daysInPeriod());
    }
}
