package nl.bdss.system.ledger;

import java.math.BigInteger;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import nl.bdss.system.workload.ContractVersion;
import nl.bdss.system.workload.CountDataset;
import nl.bdss.system.workload.Terms.Party;
import nl.bdss.system.workload.Terms.PeriodKind;
import nl.bdss.system.workload.Terms;

/**
 * What the system must have settled, computed by the harness from the inputs it sent (contract versions and
 * insured counts) and the rules as the team wrote them down, never by calling the services' domain code:
 * <ul>
 *   <li>Terms history (R8, R14): each version's terms apply from its effective date; an amendment replaces the
 *       history from its date on; a termination ends the validity on its end date.</li>
 *   <li>Periods (R8): calendar years, quarters or months on the grid of the terms in force; consecutive terms of the
 *       same kind share one grid, a change of kind starts the new grid on the amendment's date. A period's amount
 *       is the sum over the terms in force of lump sum x days covered / days of the calendar period, rounded half
 *       up to the cent, then spread over those terms by the largest remainder on lump sum x days.</li>
 *   <li>Each part is split by the largest remainder at every level (R7, R10, R11): domain shares, Zvw sector
 *       shares, insurers by their insureds in the service area on the reference date (one insurer pays all), payees
 *       (the main contractor, or the sector's equal partners by their shares). Ties go to the first key: the
 *       domains in the order of the event contract's LegalDomain symbols, everything else alphabetically.</li>
 *   <li>Settlement (R8, R16): a Zvw line is payable once its period is due (from its first day when paid in
 *       advance, from the day after its last when paid in arrears); Wlz, Wmo, Jeugdwet, Wpg and other domains are
 *       recorded, never paid (R7). Booked lines that disappear are credited, changed ones corrected, so the net of
 *       each (contract, period, insurer, payee, sector) is the current amount once due, else zero.</li>
 * </ul>
 * A period whose market shares cannot be fixed (no dataset, an insurer without insureds in the area) is left out and
 * the contract is PENDING; its other periods are there (contract years pend on their own).
 *
 * <p>Settled stays settled ({@link #replay}): the inputs are replayed in the order the system accepted them, and each
 * one re-allocates as allocation-service does. A period is settled when the allocation before had lines for exactly
 * its days and it was due on the run's date under that allocation's payment timing. A settled period keeps its market
 * shares (the insureds per insurer of the last terms in force in it) for every terms with the same insurers, so a count
 * delivery leaves it as it is and a new contract version changes only the agreed amounts; terms with other insurers
 * take the current counts; a settled period whose new shares cannot be fixed keeps its lines. The harness waits until allocation has caught up before a
 * corrected delivery, so that the order is the system's too.
 */
public final class ExpectedLedger {

    /** The tie order of the domain level: the symbols of the public LegalDomain enum, in their order. */
    public static final List<String> DOMAIN_ORDER = List.of("ZVW", "WLZ", "WMO", "JEUGDWET", "WPG", "OTHER");
    /** The claim of the insurers outside the contract under the all-insurers basis (R11): recorded, paid by nobody. */
    private static final String UNFUNDED = "unfunded";
    private static final Comparator<String> BY_DOMAIN = Comparator.comparingInt(ExpectedLedger::domainPosition);

    private ExpectedLedger() {
    }

    /** What one payment instruction and its corrections are for: the business key of a settled amount. */
    public record Target(String contractId, LocalDate periodStart, String uzovi, String payeeAgb, String sector)
            implements Comparable<Target> {

        private static final Comparator<Target> ORDER = Comparator.comparing(Target::contractId)
                .thenComparing(Target::periodStart).thenComparing(Target::uzovi).thenComparing(Target::payeeAgb)
                .thenComparing(Target::sector);

        @Override
        public int compareTo(Target other) {
            return ORDER.compare(this, other);
        }

        @Override
        public String toString() {
            return contractId + "|" + periodStart + "|" + uzovi + "|" + payeeAgb + "|" + sector;
        }
    }

    /** One line of an allocated period; {@code sector}, {@code uzovi} and the payee are null outside Zvw. */
    public record Line(LocalDate periodStart, LocalDate periodEnd, String domain, String sector, String uzovi,
            String payeeKey, String payeeAgb, long cents) {
    }

