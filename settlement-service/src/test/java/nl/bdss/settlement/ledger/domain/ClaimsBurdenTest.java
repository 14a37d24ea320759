package nl.bdss.settlement.ledger.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.bdss.settlement.ledger.domain.ClaimsBurden.Row;
import nl.bdss.settlement.ledger.domain.ClaimsBurden.SectorTotal;
import org.junit.jupiter.api.Test;

/** The claims burden's two views of a year (R17): by service year and by booking year. */
class ClaimsBurdenTest {

    /** 2025 closed: c1's 2025 lump sums booked in 2025, its 2025 correction of -420,000 booked in 2026. */
    private static final List<Row> COSTS = List.of(
            new Row(2025, 2025, "WIJKVERPLEGING", "c1", 2_100_000L, 0),
            new Row(2025, 2025, "HUISARTSENZORG", "c1", 2_100_000L, 0),
            new Row(2025, 2026, "WIJKVERPLEGING", "c1", 0, -420_000L),
            new Row(2026, 2026, "WIJKVERPLEGING", "c1", 2_100_000L, 0),
            new Row(2026, 2026, "WIJKVERPLEGING", "c2", 500_000L, -100_000L),
            new Row(2027, 2027, "WIJKVERPLEGING", "c1", 2_100_000L, 0));

    @Test
    void theServiceYearViewHoldsTheLaterCorrection_theBookingYearViewDoesNot() {
        ClaimsBurden of2025 = ClaimsBurden.of("3311", 2025, COSTS);

        // rows of service year 2025 or booking year 2025: the three 2025 rows; 2026 and 2027 rows are left out
        assertThat(of2025.rows()).hasSize(3);
        // by service year 2025: wijkverpleging 2,100,000 payable, -420,000 credited; huisartsenzorg 2,100,000
        assertThat(of2025.byServiceYear()).containsExactly(new SectorTotal("HUISARTSENZORG", 2_100_000L, 0),
                new SectorTotal("WIJKVERPLEGING", 2_100_000L, -420_000L));
        // by booking year 2025: the correction was booked in 2026, so not here
        assertThat(of2025.byBookingYear()).containsExactly(new SectorTotal("HUISARTSENZORG", 2_100_000L, 0),
                new SectorTotal("WIJKVERPLEGING", 2_100_000L, 0));
    }

    @Test
    void theBookingYearViewOfTheNextYearHoldsTheCorrectionForTheClosedYear() {
        ClaimsBurden of2026 = ClaimsBurden.of("3311", 2026, COSTS);

        assertThat(of2026.rows()).extracting(r -> r.serviceYear() + "/" + r.bookingYear() + "/" + r.contractId())
                .containsExactly("2025/2026/c1", "2026/2026/c1", "2026/2026/c2");
        // by service year 2026: 2,100,000 + 500,000 = 2,600,000 payable, -100,000 credited, net 2,500,000
        assertThat(of2026.byServiceYear()).containsExactly(new SectorTotal("WIJKVERPLEGING", 2_600_000L, -100_000L));
        assertThat(of2026.byServiceYear().get(0).netCents()).isEqualTo(2_500_000L);
        // by booking year 2026: plus the -420,000 for 2025: credited -520,000, net 2,080,000
        assertThat(of2026.byBookingYear()).containsExactly(new SectorTotal("WIJKVERPLEGING", 2_600_000L, -520_000L));
        assertThat(of2026.byBookingYear().get(0).netCents()).isEqualTo(2_080_000L);
        assertThat(of2026.rows().get(2).netCents()).isEqualTo(400_000L);
    }
}
