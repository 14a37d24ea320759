package nl.bdss.settlement.riskequalisation.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.bdss.kernel.privacy.SmallCells;

/**
 * An insurer's risk-equalisation attribution of one service year (R19), per Zvw sector (cost type), under the key
 * it recorded for that year: insurers account per insurer, cost type and year. Every sector's parts add up exactly
 * to what the insurer settled in that sector for periods starting in the year (lump sums plus corrections).
 * <ul>
 *   <li>{@link DistributionKey#SERVICE_AREA_INSUREDS} (target area): each contract's allocation version is spread
 *       over the insurer's own counts per postcode behind it for the year (largest remainder, kernel), the parts
 *       summed per postcode; money from an allocation that carried no counts for the insurer and year cannot be
 *       spread and is the part {@value #UNCOUNTED_CATEGORY};</li>
 *   <li>{@link DistributionKey#ALL_INSUREDS}: one part {@value Attribution#ALL_INSUREDS_CATEGORY} per sector;</li>
 *   <li>{@link DistributionKey#NOT_ATTRIBUTED}: one part {@value Attribution#NOT_ATTRIBUTED_CATEGORY} per sector,
 *       carrying the justification.</li>
 * </ul>
 * Without a recorded choice for the year the target-area key applies (the default the attribution always had) and
 * {@code choiceStatus} is null.
 *
 * @param entryCount the settlement entries the attribution rests on (its fingerprint, with the settled totals)
 */
public record YearAttribution(String insurer, int year, DistributionKey key, ChoiceStatus choiceStatus,
        String justification, long entryCount, List<Sector> sectors) {

    /** The part of target-area money from an allocation without counts for the insurer and year. */
    public static final String UNCOUNTED_CATEGORY = "UNCOUNTED";

    /**
     * One category's part of a sector: {@code insuredCount} the insurer's insureds behind it (a postcode's: the count
     * of the newest allocation version per contract that counted it, summed over the contracts), null where no
     * count applies; {@code justification} only on the not-attributed part.
     */
    public record Part(String category, Long insuredCount, long amountCents, String justification) {
    }

    /** A sector's settled amount and its parts, which add up to it exactly. */
    public record Sector(String sector, long settledCents, List<Part> parts) {

        public Sector {
            parts = List.copyOf(parts);
            if (parts.stream().mapToLong(Part::amountCents).sum() != settledCents) {
                throw new IllegalStateException("the parts of " + sector + " do not add up to its settled amount (R19)");
            }
        }
    }

    /** A part as shown under a small-cell rule: a positive count below its minimum withheld (null, suppressed). */
    public record ShownPart(String category, Long insuredCount, long amountCents, boolean suppressed,
            String justification) {
    }

    public YearAttribution {
        sectors = List.copyOf(sectors);
    }

    public long settledCents() {
        return sectors.stream().mapToLong(Sector::settledCents).sum();
    }

    /**
     * Attributes the insurer's settled shares of the year per sector under {@code choice}'s key (the target-area key
     * when {@code choice} is null).
     */
    public static YearAttribution compute(String insurer, int year, DistributionChoice choice, long entryCount,
            List<SectorShare> shares) {
        DistributionKey key = choice == null ? DistributionKey.SERVICE_AREA_INSUREDS : choice.key();
        String justification = choice == null ? null : choice.justification();
        Map<String, List<SectorShare>> bySector = new TreeMap<>();
        shares.forEach(share -> bySector.computeIfAbsent(share.sector(), s -> new ArrayList<>()).add(share));
        List<Sector> sectors = new ArrayList<>();
        bySector.forEach((sector, ofSector) -> {
            long settled = ofSector.stream().mapToLong(SectorShare::amountCents).sum();
            List<Part> parts = switch (key) {
                case SERVICE_AREA_INSUREDS -> targetArea(ofSector);
                case ALL_INSUREDS -> List.of(new Part(Attribution.ALL_INSUREDS_CATEGORY, null, settled, null));
                case NOT_ATTRIBUTED -> List.of(new Part(Attribution.NOT_ATTRIBUTED_CATEGORY, null, settled, justification));
            };
            sectors.add(new Sector(sector, settled, parts));
        });
        return new YearAttribution(insurer, year, key, choice == null ? null : choice.status(), justification,
                entryCount, sectors);
    }

    /** Each share spread exactly over its own counts, summed per postcode; uncounted money kept apart. */
    private static List<Part> targetArea(List<SectorShare> shares) {
        Map<String, Long> amounts = new TreeMap<>();
        Map<String, Map<String, Long>> newestCountPerContract = new TreeMap<>();
        long uncounted = 0;
        boolean anyUncounted = false;
        List<SectorShare> ordered = shares.stream()
                .sorted(Comparator.comparing(SectorShare::contractId).thenComparing(SectorShare::allocationVersion))
                .toList();
        for (SectorShare share : ordered) {
            if (share.amountCents() == 0) {
                continue;
            }
            if (share.counts().values().stream().mapToLong(Long::longValue).sum() == 0) {
                uncounted += share.amountCents();
                anyUncounted = true;
                continue;
            }
            for (Attribution.Part part : Attribution.spread(share.amountCents(), share.counts())) {
                amounts.merge(part.category(), part.amountCents(), Long::sum);
                newestCountPerContract.computeIfAbsent(share.contractId(), c -> new TreeMap<>())
                        .put(part.category(), part.insuredCount());
            }
        }
        List<Part> parts = new ArrayList<>();
        amounts.forEach((postcode, amount) -> parts.add(new Part(postcode, newestCountPerContract.values().stream()
                .mapToLong(counts -> counts.getOrDefault(postcode, 0L)).sum(), amount, null)));
        if (anyUncounted) {
            parts.add(new Part(UNCOUNTED_CATEGORY, null, uncounted, null));
        }
        return parts;
    }

    /** A sector's parts as a caller under {@code cells} is shown them; {@link SmallCells#showingEverything()} for all. */
    public static List<ShownPart> shownUnder(Sector sector, SmallCells cells) {
        return sector.parts().stream()
                .map(part -> part.insuredCount() != null && cells.suppressesCount(part.insuredCount())
                        ? new ShownPart(part.category(), null, part.amountCents(), true, part.justification())
                        : new ShownPart(part.category(), part.insuredCount(), part.amountCents(), false,
                                part.justification()))
                .toList();
    }
}
