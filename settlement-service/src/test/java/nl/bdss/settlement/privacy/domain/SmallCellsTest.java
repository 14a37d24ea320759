package nl.bdss.settlement.privacy.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SmallCellsTest {

    @Test
    void withTheDefaultMinimumOf10_countsFrom1To9AreWithheld_0And10AndMoreAreShown() {
        SmallCells cells = SmallCells.withDefaultMinimum();

        assertThat(cells.minimum()).isEqualTo(10);
        assertThat(cells.suppress(0)).as("0 points at no one").isFalse();
        assertThat(cells.suppress(1)).isTrue();
        assertThat(cells.suppress(9)).isTrue();
        assertThat(cells.suppress(10)).isFalse();
        assertThat(cells.suppress(1200)).isFalse();
    }

    @Test
    void anotherMinimum_movesTheBoundary() {
        SmallCells cells = new SmallCells(3);

        assertThat(cells.suppress(2)).isTrue();
        assertThat(cells.suppress(3)).isFalse();
        assertThat(new SmallCells(1).suppress(1)).as("a minimum of 1 shows every count").isFalse();
    }

    @Test
    void aMinimumBelow1_isRefused() {
        assertThatThrownBy(() -> new SmallCells(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("min-insureds");
    }
}
