package nl.bdss.allocation.split.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import nl.bdss.allocation.split.domain.LargestRemainder.Claim;

class LargestRemainderProperties {

    @Property
    void partsAddUpExactly_andAreNeverNegative(@ForAll @LongRange(min = 0, max = 1_000_000_000_000L) long total,
            @ForAll("claims") List<Claim<String>> claims) {
        Map<String, Long> parts = LargestRemainder.split(total, claims);

        assertThat(parts.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(total);
        assertThat(parts.values()).allMatch(part -> part >= 0);
        assertThat(parts).hasSize(claims.size());
    }

    @Property
    void everyPartIsItsExactQuotaRoundedDownOrUp(@ForAll @LongRange(min = 0, max = 1_000_000_000_000L) long total,
            @ForAll("claims") List<Claim<String>> claims) {
        Map<String, Long> parts = LargestRemainder.split(total, claims);
        BigInteger weights = BigInteger.valueOf(claims.stream().mapToLong(Claim::weight).sum());

        for (Claim<String> claim : claims) {
            long floor = BigInteger.valueOf(total).multiply(BigInteger.valueOf(claim.weight())).divide(weights).longValueExact();
            assertThat(parts.get(claim.key())).isBetween(floor, floor + 1);
        }
    }

    @Property
    void isDeterministic_andInvariantUnderInputOrder(@ForAll @LongRange(min = 0, max = 1_000_000_000L) long total,
            @ForAll("claims") List<Claim<String>> claims, @ForAll long seed) {
        List<Claim<String>> shuffled = new ArrayList<>(claims);
        Collections.shuffle(shuffled, new Random(seed));

        assertThat(LargestRemainder.split(total, shuffled)).isEqualTo(LargestRemainder.split(total, claims));
    }

    @Provide
    Arbitrary<List<Claim<String>>> claims() {
        Arbitrary<Claim<String>> claim = Combinators.combine(
                Arbitraries.strings().numeric().ofLength(4),
                Arbitraries.longs().between(0, 50_000_000))
                .as(Claim::new);
        return claim.list().ofMinSize(1).ofMaxSize(30).uniqueElements(Claim::key)
                .filter(list -> list.stream().mapToLong(Claim::weight).sum() > 0);
    }
}
