package nl.bdss.reporting.mbi.domain;

/**
 * The share of a macro budget at which the MBI watch alerts (R21), in basis points (100 = 1%). It may lie above the
 * whole budget (up to 1000%), so it is a number of basis points rather than a kernel {@code BasisPoints} share.
 */
public record Threshold(int basisPoints) {

    public Threshold {
        if (basisPoints < 1 || basisPoints > 100_000) {
            throw new IllegalArgumentException("alert-threshold-basis-points: between 1 and 100000 (R21), was " + basisPoints);
        }
    }
}
