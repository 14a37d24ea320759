package nl.bdss.reporting.sectorload.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Which year a settled amount counts in (DOMAIN.md, accounting per year): its service year, the year its period
 * starts in (the NZa monitor's view and the macro-budget year), or its booking year (the insurer's annual accounts:
 * a correction of a closed year counts in the open year it was booked in).
 */
public enum YearView {
    SERVICE, BOOKING;

    /** The view named in a request ({@code service} or {@code booking}, any case); empty for any other name. */
    public static Optional<YearView> named(String name) {
        return Arrays.stream(values()).filter(view -> view.parameter().equals(name.toLowerCase(Locale.ROOT)))
                .findFirst();
    }

    /** Its name in a request. */
    public String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }
}
