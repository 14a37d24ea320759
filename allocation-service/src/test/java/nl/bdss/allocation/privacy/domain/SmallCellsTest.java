package nl.bdss.allocation.privacy.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The small-cell rule on its boundaries (issue 14): defaults 10 insureds and 3 contracts. */
class SmallCellsTest {

    private final SmallCells defaults = SmallCells.defaults();

    @Test
    void theDefaults_areTenInsuredsAndThreeContracts() {
        assertThat(defaults).isEqualTo(new SmallCells(10, 3));
    }

    @Test
    void aCountUnderTenInsureds_isSuppressed_tenIsShown() {
        assertThat(defaults.suppressesCount(0)).isTrue();
        assertThat(defaults.suppressesCount(7)).isTrue();
        assertThat(defaults.suppressesCount(9)).isTrue();
        assertThat(defaults.suppressesCount(10)).isFalse();
        assertThat(defaults.shownCount(9)).isNull();
        assertThat(defaults.shownCount(10)).isEqualTo(10L);
        assertThat(defaults.shownCount(1200)).isEqualTo(1200L);
    }

    @Test
    void anAggregate_isSuppressedUnderTenInsuredsOrUnderThreeContracts() {
        assertThat(defaults.suppressesAggregate(10, 3)).isFalse();
        assertThat(defaults.suppressesAggregate(9, 3)).isTrue();
        assertThat(defaults.suppressesAggregate(5000, 2)).isTrue();
        assertThat(defaults.suppressesAggregate(5000, 3)).isFalse();
    }

    @Test
    void figuresDerivedFromSeveralCells_goAsSoonAsOneCellIsSmall() {
        assertThat(defaults.suppressesAnyOf(List.of(1200L, 800L))).isFalse();
        assertThat(defaults.suppressesAnyOf(List.of(1200L, 7L))).isTrue();
        assertThat(defaults.suppressesAnyOf(List.of())).isFalse();
    }

    @Test
    void theMinimumsAreConfigurable_andNeverNegative() {
        SmallCells strict = new SmallCells(25, 5);
        assertThat(strict.suppressesCount(24)).isTrue();
        assertThat(strict.suppressesCount(25)).isFalse();
        assertThat(strict.suppressesAggregate(100, 4)).isTrue();
        assertThat(new SmallCells(0, 0).suppressesCount(0)).isFalse();
        assertThatThrownBy(() -> new SmallCells(-1, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SmallCells(10, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
