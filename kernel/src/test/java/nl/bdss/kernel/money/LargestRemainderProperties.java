package nl.bdss.kernel.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import nl.bdss.kernel.money.LargestRemainder.Claim;

class LargestRemainderProperties {

    @Property
    void partsAddUpExactlyToTheWhole_R7(@ForAll @LongRange(max = 1_000_000_000_000L) long total,
            @ForAll("weights") List<Long> weights) {
        Map<Integer, Long> parts = LargestRemainder.split(total, claims(weights));

        assertThat(parts.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(total);
    }

    @Property
    void everyPartIsItsExactQuotaRoundedDownOrUp(@ForAll @LongRange(max = 1_000_000_000_000L) long total,
            @ForAll("weights") List<Long> weights) {
        Map<Integer, Long> parts = LargestRemainder.split(total, claims(weights));
        BigInteger sum = weights.stream().map(BigInteger::valueOf).reduce(BigInteger.ZERO, BigInteger::add);

        for (int i = 0; i < weights.size(); i++) {
            BigInteger floor = BigInteger.valueOf(total).multiply(BigInteger.valueOf(weights.get(i))).divide(sum);
            assertThat(parts.get(i)).isBetween(floor.longValueExact(), floor.longValueExact() + 1);
        }
    }

    @Property
    void theSplitDoesNotDependOnTheOrderOfTheClaims(@ForAll @LongRange(max = 10_000_000L) long total,
            @ForAll("weights") List<Long> weights) {
        List<Claim<Integer>> claims = claims(weights);
        List<Claim<Integer>> shuffled = new ArrayList<>(claims);
        Collections.reverse(shuffled);

        assertThat(LargestRemainder.split(total, shuffled)).isEqualTo(LargestRemainder.split(total, claims));
    }

    @Property
    void aNegativeAmountSplitsAsTheNegationOfItsMagnitude(@ForAll @LongRange(min = 1, max = 10_000_000L) long magnitude,
            @ForAll("weights") List<Long> weights) {
        Map<Integer, Long> positive = LargestRemainder.split(magnitude, claims(weights));
        Map<Integer, Long> negative = LargestRemainder.splitSigned(-magnitude, claims(weights));

        positive.forEach((key, part) -> assertThat(negative.get(key)).isEqualTo(-part));
    }

    @Provide
    Arbitrary<List<Long>> weights() {
        return Arbitraries.longs().between(0, 2_000_000).list().ofMinSize(1).ofMaxSize(12)
                .filter(list -> list.stream().anyMatch(weight -> weight > 0));
    }

    private static List<Claim<Integer>> claims(List<Long> weights) {
        List<Claim<Integer>> claims = new ArrayList<>();
        for (int i = 0; i < weights.size(); i++) {
            claims.add(new Claim<>(i, weights.get(i)));
        }
        return claims;
    }
}
