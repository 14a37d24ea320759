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

    public static Purchasing single() {
        return new Purchasing(Type.SINGLE, null, null, null);
    }

    public static Purchasing coordinated(LocalDate referenceDate, CountSource source) {
        return new Purchasing(Type.COORDINATED, INSURED_COUNT_IN_SERVICE_AREA, referenceDate, source);
    }
}
