package nl.bdss.settlement.riskequalisation.domain;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An insurer's settled lump sums of one year attributed to categories by a distribution key (R19). The parts add up
 * exactly to the settled total: largest-remainder method, ties broken by category name.
 */
public record Attribution(String insurer, int year, DistributionKey key, long settledCents, String reason,
        List<Part> parts) {

    public static final String ALL_INSUREDS_CATEGORY = "ALL_INSUREDS";
    public static final String NOT_ATTRIBUTED_CATEGORY = "NOT_ATTRIBUTED";

    public record Part(String category, long insuredCount, long amountCents) {
    }

    public Attribution {
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
                yield new Attribution(insurer, year, key, settledCents, reason,
                        List.of(new Part(NOT_ATTRIBUTED_CATEGORY, 0, settledCents)));
            }
            case ALL_INSUREDS -> {
                long all = insuredCounts == null ? 0 : insuredCounts.values().stream().mapToLong(Long::longValue).sum();
                if (all <= 0) {
                    throw new IllegalArgumentException("insuredCounts: the number of all the insurer's insureds is required (R19)");
                }
                yield new Attribution(insurer, year, key, settledCents, null,
                        List.of(new Part(ALL_INSUREDS_CATEGORY, all, settledCents)));
            }
            case SERVICE_AREA_INSUREDS -> new Attribution(insurer, year, key, settledCents, null,
                    spread(settledCents, insuredCounts));
        };
    }

    /** Largest remainder over the counts; a negative total (net credits) is spread as its mirror image. */
    static List<Part> spread(long totalCents, Map<String, Long> counts) {
        if (counts == null || counts.isEmpty()) {
            throw new IllegalArgumentException("insuredCounts per postcode are required for SERVICE_AREA_INSUREDS (R19)");
        }
        Map<String, Long> sorted = new TreeMap<>(counts);
        long weightTotal = 0;
        for (Map.Entry<String, Long> count : sorted.entrySet()) {
            if (count.getValue() == null || count.getValue() < 0) {
                throw new IllegalArgumentException("insuredCounts." + count.getKey() + " must not be negative");
            }
            weightTotal = Math.addExact(weightTotal, count.getValue());
        }
        if (weightTotal == 0) {
            throw new IllegalArgumentException("insuredCounts must hold at least one insured (R19)");
        }
        long magnitude = Math.abs(totalCents);
        long sign = totalCents < 0 ? -1 : 1;
        Map<String, Long> amounts = new LinkedHashMap<>();
        List<Map.Entry<String, BigInteger>> remainders = new ArrayList<>();
        long assigned = 0;
        BigInteger total = BigInteger.valueOf(magnitude);
        BigInteger weights = BigInteger.valueOf(weightTotal);
        for (Map.Entry<String, Long> count : sorted.entrySet()) {
            BigInteger[] division = total.multiply(BigInteger.valueOf(count.getValue()))
                    .divideAndRemainder(weights);
            amounts.put(count.getKey(), division[0].longValueExact());
            assigned += division[0].longValueExact();
            remainders.add(Map.entry(count.getKey(), division[1]));
        }
        remainders.sort(Comparator.<Map.Entry<String, BigInteger>, BigInteger>comparing(Map.Entry::getValue)
                .reversed().thenComparing(Map.Entry::getKey));
        for (int i = 0; i < magnitude - assigned; i++) {
            amounts.merge(remainders.get(i).getKey(), 1L, Long::sum);
        }
        return sorted.keySet().stream()
                .map(category -> new Part(category, sorted.get(category), sign * amounts.get(category)))
                .toList();
    }
}
