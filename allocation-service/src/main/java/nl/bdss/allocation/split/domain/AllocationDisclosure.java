package nl.bdss.allocation.split.domain;

import java.util.ArrayList;
import java.util.List;
import nl.bdss.kernel.privacy.SmallCells;

/**
 * What a viewer may learn of an allocation (issue 14, "What an insurer may learn"; DOMAIN "Privacy"). Operators see
 * every figure. Insurers and providers see:
 * <ul>
 *   <li>market shares in basis points, every participating insurer's (the split the contract parties agreed);</li>
 *   <li>insured counts only their own: an insurer its own count behind its share and its own counts per postcode of
 *       the service area; a provider no counts at all. Other insurers' counts, their counts per postcode and the
 *       non-participating insurers' total (the unfunded insured count, R11) are for operators;</li>
 *   <li>small cells suppressed (the kernel's {@link SmallCells}): an own count that is positive but under the
 *       minimum is withheld, for the insurer itself too (a count of 0 points at no one and is shown); market shares
 *       resting on counts are withheld all together as soon as one count behind them (a participant's, or the
 *       non-participants' total under the "all insurers" basis) is such a small cell,
 *       since shares add up to a known whole and a small one would follow from the others. Shares of single
 *       purchasing rest on no count and are always shown;</li>
 *   <li>lines: an insurer every line of the contracts it is party to (as before); a provider only the lines paid to
 *       it, a main contractor (R10) thereby every Zvw line of the periods it is main contractor in, and only the
 *       periods holding such a line. Money is never suppressed: a party must know what it pays or receives.</li>
 * </ul>
 * A withheld figure is null with {@code suppressed} true; a figure that is not for the viewer is left out. The
 * market shares and counts of each contract year are disclosed by exactly these rules, year by year. The R15
 * warnings name an insurer with no insureds in the area: a 0 share every party of the contract sees anyway (a 0 is
 * no small cell), so they are shown to every viewer.
 */
public final class AllocationDisclosure {

    private final SmallCells smallCells;

    public AllocationDisclosure(SmallCells smallCells) {
        if (smallCells == null) {
            throw new IllegalArgumentException("the disclosure needs the small-cell rule");
        }
        this.smallCells = smallCells;
    }

    /**
     * A market share as the viewer sees it: with {@code countShown} the insured count behind it is part of the view
     * (null when withheld as a small cell); {@code basisPoints} null when withheld; {@code suppressed} when either is.
     */
    public record ShownShare(String uzovi, boolean countShown, Long insuredCount, Integer basisPoints,
            boolean suppressed) {
    }

    /** An insured count of one insurer in one postcode as the viewer sees it: null with {@code suppressed} when small. */
    public record ShownCount(String uzovi, String postcode, Long insuredCount, boolean suppressed) {
    }

    /**
     * What a preview tells the viewer: the proposed status and reason, the periods with the viewer's lines, the
     * proposed market shares (basis points only) and, when the contract has a current allocation, the corrections
     * of the viewer's lines (else null).
     */
    public record ShownPreview(AllocationStatus status, String pendingReason, List<AllocatedPeriod> periods,
            List<ShownShare> marketShares, List<ShownYear> yearShares, List<AllocationWarning> warnings,
            List<Correction> corrections) {
    }

    /**
     * The market shares; with {@code withCounts} false no count is part of the view, not even for an operator.
     */
    public List<ShownShare> marketShares(Allocation allocation, Viewer viewer, boolean withCounts) {
        return marketShares(allocation.marketShares(), allocation.marketShareBasis(), allocation.unfundedInsuredCount(),
                viewer, withCounts);
    }

    /**
     * A contract year's record as the viewer sees it: the year's market shares and counts by exactly the rules of
     * the allocation's own ({@link #marketShares}, {@link #serviceAreaCounts}); {@code serviceAreaCounts} null for a
     * provider, {@code unfundedInsuredCount} null for anyone but an operator.
     */
    public record ShownYear(int year, java.time.LocalDate referenceDate, java.util.UUID datasetId,
            AllocationStatus status, String pendingReason, List<ShownShare> marketShares,
            List<ShownCount> serviceAreaCounts, Long unfundedInsuredCount, boolean settledPeriodsKept) {
    }

    /** Every contract year of the allocation as the viewer sees it; {@code withCounts} as for {@link #marketShares}. */
    public List<ShownYear> years(Allocation allocation, Viewer viewer, boolean withCounts) {
        List<ShownYear> shown = new ArrayList<>();
        for (YearShares year : allocation.yearShares()) {
            List<ShownCount> counts = null;
            if (withCounts && viewer.kind() != Viewer.Kind.PROVIDER) {
                counts = new ArrayList<>();
                for (ServiceAreaCount count : year.serviceAreaCounts()) {
                    shownCount(count.uzovi(), count.postcode(), count.insuredCount(), viewer, counts);
                }
            }
            shown.add(new ShownYear(year.year(), year.referenceDate(), year.datasetId(), year.status(),
                    year.pendingReason(), marketShares(year.marketShares(), allocation.marketShareBasis(),
                            year.unfundedInsuredCount(), viewer, withCounts),
                    counts == null ? null : List.copyOf(counts),
                    withCounts && showsUnfundedInsuredCount(viewer) ? year.unfundedInsuredCount() : null,
                    year.settledPeriodsKept()));
        }
        return List.copyOf(shown);
    }

