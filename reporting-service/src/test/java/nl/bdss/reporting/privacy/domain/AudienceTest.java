package nl.bdss.reporting.privacy.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import nl.bdss.kernel.privacy.SmallCells;
import org.junit.jupiter.api.Test;

class AudienceTest {

    private static final Audience OF_3311 = Audience.insurer(Set.of("own-1", "own-2"), SmallCells.defaults());

    @Test
    void anInsurersOwnContractsDoNotProtectACell() {
        // own-1, own-2 and one other: 3 contracts, but after subtracting its own two the insurer would see the other's
        assertThat(OF_3311.othersAmong(List.of("own-1", "own-2", "other-a"))).isEqualTo(1);
        assertThat(OF_3311.withholds(List.of("own-1", "own-2", "other-a"))).isTrue();
        assertThat(OF_3311.withholds(List.of("own-1", "other-a", "other-b"))).isTrue();
        assertThat(OF_3311.withholds(List.of("own-1", "other-a", "other-b", "other-c"))).isFalse();
    }

    @Test
    void aCellOfItsOwnContractsOnly_orEmpty_isShown() {
        assertThat(OF_3311.withholds(List.of("own-1", "own-2"))).isFalse();
        assertThat(OF_3311.withholds(List.of())).isFalse();
        assertThat(OF_3311.othersAmong(List.of("other-a", "other-a"))).as("each contract once").isEqualTo(1);
    }

    @Test
    void theOperatorIsShownEverything() {
        assertThat(Audience.everything().seesEverything()).isTrue();
        assertThat(Audience.everything().withholds(List.of("other-a"))).isFalse();
    }
}
