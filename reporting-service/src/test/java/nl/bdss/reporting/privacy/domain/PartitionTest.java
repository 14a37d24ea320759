package nl.bdss.reporting.privacy.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.bdss.kernel.privacy.SmallCells;
import org.junit.jupiter.api.Test;

class PartitionTest {

    private static final Audience OF_3311 = Audience.insurer(Set.of("own"), SmallCells.defaults());

    @Test
    void oneSmallCell_isWithheld_andTheShownCellWithTheFewestOthersToo_soTheTotalDoesNotGiveItAway() {
        Partition<String> sectors = new Partition<>(Map.of(
                "GGZ", List.of("other-a"),                                   // 1 other: withheld
                "HUISARTSENZORG", List.of("own", "b", "c", "d", "e"),        // 4 others
                "WIJKVERPLEGING", List.of("f", "g", "h"),                    // 3 others: the fewest shown, withheld too
                "PARAMEDISCHE_ZORG", List.of("own")));                       // own only: 0 others, never the complement

        Partition.Withheld<String> withheld = sectors.withheldFrom(OF_3311);

        assertThat(withheld.cells()).containsExactlyInAnyOrder("GGZ", "WIJKVERPLEGING");
        // the total rests on 8 other contracts (a, b, c, d, e, f, g, h): shown; total - shown = GGZ + WIJKVERPLEGING,
        // which rests on 4 others
        assertThat(withheld.total()).isFalse();
    }

    @Test
    void tiesForTheComplement_goToTheFirstKey() {
        Partition<String> regions = new Partition<>(Map.of(
                "Drenthe", List.of("a", "b"),
                "Friesland", List.of("c", "d", "e"),
                "Groningen", List.of("f", "g", "h")));

        assertThat(regions.withheldFrom(OF_3311).cells()).containsExactlyInAnyOrder("Drenthe", "Friesland");
    }

    @Test
    void twoSmallCellsThatTogetherRestOnEnoughOthers_needNoComplement() {
        Partition<String> sectors = new Partition<>(Map.of(
                "GGZ", List.of("a", "b"),
                "HUISARTSENZORG", List.of("c"),
                "WIJKVERPLEGING", List.of("d", "e", "f")));

        Partition.Withheld<String> withheld = sectors.withheldFrom(OF_3311);

        // GGZ + HUISARTSENZORG rest on a, b, c: 3 others
        assertThat(withheld.cells()).containsExactlyInAnyOrder("GGZ", "HUISARTSENZORG");
        assertThat(withheld.total()).isFalse();
    }

    @Test
    void aTotalOverFewerThan3OthersIsWithheld_withEveryCellThatHoldsOthers() {
        Partition<String> sectors = new Partition<>(Map.of(
                "GGZ", List.of("own", "a"),
                "HUISARTSENZORG", List.of("own"),
                "WIJKVERPLEGING", List.of("a", "b")));

        Partition.Withheld<String> withheld = sectors.withheldFrom(OF_3311);

        assertThat(withheld.total()).isTrue();
        assertThat(withheld.cells()).containsExactlyInAnyOrder("GGZ", "WIJKVERPLEGING");
        assertThat(withheld.cell("HUISARTSENZORG")).as("its own contract only").isFalse();
    }

    @Test
    void nothingSmall_nothingWithheld_andTheOperatorIsShownEverything() {
        Partition<String> sectors = new Partition<>(Map.of("GGZ", List.of("a", "b", "c"), "WMO", List.of("own")));

        assertThat(sectors.withheldFrom(OF_3311).any()).isFalse();
        assertThat(new Partition<>(Map.of("GGZ", List.of("a"))).withheldFrom(Audience.everything()).any()).isFalse();
    }

    @Test
    void aCellWithheldBecauseAnotherViewWouldGiveItAway_countsAsPrimary_withItsComplement() {
        // a booking year's sectors: WIJKVERPLEGING rests on 4 others but its part of a closed year is withheld in
        // the service-year view, so it is withheld here too; then GGZ (3 others, fewer than HUISARTSENZORG's 5)
        // goes with it unless the two withheld already rest on enough others: a, b, c, d is 4, so no complement
        Partition<String> sectors = new Partition<>(Map.of(
                "GGZ", List.of("e", "f", "g"),
                "HUISARTSENZORG", List.of("h", "i", "j", "k", "l"),
                "WIJKVERPLEGING", List.of("a", "b", "c", "d")));

        assertThat(sectors.withheldFrom(OF_3311, Set.of("WIJKVERPLEGING")).cells()).containsExactly("WIJKVERPLEGING");
        assertThat(sectors.withheldFrom(OF_3311, Set.of("PARAMEDISCHE_ZORG")).cells()).as("not a cell: ignored").isEmpty();

        // the same with a forced cell on one other contract: the shown cell with the fewest others goes with it
        Partition<String> small = new Partition<>(Map.of(
                "GGZ", List.of("e", "f", "g"),
                "HUISARTSENZORG", List.of("h", "i", "j", "k", "l"),
                "WIJKVERPLEGING", List.of("own", "a")));
        assertThat(small.withheldFrom(OF_3311, Set.of("WIJKVERPLEGING")).cells())
                .containsExactlyInAnyOrder("WIJKVERPLEGING", "GGZ");
        assertThat(small.withheldFrom(Audience.everything(), Set.of("WIJKVERPLEGING")).any()).isFalse();
    }
}