    private List<ShownShare> marketShares(List<MarketShare> shares, String basis, long unfundedInsuredCount,
            Viewer viewer, boolean withCounts) {
        boolean counted = restsOnCounts(shares, basis);
        boolean sharesWithheld = !viewer.seesEverything() && counted
                && sharesSuppressed(shares, basis, unfundedInsuredCount);
        List<ShownShare> shown = new ArrayList<>();
        for (MarketShare share : shares) {
            if (viewer.seesEverything()) {
                shown.add(new ShownShare(share.uzovi(), withCounts, withCounts ? share.insuredCount() : null,
                        share.basisPoints(), false));
                continue;
            }
            Integer basisPoints = sharesWithheld ? null : share.basisPoints();
            if (withCounts && counted && viewer.isInsurer(share.uzovi())) {
                Long count = smallCells.shownCount(share.insuredCount());
                shown.add(new ShownShare(share.uzovi(), true, count, basisPoints, count == null || sharesWithheld));
            } else {
                shown.add(new ShownShare(share.uzovi(), false, null, basisPoints, sharesWithheld));
            }
        }
        return List.copyOf(shown);
    }

    /** The counts per insurer and service-area postcode: all for operators, an insurer's own, none for a provider. */
    public List<ShownCount> serviceAreaCounts(Allocation allocation, Viewer viewer) {
        List<ShownCount> shown = new ArrayList<>();
        for (ServiceAreaCount count : allocation.serviceAreaCounts()) {
            shownCount(count.uzovi(), count.postcode(), count.insuredCount(), viewer, shown);
        }
        return List.copyOf(shown);
    }

    /** The delivered counts per insurer and postcode behind the shares, as {@link #serviceAreaCounts}. */
    public List<ShownCount> deliveredCounts(List<CountInArea> counts, Viewer viewer) {
        List<ShownCount> shown = new ArrayList<>();
        for (CountInArea count : counts) {
            shownCount(count.uzovi().code(), count.postcode().value(), count.insuredCount(), viewer, shown);
        }
        return List.copyOf(shown);
    }

    /** Whether the non-participating insurers' total (the unfunded insured count, R11) is for this viewer. */
    public boolean showsUnfundedInsuredCount(Viewer viewer) {
        return viewer.seesEverything();
    }

    /** The periods of a stored allocation: a provider sees only its own lines and the periods holding them. */
    public List<AllocatedPeriod> periods(Allocation allocation, Viewer viewer) {
        return viewer.kind() == Viewer.Kind.PROVIDER ? ownPeriods(allocation, viewer) : allocation.periods();
    }

    /**
     * A proposed allocation as the viewer of a preview sees it: an operator every line; an insurer the lines it
     * would pay, a provider the lines it would be paid, each only in the periods holding one; the corrections
     * against the current allocation (when there is one) of those lines only.
     */
    public ShownPreview preview(Allocation proposed, Allocation current, Viewer viewer) {
        List<Correction> corrections = current == null ? null
                : Corrections.between(current, proposed).stream().filter(viewer::owns).toList();
        return new ShownPreview(proposed.status(), proposed.pendingReason(), ownPeriods(proposed, viewer),
                marketShares(proposed, viewer, false), years(proposed, viewer, false), proposed.warnings(), corrections);
    }

    private List<AllocatedPeriod> ownPeriods(Allocation allocation, Viewer viewer) {
        if (viewer.seesEverything()) {
            return allocation.periods();
        }
        List<AllocatedPeriod> periods = new ArrayList<>();
        for (AllocatedPeriod period : allocation.periods()) {
            List<AllocationLine> own = period.lines().stream().filter(viewer::owns).toList();
            if (!own.isEmpty()) {
                periods.add(new AllocatedPeriod(period.start(), period.end(), period.amountCents(), own,
                        period.unfundedCents()));
            }
        }
        return List.copyOf(periods);
    }

    private void shownCount(String uzovi, String postcode, long insuredCount, Viewer viewer, List<ShownCount> shown) {
        if (viewer.seesEverything()) {
            shown.add(new ShownCount(uzovi, postcode, insuredCount, false));
        } else if (viewer.isInsurer(uzovi)) {
            Long count = smallCells.shownCount(insuredCount);
            shown.add(new ShownCount(uzovi, postcode, count, count == null));
        }
    }

    /** Single purchasing fixes the one insurer's share without counts (R11): its shares rest on none. */
    private static boolean restsOnCounts(List<MarketShare> shares, String basis) {
        return basis != null || shares.stream().anyMatch(share -> share.insuredCount() > 0);
    }

    /**
     * The counts the shares rest on: every participant's, and under the "all insurers" basis the non-participants'
     * total when there are any (none in the area is no one's count).
     */
    private boolean sharesSuppressed(List<MarketShare> shares, String basis, long unfundedInsuredCount) {
        List<Long> cells = new ArrayList<>(shares.stream().map(MarketShare::insuredCount).toList());
        if (Purchasing.INSURED_COUNT_IN_SERVICE_AREA_ALL_INSURERS.equals(basis) && unfundedInsuredCount > 0) {
            cells.add(unfundedInsuredCount);
        }
        return smallCells.suppressesAnyOf(cells);
    }
}
