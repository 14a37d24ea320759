package nl.bdss.allocation.split.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import nl.bdss.kernel.time.CalendarPeriod;
import nl.bdss.kernel.time.Period;
import nl.bdss.kernel.time.PeriodKind;
import nl.bdss.kernel.time.ProRata;

/**
 * Turns a contract's terms history and its market shares into the allocation of every settlement period.
 *
 * <p>Effective-dated amendments (R8): a period's amount is the sum, over the terms segments overlapping it, of
 * each segment's lump sum pro rata by days of the calendar period. To stay exact, the kernel's {@link ProRata}
 * rounds the exact rational sum once to the cent and distributes that total over the segments by the largest
 * remainder on the weights lumpSum x days (earlier segment wins a tie). Each segment's part is then split by its
 * own terms (domain, sector, market shares, payees) and lines with the same domain, sector, insurer and payee are
 * merged by adding them up. A segment covering a whole period gives exactly its lump sum, so a period entirely
 * before an amendment's effective date comes out exactly as before the amendment: settlement books nothing for it.
 *
 * <p>Period grid: every segment keeps the grid (MONTH/QUARTER/YEAR) of its own terms. A lump sum is agreed per
 * period of a kind, and periods already past (often already settled) must not be re-cut because the parties agreed
 * another rhythm for the future; so a change of period kind takes effect on the amendment's effective date, the
 * old grid's period containing that date ends the day before (pro rata) and the new grid starts there (its first
 * period pro rata too). Consecutive segments with the same kind share one grid, so a mid-period amendment of the
 * amount yields one period with a mixed amount, not two. Payment timing follows the latest version.
 */
public final class Allocator {

    private Allocator() {
    }

    /** One version's terms for the whole validity. */
    public static Allocation allocate(ContractTerms terms, MarketShareOutcome shares) {
        return allocate(List.of(new TermsSegment(Period.of(terms.validFrom(), terms.validUntil()), terms)),
                ignored -> shares);
    }

    /**
     * @param segments     the terms history in date order ({@link TermsHistory#segments}); the last one is the latest
     * @param marketShares the market shares under a segment's terms (called once per segment)
     */
    public static Allocation allocate(List<TermsSegment> segments, Function<ContractTerms, MarketShareOutcome> marketShares) {
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("an allocation needs at least one terms segment");
        }
        ContractTerms latest = segments.get(segments.size() - 1).terms();
        LocalDate validFrom = segments.get(0).from();
        LocalDate validUntil = segments.get(segments.size() - 1).until();
        List<MarketShareOutcome> shares = new ArrayList<>();
        for (TermsSegment segment : segments) {
            MarketShareOutcome outcome = marketShares.apply(segment.terms());
            if (outcome.pending()) {
                String reason = segments.size() == 1 ? outcome.pendingReason()
                        : "terms in force from " + segment.from() + ": " + outcome.pendingReason();
                return new Allocation(AllocationStatus.PENDING, reason, validFrom, validUntil, latest.periodKind(),
                        latest.paymentTiming(), latest.lumpSumCents(), latest.purchasing().referenceDate(), List.of(),
                        List.of(), latest.purchasing().basis(), 0, List.of());
            }
            shares.add(outcome);
        }
        List<AllocatedPeriod> periods = new ArrayList<>();
        int runStart = 0;
        for (int i = 1; i <= segments.size(); i++) {
            if (i == segments.size() || segments.get(i).terms().periodKind() != segments.get(runStart).terms().periodKind()) {
                periods.addAll(run(segments.subList(runStart, i), shares.subList(runStart, i)));
                runStart = i;
            }
        }
        MarketShareOutcome latestShares = shares.get(shares.size() - 1);
        return new Allocation(AllocationStatus.COMPLETE, null, validFrom, validUntil, latest.periodKind(),
                latest.paymentTiming(), latest.lumpSumCents(), latest.purchasing().referenceDate(), latestShares.shares(),
                periods, latest.purchasing().basis(), latestShares.unfundedInsuredCount(), latestShares.serviceAreaCounts());
    }

    /** The periods of consecutive segments with the same period kind, on that kind's calendar grid. */
    private static List<AllocatedPeriod> run(List<TermsSegment> segments, List<MarketShareOutcome> shares) {
        PeriodKind kind = segments.get(0).terms().periodKind();
        Period range = Period.of(segments.get(0).from(), segments.get(segments.size() - 1).until());
        List<AllocatedPeriod> periods = new ArrayList<>();
        for (CalendarPeriod calendar : kind.grid(range)) {
            periods.add(period(calendar, segments, shares));
        }
        return periods;
    }

    private static AllocatedPeriod period(CalendarPeriod calendar, List<TermsSegment> segments,
            List<MarketShareOutcome> shares) {
        List<ProRata.Share> parts = new ArrayList<>(segments.size());
        for (TermsSegment segment : segments) {
            parts.add(new ProRata.Share(segment.terms().lumpSumCents(), segment.period().overlapDays(calendar.covered())));
        }
        long total = ProRata.total(parts, calendar.daysInPeriod());
        long[] amounts = ProRata.parts(parts, calendar.daysInPeriod());
        Map<LineKey, Long> merged = new LinkedHashMap<>();
        long unfunded = 0;
        for (int i = 0; i < segments.size(); i++) {
            if (parts.get(i).days() == 0) {
                continue;
            }
            MarketShareOutcome outcome = shares.get(i);
            BudgetSplit.PeriodSplit split = BudgetSplit.split(segments.get(i).terms(), outcome.shares(),
                    outcome.unfundedInsuredCount(), amounts[i]);
            split.lines().forEach(line -> merged.merge(LineKey.of(line), line.amountCents(), Math::addExact));
            unfunded += split.unfundedCents();
        }
        List<AllocationLine> lines = merged.entrySet().stream().map(e -> e.getKey().line(e.getValue())).toList();
        return new AllocatedPeriod(calendar.covered().start(), calendar.covered().end(), total, lines, unfunded);
    }

    private record LineKey(LegalDomain domain, String sector, String uzovi, String payeePartyKey, String payeeAgb) {
        static LineKey of(AllocationLine line) {
            return new LineKey(line.domain(), line.sector(), line.uzovi(), line.payeePartyKey(), line.payeeAgb());
        }

        AllocationLine line(long amountCents) {
            return new AllocationLine(domain, sector, uzovi, payeePartyKey, payeeAgb, amountCents);
        }
    }
}