    /** The allocation of a contract over its whole validity, or the reason it is pending. */
    public record Allocation(String contractId, String pendingReason, String paymentTiming, List<Line> lines) {

        public boolean complete() {
            return pendingReason == null;
        }

        /** The net the ledger must hold per target on {@code today}. */
        public Map<Target, Long> settled(LocalDate today) {
            Map<Target, Long> settled = new TreeMap<>();
            for (Line line : lines) {
                if ("ZVW".equals(line.domain()) && due(line.periodStart(), line.periodEnd(), paymentTiming, today)) {
                    settled.merge(new Target(contractId, line.periodStart(), line.uzovi(), line.payeeAgb(),
                            line.sector()), line.cents(), Long::sum);
                }
            }
            return settled;
        }

        /** The payable lines of every period, due or not (the current allocation as settlement stores it). */
        public Map<Target, Long> payable() {
            Map<Target, Long> payable = new TreeMap<>();
            lines.stream().filter(line -> "ZVW".equals(line.domain())).forEach(line -> payable.merge(
                    new Target(contractId, line.periodStart(), line.uzovi(), line.payeeAgb(), line.sector()),
                    line.cents(), Long::sum));
            return payable;
        }

        /** All domains per year of the period start, domain and Zvw sector ('' outside Zvw), as reporting commits them. */
        public Map<String, Long> committed() {
            Map<String, Long> committed = new TreeMap<>();
            for (Line line : lines) {
                String sector = "ZVW".equals(line.domain()) ? line.sector() : "";
                committed.merge(line.periodStart().getYear() + "|" + line.domain() + "|" + sector, line.cents(), Long::sum);
            }
            return committed;
        }
    }

    /** The current delivery of a source for a reference date, if one was delivered. */
    public interface Datasets {
        public Optional<CountDataset> current(String source, LocalDate referenceDate);
    }

    /** One input the system accepted, in the order it did. */
    public sealed interface Input permits Changed, Delivered {
    }

    /** A contract version in force (registration, amendment, termination). */
    public record Changed(String contractId, ContractVersion version) implements Input {
    }

    /** An insured-count delivery (a corrected one replaces the dataset of its source and reference date). */
    public record Delivered(CountDataset dataset) implements Input {
    }

    /** What a re-allocation keeps of the allocation before it, on the run's date. */
    private record Before(Allocation allocation, Map<LocalDate, Shares> shares, LocalDate today, boolean keepsLines) {

        /** The lines of the period with exactly these days, when it was settled: lines, and due. */
        List<Line> settled(LocalDate start, LocalDate end) {
            List<Line> lines = allocation.lines().stream()
                    .filter(line -> line.periodStart().equals(start) && line.periodEnd().equals(end)).toList();
            return !lines.isEmpty() && due(start, end, allocation.paymentTiming(), today) ? lines : List.of();
        }
    }

    /** The allocations after every input, each re-allocated as allocation-service re-allocates it on {@code today}. */
    public static Map<String, Allocation> replay(List<Input> timeline, LocalDate today) {
        Map<String, CountDataset> current = new LinkedHashMap<>();
        Datasets datasets = (source, referenceDate) -> Optional.ofNullable(current.get(source + "|" + referenceDate));
        Map<String, List<ContractVersion>> versions = new LinkedHashMap<>();
        Map<String, Allocated> allocations = new LinkedHashMap<>();
        for (Input input : timeline) {
            if (input instanceof Changed changed) {
                List<ContractVersion> history = versions.computeIfAbsent(changed.contractId(), id -> new ArrayList<>());
                history.add(changed.version());
                Allocated before = allocations.get(changed.contractId());
                allocations.put(changed.contractId(), allocate(changed.contractId(), history, datasets,
                        before == null ? null : new Before(before.allocation(), before.shares(), today, false)));
            } else if (input instanceof Delivered delivered) {
                current.put(delivered.dataset().source() + "|" + delivered.dataset().referenceDate(), delivered.dataset());
                allocations.replaceAll((id, before) -> allocate(id, versions.get(id), datasets,
                        new Before(before.allocation(), before.shares(), today, true)));
            }
        }
        Map<String, Allocation> result = new TreeMap<>();
        allocations.forEach((id, allocated) -> result.put(id, allocated.allocation()));
        return result;
    }

