package nl.bdss.kernel.money;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a whole number of cents over weighted claims so that the parts add up exactly to the whole (R7, R11):
 * each claim gets the floor of its exact quota, and the cents left over go one each to the largest remainders,
 * ties broken by the smaller key. The result depends only on the set of claims, never on their order.
 */
public final class LargestRemainder {

    /** One claim on the whole: a unique key and a non-negative weight (basis points, insured counts, days). */
    public record Claim<K>(K key, long weight) {
        public Claim {
            if (key == null) {
                throw new IllegalArgumentException("a claim needs a key");
            }
            if (weight < 0) {
                throw new IllegalArgumentException("weight of " + key + " must not be negative, got " + weight);
            }
        }
    }

    private LargestRemainder() {
    }

    /** The parts in key order; they sum to {@code total} exactly. {@code total} must not be negative. */
    public static <K extends Comparable<? super K>> Map<K, Long> split(long total, Collection<Claim<K>> claims) {
        if (total < 0) {
            throw new IllegalArgumentException("cannot split a negative amount: " + total + " (use splitSigned)");
        }
        List<Claim<K>> sorted = new ArrayList<>(claims);
        sorted.sort(Comparator.comparing(Claim::key));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).key().compareTo(sorted.get(i - 1).key()) == 0) {
                throw new IllegalArgumentException("duplicate claim " + sorted.get(i).key());
            }
        }
        BigInteger weights = BigInteger.ZERO;
        for (Claim<K> claim : sorted) {
            weights = weights.add(BigInteger.valueOf(claim.weight()));
        }
        Map<K, Long> parts = new LinkedHashMap<>();
        if (weights.signum() == 0) {
            if (total != 0 || sorted.isEmpty()) {
                throw new IllegalArgumentException("cannot split " + total + " over claims that weigh nothing");
            }
            sorted.forEach(claim -> parts.put(claim.key(), 0L));
            return parts;
        }
        BigInteger whole = BigInteger.valueOf(total);
        List<Remainder<K>> remainders = new ArrayList<>(sorted.size());
        long handedOut = 0;
        for (int i = 0; i < sorted.size(); i++) {
            Claim<K> claim = sorted.get(i);
            BigInteger[] quota = whole.multiply(BigInteger.valueOf(claim.weight())).divideAndRemainder(weights);
            long floor = quota[0].longValueExact();
            parts.put(claim.key(), floor);
            handedOut += floor;
            remainders.add(new Remainder<>(claim.key(), quota[1], i));
        }
        remainders.sort(Comparator.<Remainder<K>, BigInteger>comparing(Remainder::remainder).reversed()
                .thenComparingInt(Remainder::position));
        long leftOver = total - handedOut;
        for (int i = 0; i < leftOver; i++) {
            parts.merge(remainders.get(i).key(), 1L, Long::sum);
        }
        return parts;
    }

    /** The same split with the weights given as a map from key to weight. */
    public static <K extends Comparable<? super K>> Map<K, Long> split(long total, Map<K, ? extends Number> weights) {
        List<Claim<K>> claims = new ArrayList<>(weights.size());
        weights.forEach((key, weight) -> claims.add(new Claim<>(key, weight.longValue())));
        return split(total, claims);
    }

    /**
     * A split of an amount that may be negative (a correction): the magnitude is split as by {@link #split} and every
     * part takes the amount's sign, so {@code splitSigned(-x)} is exactly the negation of {@code split(x)}.
     */
    public static <K extends Comparable<? super K>> Map<K, Long> splitSigned(long total, Collection<Claim<K>> claims) {
        if (total >= 0) {
            return split(total, claims);
        }
        Map<K, Long> parts = split(Math.negateExact(total), claims);
        parts.replaceAll((key, part) -> -part);
        return parts;
    }

    private record Remainder<K>(K key, BigInteger remainder, int position) {
    }
}
