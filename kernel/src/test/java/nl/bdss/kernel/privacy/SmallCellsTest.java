package nl.bdss.kernel.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The small-cell rule on its boundaries (issue 14), by hand: withheld when {@code 0 < count < minimum}; defaults 10
 * insureds and 3 contracts. The cases of the three services' former copies (allocation, settlement, reporting).
 */
class SmallCellsTest {

    private final SmallCells defaults = SmallCells.defaults();

    @Test
    void theDefaults_areTenInsuredsAndThreeContracts_readFromTheServicesSettings() {
        assertThat(defaults).isEqualTo(new SmallCells(10, 3));
        assertThat(SmallCells.DEFAULT_MIN_INSUREDS).isEqualTo(10);
        assertThat(SmallCells.DEFAULT_MIN_CONTRACTS).isEqualTo(3);
        assertThat(SmallCells.MIN_INSUREDS_PROPERTY).isEqualTo("bdss.privacy.min-insureds");
        assertThat(SmallCells.MIN_CONTRACTS_PROPERTY).isEqualTo("bdss.privacy.min-contracts");
    }

    @Test
    void countsOfInsureds_1To9AreWithheld_0And10AndMoreAreShown() {
        assertThat(defaults.suppressesCount(0)).as("0 points at no one").isFalse();
        assertThat(defaults.suppressesCount(1)).isTrue();
        assertThat(defaults.suppressesCount(7)).isTrue();
        assertThat(defaults.suppressesCount(9)).isTrue();
        assertThat(defaults.suppressesCount(10)).isFalse();
        assertThat(defaults.suppressesCount(1200)).isFalse();
    }

    @Test
    void aShownCount_isTheCountItself_orNullWhenSmall() {
        assertThat(defaults.shownCount(0)).isEqualTo(0L);
        assertThat(defaults.shownCount(9)).isNull();
        assertThat(defaults.shownCount(10)).isEqualTo(10L);
        assertThat(defaults.shownCount(1200)).isEqualTo(1200L);
    }

    @Test
    void figuresOverContracts_1And2AreWithheld_0And3AreShown() {
        assertThat(defaults.suppressesContracts(0)).as("only the viewer's own contracts").isFalse();
        assertThat(defaults.suppressesContracts(1)).isTrue();
        assertThat(defaults.suppressesContracts(2)).isTrue();
        assertThat(defaults.suppressesContracts(3)).isFalse();
        assertThat(defaults.suppressesContracts(40)).isFalse();
    }

    @Test
    void anAggregate_isWithheldWhenItsInsuredsOrItsContractsAreFew() {
        assertThat(defaults.suppressesAggregate(10, 3)).isFalse();
        assertThat(defaults.suppressesAggregate(9, 3)).isTrue();
        assertThat(defaults.suppressesAggregate(5000, 2)).isTrue();
        assertThat(defaults.suppressesAggregate(5000, 3)).isFalse();
        assertThat(defaults.suppressesAggregate(0, 0)).as("rests on nothing").isFalse();
    }

    @Test
    void figuresDerivedFromSeveralCells_goAsSoonAsOneCellIsSmall() {
        assertThat(defaults.suppressesAnyOf(List.of(1200L, 800L))).isFalse();
        assertThat(defaults.suppressesAnyOf(List.of(1200L, 7L))).isTrue();
        assertThat(defaults.suppressesAnyOf(List.of(7L, 1200L))).isTrue();
        assertThat(defaults.suppressesAnyOf(List.of(1200L, 0L))).as("a participant without insureds").isFalse();
        assertThat(defaults.suppressesAnyOf(List.of())).isFalse();
    }

    @Test
    void otherMinimums_moveTheBoundaries() {
        SmallCells strict = new SmallCells(25, 5);
        assertThat(strict.suppressesCount(24)).isTrue();
        assertThat(strict.suppressesCount(25)).isFalse();
        assertThat(strict.suppressesContracts(4)).isTrue();
        assertThat(strict.suppressesContracts(5)).isFalse();
        assertThat(strict.suppressesAggregate(100, 4)).isTrue();

        SmallCells three = new SmallCells(3, 1);
        assertThat(three.suppressesCount(2)).isTrue();
        assertThat(three.suppressesCount(3)).isFalse();
    }

    @Test
    void minimumsOf1_showEveryFigure() {
        SmallCells everything = SmallCells.showingEverything();

        assertThat(everything).isEqualTo(new SmallCells(1, 1));
        assertThat(everything.suppressesCount(1)).isFalse();
        assertThat(everything.suppressesContracts(1)).isFalse();
        assertThat(everything.suppressesAnyOf(List.of(1L, 2L))).isFalse();
        assertThat(everything.shownCount(1)).isEqualTo(1L);
    }

    @Test
    void aMinimumBelow1_isRefused_namingItsSetting() {
        assertThatThrownBy(() -> new SmallCells(0, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bdss.privacy.min-insureds: at least 1, was 0");
        assertThatThrownBy(() -> new SmallCells(10, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bdss.privacy.min-contracts: at least 1, was 0");
        assertThatThrownBy(() -> new SmallCells(-1, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("min-insureds");
    }

    @Test
    void aNegativeCount_isRefused() {
        assertThatThrownBy(() -> defaults.suppressesCount(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("never negative");
        assertThatThrownBy(() -> defaults.suppressesContracts(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.suppressesAggregate(5000, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.suppressesAnyOf(List.of(1200L, -7L)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
