package nl.bdss.allocation.split.domain;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import nl.bdss.allocation.counts.domain.CountSource;
import nl.bdss.kernel.time.Period;

/**
 * SINGLE: one insurer pays everything. COORDINATED: several insurers share by market share, defined by a basis,
 * the reference dates and the source of the insured counts (R11).
 *
 * <p>Market shares per contract year (a calendar year; a period belongs to the year it starts in, the kernel's
 * {@link Period#year()}): the reference date of year Y is {@code referenceDates[Y]}, else the
 * {@code referenceDateRule} applied to Y ({@value #FIRST_OF_JANUARY}: 1 January of Y), else {@code referenceDate},
 * the same date for every year (the only one older contract versions have).
 */
public record Purchasing(Type type, String basis, LocalDate referenceDate, CountSource source,
        Map<Integer, LocalDate> referenceDates, String referenceDateRule) {

    /** The rule giving every contract year the reference date 1 January of that year. */
    public static final String FIRST_OF_JANUARY = "FIRST_OF_JANUARY";

    /** The default basis: insureds of the participating insurers in the service area on the reference date. */
    public static final String INSURED_COUNT_IN_SERVICE_AREA = "INSURED_COUNT_IN_SERVICE_AREA";

    /**
     * The alternative basis: each participating insurer's insureds in the service area over the insureds of ALL
     * insurers there. The part of non-participating insurers is left unfunded: it is not spread over the
     * participants, it gets no allocation line (a line is something someone pays), and it is reported per
     * period as {@link AllocatedPeriod#unfundedCents()}. A contract selects it with this string as its
     * {@code purchasing.marketShare.basis}; no basis means the default.
     */
    public static final String INSURED_COUNT_IN_SERVICE_AREA_ALL_INSURERS = "INSURED_COUNT_IN_SERVICE_AREA_ALL_INSURERS";

    public enum Type {
        SINGLE, COORDINATED
    }

    public Purchasing {
        referenceDates = referenceDates == null ? Map.of() : Map.copyOf(new TreeMap<>(referenceDates));
        if (referenceDateRule != null && !FIRST_OF_JANUARY.equals(referenceDateRule)) {
            throw new IllegalArgumentException("unknown reference-date rule '" + referenceDateRule + "'; known: "
                    + FIRST_OF_JANUARY + " (R11)");
        }
        if (type == null) {
            throw new IllegalArgumentException("purchasing type is required (R11)");
        }
        if (type == Type.COORDINATED && (referenceDate == null || source == null)) {
            throw new IllegalArgumentException("coordinated purchasing needs a market-share reference date and source (R11)");
        }
    }

    /** One reference date for every contract year, as contract versions before per-year shares have it. */
    public Purchasing(Type type, String basis, LocalDate referenceDate, CountSource source) {
        this(type, basis, referenceDate, source, Map.of(), null);
    }

    /** The reference date whose counts split the periods of contract year {@code year}; null for single purchasing. */
    public LocalDate referenceDateOf(int year) {
        if (type == Type.SINGLE) {
            return null;
        }
        LocalDate listed = referenceDates.get(year);
        if (listed != null) {
            return listed;
        }
        if (FIRST_OF_JANUARY.equals(referenceDateRule)) {
            return LocalDate.of(year, 1, 1);
        }
        return referenceDate;
    }

    /** The reference dates of every contract year of {@code validity}, in date order; empty for single purchasing. */
    public Set<LocalDate> referenceDatesWithin(Period validity) {
        Set<LocalDate> dates = new TreeSet<>();
        if (type == Type.COORDINATED) {
            for (int year = validity.start().getYear(); year <= validity.end().getYear(); year++) {
                dates.add(referenceDateOf(year));
            }
        }
        return dates;
    }

    /** Whether the basis is one this service can compute. */
    public boolean basisSupported() {
        return basis == null || INSURED_COUNT_IN_SERVICE_AREA.equals(basis)
                || INSURED_COUNT_IN_SERVICE_AREA_ALL_INSURERS.equals(basis);
    }

    /** Whether shares are normalised over all insurers in the area rather than the participating ones. */
    public boolean overAllInsurers() {
        return INSURED_COUNT_IN_SERVICE_AREA_ALL_INSURERS.equals(basis);
    }

    public static Purchasing single() {
        return new Purchasing(Type.SINGLE, null, null, null);
    }

    public static Purchasing coordinated(LocalDate referenceDate, CountSource source) {
        return new Purchasing(Type.COORDINATED, INSURED_COUNT_IN_SERVICE_AREA, referenceDate, source);
    }

    public static Purchasing coordinatedOverAllInsurers(LocalDate referenceDate, CountSource source) {
        return new Purchasing(Type.COORDINATED, INSURED_COUNT_IN_SERVICE_AREA_ALL_INSURERS, referenceDate, source);
    }
}
