package nl.bdss.kernel.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.Map;
import nl.bdss.kernel.money.LargestRemainder.Claim;
import org.junit.jupiter.api.Test;

class LargestRemainderTest {

    @Test
    void splitsTheManualsExample_byDomainShares_R7() {
        // EUR 100,000.00 over 10% Wmo, 20% Jeugdwet, 70% Zvw
        Map<String, Long> parts = LargestRemainder.split(10_000_000L, Map.of("WMO", 1_000L, "JEUGDWET", 2_000L, "ZVW", 7_000L));

        assertThat(parts).containsExactly(Map.entry("JEUGDWET", 2_000_000L), Map.entry("WMO", 1_000_000L),
                Map.entry("ZVW", 7_000_000L));
    }

    @Test
    void givesTheLeftOverCentToTheLargestRemainder() {
        // 100 cents over 1:1:1 -> 33 each and one left over; all remainders equal, the smallest key wins
        assertThat(LargestRemainder.split(100, Map.of("a", 1, "b", 1, "c", 1))).containsExactly(
                Map.entry("a", 34L), Map.entry("b", 33L), Map.entry("c", 33L));
        // 10 cents over 6000:4001 insureds: quotas 5.997... and 4.0009...; floors 5 and 4, the first has the larger rest
        assertThat(LargestRemainder.split(10, Map.of("3311", 6_000, "3343", 4_001))).containsExactly(
                Map.entry("3311", 6L), Map.entry("3343", 4L));
    }

    @Test
    void splitsNegativeCorrectionsOnlyWhenAskedTo() {
        assertThatIllegalArgumentException().isThrownBy(() -> LargestRemainder.split(-100, Map.of("a", 1)))
                .withMessageContaining("negative");
        assertThat(LargestRemainder.splitSigned(-100, List.of(new Claim<>("a", 1), new Claim<>("b", 2))))
                .containsExactly(Map.entry("a", -33L), Map.entry("b", -67L));
    }

    @Test
    void refusesDuplicateKeysNegativeWeightsAndWeightlessClaims() {
        assertThatIllegalArgumentException().isThrownBy(() -> LargestRemainder.split(10, List.of(new Claim<>("a", 1),
                new Claim<>("a", 2)))).withMessageContaining("duplicate");
        assertThatIllegalArgumentException().isThrownBy(() -> new Claim<>("a", -1)).withMessageContaining("negative");
        assertThatIllegalArgumentException().isThrownBy(() -> LargestRemainder.split(10, Map.of("a", 0)))
                .withMessageContaining("weigh nothing");
        assertThat(LargestRemainder.split(0, Map.of("a", 0, "b", 0))).containsExactly(Map.entry("a", 0L), Map.entry("b", 0L));
    }
}
