package nl.bdss.settlement.riskequalisation.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.bdss.kernel.money.LargestRemainder;
import nl.bdss.kernel.privacy.SmallCells;

/**
 * An insurer's settled lump sums of one year attributed to categories by a distribution key (R19). The parts add up
 * exactly to the settled total: largest-remainder method, ties broken by category name.
 * <p>
 * For {@link DistributionKey#SERVICE_AREA_INSUREDS} the categories are postcodes. {@code countsFrom} says whose
 * counts were used: {@code ALLOCATION} (the counts behind the allocations the money was settled from),
 * {@code CALLER} (supplied with the request, because the allocation carried none) or {@code MIXED}; {@code basis}
 * lists, per contract and allocation version, the amount spread and the source of its counts.
 */
public record Attribution(String insurer, int year, DistributionKey key, long settledCents, String reason,
        String countsFrom, List<Basis> basis, List<Part> parts) {

    public static final String ALL_INSUREDS_CATEGORY = "ALL_INSUREDS";
    public static final String NOT_ATTRIBUTED_CATEGORY = "NOT_ATTRIBUTED";

    /**
     * @param insuredCount for a postcode: the count of the newest allocation version per contract that counted it,
     *                     summed over the contracts (the count itself when there is one basis)
     */
    public record Part(String category, long insuredCount, long amountCents) {
    }

    /** One contract's allocation version whose settled amount was spread, and whose counts were used. */
    public record Basis(String contractId, int allocationVersion, long amountCents, CountsSource countsFrom) {
    }

    /**
     * A part as shown to a caller under the small-cell rule: {@code insuredCount} is null and {@code suppressed} true
     * when the count is positive but below the rule's minimum. The amount is kept: it is the insurer's own booking,
     * which R19 asks for per category, and the parts must add up to its settled total.
     */
    public record ShownPart(String category, Long insuredCount, long amountCents, boolean suppressed) {
    }

    /** The attribution as shown under a small-cell rule; {@link #parts()} as {@link ShownPart}s. */
    public record Shown(String insurer, int year, DistributionKey key, long settledCents, String reason,
            String countsFrom, List<Basis> basis, List<ShownPart> parts) {

        public Shown {
            basis = List.copyOf(basis);
            parts = List.copyOf(parts);
        }
    }

    public Attribution {
        basis = basis == null ? List.of() : List.copyOf(basis);
        parts = List.copyOf(parts);
        if (parts.stream().mapToLong(Part::amountCents).sum() != settledCents) {
            throw new IllegalStateException("attribution parts do not add up to the settled total (R19)");
        }
    }

    /**
     * @param insuredCounts per category (postcode) for {@link DistributionKey#SERVICE_AREA_INSUREDS}; the single
     *                      count of all insureds for {@link DistributionKey#ALL_INSUREDS}; ignored otherwise
     */
    public static Attribution of(String insurer, int year, DistributionKey key, long settledCents,
            Map<String, Long> insuredCounts, String reason) {
        if (key == null) {
            throw new IllegalArgumentException("key is required: SERVICE_AREA_INSUREDS, ALL_INSUREDS or NOT_ATTRIBUTED (R19)");
        }
        return switch (key) {
            case NOT_ATTRIBUTED -> {
                if (reason == null || reason.isBlank()) {
                    throw new IllegalArgumentException("reason is required when costs are not attributed (R19)");
                }
                yield new Attribution(insurer, year, key, settledCents, reason, null, List.of(),
                        List.of(new Part(NOT_ATTRIBUTED_CATEGORY, 0, settledCents)));
            }
            case ALL_INSUREDS -> {
                long all = insuredCounts == null ? 0 : insuredCounts.values().stream().mapToLong(Long::longValue).sum();
                if (all <= 0) {
                    throw new IllegalArgumentException("insuredCounts: the number of all the insurer's insureds is required (R19)");
                }
                yield new Attribution(insurer, year, key, settledCents, null, null, List.of(),
                        List.of(new Part(ALL_INSUREDS_CATEGORY, all, settledCents)));
            }
            case SERVICE_AREA_INSUREDS -> new Attribution(insurer, year, key, settledCents, null,
                    CountsSource.CALLER.name(), List.of(), spread(settledCents, insuredCounts));
        };
    }

    /**
     * Spreads each share over the counts behind its own allocation (R19); only a share whose allocation carried no
     * counts for the insurer is spread over {@code callerCounts}, and without those it is refused. Each share is
     * split exactly, so the parts per postcode add up exactly to the insurer's settled total.
     */
    public static Attribution serviceArea(String insurer, int year, List<SettledShare> shares,
            Map<String, Long> callerCounts) {
        long settled = shares.stream().mapToLong(SettledShare::amountCents).sum();
        List<SettledShare> ordered = shares.stream()
                .sorted(Comparator.comparing(SettledShare::contractId).thenComparing(SettledShare::allocationVersion))
                .toList();
        Map<String, Long> amounts = new TreeMap<>();
        Map<String, Map<String, Long>> newestCountPerContract = new TreeMap<>();
        List<Basis> basis = new ArrayList<>();
        for (SettledShare share : ordered) {
            if (share.amountCents() == 0) {
                continue;
            }
            boolean fromAllocation = !share.allocationCounts().isEmpty();
            if (share.needsCallerCounts() && (callerCounts == null || callerCounts.isEmpty())) {
                throw new IllegalArgumentException("insuredCounts: allocation v" + share.allocationVersion()
                        + " of contract " + share.contractId() + " carries no service-area counts for insurer "
                        + insurer + "; supply insuredCounts per postcode (R19)");
            }
            Map<String, Long> counts = fromAllocation ? share.allocationCounts() : callerCounts;
            for (Part part : spread(share.amountCents(), counts)) {
                amounts.merge(part.category(), part.amountCents(), Long::sum);
                newestCountPerContract.computeIfAbsent(share.contractId(), c -> new TreeMap<>())
                        .put(part.category(), part.insuredCount());
            }
            basis.add(new Basis(share.contractId(), share.allocationVersion(), share.amountCents(),
                    fromAllocation ? CountsSource.ALLOCATION : CountsSource.CALLER));
        }
        if (basis.isEmpty() && callerCounts != null && !callerCounts.isEmpty()) {
            return of(insurer, year, DistributionKey.SERVICE_AREA_INSUREDS, settled, callerCounts, null);
        }
        List<Part> parts = amounts.entrySet().stream()
                .map(e -> new Part(e.getKey(), newestCountPerContract.values().stream()
                        .mapToLong(counts -> counts.getOrDefault(e.getKey(), 0L)).sum(), e.getValue()))
                .toList();
        return new Attribution(insurer, year, DistributionKey.SERVICE_AREA_INSUREDS, settled, null,
                countsFrom(basis), basis, parts);
    }

    /**
     * This attribution as shown to a caller the small-cell rule applies to (an insurer): every part's count that is
     * positive but below the rule's minimum of insureds is withheld. Pass {@link SmallCells#showingEverything()} to
     * show every count (operators).
     */
    public Shown shownUnder(SmallCells cells) {
        List<ShownPart> shown = parts.stream()
                .map(part -> cells.suppressesCount(part.insuredCount())
                        ? new ShownPart(part.category(), null, part.amountCents(), true)
                        : new ShownPart(part.category(), part.insuredCount(), part.amountCents(), false))
                .toList();
        return new Shown(insurer, year, key, settledCents, reason, countsFrom, basis, shown);
    }

    private static String countsFrom(List<Basis> basis) {
        List<CountsSource> sources = basis.stream().map(Basis::countsFrom).distinct().toList();
        if (sources.isEmpty()) {
            return null;
        }
        return sources.size() == 1 ? sources.get(0).name() : "MIXED";
    }

    /** Largest remainder over the counts (kernel); a negative total (net credits) is spread as its mirror image. */
    static List<Part> spread(long totalCents, Map<String, Long> counts) {
        if (counts == null || counts.isEmpty()) {
            throw new IllegalArgumentException("insuredCounts per postcode are required for SERVICE_AREA_INSUREDS (R19)");
        }
        List<LargestRemainder.Claim<String>> claims = new ArrayList<>(counts.size());
        long insureds = 0;
        for (Map.Entry<String, Long> count : counts.entrySet()) {
            if (count.getValue() == null || count.getValue() < 0) {
                throw new IllegalArgumentException("insuredCounts." + count.getKey() + " must not be negative");
            }
            insureds = Math.addExact(insureds, count.getValue());
            claims.add(new LargestRemainder.Claim<>(count.getKey(), count.getValue()));
        }
        if (insureds == 0) {
            throw new IllegalArgumentException("insuredCounts must hold at least one insured (R19)");
        }
        return LargestRemainder.splitSigned(totalCents, claims).entrySet().stream()
                .map(part -> new Part(part.getKey(), counts.get(part.getKey()), part.getValue()))
                .toList();
    }
}
