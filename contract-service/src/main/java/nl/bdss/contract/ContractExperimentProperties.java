package nl.bdss.contract;

import java.time.LocalDate;
import nl.bdss.kernel.time.ExperimentWindow;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code bdss.contract.experiment.*}: the days on which a contract may run (R14). The NZa may end or extend the
 * experiment, so the window is configuration; unset days are those of the NZa's 2024 decision (1 May 2024 to
 * 30 April 2029).
 *
 * @param firstDay the first day a contract may be valid
 * @param lastDay  the last day a contract may be valid
 */
@ConfigurationProperties("bdss.contract.experiment")
record ContractExperimentProperties(LocalDate firstDay, LocalDate lastDay) {

    ExperimentWindow window() {
        return new ExperimentWindow(firstDay == null ? ExperimentWindow.NZA_2024.firstDay() : firstDay,
                lastDay == null ? ExperimentWindow.NZA_2024.lastDay() : lastDay);
    }
}
