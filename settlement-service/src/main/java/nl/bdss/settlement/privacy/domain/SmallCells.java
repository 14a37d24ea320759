package nl.bdss.settlement.privacy.domain;

/**
 * The small-cell rule for what insurers and providers are shown (issue 14, "What an insurer may learn"): a count,
 * or a figure that rests on a count of insureds, is withheld when it is positive but below the minimum
 * ({@code bdss.privacy.min-insureds}, by default {@value #DEFAULT_MIN_INSUREDS}), the way statistics offices
 * suppress small cells: such a cell can point at a household. A count of 0 is not withheld (it points at no one),
 * and neither is a count at or above the minimum. Operators are shown every count; the callers decide who is
 * subject to the rule.
 *
 * <p>One small pure class with the same semantics as its equivalent in allocation-service, to be moved to the kernel.
 */
public final class SmallCells {

    /** The default minimum number of insureds a figure shown to an insurer or provider must rest on. */
    public static final long DEFAULT_MIN_INSUREDS = 10;

    private final long minimum;

    /** @param minimum the smallest count that is shown; 1 shows every count */
    public SmallCells(long minimum) {
        if (minimum < 1) {
            throw new IllegalArgumentException("bdss.privacy.min-insureds: at least 1, was " + minimum);
        }
        this.minimum = minimum;
    }

    /** The rule with the default minimum of {@value #DEFAULT_MIN_INSUREDS} insureds. */
    public static SmallCells withDefaultMinimum() {
        return new SmallCells(DEFAULT_MIN_INSUREDS);
    }

    public long minimum() {
        return minimum;
    }

    /** Whether a count (or a figure resting on that many insureds) is withheld: {@code 0 < count < minimum}. */
    public boolean suppress(long count) {
        return count > 0 && count < minimum;
    }
}
