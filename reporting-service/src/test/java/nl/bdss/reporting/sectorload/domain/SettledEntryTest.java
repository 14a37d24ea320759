package nl.bdss.reporting.sectorload.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import nl.bdss.reporting.mbi.domain.SectorYear;
import org.junit.jupiter.api.Test;

class SettledEntryTest {

    static SettledEntry quarterEntry(LocalDate start, LocalDate end) {
        return new SettledEntry("e-1", "c-1", 1, SettledEntry.Kind.LUMP_SUM, null, start, end, "3311", "01012345",
                "HUISARTSENZORG", 2_100_000, 1, start.getYear(), start.getYear());
    }

    @Test
    void loadsTheMacroBudgetOfTheYearOfItsPeriod_R18() {
        SettledEntry entry = quarterEntry(LocalDate.of(2025, 10, 1), LocalDate.of(2025, 12, 31));
        assertThat(entry.sectorYear()).isEqualTo(new SectorYear("HUISARTSENZORG", 2025));
        assertThat(entry.sectorYear().key()).isEqualTo("HUISARTSENZORG|2025");
    }

    @Test
    void refusesAPeriodSpanningTwoYears_R18() {
        assertThatThrownBy(() -> quarterEntry(LocalDate.of(2025, 12, 1), LocalDate.of(2026, 1, 31)))
                .hasMessageContaining("R18");
    }

    @Test
    void refusesACorrectionThatNamesNoEntry() {
        assertThatThrownBy(() -> new SettledEntry("e-2", "c-1", 2, SettledEntry.Kind.CORRECTION, null,
                LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 31), "3311", "01012345", "GGZ", -5, 1, 2025, 2025))
                .hasMessageStartingWith("correctsEntryId");
    }

    @Test
    void anEventWrittenBeforeServiceYears_isBookedInTheYearItsPeriodStartsIn() {
        assertThat(SettledEntry.Years.of(null, null, LocalDate.of(2025, 10, 1), LocalDate.of(2025, 12, 31)))
                .isEqualTo(new SettledEntry.Years(2025, 2025));
        assertThat(SettledEntry.Years.of(2025, 2026, LocalDate.of(2025, 10, 1), LocalDate.of(2025, 12, 31)))
                .isEqualTo(new SettledEntry.Years(2025, 2026));
        assertThatThrownBy(() -> SettledEntry.Years.of(2025, null, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 31)))
                .hasMessageStartingWith("serviceYear, bookingYear: both or neither");
    }

    @Test
    void aCorrectionOfAClosedYear_loadsItsServiceYear_bookedInALaterYear() {
        SettledEntry correction = new SettledEntry("e-3", "c-1", 3, SettledEntry.Kind.CORRECTION, "e-1",
                LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 31), "3311", "01012345", "GGZ", -5, 2, 2025, 2026);
        assertThat(correction.sectorYear()).isEqualTo(new SectorYear("GGZ", 2025));
    }

    @Test
    void refusesAServiceYearOtherThanThePeriodsYear_andABookingYearBeforeIt_R18() {
        assertThatThrownBy(() -> new SettledEntry("e-4", "c-1", 4, SettledEntry.Kind.LUMP_SUM, null,
                LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 31), "3311", "01012345", "GGZ", 5, 1, 2026, 2026))
                .hasMessageStartingWith("serviceYear").hasMessageContaining("R18");
        assertThatThrownBy(() -> new SettledEntry("e-5", "c-1", 5, SettledEntry.Kind.LUMP_SUM, null,
                LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 31), "3311", "01012345", "GGZ", 5, 1, 2025, 2024))
                .hasMessageStartingWith("bookingYear");
    }
}
