package nl.bdss.allocation.split.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.IntFunction;
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
 *
 * <p>Contract years (R11): a period belongs to the calendar year it starts in (the kernel's {@link Period#year()};
 * grid periods never span two years) and is split by the market shares of that year under each segment's terms
 * (the terms' reference date of that year). A period whose shares are pending is left out, and its year is PENDING
 * with the reason; the other years' periods are there. The year's record is the shares of the last segment in force
 * in the year. Settled periods of the current allocation are kept as {@link Reallocation} says.
 */
public final class Allocator {

    private Allocator() {
    }

    /** The market shares under a segment's terms in one contract year. */
    @FunctionalInterface
    public interface YearShareSource {
        MarketShareOutcome of(ContractTerms terms, int year);
    }

    /** One version's terms for the whole validity, the same shares in every year. */
    public static Allocation allocate(ContractTerms terms, MarketShareOutcome shares) {
        return allocate(List.of(new TermsSegment(Period.of(terms.validFrom(), terms.validUntil()), terms)),
                ignored -> shares);
    }

    /**
     * @param segments     the terms history in date order ({@link TermsHistory#segments}); the last one is the latest
     * @param marketShares the market shares under a segment's terms, the same in every year
     */
    public static Allocation allocate(List<TermsSegment> segments, Function<ContractTerms, MarketShareOutcome> marketShares) {
        return allocate(segments, (terms, year) -> marketShares.apply(terms),
                Reallocation.first(Reallocation.Cause.CONTRACT_VERSION));
    }

    /**
     * @param segments the terms history in date order ({@link TermsHistory#segments}); the last one is the latest
     * @param source   the market shares under a segment's terms in a year (called at most once per segment and year)
     * @param basis    the current allocation and what of it is kept
     */
    public static Allocation allocate(List<TermsSegment> segments, YearShareSource source, Reallocation basis) {
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("an allocation needs at least one terms segment");
        }
        ContractTerms latest = segments.get(segments.size() - 1).terms();
        LocalDate validFrom = segments.get(0).from();
        LocalDate validUntil = segments.get(segments.size() - 1).until();
        Map<Long, MarketShareOutcome> computed = new HashMap<>();
        SegmentShares shares = (segment, year) -> computed.computeIfAbsent(((long) segment << 32) | (year & 0xffffffffL),
                key -> source.of(segments.get(segment).terms(), year));
        Map<Integer, YearState> years = new TreeMap<>();
        for (int year = validFrom.getYear(); year <= validUntil.getYear(); year++) {
            years.put(year, new YearState());
        }
        List<AllocatedPeriod> periods = new ArrayList<>();
        List<PeriodShares> used = new ArrayList<>();
        int runStart = 0;
        for (int i = 1; i <= segments.size(); i++) {
            if (i == segments.size() || segments.get(i).terms().periodKind() != segments.get(runStart).terms().periodKind()) {
                run(segments, runStart, i, shares, basis, years, periods, used);
                runStart = i;
            }
        }
        boolean coordinated = latest.purchasing().type() == Purchasing.Type.COORDINATED;
        List<YearShares> yearShares = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        years.forEach((year, state) -> {
            YearShares record = yearRecord(segments, year, state, shares, basis);
            yearShares.add(record);
            if (record.pending()) {
                pending.add("contract year " + year + " (reference date " + record.referenceDate() + "): "
                        + record.pendingReason());
            }
        });
        YearShares first = yearShares.get(0);
        AllocationStatus status = pending.isEmpty() ? AllocationStatus.COMPLETE : AllocationStatus.PENDING;
        List<String> reasons = yearShares.stream().map(YearShares::pendingReason).distinct().toList();
        if (pending.size() == yearShares.size() && reasons.size() == 1) {
            // every year pending for the one same reason (one reference date for all years): that reason alone
            pending.clear();
            pending.add(reasons.get(0));
        }
        List<AllocationWarning> warnings = new ArrayList<>();
        if (coordinated) {
            yearShares.forEach(year -> year.withoutInsureds().forEach(uzovi -> warnings.add(new AllocationWarning("R15",
                    "insurer " + uzovi + " has no insureds in the service area on " + year.referenceDate()
                            + ", the reference date of contract year " + year.year() + ": the collaboration must"
                            + " benefit the insurer's own insureds (R15)"))));
        }
        return new Allocation(status, pending.isEmpty() ? null : String.join("; ", pending), validFrom, validUntil,
                latest.periodKind(), latest.paymentTiming(), latest.lumpSumCents(), first.referenceDate(),
                first.marketShares(), periods, latest.purchasing().basis(), first.unfundedInsuredCount(),
                first.serviceAreaCounts(), coordinated ? yearShares : List.of(), used, warnings,
                latest.paymentSchedule(), latest.vatOfPayees());
    }

    /** The shares of segment {@code segment} (an index into the history) in a contract year. */
    @FunctionalInterface
    private interface SegmentShares {
        MarketShareOutcome of(int segment, int year);
    }

    /** What the periods of one contract year came to. */
    private static final class YearState {
        boolean kept;
        /** A kept period's shares differ from what the year's current counts (or terms) would give. */
        boolean keptDiffers;
        boolean fresh;
        String pendingReason;
    }

    /**
     * The year's record: the shares the settled periods kept when all of its periods were kept; else the shares of
     * the last segment in force in the year, PENDING when one of its periods could not be split.
     */
    private static YearShares yearRecord(List<TermsSegment> segments, int year, YearState state, SegmentShares shares,
            Reallocation basis) {
        if (state.kept && !state.fresh) {
            return basis.yearOf(year).kept(state.keptDiffers);
        }
        Period days = Period.of(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        int last = 0;
        for (int i = 0; i < segments.size(); i++) {
            if (segments.get(i).period().overlapDays(days) > 0) {
                last = i;
            }
        }
        MarketShareOutcome outcome = shares.of(last, year);
        boolean pending = state.pendingReason != null;
        return new YearShares(year, segments.get(last).terms().purchasing().referenceDateOf(year), outcome.datasetId(),
                pending ? AllocationStatus.PENDING : AllocationStatus.COMPLETE, state.pendingReason,
                outcome.shares(), outcome.unfundedInsuredCount(), outcome.serviceAreaCounts(), outcome.withoutInsureds(),
                state.keptDiffers);
    }

    /** The periods of segments {@code from} (inclusive) to {@code to} (exclusive), of one period kind, on its grid. */
    private static void run(List<TermsSegment> segments, int from, int to, SegmentShares shares, Reallocation basis,
            Map<Integer, YearState> years, List<AllocatedPeriod> periods, List<PeriodShares> used) {
        List<TermsSegment> run = segments.subList(from, to);
        PeriodKind kind = run.get(0).terms().periodKind();
        Period range = Period.of(run.get(0).from(), run.get(run.size() - 1).until());
        for (CalendarPeriod calendar : kind.grid(range)) {
            Period covered = calendar.covered();
            int year = covered.year();
            YearState state = years.get(year);
            var kept = basis.keptPeriod(covered);
            if (kept.isPresent()) {
                MarketShareOutcome current = shares.of(from + lastIn(run, covered), year);
                PeriodShares keptWith = basis.sharesOf(kept.get());
                state.keptDiffers |= current.pending() || !current.shares().equals(keptWith.shares())
                        || current.unfundedInsuredCount() != keptWith.unfundedInsuredCount();
            }
            PeriodShares keptShares = kept.map(basis::sharesOf).orElse(null);
            if (kept.isPresent() && basis.keepsLines() && serves(keptShares, run, covered)) {
                state.kept = true;
                periods.add(kept.get());
                used.add(keptShares);
                continue;
            }
            IntFunction<MarketShareOutcome> outcomes = i -> keptShares != null && sameInsurers(keptShares, run.get(i).terms())
                    ? keptShares.outcome() : shares.of(from + i, year);
            String pendingReason = null;
            for (int i = 0; i < run.size() && pendingReason == null; i++) {
                if (run.get(i).period().overlapDays(covered) > 0 && outcomes.apply(i).pending()) {
                    pendingReason = segments.size() == 1 ? outcomes.apply(i).pendingReason()
                            : "terms in force from " + run.get(i).from() + ": " + outcomes.apply(i).pendingReason();
                }
            }
            if (pendingReason != null) {
                // a settled period is never left out: it keeps its lines when its new shares cannot be fixed
                if (kept.isPresent() && kept.get().end().equals(covered.end())) {
                    state.kept = true;
                    periods.add(kept.get());
                    used.add(keptShares);
                } else {
                    state.fresh = true;
                    if (state.pendingReason == null) {
                        state.pendingReason = pendingReason;
                    }
                }
                continue;
            }
            if (kept.isPresent()) {
                state.kept = true;
            } else {
                state.fresh = true;
            }
            periods.add(period(calendar, run, outcomes));
            MarketShareOutcome lastShares = outcomes.apply(lastIn(run, covered));
            used.add(new PeriodShares(covered.start(), lastShares.shares(), lastShares.unfundedInsuredCount()));
        }
    }

    /** The last segment of the run in force during the period. */
    private static int lastIn(List<TermsSegment> run, Period covered) {
        int last = 0;
        for (int i = 0; i < run.size(); i++) {
            if (run.get(i).period().overlapDays(covered) > 0) {
                last = i;
            }
        }
        return last;
    }

    /**
     * Whether a settled period's kept shares serve every terms in force in it. They do not when an amendment changed
     * the insurers while the new terms' counts were missing (the period kept its lines then): the counts' arrival
     * must then apply the agreed change, not keep the lines.
     */
    private static boolean serves(PeriodShares shares, List<TermsSegment> run, Period covered) {
        return run.stream().filter(segment -> segment.period().overlapDays(covered) > 0)
                .allMatch(segment -> sameInsurers(shares, segment.terms()));
    }

    /** Kept shares apply to terms with the same insurers only (an amendment may have changed who takes part). */
    private static boolean sameInsurers(PeriodShares shares, ContractTerms terms) {
        Set<String> kept = new HashSet<>(shares.shares().stream().map(MarketShare::uzovi).toList());
        Set<String> insurers = new HashSet<>(terms.insurers().stream().map(nl.bdss.kernel.identity.Uzovi::code).toList());
        return kept.equals(insurers);
    }

    private static AllocatedPeriod period(CalendarPeriod calendar, List<TermsSegment> segments,
            IntFunction<MarketShareOutcome> shares) {
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
            MarketShareOutcome outcome = shares.apply(i);
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
