package nl.bdss.settlement.riskequalisation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AttributionTest {

    /** Insurer 3311's insureds in the example's service area on 2025-03-01. */
    private static final Map<String, Long> SERVICE_AREA_3311 =
            Map.of("1011", 1200L, "1012", 1200L, "1013", 1200L, "1015", 1200L, "1016", 1200L);

    @Test
    void spreadsTheExampleOver5PostcodesExactly_R19() {
        Attribution attribution = Attribution.of("3311", 2025, DistributionKey.SERVICE_AREA_INSUREDS, 4_200_000L,
                SERVICE_AREA_3311, null);

        assertThat(attribution.parts()).extracting(Attribution.Part::amountCents).containsOnly(840_000L);
        assertThat(attribution.parts()).extracting(Attribution.Part::category)
                .containsExactly("1011", "1012", "1013", "1015", "1016");
    }

    @Test
    void remaindersGoToTheLargestRemainderAndAlwaysAddUpExactly_R19() {
        Attribution attribution = Attribution.of("3343", 2025, DistributionKey.SERVICE_AREA_INSUREDS, 100L,
                Map.of("1011", 1L, "1012", 1L, "1013", 1L), null);

        assertThat(attribution.parts()).extracting(Attribution.Part::amountCents).containsExactly(34L, 33L, 33L);
        assertThat(Attribution.of("3343", 2025, DistributionKey.SERVICE_AREA_INSUREDS, -100L,
                Map.of("1011", 1L, "1012", 1L, "1013", 1L), null).parts())
                .extracting(Attribution.Part::amountCents).containsExactly(-34L, -33L, -33L);
    }

    @Test
    void allInsuredsIsOneCategoryWithTheWholeTotal_R19() {
        Attribution attribution = Attribution.of("3311", 2025, DistributionKey.ALL_INSUREDS, 4_200_000L,
                Map.of("all", 850_000L), null);

        assertThat(attribution.parts()).containsExactly(new Attribution.Part("ALL_INSUREDS", 850_000L, 4_200_000L));
    }

    @Test
    void notAttributingNeedsAReason_R19() {
        assertThatThrownBy(() -> Attribution.of("3311", 2025, DistributionKey.NOT_ATTRIBUTED, 1L, null, " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reason");
        assertThat(Attribution.of("3311", 2025, DistributionKey.NOT_ATTRIBUTED, 4_200_000L, null, "pilot year")
                .parts()).extracting(Attribution.Part::amountCents).containsExactly(4_200_000L);
    }

    @Test
    void refusesASpreadWithoutInsureds_R19() {
        assertThatThrownBy(() -> Attribution.of("3311", 2025, DistributionKey.SERVICE_AREA_INSUREDS, 1L,
                Map.of("1011", 0L), null)).isInstanceOf(IllegalArgumentException.class);
    }
}
