package nl.bdss.allocation.privacy.domain;

import java.util.Collection;

/**
 * The small-cell rule (DOMAIN "Privacy"; issue 14): a count of insureds, or an aggregate, shown to an insurer or a
 * provider is suppressed when it rests on fewer than {@code minInsureds} insureds or, for an aggregate over
 * contracts, on fewer than {@code minContracts} contracts, the way statistics offices suppress small cells: insured
 * counts per postcode can be small enough to point at households. Operators see every figure.
 *
 * <p>The one place of the rule. It is pure on purpose: when another service needs it (reporting's regional loads,
 * settlement's aggregates) it moves to the kernel unchanged. Settings: {@code bdss.privacy.min-insureds} (default
 * {@value #DEFAULT_MIN_INSUREDS}) and {@code bdss.privacy.min-contracts} (default {@value #DEFAULT_MIN_CONTRACTS}).
 *
 * <ul>
 *   <li>{@link #suppressesCount}: one count of insureds (a cell), e.g. an insurer's insureds in one postcode of a
 *       contract's service area. Such a count belongs to one contract by nature, so only the insureds threshold
 *       applies to it; the contracts threshold is for figures that add up several contracts.</li>
 *   <li>{@link #suppressesAggregate}: a figure adding up several contracts (a sector's load in a region).</li>
 *   <li>{@link #suppressesAnyOf}: figures derived from several cells together that add up to a known whole (market
 *       shares add up to 100%): when one cell is small every figure goes, or the small one follows from the others
 *       (complementary suppression).</li>
 * </ul>
 */
public record SmallCells(long minInsureds, long minContracts) {

    public static final long DEFAULT_MIN_INSUREDS = 10;
    public static final long DEFAULT_MIN_CONTRACTS = 3;

    public SmallCells {
        if (minInsureds < 0 || minContracts < 0) {
            throw new IllegalArgumentException("small-cell minimums are never negative, were " + minInsureds + " insureds and "
                    + minContracts + " contracts");
        }
    }

    public static SmallCells defaults() {
        return new SmallCells(DEFAULT_MIN_INSUREDS, DEFAULT_MIN_CONTRACTS);
    }

    /** Whether a count of insureds (one cell) is withheld from an insurer or provider. */
    public boolean suppressesCount(long insureds) {
        return insureds < minInsureds;
    }

    /** Whether an aggregate resting on {@code insureds} insureds in {@code contracts} contracts is withheld. */
    public boolean suppressesAggregate(long insureds, long contracts) {
        return insureds < minInsureds || contracts < minContracts;
    }

    /** Whether figures derived from these cells together are withheld: as soon as any one cell is small. */
    public boolean suppressesAnyOf(Collection<Long> cells) {
        return cells.stream().anyMatch(this::suppressesCount);
    }

    /** The count as shown to an insurer or provider: itself, or null when it is a small cell. */
    public Long shownCount(long insureds) {
        return suppressesCount(insureds) ? null : insureds;
    }
}
