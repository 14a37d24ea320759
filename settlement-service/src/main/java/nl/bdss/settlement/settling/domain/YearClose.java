package nl.bdss.settlement.settling.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * When a service year may be closed (R17: a year once accounted is closed; later entries are booked in an open year).
 * A year is closed only once it has ended by today, and only when everything of it that is due by today has been
 * booked: what a period close would still book for the year must be booked first, in the year itself. Periods of a
 * year pending on its own (counts missing) do not hold the close back: once complete they are booked in the open
 * year, naming their service year.
 */
public final class YearClose {

    /** The rule a year close enforces. */
    public static final String RULE = "R17";

    /** Why a year cannot be closed yet, naming the request field it is about. */
    public record Blocker(String field, String rule, String message) {
    }

    private YearClose() {
    }

    /**
     * What blocks closing {@code year} on {@code today}, given how many entries of the year a period close on today
     * would still book ({@code dueNotBooked}); empty when it may be closed.
     */
    public static List<Blocker> blockers(int year, LocalDate today, int dueNotBooked) {
        List<Blocker> blockers = new ArrayList<>();
        LocalDate firstDayAfter = LocalDate.of(year, 12, 31).plusDays(1);
        if (today.isBefore(firstDayAfter)) {
            blockers.add(new Blocker("year", RULE, "service year " + year + " has not ended by today " + today
                    + ": it can be closed from " + firstDayAfter + " on (R17)"));
        }
        if (dueNotBooked > 0) {
            blockers.add(new Blocker("year", RULE, dueNotBooked + " entr" + (dueNotBooked == 1 ? "y" : "ies")
                    + " of service year " + year + " due by today " + today + " " + (dueNotBooked == 1 ? "is" : "are")
                    + " not booked yet: run a period close for " + today + " first (R17)"));
        }
        return List.copyOf(blockers);
    }
}
