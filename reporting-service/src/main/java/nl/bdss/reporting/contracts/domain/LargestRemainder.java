package nl.bdss.reporting.contracts.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Splits an amount in cents by weights with the largest-remainder method: the parts add up exactly to the whole,
 * and ties go to the smallest key, so the result is deterministic.
 */
public final class LargestRemainder {

    private LargestRemainder() {
    }

    public static Map<String, Long> split(long total, Map<String, Long> weights) {
        Map<String, Long> sorted = new TreeMap<>(weights);
        long weightSum = sorted.values().stream().mapToLong(Long::longValue).sum();
        if (weightSum <= 0 || sorted.values().stream().anyMatch(weight -> weight < 0)) {
            throw new IllegalArgumentException("weights: non-negative with a positive sum, were " + weights);
        }
        Map<String, Long> parts = new LinkedHashMap<>();
        List<Map.Entry<String, Long>> remainders = new ArrayList<>();
        long distributed = 0;
        for (Map.Entry<String, Long> weight : sorted.entrySet()) {
            java.math.BigInteger[] quotient = java.math.BigInteger.valueOf(total).multiply(java.math.BigInteger.valueOf(weight.getValue()))
                    .divideAndRemainder(java.math.BigInteger.valueOf(weightSum));
            parts.put(weight.getKey(), quotient[0].longValueExact());
            distributed += quotient[0].longValueExact();
            remainders.add(Map.entry(weight.getKey(), quotient[1].longValueExact()));
        }
        remainders.sort(Comparator.<Map.Entry<String, Long>>comparingLong(Map.Entry::getValue).reversed()
                .thenComparing(Map.Entry::getKey));
        for (int i = 0; i < total - distributed; i++) {
            String key = remainders.get(i).getKey();
            parts.merge(key, 1L, Long::sum);
        }
        return parts;
    }
}
