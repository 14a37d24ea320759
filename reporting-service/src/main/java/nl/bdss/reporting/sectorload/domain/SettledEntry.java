package nl.bdss.reporting.sectorload.domain;

import java.time.LocalDate;
import java.util.Objects;
import nl.bdss.kernel.time.Period;
import nl.bdss.reporting.mbi.domain.SectorYear;

/**
 * A settled amount that loads one Zvw sector's macro budget (R17, R18): a lump-sum payment instruction, or a
 * correction of one (negative when credited). Only what reporting needs of the settlement entry.
 *
 * <p>{@code serviceYear} is the year its period belongs to (the year it starts in; the NZa monitor's view and the
 * macro-budget year it loads), {@code bookingYear} the year it is booked in (the insurer's annual accounts): the
 * service year while that year is open, a later year for a correction of a closed year.
 */
public record SettledEntry(String entryId, String contractId, long sequence, Kind kind, String correctsEntryId,
        LocalDate periodStart, LocalDate periodEnd, String uzovi, String payeeAgb, String sector, long amountCents,
        int allocationVersion, int serviceYear, int bookingYear) {

    public enum Kind { LUMP_SUM, CORRECTION }

    /** The service and booking year of an entry as an event carries them. */
    public record Years(int service, int booking) {

        /**
         * Both as the event carries them; an event written before service years carries neither, and is booked in
         * the year its period starts in. One without the other is no entry of either kind.
         */
        public static Years of(Integer serviceYear, Integer bookingYear, LocalDate periodStart, LocalDate periodEnd) {
            if (serviceYear == null && bookingYear == null) {
                int year = Period.of(periodStart, periodEnd).year();
                return new Years(year, year);
            }
            if (serviceYear == null || bookingYear == null) {
                throw new IllegalArgumentException("serviceYear, bookingYear: both or neither (an entry written before"
                        + " service years carries neither), was " + serviceYear + " and " + bookingYear);
            }
            return new Years(serviceYear, bookingYear);
        }
    }

    public SettledEntry {
        requireText(entryId, "entryId");
        requireText(contractId, "contractId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(periodStart, "periodStart");
        Objects.requireNonNull(periodEnd, "periodEnd");
        if (periodEnd.isBefore(periodStart)) {
            throw new IllegalArgumentException("periodEnd: before periodStart in entry " + entryId);
        }
        if (periodEnd.getYear() != periodStart.getYear()) {
            throw new IllegalArgumentException("periodEnd: a settlement period (month, quarter or year) lies within one "
                    + "calendar year, so its load belongs to one year's macro budget (R18); entry " + entryId);
        }
        if (kind == Kind.CORRECTION && (correctsEntryId == null || correctsEntryId.isBlank())) {
            throw new IllegalArgumentException("correctsEntryId: a correction names the entry it corrects; entry " + entryId);
        }
        requireText(uzovi, "uzovi");
        requireText(payeeAgb, "payeeAgb");
        requireText(sector, "sector");
        int periodYear = Period.of(periodStart, periodEnd).year();
        if (serviceYear != periodYear) {
            throw new IllegalArgumentException("serviceYear: the year the period starts in, " + periodYear + ", was "
                    + serviceYear + " in entry " + entryId + " (R18)");
        }
        if (bookingYear < serviceYear) {
            throw new IllegalArgumentException("bookingYear: the service year " + serviceYear + " or a later one, was "
                    + bookingYear + " in entry " + entryId);
        }
    }

    /** The macro-budget year this amount loads: its service year, the year of its settlement period. */
    public SectorYear sectorYear() {
        return new SectorYear(sector, serviceYear);
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + ": required");
        }
    }
}
