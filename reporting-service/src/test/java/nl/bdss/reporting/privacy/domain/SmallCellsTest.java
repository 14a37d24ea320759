package nl.bdss.reporting.privacy.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SmallCellsTest {

    @Test
    void withTheDefaultMinimumOf3_1And2AreWithheld_0And3AreShown() {
        SmallCells cells = SmallCells.withDefaultMinimum();

        assertThat(cells.minimum()).isEqualTo(3);
        assertThat(cells.suppress(0)).isFalse();
        assertThat(cells.suppress(1)).isTrue();
        assertThat(cells.suppress(2)).isTrue();
        assertThat(cells.suppress(3)).isFalse();
        assertThat(new SmallCells(1).suppress(1)).isFalse();
        assertThatThrownBy(() -> new SmallCells(0)).hasMessageContaining("min-contracts");
    }
}