    public static boolean due(LocalDate start, LocalDate end, String timing, LocalDate today) {
        LocalDate dueDate = Terms.IN_ADVANCE.equals(timing) ? start : end.plusDays(1);
        return !dueDate.isAfter(today);
    }

    // -------------------------------------------------------------------------------------------------------------
    // Allocation
    // -------------------------------------------------------------------------------------------------------------

    private record Segment(LocalDate from, LocalDate until, Terms terms) {

        public long daysWithin(LocalDate start, LocalDate end) {
            LocalDate a = from.isAfter(start) ? from : start;
            LocalDate b = until.isBefore(end) ? until : end;
            return b.isBefore(a) ? 0 : ChronoUnit.DAYS.between(a, b) + 1;
        }
    }

    /** Whether kept shares serve every segment in force in the period (the insurers did not change). */
    private static boolean keptFor(Shares kept, List<Segment> segments, LocalDate start, LocalDate end) {
        return segments.stream().filter(segment -> segment.daysWithin(start, end) > 0)
                .allMatch(segment -> kept.sameInsurers(segment.terms()));
    }

    /** The market shares under one segment's terms: insureds per insurer, or why there are none. */
    private record Shares(Map<String, Long> weights, String pendingReason) {

        /** Kept shares serve terms with the same insurers only (an amendment may change who takes part). */
        boolean sameInsurers(Terms terms) {
            java.util.Set<String> insurers = new java.util.TreeSet<>(weights.keySet());
            insurers.remove(UNFUNDED);
            return pendingReason == null && insurers.equals(new java.util.TreeSet<>(terms.insurers()));
        }
    }

    /** A contract's first allocation from its versions, nothing settled before it. */
    public static Allocation allocate(String contractId, List<ContractVersion> versions, Datasets datasets) {
        return allocate(contractId, versions, datasets, null).allocation();
    }

    /** An allocation and the market shares each of its periods was split with (of its last terms in force). */
    private record Allocated(Allocation allocation, Map<LocalDate, Shares> shares) {
    }

    private static Allocated allocate(String contractId, List<ContractVersion> versions, Datasets datasets, Before before) {
        Terms latest = versions.get(versions.size() - 1).terms();
        List<Segment> segments = segments(versions);
        List<Shares> shares = new ArrayList<>();
        for (Segment segment : segments) {
            shares.add(shares(segment.terms(), datasets));
        }
        List<Line> lines = new ArrayList<>();
        Map<LocalDate, Shares> used = new TreeMap<>();
        List<String> pending = new ArrayList<>();
        int runStart = 0;
        for (int i = 1; i <= segments.size(); i++) {
            if (i == segments.size() || segments.get(i).terms().period() != segments.get(runStart).terms().period()) {
                run(segments.subList(runStart, i), shares.subList(runStart, i), before, lines, used, pending);
                runStart = i;
            }
        }
        return new Allocated(new Allocation(contractId, pending.isEmpty() ? null : pending.get(0), latest.paymentTiming(),
                lines), used);
    }

