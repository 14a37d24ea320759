package nl.bdss.reporting.mbi.domain;

import java.math.BigInteger;

/** The title's load on a sector's macro budget as a share of that budget (R18, R21). */
public record LoadShare(long loadCents, long macroBudgetCents) {

    public LoadShare {
        if (macroBudgetCents <= 0) {
            throw new IllegalArgumentException("macroBudgetCents: a macro budget is positive, was " + macroBudgetCents);
        }
    }

    /** The share in basis points, rounded down (10000 = the whole macro budget). */
    public long basisPoints() {
        return BigInteger.valueOf(loadCents).multiply(BigInteger.valueOf(10_000))
                .divide(BigInteger.valueOf(macroBudgetCents)).longValueExact();
    }

    /** Whether the load is at or above the threshold, compared exactly (no rounding at the edge). */
    public boolean reaches(Threshold threshold) {
        return BigInteger.valueOf(loadCents).multiply(BigInteger.valueOf(10_000))
                .compareTo(BigInteger.valueOf(macroBudgetCents).multiply(BigInteger.valueOf(threshold.basisPoints()))) >= 0;
    }
}
