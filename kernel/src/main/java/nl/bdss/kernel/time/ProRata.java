package nl.bdss.kernel.time;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.bdss.kernel.money.LargestRemainder;

/**
 * Pro-rating by days (R8), the one implementation: a lump sum agreed for a calendar period, earned for part of
 * its days, is the exact fraction rounded once to the cent, half away from zero (half a cent goes to the covered
 * part). When several terms cover one period (an amendment effective mid-period), the period's amount is the exact
 * sum of each terms' pro-rated lump sum, rounded once, and that amount is divided over the terms by the largest
 * remainder on their weights (lump sum x days), the earlier terms winning a tie; so the parts add up exactly.
 */
public final class ProRata {

    /** One terms' claim on a period: the lump sum it agrees for the whole period and the days it is in force. */
    public record Share(long lumpSumCents, long days) {
        public Share {
            if (lumpSumCents < 0 || days < 0) {
                throw new IllegalArgumentException("a share needs a non-negative lump sum and days, was "
                        + lumpSumCents + " for " + days + " days");
            }
        }
    }

    private ProRata() {
    }

    /** {@code amountCents x part / whole}, rounded half away from zero. */
    public static long of(long amountCents, long part, long whole) {
        if (whole <= 0 || part < 0 || part > whole) {
            throw new IllegalArgumentException("pro rata needs 0 <= part <= whole and whole > 0, was " + part + "/" + whole);
        }
        if (part == whole) {
            return amountCents;
        }
        return roundedQuotient(BigInteger.valueOf(amountCents).multiply(BigInteger.valueOf(part)), whole);
    }

    /** The period's amount when several terms share it: the exact sum of the pro-rated lump sums, rounded once. */
    public static long total(List<Share> shares, long daysInPeriod) {
        checkDays(shares, daysInPeriod);
        return roundedQuotient(weights(shares), daysInPeriod);
    }

    /**
     * The period's amount ({@link #total}) divided over the shares, in their order; the parts add up to the total
     * exactly, a share of zero days gets zero.
     */
    public static long[] parts(List<Share> shares, long daysInPeriod) {
        long total = total(shares, daysInPeriod);
        List<LargestRemainder.Claim<Integer>> claims = new ArrayList<>(shares.size());
        for (int i = 0; i < shares.size(); i++) {
            claims.add(new LargestRemainder.Claim<>(i, Math.multiplyExact(shares.get(i).lumpSumCents(), shares.get(i).days())));
        }
        long[] parts = new long[shares.size()];
        if (total == 0) {
            return parts;
        }
        Map<Integer, Long> split = LargestRemainder.split(total, claims);
        split.forEach((index, part) -> parts[index] = part);
        return parts;
    }

    private static void checkDays(List<Share> shares, long daysInPeriod) {
        if (daysInPeriod <= 0) {
            throw new IllegalArgumentException("a period has at least one day, was " + daysInPeriod);
        }
        long days = 0;
        for (Share share : shares) {
            days += share.days();
        }
        if (days > daysInPeriod) {
            throw new IllegalArgumentException("the shares cover " + days + " days of a period of " + daysInPeriod);
        }
    }

    private static BigInteger weights(List<Share> shares) {
        BigInteger sum = BigInteger.ZERO;
        for (Share share : shares) {
            sum = sum.add(BigInteger.valueOf(share.lumpSumCents()).multiply(BigInteger.valueOf(share.days())));
        }
        return sum;
    }

    /** numerator / denominator rounded half away from zero; the denominator is positive. */
    private static long roundedQuotient(BigInteger numerator, long denominator) {
        BigInteger twice = BigInteger.valueOf(denominator).shiftLeft(1);
        BigInteger magnitude = numerator.abs().shiftLeft(1).add(BigInteger.valueOf(denominator)).divide(twice);
        return (numerator.signum() < 0 ? magnitude.negate() : magnitude).longValueExact();
    }
}
