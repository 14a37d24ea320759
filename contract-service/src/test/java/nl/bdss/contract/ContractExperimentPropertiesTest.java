package nl.bdss.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import nl.bdss.kernel.time.ExperimentWindow;
import org.junit.jupiter.api.Test;

class ContractExperimentPropertiesTest {

    @Test
    void withoutConfiguration_theWindowIsTheNzasDecisionOf2024_R14() {
        assertThat(new ContractExperimentProperties(null, null).window())
                .isEqualTo(new ExperimentWindow(LocalDate.of(2024, 5, 1), LocalDate.of(2029, 4, 30)));
    }

    @Test
    void aConfiguredDayReplacesTheDefault_soTheNzaCanExtendTheExperiment_R14() {
        assertThat(new ContractExperimentProperties(null, LocalDate.of(2030, 12, 31)).window())
                .isEqualTo(new ExperimentWindow(LocalDate.of(2024, 5, 1), LocalDate.of(2030, 12, 31)));
    }
}
