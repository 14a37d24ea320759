package nl.bdss.reporting.serviceyear.domain;

/**
 * A sector's amount of a closed service year in two parts: as closed (the year's entries booked in it) and the later
 * corrections (the year's entries booked in a later year). Together they are the sector's service-year amount.
 */
public record ClosedSplit(long atCloseCents, long laterCorrectionsCents) {

    public static final ClosedSplit NONE = new ClosedSplit(0, 0);

    public long totalCents() {
        return atCloseCents + laterCorrectionsCents;
    }
}
