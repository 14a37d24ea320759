package nl.bdss.allocation.split.domain;

import java.time.LocalDate;
import nl.bdss.allocation.counts.domain.CountSource;

/**
 * SINGLE: one insurer pays everything. COORDINATED: several insurers share by market share, defined by a basis,
 * a reference date and the source of the insured counts (R11).
 */
public record Purchasing(Type type, String basis, LocalDate referenceDate, CountSource source) {

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
        if (type == null) {
            throw new IllegalArgumentException("purchasing type is required (R11)");
        }
        if (type == Type.COORDINATED && (referenceDate == null || source == null)) {
            throw new IllegalArgumentException("coordinated purchasing needs a market-share reference date and source (R11)");
        }
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
