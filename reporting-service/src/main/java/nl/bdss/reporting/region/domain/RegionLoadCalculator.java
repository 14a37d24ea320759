package nl.bdss.reporting.region.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import nl.bdss.kernel.identity.Postcode;
import nl.bdss.kernel.money.LargestRemainder;
import nl.bdss.kernel.money.LargestRemainder.Claim;
import nl.bdss.reporting.privacy.domain.Audience;
import nl.bdss.reporting.privacy.domain.Partition;

/**
 * The title's load per region: each contract's settled and committed Zvw amounts of the year are attributed to
 * the regions of its service area (R6) in proportion to the number of its postcodes per region, with the
 * largest-remainder method, so the regions add up exactly to the contract's amounts. A contract without
 * postcodes, postcodes outside every range and texts that are no postcode by the kernel's rule (e.g. a PC6 with the
 * letters SA, SD or SS) count as {@link RegionMap#UNASSIGNED}.
 */
public final class RegionLoadCalculator {

    /** One contract's inputs for the year: its service area and its Zvw amounts. */
    public record ContractAmounts(String contractId, List<String> serviceAreaPostcodes, long settledCents,
            long committedCents) {
    }

    /** A region's load in the year. */
    public record RegionLoad(String region, long settledCents, long committedCents, long contractCount) {
    }

    private RegionLoadCalculator() {
    }

    /** Every region of the map (zero when untouched), then UNASSIGNED when anything went there. */
    public static List<RegionLoad> loads(RegionMap map, List<ContractAmounts> contracts) {
        Map<String, long[]> totals = new TreeMap<>();
        map.regions().forEach(region -> totals.put(region, new long[3]));
        for (ContractAmounts contract : contracts) {
            Map<String, Long> weights = postcodesPerRegion(map, contract.serviceAreaPostcodes());
            Map<String, Long> settled = split(contract.settledCents(), weights);
            Map<String, Long> committed = split(contract.committedCents(), weights);
            for (String region : weights.keySet()) {
                long[] total = totals.computeIfAbsent(region, r -> new long[3]);
                total[0] += settled.get(region);
                total[1] += committed.get(region);
                total[2]++;
            }
        }
        List<RegionLoad> loads = new ArrayList<>();
        totals.forEach((region, total) -> {
            if (!region.equals(RegionMap.UNASSIGNED)) {
                loads.add(new RegionLoad(region, total[0], total[1], total[2]));
            }
        });
        long[] unassigned = totals.get(RegionMap.UNASSIGNED);
        if (unassigned != null) {
            loads.add(new RegionLoad(RegionMap.UNASSIGNED, unassigned[0], unassigned[1], unassigned[2]));
        }
        return loads;
    }

    /** A region as shown: a withheld figure is null and {@code suppressed} true. */
    public record ShownRegion(String region, Long settledCents, Long committedCents, Long contractCount,
            boolean suppressed) {
    }

    /** The loads per region as shown to an audience, with the year's totals; {@code suppressed} if anything is. */
    public record Shown(Long settledCents, Long committedCents, List<ShownRegion> regions, boolean suppressed) {

        public Shown {
            regions = List.copyOf(regions);
        }
    }

    /**
     * The loads per region as {@code audience} is shown them. A region's figures are sums over every insurer's
     * contracts in it, so an insurer is not shown one that rests on one or two contracts it is not a party to: a
     * region's {@code settledCents} rests on the contracts with a settled part there, its {@code committedCents} on
     * those with a committed part, its {@code contractCount} on both; each breakdown is withheld with its complement
     * ({@link Partition}), so neither the year's totals nor the sector loads (the same totals, broken down by sector)
     * give a withheld region away, and a total is withheld when it rests on too few other parties' contracts.
     */
    public static Shown shown(RegionMap map, List<ContractAmounts> contracts, Audience audience) {
        List<RegionLoad> loads = loads(map, contracts);
        long settledTotal = loads.stream().mapToLong(RegionLoad::settledCents).sum();
        long committedTotal = loads.stream().mapToLong(RegionLoad::committedCents).sum();
        if (audience.seesEverything()) {
            return new Shown(settledTotal, committedTotal, loads.stream().map(load -> new ShownRegion(load.region(),
                    load.settledCents(), load.committedCents(), load.contractCount(), false)).toList(), false);
        }
        Map<String, Set<String>> settled = new TreeMap<>();
        Map<String, Set<String>> committed = new TreeMap<>();
        Map<String, Set<String>> any = new TreeMap<>();
        for (ContractAmounts contract : contracts) {
            Map<String, Long> weights = postcodesPerRegion(map, contract.serviceAreaPostcodes());
            Map<String, Long> settledParts = split(contract.settledCents(), weights);
            Map<String, Long> committedParts = split(contract.committedCents(), weights);
            for (String region : weights.keySet()) {
                any.computeIfAbsent(region, r -> new HashSet<>()).add(contract.contractId());
                if (settledParts.get(region) != 0) {
                    settled.computeIfAbsent(region, r -> new HashSet<>()).add(contract.contractId());
                }
                if (committedParts.get(region) != 0) {
                    committed.computeIfAbsent(region, r -> new HashSet<>()).add(contract.contractId());
                }
            }
        }
        Partition.Withheld<String> settledWithheld = new Partition<>(settled).withheldFrom(audience);
        Partition.Withheld<String> committedWithheld = new Partition<>(committed).withheldFrom(audience);
        List<ShownRegion> regions = loads.stream().map(load -> {
            boolean settledShown = !settledWithheld.cell(load.region());
            boolean committedShown = !committedWithheld.cell(load.region());
            boolean countShown = settledShown && committedShown && !audience.withholds(any.get(load.region()));
            return new ShownRegion(load.region(), settledShown ? load.settledCents() : null,
                    committedShown ? load.committedCents() : null, countShown ? load.contractCount() : null,
                    !(settledShown && committedShown && countShown));
        }).toList();
        return new Shown(settledWithheld.total() ? null : settledTotal,
                committedWithheld.total() ? null : committedTotal, regions,
                regions.stream().anyMatch(ShownRegion::suppressed) || settledWithheld.total()
                        || committedWithheld.total());
    }

    /** The number of distinct postcodes per region; a contract without postcodes weighs 1 on UNASSIGNED. */
    static Map<String, Long> postcodesPerRegion(RegionMap map, List<String> postcodes) {
        Set<String> distinct = new LinkedHashSet<>();
        Map<String, Long> weights = new TreeMap<>();
        for (String text : postcodes) {
            Postcode postcode = Postcode.parseOrNull(text);
            if (distinct.add(postcode == null ? text.strip() : postcode.value())) {
                String region = postcode == null ? RegionMap.UNASSIGNED : map.regionOf(postcode).orElse(RegionMap.UNASSIGNED);
                weights.merge(region, 1L, Long::sum);
            }
        }
        if (weights.isEmpty()) {
            weights.put(RegionMap.UNASSIGNED, 1L);
        }
        return weights;
    }

    /** Largest remainder on the amount's size, so a negative amount (a net credit) splits exactly too. */
    private static Map<String, Long> split(long amount, Map<String, Long> weights) {
        List<Claim<String>> claims = new ArrayList<>();
        weights.forEach((region, postcodes) -> claims.add(new Claim<>(region, postcodes)));
        return LargestRemainder.splitSigned(amount, claims);
    }
}
