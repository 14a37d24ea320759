package nl.bdss.reporting.contracts.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContractSnapshotTest {

    static ContractSnapshot withAttestation(boolean noDoubleFunding, String measure) {
        return new ContractSnapshot("c-1", 1, "IZA-WEST-2025-001", "Samenwerking", "ACTIVE", LocalDate.of(2025, 1, 1),
                LocalDate.of(2026, 12, 31), 10_000_000, BudgetPeriod.YEAR, List.of("3311", "3343"),
                List.of("HUISARTSENZORG", "WIJKVERPLEGING"), List.of("01012345", "75750123"), 4, List.of("1011"),
                noDoubleFunding, measure);
    }

    @Test
    void attestedWithAMeasure_statesADoubleFundingMeasure_R4_R22() {
        assertThat(withAttestation(true, "Tarief O&I-ketenzorg niet gedeclareerd").statesDoubleFundingMeasure()).isTrue();
    }

    @Test
    void aBlankOrMissingMeasure_orNoAttestation_statesNone_R4_R22() {
        assertThat(withAttestation(true, "  ").statesDoubleFundingMeasure()).isFalse();
        assertThat(withAttestation(true, null).statesDoubleFundingMeasure()).isFalse();
        assertThat(withAttestation(false, "Tarief O&I-ketenzorg niet gedeclareerd").statesDoubleFundingMeasure()).isFalse();
    }
}
