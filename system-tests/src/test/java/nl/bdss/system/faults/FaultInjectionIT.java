package nl.bdss.system.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/**
 * The short form of the fault-injection suite in {@code ./mvnw verify}: the real stack as processes on ports of its
 * own, one round of seeded load with every service killed, two crash switches, the broker killed and PostgreSQL
 * stopped, every event delivered twice, poison and two replays of its dead letters, an incompatible schema; then every
 * invariant. A random seed, printed first; {@code -Dfault.seed=N} replays one.
 */
class FaultInjectionIT {

    @Test
    void underKillsPausesDuplicatesAndPoison_nothingIsLostAndNothingPaidTwice() {
        String property = System.getProperty("fault.seed", "");
        long seed = property.isBlank() ? new SecureRandom().nextLong(1, 1_000_000_000L) : Long.parseLong(property.trim());
        Path repository = Path.of("..").toAbsolutePath().normalize();

        FaultInjectionRun.Report report = FaultInjectionRun.execute(FaultInjectionRun.Options.shortForm(seed, repository),
                System.out);

        assertThat(report.passed()).as(report.failureMessage()).isTrue();
        assertThat(report.faults()).as("faults of seed %d", seed).hasSizeGreaterThanOrEqualTo(6);
        assertThat(report.contracts()).isEqualTo(FaultInjectionRun.Options.shortForm(seed, repository).contractsPerRound());
    }
}
