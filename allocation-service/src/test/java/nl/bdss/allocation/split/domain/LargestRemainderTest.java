package nl.bdss.allocation.split.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.Map;
import nl.bdss.allocation.split.domain.LargestRemainder.Claim;
import org.junit.jupiter.api.Test;

class LargestRemainderTest {

    @Test
    void leftoverCentsGoToTheLargestRemainders() {
        Map<String, Long> parts = LargestRemainder.split(100, List.of(new Claim<>("a", 1), new Claim<>("b", 1), new Claim<>("c", 1)));

        assertThat(parts).containsExactly(Map.entry("a", 34L), Map.entry("b", 33L), Map.entry("c", 33L));
    }

    @Test
    void tiesAreBrokenByKey_notByInputOrder() {
        Map<String, Long> parts = LargestRemainder.split(1, List.of(new Claim<>("z", 1), new Claim<>("m", 1)));

        assertThat(parts).containsEntry("m", 1L).containsEntry("z", 0L);
    }

    @Test
    void refusesDuplicateKeysAndWeightlessClaims() {
        assertThatIllegalArgumentException().isThrownBy(() ->
                LargestRemainder.split(10, List.of(new Claim<>("a", 1), new Claim<>("a", 2))));
        assertThatIllegalArgumentException().isThrownBy(() -> LargestRemainder.split(10, List.of(new Claim<>("a", 0))));
    }
}
