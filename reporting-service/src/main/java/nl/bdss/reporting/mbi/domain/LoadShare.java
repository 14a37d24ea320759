package nl.bdss.reporting.mbi.domain;

import java.math.BigInteger;
import nl.bdss.kernel.money.BasisPoints;

/**
 * The title's load on a sector's macro budget as a share of that budget (R18, R21), in basis points of the budget.
 * The share may pass 100% (a load above the whole budget), so it is a number of basis points rather than a
 * {@link BasisPoints} share, which ends at 100%.
 */
public record LoadShare(long loadCents, long macroBudgetCents) {

    private static final BigInteger WHOLE = BigInteger.valueOf(BasisPoints.WHOLE);

    public LoadShare {
        if (macroBudgetCents <= 0) {
            throw new IllegalArgumentException("macroBudgetCents: a macro budget is positive, was " + macroBudgetCents);
        }
    }

    /** The share in basis points, rounded down ({@value BasisPoints#WHOLE} = the whole macro budget). */
    public long basisPoints() {
        return BigInteger.valueOf(loadCents).multiply(WHOLE)
                .divide(BigInteger.valueOf(macroBudgetCents)).longValueExact();
    }

    /** Whether the load is at or above the threshold, compared exactly (no rounding at the edge). */
    public boolean reaches(Threshold threshold) {
        return BigInteger.valueOf(loadCents).multiply(WHOLE)
                .compareTo(BigInteger.valueOf(macroBudgetCents).multiply(BigInteger.valueOf(threshold.basisPoints()))) >= 0;
    }
}
