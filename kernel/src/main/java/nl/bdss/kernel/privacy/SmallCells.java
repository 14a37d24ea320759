package nl.bdss.kernel.privacy;

import java.util.Collection;

/**
 * The small-cell rule (issue 14, "What an insurer may learn"; DOMAIN "Privacy"), once for every service: a figure
 * shown to an insurer or a provider is withheld when it rests on a positive number of insureds below
 * {@code minInsureds} ({@value #MIN_INSUREDS_PROPERTY}, default {@value #DEFAULT_MIN_INSUREDS}) or, for a figure adding
 * up contracts, on a positive number of contracts below {@code minContracts} ({@value #MIN_CONTRACTS_PROPERTY},
 * default {@value #DEFAULT_MIN_CONTRACTS}), the way statistics offices suppress small cells: insured counts per
 * postcode can be small enough to point at a household, and a sum over one or two contracts shows what one or two
 * other parties agreed. A count of 0 is not withheld (it points at no one), nor is a count at or above the minimum.
 * Operators are shown every figure; the callers decide who is subject to the rule and which count a figure rests on.
 *
 * <ul>
 *   <li>{@link #suppressesCount}: one count of insureds (a cell), e.g. an insurer's insureds in one postcode of a
 *       contract's service area, or behind one part of a risk-equalisation attribution;</li>
 *   <li>{@link #suppressesContracts}: a figure adding up contracts (a sector's national load), by the number of
 *       contracts it rests on that the viewer may not subtract (reporting: those it is no party to);</li>
 *   <li>{@link #suppressesAggregate}: a figure resting on both, withheld when either is small;</li>
 *   <li>{@link #suppressesAnyOf}: figures derived from several cells together that add up to a known whole (market
 *       shares add up to 100%): as soon as one cell is small every figure goes, or the small one would follow from
 *       the others (complementary suppression).</li>
 * </ul>
 *
 * <p>Both minimums are at least 1; a minimum of 1 withholds nothing ({@link #showingEverything()}). A count is never
 * negative: asking about one is a programming error and refused.
 */
public record SmallCells(long minInsureds, long minContracts) {

    /** The setting every service reads {@code minInsureds} from. */
    public static final String MIN_INSUREDS_PROPERTY = "bdss.privacy.min-insureds";
    /** The setting every service reads {@code minContracts} from. */
    public static final String MIN_CONTRACTS_PROPERTY = "bdss.privacy.min-contracts";
    /** The default minimum number of insureds a figure shown to an insurer or provider must rest on. */
    public static final long DEFAULT_MIN_INSUREDS = 10;
    /** The default minimum number of contracts a figure over contracts shown to an insurer must rest on. */
    public static final long DEFAULT_MIN_CONTRACTS = 3;

    private static final SmallCells SHOWING_EVERYTHING = new SmallCells(1, 1);

    /**
     * @param minInsureds the smallest positive count of insureds that is shown; 1 shows every count
     * @param minContracts the smallest positive number of contracts a shown figure over contracts rests on; 1 shows
     *     every such figure
     */
    public SmallCells {
        if (minInsureds < 1) {
            throw new IllegalArgumentException(MIN_INSUREDS_PROPERTY + ": at least 1, was " + minInsureds);
        }
        if (minContracts < 1) {
            throw new IllegalArgumentException(MIN_CONTRACTS_PROPERTY + ": at least 1, was " + minContracts);
        }
    }

    /** The rule with the defaults: {@value #DEFAULT_MIN_INSUREDS} insureds, {@value #DEFAULT_MIN_CONTRACTS} contracts. */
    public static SmallCells defaults() {
        return new SmallCells(DEFAULT_MIN_INSUREDS, DEFAULT_MIN_CONTRACTS);
    }

    /** The rule that withholds nothing (minimums 1), for a viewer who is shown every figure. */
    public static SmallCells showingEverything() {
        return SHOWING_EVERYTHING;
    }

    /** Whether a count of insureds (one cell) is withheld: {@code 0 < insureds < minInsureds}. */
    public boolean suppressesCount(long insureds) {
        return small(insureds, minInsureds, "insured count");
    }

    /** The count as shown: itself, or null when it is withheld as a small cell. */
    public Long shownCount(long insureds) {
        return suppressesCount(insureds) ? null : insureds;
    }

    /** Whether a figure resting on this many contracts is withheld: {@code 0 < contracts < minContracts}. */
    public boolean suppressesContracts(long contracts) {
        return small(contracts, minContracts, "contract count");
    }

    /** Whether a figure resting on {@code insureds} insureds in {@code contracts} contracts is withheld: either small. */
    public boolean suppressesAggregate(long insureds, long contracts) {
        // both checked, so a negative one is refused whatever the other
        boolean fewInsureds = suppressesCount(insureds);
        boolean fewContracts = suppressesContracts(contracts);
        return fewInsureds || fewContracts;
    }

    /** Whether figures derived from these counts of insureds together are withheld: as soon as any one is small. */
    public boolean suppressesAnyOf(Collection<Long> insuredCounts) {
        boolean any = false;
        for (long count : insuredCounts) {
            any |= suppressesCount(count);
        }
        return any;
    }

    private static boolean small(long count, long minimum, String what) {
        if (count < 0) {
            throw new IllegalArgumentException("a " + what + " is never negative, was " + count);
        }
        return count > 0 && count < minimum;
    }
}
