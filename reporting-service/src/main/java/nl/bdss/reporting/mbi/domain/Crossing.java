package nl.bdss.reporting.mbi.domain;

/**
 * What a new measurement means for the watch (R21): an alert is raised once when the load crosses the
 * threshold upwards, not again while it stays above, and again only after it fell below and crossed anew.
 */
public enum Crossing {
    RAISED,
    CLEARED,
    UNCHANGED;

    public static Crossing of(boolean wasAbove, boolean isAbove) {
        if (isAbove == wasAbove) {
            return UNCHANGED;
        }
        return isAbove ? RAISED : CLEARED;
    }
}
