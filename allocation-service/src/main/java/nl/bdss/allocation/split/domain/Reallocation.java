package nl.bdss.allocation.split.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.bdss.kernel.time.Period;

/**
 * What a new allocation is made against: the current one (null for a contract's first) and today, deciding which of
 * its periods are settled ({@link SettledPeriods}) and how they are kept.
 * <ul>
 *   <li>{@link Cause#COUNTS_DELIVERED}: a settled period keeps its lines exactly as allocated; only the others take
 *       the new counts.</li>
 *   <li>{@link Cause#CONTRACT_VERSION} (an amendment all parties agreed): a settled period keeps the market shares
 *       it was allocated with, and only the agreed amounts change.</li>
 *   <li>{@link Cause#REOPENED}: as for a count delivery, except that the settled periods of {@code reopenedYears}
 *       are allocated again with the current counts (an operator's decision).</li>
 * </ul>
 * {@code currentDatasetId} is the current allocation's first-year dataset, for allocations stored before per-year
 * shares (which name no dataset per year).
 */
public record Reallocation(Allocation current, UUID currentDatasetId, LocalDate today, Cause cause,
        Set<Integer> reopenedYears) {

    public enum Cause {
        CONTRACT_VERSION, COUNTS_DELIVERED, REOPENED
    }

    public Reallocation {
        reopenedYears = reopenedYears == null ? Set.of() : Set.copyOf(reopenedYears);
        if (cause == null || (current != null && today == null)) {
            throw new IllegalArgumentException("a reallocation needs its cause and, against an allocation, today");
        }
    }

    /** A contract's first allocation, or a computation that keeps nothing. */
    public static Reallocation first(Cause cause) {
        return new Reallocation(null, null, null, cause, Set.of());
    }

    /**
     * The settled period of the current allocation that this period keeps, if any: the one with exactly these days;
     * under an amendment also the one starting on the same day (an amendment changing the period kind cuts the period
     * it falls in short, which then keeps its shares too).
     */
    Optional<AllocatedPeriod> keptPeriod(Period period) {
        if (current == null || reopenedYears.contains(period.year())) {
            return Optional.empty();
        }
        return current.periods().stream()
                .filter(p -> p.start().equals(period.start()) && (!keepsLines() || p.end().equals(period.end())))
                .filter(p -> SettledPeriods.isSettled(p, current.paymentTiming(), today))
                .findFirst();
    }

    /** Whether a kept period keeps its lines (a count delivery, a reopen of other years) or only its shares. */
    boolean keepsLines() {
        return cause != Cause.CONTRACT_VERSION;
    }

    /** The shares a period of the current allocation was allocated with. */
    PeriodShares sharesOf(AllocatedPeriod period) {
        return current.periodShares().stream().filter(s -> s.periodStart().equals(period.start())).findFirst()
                .orElseGet(() -> new PeriodShares(period.start(), current.marketShares(), current.unfundedInsuredCount()));
    }

    /** The current allocation's record of the year; for one stored before per-year shares, its only shares. */
    YearShares yearOf(int year) {
        return current.yearShares().stream().filter(y -> y.year() == year).findFirst()
                .orElseGet(() -> new YearShares(year, current.referenceDate(), currentDatasetId, AllocationStatus.COMPLETE,
                        null, current.marketShares(), current.unfundedInsuredCount(), current.serviceAreaCounts(),
                        current.marketShares().stream().filter(s -> s.insuredCount() == 0 && current.marketShareBasis() != null)
                                .map(MarketShare::uzovi).toList(), false));
    }

    List<AllocatedPeriod> currentPeriods() {
        return current == null ? List.of() : current.periods();
    }
}
