package nl.bdss.kernel.money;

import java.util.Collection;

/** A share in basis points: 1 = 0.01%, {@value #WHOLE} = 100% (R7, R11). */
public record BasisPoints(int value) implements Comparable<BasisPoints> {

    public static final int WHOLE = 10_000;
    public static final BasisPoints HUNDRED_PERCENT = new BasisPoints(WHOLE);

    public BasisPoints {
        if (!isValid(value)) {
            throw new IllegalArgumentException("a share must lie between 0 and " + WHOLE + " basis points, was " + value);
        }
    }

    public static BasisPoints of(int value) {
        return new BasisPoints(value);
    }

    public static boolean isValid(long value) {
        return value >= 0 && value <= WHOLE;
    }

    /** Whether the shares add up to exactly 100% (R7: at each level of the budget split). */
    public static boolean addUpToWhole(Collection<BasisPoints> shares) {
        long total = 0;
        for (BasisPoints share : shares) {
            total += share.value;
        }
        return total == WHOLE;
    }

    public boolean isWhole() {
        return value == WHOLE;
    }

    @Override
    public int compareTo(BasisPoints other) {
        return Integer.compare(value, other.value);
    }

    @Override
    public String toString() {
        return value + " bp";
    }
}
