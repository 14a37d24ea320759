package nl.bdss.settlement.settling.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The booking-year rule (R17): the service year while it is open, else the first open year after it. */
class ClosedYearsTest {

    @Test
    void withNoYearClosed_everyEntryIsBookedInItsServiceYear() {
        assertThat(ClosedYears.NONE.bookingYearOf(2025)).isEqualTo(2025);
        assertThat(ClosedYears.NONE.bookingYearOf(2029)).isEqualTo(2029);
    }

    @Test
    void anEntryForAClosedYear_isBookedInTheNextYear() {
        ClosedYears closed = ClosedYears.of(List.of(2025));

        assertThat(closed.bookingYearOf(2025)).isEqualTo(2026);
        assertThat(closed.bookingYearOf(2026)).as("an open year books its own entries").isEqualTo(2026);
        assertThat(closed.bookingYearOf(2024)).as("an earlier open year stays its own booking year").isEqualTo(2024);
    }

    @Test
    void severalClosedYearsInARow_areSkippedToTheFirstOpenOne() {
        ClosedYears closed = ClosedYears.of(List.of(2024, 2025, 2027));

        // 2024 closed, 2025 closed, 2026 open: 2026
        assertThat(closed.bookingYearOf(2024)).isEqualTo(2026);
        assertThat(closed.bookingYearOf(2025)).isEqualTo(2026);
        // 2027 closed, 2028 open
        assertThat(closed.bookingYearOf(2027)).isEqualTo(2028);
        assertThat(closed.isClosed(2026)).isFalse();
        assertThat(closed.isClosed(2027)).isTrue();
    }
}
