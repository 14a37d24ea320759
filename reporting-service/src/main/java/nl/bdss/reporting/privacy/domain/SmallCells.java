package nl.bdss.reporting.privacy.domain;

/**
 * The small-cell rule for what insurers are shown (issue 14, "What an insurer may learn"): a figure that rests on a
 * positive number of contracts below the minimum ({@code bdss.privacy.min-contracts}, by default
 * {@value #DEFAULT_MIN_CONTRACTS}) is withheld, the way statistics offices suppress small cells: it would show what
 * one or two other parties agreed. A count of 0 is not withheld, nor is one at or above the minimum.
 *
 * <p>One small pure class with the same semantics as its equivalents in allocation-service and settlement-service
 * ({@code suppress(count)} when {@code 0 < count < minimum}), to be moved to the kernel.
 */
public final class SmallCells {

    /** The default minimum number of contracts a sector-wide figure shown to an insurer must rest on. */
    public static final long DEFAULT_MIN_CONTRACTS = 3;

    private final long minimum;

    /** @param minimum the smallest count that is shown; 1 shows every figure */
    public SmallCells(long minimum) {
        if (minimum < 1) {
            throw new IllegalArgumentException("bdss.privacy.min-contracts: at least 1, was " + minimum);
        }
        this.minimum = minimum;
    }

    public static SmallCells withDefaultMinimum() {
        return new SmallCells(DEFAULT_MIN_CONTRACTS);
    }

    public long minimum() {
        return minimum;
    }

    /** Whether a figure resting on {@code count} contracts is withheld: {@code 0 < count < minimum}. */
    public boolean suppress(long count) {
        return count > 0 && count < minimum;
    }
}
