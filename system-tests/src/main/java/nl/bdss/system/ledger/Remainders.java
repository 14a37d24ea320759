package nl.bdss.system.ledger;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The largest-remainder split the team fixed for every level of money (shared/DOMAIN.md, "Money rules"): each
 * claim gets the floor of its exact quota, the cents left over go one by one to the largest remainders, and a tie
 * goes to the claim that comes first in the key order. Written for the harness from that rule, independently of
 * the services' own implementation.
 */
public final class Remainders {

    private Remainders() {
    }

    /** Splits {@code total} cents over the weighted keys; the parts add up to {@code total} exactly. */
    public static <K> Map<K, Long> split(long total, Map<K, Long> weights, Comparator<? super K> keyOrder) {
        List<K> keys = new ArrayList<>(weights.keySet());
        keys.sort(keyOrder);
        BigInteger sum = weights.values().stream().map(BigInteger::valueOf).reduce(BigInteger.ZERO, BigInteger::add);
        Map<K, Long> parts = new LinkedHashMap<>();
        if (sum.signum() == 0) {
            keys.forEach(key -> parts.put(key, 0L));
            return parts;
        }
        BigInteger whole = BigInteger.valueOf(total);
        List<BigInteger> remainders = new ArrayList<>();
        long given = 0;
        for (K key : keys) {
            BigInteger[] quotient = whole.multiply(BigInteger.valueOf(weights.get(key))).divideAndRemainder(sum);
            parts.put(key, quotient[0].longValueExact());
            given += quotient[0].longValueExact();
            remainders.add(quotient[1]);
        }
        List<Integer> byRemainder = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            byRemainder.add(i);
        }
        byRemainder.sort(Comparator.comparing((Integer i) -> remainders.get(i)).reversed().thenComparing(i -> i));
        for (long left = total - given, i = 0; i < left; i++) {
            K key = keys.get(byRemainder.get((int) i));
            parts.put(key, parts.get(key) + 1);
        }
        return parts;
    }

    public static <K extends Comparable<? super K>> Map<K, Long> split(long total, Map<K, Long> weights) {
        return split(total, weights, Comparator.naturalOrder());
    }
}
