package nl.bdss.settlement.riskequalisation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import nl.bdss.kernel.privacy.SmallCells;
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

    @Test
    void theServiceAreaKeyUsesTheCountsBehindTheAllocationByDefault_evenWhenTheCallerSendsOthers_R19() {
        Attribution attribution = Attribution.serviceArea("3311", 2025,
                List.of(new SettledShare("c1", 1, 4_200_000L, SERVICE_AREA_3311)), Map.of("9999", 1L));

        assertThat(attribution.countsFrom()).isEqualTo("ALLOCATION");
        assertThat(attribution.parts()).extracting(Attribution.Part::category)
                .containsExactly("1011", "1012", "1013", "1015", "1016");
        assertThat(attribution.parts()).allSatisfy(part -> {
            assertThat(part.amountCents()).isEqualTo(840_000L);
            assertThat(part.insuredCount()).isEqualTo(1200L);
        });
        assertThat(attribution.basis()).containsExactly(
                new Attribution.Basis("c1", 1, 4_200_000L, CountsSource.ALLOCATION));
    }

    @Test
    void eachAllocationVersionIsSpreadOverItsOwnCounts_andThePartsAddUpExactlyToTheSettledTotal_R19() {
        Map<String, Long> v2Counts = Map.of("1011", 7L, "1012", 5L, "1013", 1L);
        Attribution attribution = Attribution.serviceArea("3343", 2026, List.of(
                new SettledShare("c1", 1, 2_800_000L, Map.of("1011", 800L, "1012", 800L, "1013", 800L)),
                new SettledShare("c1", 2, -123_457L, v2Counts),
                new SettledShare("c2", 1, 1_000_001L, Map.of("1012", 3L, "1017", 900L))), null);

        assertThat(attribution.settledCents()).isEqualTo(2_800_000L - 123_457L + 1_000_001L);
        assertThat(attribution.parts().stream().mapToLong(Attribution.Part::amountCents).sum())
                .isEqualTo(attribution.settledCents());
        assertThat(attribution.parts()).extracting(Attribution.Part::category)
                .containsExactly("1011", "1012", "1013", "1017");
        assertThat(attribution.parts()).filteredOn(p -> p.category().equals("1012"))
                .extracting(Attribution.Part::insuredCount).containsExactly(5L + 3L);
        assertThat(attribution.countsFrom()).isEqualTo("ALLOCATION");
    }

    @Test
    void fallsBackToTheCallersCountsOnlyForAnAllocationWithoutCounts_andSaysSo_R19() {
        Attribution attribution = Attribution.serviceArea("3311", 2025, List.of(
                new SettledShare("c1", 1, 4_200_000L, SERVICE_AREA_3311),
                new SettledShare("old", 3, 1_000L, Map.of())), Map.of("2000", 10L));

        assertThat(attribution.countsFrom()).isEqualTo("MIXED");
        assertThat(attribution.basis()).extracting(Attribution.Basis::countsFrom)
                .containsExactly(CountsSource.ALLOCATION, CountsSource.CALLER);
        assertThat(attribution.parts()).filteredOn(p -> p.category().equals("2000"))
                .extracting(Attribution.Part::amountCents).containsExactly(1_000L);
        assertThat(Attribution.serviceArea("3311", 2025, List.of(new SettledShare("old", 3, 1_000L, Map.of())),
                Map.of("2000", 10L)).countsFrom()).isEqualTo("CALLER");
    }

    @Test
    void refusesAnAllocationWithoutCountsWhenTheCallerSendsNone_R19() {
        assertThatThrownBy(() -> Attribution.serviceArea("3311", 2025,
                List.of(new SettledShare("old", 3, 1_000L, Map.of())), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("insuredCounts")
                .hasMessageContaining("R19");
    }

    @Test
    void refusesACountThatIsNoPostcode_andKeepsThePostcodeInTheKernelsNormalForm_R19() {
        assertThatThrownBy(() -> new ServiceAreaCount("3311", "011", 5L))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("postcode");
        assertThatThrownBy(() -> new ServiceAreaCount("3311", "1011 SA", 5L))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("postcode");
        assertThat(new ServiceAreaCount("3311", "1011 AB", 5L).postcode()).isEqualTo("1011AB");
        assertThat(new ServiceAreaCount("3311", "1011 ab", 5L).postcode()).isEqualTo("1011AB");
    }

    // Small cells: what an insurer is shown (issue 14)

    @Test
    void toAnInsurer_aCountBelowTheMinimumIsWithheld_0AndLargeCountsAreShown_andTheAmountsStillAddUp_R19() {
        // 1,000,000 over 1196 + 4 + 0 = 1200 insureds: 1011 996,666.67 -> 996,667 (largest remainder .67),
        // 1012 3,333.33 -> 3,333, 1013 0; 996,667 + 3,333 + 0 = 1,000,000
        Attribution attribution = Attribution.serviceArea("3311", 2025, List.of(new SettledShare("c1", 1, 1_000_000L,
                Map.of("1011", 1196L, "1012", 4L, "1013", 0L))), Map.of());

        Attribution.Shown toInsurer = attribution.shownUnder(SmallCells.defaults());

        assertThat(toInsurer.parts()).containsExactly(
                new Attribution.ShownPart("1011", 1196L, 996_667L, false),
                new Attribution.ShownPart("1012", null, 3_333L, true),
                new Attribution.ShownPart("1013", 0L, 0L, false));
        assertThat(toInsurer.settledCents()).isEqualTo(1_000_000L);
        assertThat(toInsurer.basis()).containsExactly(new Attribution.Basis("c1", 1, 1_000_000L, CountsSource.ALLOCATION));
    }

    @Test
    void toAnOperator_everyCountIsShown() {
        Attribution attribution = Attribution.serviceArea("3311", 2025, List.of(new SettledShare("c1", 1, 1_000_000L,
                Map.of("1011", 1196L, "1012", 4L, "1013", 0L))), Map.of());

        assertThat(attribution.shownUnder(SmallCells.showingEverything()).parts()).extracting(Attribution.ShownPart::insuredCount)
                .containsExactly(1196L, 4L, 0L);
        assertThat(attribution.shownUnder(SmallCells.showingEverything()).parts()).noneMatch(Attribution.ShownPart::suppressed);
    }

    @Test
    void aOnePostcodeServiceAreaWith9Insureds_isWithheld_with10ItIsShown() {
        Attribution nine = Attribution.of("3311", 2025, DistributionKey.SERVICE_AREA_INSUREDS, 50_000L,
                Map.of("1234AB", 9L), null);
        Attribution ten = Attribution.of("3311", 2025, DistributionKey.SERVICE_AREA_INSUREDS, 50_000L,
                Map.of("1234AB", 10L), null);

        assertThat(nine.shownUnder(SmallCells.defaults()).parts())
                .containsExactly(new Attribution.ShownPart("1234AB", null, 50_000L, true));
        assertThat(ten.shownUnder(SmallCells.defaults()).parts())
                .containsExactly(new Attribution.ShownPart("1234AB", 10L, 50_000L, false));
    }

    @Test
    void allInsuredsBelowTheMinimumIsWithheld_notAttributedShowsItsZero() {
        assertThat(Attribution.of("3311", 2025, DistributionKey.ALL_INSUREDS, 4_200_000L, Map.of("all", 7L), null)
                .shownUnder(SmallCells.defaults()).parts())
                .containsExactly(new Attribution.ShownPart("ALL_INSUREDS", null, 4_200_000L, true));
        assertThat(Attribution.of("3311", 2025, DistributionKey.NOT_ATTRIBUTED, 4_200_000L, null, "pilot year")
                .shownUnder(SmallCells.defaults()).parts())
                .containsExactly(new Attribution.ShownPart("NOT_ATTRIBUTED", 0L, 4_200_000L, false));
    }
}
