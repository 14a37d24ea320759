package nl.bdss.kernel.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** What must hold for every minimum and count: the rule only ever gets stricter as a minimum rises. */
class SmallCellsProperties {

    @Property
    void noneAndAtLeastTheMinimum_areAlwaysShown(@ForAll @LongRange(min = 1, max = 1_000) long minimum,
            @ForAll @LongRange(max = 1_000_000) long above) {
        SmallCells cells = new SmallCells(minimum, minimum);

        assertThat(cells.suppressesCount(0)).isFalse();
        assertThat(cells.suppressesContracts(0)).isFalse();
        assertThat(cells.suppressesCount(minimum + above)).isFalse();
        assertThat(cells.suppressesContracts(minimum + above)).isFalse();
        assertThat(cells.shownCount(minimum + above)).isEqualTo(minimum + above);
    }

    @Property
    void aStricterMinimum_withholdsEverythingALaxerOneDoes(@ForAll @LongRange(min = 1, max = 1_000) long lax,
            @ForAll @LongRange(max = 1_000) long stricterBy, @ForAll @LongRange(max = 2_000) long count) {
        SmallCells laxer = new SmallCells(lax, lax);
        SmallCells stricter = new SmallCells(lax + stricterBy, lax + stricterBy);

        if (laxer.suppressesCount(count)) {
            assertThat(stricter.suppressesCount(count)).isTrue();
        }
        if (laxer.suppressesContracts(count)) {
            assertThat(stricter.suppressesContracts(count)).isTrue();
        }
    }

    @Property
    void cellsTogether_areWithheldWhateverTheirOrder_andAnotherCellNeverBringsThemBack(
            @ForAll @Size(max = 8) List<@LongRange(max = 50) Long> cells, @ForAll @LongRange(max = 50) long another) {
        SmallCells rule = SmallCells.defaults();
        List<Long> reversed = new ArrayList<>(cells);
        Collections.reverse(reversed);
        List<Long> more = new ArrayList<>(cells);
        more.add(another);

        assertThat(rule.suppressesAnyOf(reversed)).isEqualTo(rule.suppressesAnyOf(cells));
        if (rule.suppressesAnyOf(cells)) {
            assertThat(rule.suppressesAnyOf(more)).isTrue();
        }
        assertThat(rule.suppressesAnyOf(more)).isEqualTo(rule.suppressesAnyOf(cells) || rule.suppressesCount(another));
    }
}
