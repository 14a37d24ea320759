package nl.bdss.system.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import nl.bdss.system.faults.FaultInjectionRun.Options;
import org.junit.jupiter.api.Test;

class OptionsTest {

    private static final Path REPOSITORY = Path.of("/checkout");

    @Test
    void theShortFormReplaysWithTheCommandOrTheIt() {
        assertThat(Options.shortForm(42, REPOSITORY).replayCommand()).isEqualTo(
                "system-tests/run.sh fault-injection --seed 42 (or FaultInjectionIT with -Dfault.seed=42)");
    }

    @Test
    void aChangedRunReplaysWithEveryChangeNamed() {
        Options options = Options.longForm(7, REPOSITORY).withContracts(10).withRounds(1)
                .withLoadWindow(Duration.ofSeconds(30)).withoutRegistryOutage();

        assertThat(options.replayCommand()).isEqualTo(
                "system-tests/run.sh fault-injection --seed 7 --long --contracts 10 --rounds 1 --load-seconds 30 --no-registry-outage");
    }
}
