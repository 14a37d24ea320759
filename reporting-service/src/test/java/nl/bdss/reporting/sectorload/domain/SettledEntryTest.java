package nl.bdss.reporting.sectorload.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import nl.bdss.reporting.mbi.domain.SectorYear;
import org.junit.jupiter.api.Test;

class SettledEntryTest {

    static SettledEntry quarterEntry(LocalDate start, LocalDate end) {
        return new SettledEntry("e-1", "c-1", 1, SettledEntry.Kind.LUMP_SUM, null, start, end, "3311", "01012345",
                "HUISARTSENZORG", 2_100_000, 1);
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
                LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 31), "3311", "01012345", "GGZ", -5, 1))
                .hasMessageStartingWith("correctsEntryId");
    }
}