    /** The terms in force over the validity, from the versions in the order they were made. */
    private static List<Segment> segments(List<ContractVersion> versions) {
        List<ContractVersion> starts = new ArrayList<>();
        for (ContractVersion version : versions) {
            switch (version.change()) {
                case REGISTERED -> {
                    starts.clear();
                    starts.add(ContractVersion.registered(version.terms()));
                }
                case AMENDED -> {
                    starts.removeIf(start -> !start.effectiveFrom().isBefore(version.effectiveFrom()));
                    starts.add(version);
                }
                case TERMINATED -> {
                    // the terms do not change; the validity below ends on the end date
                }
            }
        }
        Terms latest = versions.get(versions.size() - 1).terms();
        List<Segment> segments = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            LocalDate from = i == 0 || starts.get(i).effectiveFrom().isBefore(latest.validFrom())
                    ? latest.validFrom() : starts.get(i).effectiveFrom();
            LocalDate until = i + 1 < starts.size() ? starts.get(i + 1).effectiveFrom().minusDays(1) : latest.validUntil();
            if (until.isAfter(latest.validUntil())) {
                until = latest.validUntil();
            }
            if (!until.isBefore(from)) {
                segments.add(new Segment(from, until, starts.get(i).terms()));
            }
        }
        return segments;
    }

    private static Shares shares(Terms terms, Datasets datasets) {
        if (!terms.coordinated()) {
            return new Shares(Map.of(terms.insurers().get(0), 1L), null);
        }
        Optional<CountDataset> dataset = datasets.current(terms.countSource(), terms.referenceDate());
        if (dataset.isEmpty()) {
            return new Shares(Map.of(), "no counts from " + terms.countSource() + " for " + terms.referenceDate());
        }
        Map<String, Long> weights = new TreeMap<>();
        for (String uzovi : terms.insurers()) {
            long insured = dataset.get().insuredIn(uzovi, terms.serviceArea());
            if (insured < 0) {
                return new Shares(Map.of(), "no counts for " + uzovi + " in the service area");
            }
            weights.put(uzovi, insured);
        }
        if (weights.values().stream().mapToLong(Long::longValue).sum() == 0) {
            return new Shares(Map.of(), "no insureds of the insurers in the service area");
        }
        if (terms.overAllInsurers()) {
            long others = 0;
            for (String uzovi : dataset.get().countsByInsurer().keySet()) {
                if (!terms.insurers().contains(uzovi)) {
                    others += Math.max(0, dataset.get().insuredIn(uzovi, terms.serviceArea()));
                }
            }
            if (others > 0) {
                // after every UZOVI code in the split's order, as allocation lists it: paid by nobody
                weights.put(UNFUNDED, others);
            }
        }
        return new Shares(weights, null);
    }

    /**
     * The periods of consecutive segments with one period kind, on that kind's calendar grid; a settled period of
     * {@code before} kept as allocation keeps it, a period whose shares cannot be fixed left out.
     */
    private static void run(List<Segment> segments, List<Shares> fresh, Before before, List<Line> lines,
            Map<LocalDate, Shares> used, List<String> pending) {
        PeriodKind kind = segments.get(0).terms().period();
        LocalDate from = segments.get(0).from();
        LocalDate until = segments.get(segments.size() - 1).until();
        for (LocalDate periodStart = startOf(from, kind); !periodStart.isAfter(until); periodStart = next(periodStart, kind)) {
            LocalDate periodEnd = next(periodStart, kind).minusDays(1);
            LocalDate start = periodStart.isBefore(from) ? from : periodStart;
            LocalDate end = periodEnd.isAfter(until) ? until : periodEnd;
            List<Line> settled = before == null ? List.of() : before.settled(start, end);
            Shares keptShares = settled.isEmpty() ? null : before.shares().get(start);
            if (!settled.isEmpty() && (keptShares == null
                    || before.keepsLines() && keptFor(keptShares, segments, start, end))) {
                lines.addAll(settled);
                if (keptShares != null) {
                    used.put(start, keptShares);
                }
                continue;
            }
            List<Shares> shares = new ArrayList<>();
            String reason = null;
            int last = -1;
            for (int i = 0; i < segments.size(); i++) {
                Shares outcome = keptShares != null && keptShares.sameInsurers(segments.get(i).terms())
                        ? keptShares : fresh.get(i);
                shares.add(outcome);
                if (segments.get(i).daysWithin(start, end) > 0) {
                    last = i;
                    if (outcome.pendingReason() != null && reason == null) {
                        reason = outcome.pendingReason();
                    }
                }
            }
            if (reason != null) {
                if (!settled.isEmpty()) {
                    lines.addAll(settled);
                    used.put(start, keptShares);
                } else {
                    pending.add(reason);
                }
                continue;
            }
            lines.addAll(period(periodStart, periodEnd, start, end, segments, shares));
            used.put(start, shares.get(last));
        }
    }

    private static List<Line> period(LocalDate periodStart, LocalDate periodEnd, LocalDate start, LocalDate end,
            List<Segment> segments, List<Shares> shares) {
        long daysInPeriod = ChronoUnit.DAYS.between(periodStart, periodEnd) + 1;
        Map<Integer, Long> weights = new LinkedHashMap<>();
        BigInteger weightSum = BigInteger.ZERO;
        for (int i = 0; i < segments.size(); i++) {
            long days = segments.get(i).daysWithin(start, end);
            if (days > 0) {
                long weight = Math.multiplyExact(segments.get(i).terms().lumpSumCents(), days);
                weights.put(i, weight);
                weightSum = weightSum.add(BigInteger.valueOf(weight));
            }
        }
        // the exact rational amount lump sum x covered days / period days, rounded half up to the cent
        long total = weightSum.shiftLeft(1).add(BigInteger.valueOf(daysInPeriod))
                .divide(BigInteger.valueOf(2 * daysInPeriod)).longValueExact();
        Map<String, Line> merged = new LinkedHashMap<>();
        Remainders.split(total, weights).forEach((segment, amount) -> {
            for (Line line : split(start, end, segments.get(segment).terms(), shares.get(segment), amount)) {
                String key = line.domain() + "|" + line.sector() + "|" + line.uzovi() + "|" + line.payeeKey() + "|"
                        + line.payeeAgb();
                merged.merge(key, line, (a, b) -> new Line(a.periodStart(), a.periodEnd(), a.domain(), a.sector(),
                        a.uzovi(), a.payeeKey(), a.payeeAgb(), Math.addExact(a.cents(), b.cents())));
            }
        });
        return List.copyOf(merged.values());
    }

    /** Domain, then Zvw sector, then insurer, then payee; only lines with money in them. */
    private static List<Line> split(LocalDate start, LocalDate end, Terms terms, Shares shares, long amount) {
        List<Line> lines = new ArrayList<>();
        Remainders.split(amount, asLongs(terms.domainShares()), BY_DOMAIN).forEach((domain, domainAmount) -> {
            if (!"ZVW".equals(domain)) {
                if (domainAmount > 0) {
                    lines.add(new Line(start, end, domain, null, null, null, null, domainAmount));
                }
                return;
            }
            Remainders.split(domainAmount, asLongs(terms.sectorShares())).forEach((sector, sectorAmount) ->
                    Remainders.split(sectorAmount, shares.weights()).forEach((uzovi, insurerAmount) ->
                            (UNFUNDED.equals(uzovi) ? Map.<String, Long>of() : payees(terms, sector, insurerAmount))
                                    .forEach((partyKey, payeeAmount) -> {
                                if (payeeAmount > 0) {
                                    lines.add(new Line(start, end, "ZVW", sector, uzovi, partyKey,
                                            terms.party(partyKey).agb(), payeeAmount));
                                }
                            })));
        });
        return lines;
    }

    private static Map<String, Long> payees(Terms terms, String sector, long amount) {
        if (Terms.MAIN_CONTRACTOR.equals(terms.executionType())) {
            return Map.of(terms.mainContractor(), amount);
        }
        Map<String, Long> weights = new TreeMap<>();
        for (Party party : terms.zvwProviders()) {
            if (sector.equals(party.sector())) {
                weights.put(party.key(), (long) terms.partnerShares().get(party.key()));
            }
        }
        return Remainders.split(amount, weights);
    }

    private static Map<String, Long> asLongs(Map<String, Integer> basisPoints) {
        Map<String, Long> weights = new TreeMap<>();
        basisPoints.forEach((key, value) -> weights.put(key, value.longValue()));
        return weights;
    }

    private static int domainPosition(String domain) {
        int position = DOMAIN_ORDER.indexOf(domain);
        if (position < 0) {
            throw new IllegalArgumentException("unknown legal domain " + domain);
        }
        return position;
    }

    public static LocalDate startOf(LocalDate day, PeriodKind kind) {
        return switch (kind) {
            case YEAR -> LocalDate.of(day.getYear(), 1, 1);
            case QUARTER -> LocalDate.of(day.getYear(), (day.getMonthValue() - 1) / 3 * 3 + 1, 1);
            case MONTH -> day.withDayOfMonth(1);
        };
    }

    public static LocalDate next(LocalDate periodStart, PeriodKind kind) {
        return switch (kind) {
            case YEAR -> periodStart.plusYears(1);
            case QUARTER -> periodStart.plusMonths(3);
            case MONTH -> periodStart.plusMonths(1);
        };
    }
}
