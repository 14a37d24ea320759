package nl.bdss.settlement.riskequalisation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.bdss.kernel.privacy.SmallCells;
import org.junit.jupiter.api.Test;

/** The attribution of one insurer's service year per Zvw sector under each key (R19); every amount worked by hand. */
class YearAttributionTest {

    /**
     * Insurer 3311 in 2025:
     * <ul>
     *   <li>WIJKVERPLEGING: contract A v1 100,000 cents over {1011: 3, 1012: 1} and contract B v1 1,000 cents over
     *       {1012: 1, 1013: 2}; settled 101,000;</li>
     *   <li>HUISARTSENZORG: contract A v1 11 cents over {1011: 3, 1012: 1}, A v2 a correction of -4 over
     *       {1011: 1, 1012: 1}, and contract C v1 5 cents from an allocation without counts; settled 11 - 4 + 5 = 12.</li>
     * </ul>
     */
    private static final List<SectorShare> SHARES = List.of(
            new SectorShare("WIJKVERPLEGING", "A", 1, 100_000L, Map.of("1011", 3L, "1012", 1L)),
            new SectorShare("WIJKVERPLEGING", "B", 1, 1_000L, Map.of("1012", 1L, "1013", 2L)),
            new SectorShare("HUISARTSENZORG", "A", 1, 11L, Map.of("1011", 3L, "1012", 1L)),
            new SectorShare("HUISARTSENZORG", "A", 2, -4L, Map.of("1011", 1L, "1012", 1L)),
            new SectorShare("HUISARTSENZORG", "C", 1, 5L, Map.of()));

    private static DistributionChoice choice(DistributionKey key, String justification) {
        return new DistributionChoice("3311", 2025, key, justification, ChoiceStatus.APPROVED, LocalDate.of(2025, 6, 1));
    }

    @Test
    void targetArea_spreadsEachAllocationOverItsOwnCounts_perSector_andEachSectorAddsUpExactly_R19() {
        YearAttribution attribution = YearAttribution.compute("3311", 2025,
                choice(DistributionKey.SERVICE_AREA_INSUREDS, null), 6, SHARES);

        assertThat(attribution.sectors()).extracting(YearAttribution.Sector::sector)
                .containsExactly("HUISARTSENZORG", "WIJKVERPLEGING");
        // HUISARTSENZORG: A v1 11 x 3/4 = 8.25 and 11 x 1/4 = 2.75 -> 8 and 2, the cent left to the larger
        // remainder (1012): 8 and 3; A v2 -4 x 1/2 = -2 each; C's 5 cents have no counts: UNCOUNTED.
        // 1011: 8 - 2 = 6, 1012: 3 - 2 = 1, UNCOUNTED 5; 6 + 1 + 5 = 12. Counts: A's newest version (v2): 1 and 1.
        YearAttribution.Sector gp = attribution.sectors().get(0);
        assertThat(gp.settledCents()).isEqualTo(12L);
        assertThat(gp.parts()).containsExactly(
                new YearAttribution.Part("1011", 1L, 6L, null),
                new YearAttribution.Part("1012", 1L, 1L, null),
                new YearAttribution.Part("UNCOUNTED", null, 5L, null));
        // WIJKVERPLEGING: A 100,000 x 3/4 = 75,000 and x 1/4 = 25,000; B 1,000 x 1/3 = 333.33 and x 2/3 = 666.67 ->
        // 333 and 666, the cent left to 1013: 667. 1011 75,000; 1012 25,000 + 333 = 25,333; 1013 667; sum 101,000.
        // Counts: 1011 3 (A), 1012 1 (A) + 1 (B) = 2, 1013 2 (B).
        YearAttribution.Sector nursing = attribution.sectors().get(1);
        assertThat(nursing.settledCents()).isEqualTo(101_000L);
        assertThat(nursing.parts()).containsExactly(
                new YearAttribution.Part("1011", 3L, 75_000L, null),
                new YearAttribution.Part("1012", 2L, 25_333L, null),
                new YearAttribution.Part("1013", 2L, 667L, null));
        assertThat(attribution.settledCents()).isEqualTo(101_012L);
        assertThat(attribution.key()).isEqualTo(DistributionKey.SERVICE_AREA_INSUREDS);
        assertThat(attribution.choiceStatus()).isEqualTo(ChoiceStatus.APPROVED);
        assertThat(attribution.entryCount()).isEqualTo(6L);
    }

