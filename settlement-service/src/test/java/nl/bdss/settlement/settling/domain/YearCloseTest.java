package nl.bdss.settlement.settling.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** When a service year may be closed (R17). */
class YearCloseTest {

    @Test
    void aYearThatEndedWithEverythingDueBooked_mayBeClosed() {
        assertThat(YearClose.blockers(2025, LocalDate.of(2026, 1, 1), 0)).isEmpty();
        assertThat(YearClose.blockers(2025, LocalDate.of(2026, 11, 22), 0)).isEmpty();
    }

    @Test
    void aYearNotEndedByToday_isBlocked_onItsLastDayToo_R17() {
        assertThat(YearClose.blockers(2026, LocalDate.of(2026, 12, 31), 0)).singleElement().satisfies(blocker -> {
            assertThat(blocker.field()).isEqualTo("year");
            assertThat(blocker.rule()).isEqualTo("R17");
            assertThat(blocker.message()).contains("has not ended", "2027-01-01");
        });
    }

    @Test
    void entriesDueButNotBooked_blockTheClose_namingHowMany_R17() {
        assertThat(YearClose.blockers(2025, LocalDate.of(2026, 3, 1), 3)).singleElement().satisfies(blocker -> {
            assertThat(blocker.rule()).isEqualTo("R17");
            assertThat(blocker.message()).contains("3 entries", "run a period close");
        });
        assertThat(YearClose.blockers(2026, LocalDate.of(2026, 3, 1), 1)).hasSize(2)
                .anySatisfy(blocker -> assertThat(blocker.message()).contains("1 entry "));
    }
}
