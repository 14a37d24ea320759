package nl.bdss.reporting.region.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import nl.bdss.kernel.identity.Postcode;
import nl.bdss.kernel.money.LargestRemainder;
import nl.bdss.kernel.money.LargestRemainder.Claim;

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