    @Test
    void allInsureds_isOnePartPerSector_holdingTheSectorsWholeAmount_R19() {
        YearAttribution attribution = YearAttribution.compute("3311", 2025, choice(DistributionKey.ALL_INSUREDS, null),
                6, SHARES);

        assertThat(attribution.sectors()).extracting(s -> s.sector() + " " + s.settledCents() + " " + s.parts())
                .containsExactly(
                        "HUISARTSENZORG 12 " + List.of(new YearAttribution.Part("ALL_INSUREDS", null, 12L, null)),
                        "WIJKVERPLEGING 101000 " + List.of(new YearAttribution.Part("ALL_INSUREDS", null, 101_000L, null)));
    }

    @Test
    void notAttributed_isOnePartPerSector_carryingTheJustification_R19() {
        YearAttribution attribution = YearAttribution.compute("3311", 2025,
                choice(DistributionKey.NOT_ATTRIBUTED, "effect out of proportion to the burden"), 6, SHARES);

        assertThat(attribution.sectors()).flatExtracting(YearAttribution.Sector::parts).containsExactly(
                new YearAttribution.Part("NOT_ATTRIBUTED", null, 12L, "effect out of proportion to the burden"),
                new YearAttribution.Part("NOT_ATTRIBUTED", null, 101_000L, "effect out of proportion to the burden"));
        assertThat(attribution.justification()).isEqualTo("effect out of proportion to the burden");
    }

    @Test
    void withoutARecordedChoice_theTargetAreaKeyApplies_withoutAStatus() {
        YearAttribution attribution = YearAttribution.compute("3311", 2025, null, 1,
                List.of(new SectorShare("WIJKVERPLEGING", "A", 1, 100L, Map.of("1011", 1L, "1012", 1L, "1013", 1L))));

        assertThat(attribution.key()).isEqualTo(DistributionKey.SERVICE_AREA_INSUREDS);
        assertThat(attribution.choiceStatus()).isNull();
        // 100 / 3 = 33.33 each -> 33, 33, 33 and the cent left to the smallest key of the tie (1011): 34
        assertThat(attribution.sectors().get(0).parts()).extracting(YearAttribution.Part::amountCents)
                .containsExactly(34L, 33L, 33L);
    }

    @Test
    void aNetCreditIsSpreadAsTheMirrorImage_andStillAddsUp() {
        YearAttribution attribution = YearAttribution.compute("3311", 2025, null, 1,
                List.of(new SectorShare("WIJKVERPLEGING", "A", 2, -100L, Map.of("1011", 1L, "1012", 1L, "1013", 1L))));

        assertThat(attribution.sectors().get(0).parts()).extracting(YearAttribution.Part::amountCents)
                .containsExactly(-34L, -33L, -33L);
        assertThat(attribution.settledCents()).isEqualTo(-100L);
    }

    @Test
    void anInsurerIsShownASmallCountWithheld_theAmountKept_anOperatorEveryCount() {
        YearAttribution.Sector sector = YearAttribution.compute("3311", 2025, null, 1,
                List.of(new SectorShare("WIJKVERPLEGING", "A", 1, 1_000L, Map.of("1011", 4L, "1012", 996L))))
                .sectors().get(0);

        // 1,000 x 4/1000 = 4 and x 996/1000 = 996
        assertThat(YearAttribution.shownUnder(sector, SmallCells.defaults())).containsExactly(
                new YearAttribution.ShownPart("1011", null, 4L, true, null),
                new YearAttribution.ShownPart("1012", 996L, 996L, false, null));
        assertThat(YearAttribution.shownUnder(sector, SmallCells.showingEverything()))
                .extracting(YearAttribution.ShownPart::insuredCount).containsExactly(4L, 996L);
    }
}
