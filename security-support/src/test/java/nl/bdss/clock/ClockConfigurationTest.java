package nl.bdss.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClockConfigurationTest {

    private final ClockConfiguration configuration = new ClockConfiguration();

    @Test
    void withoutAnOffset_theServicesRunOnTheSystemClock() {
        assertThat(configuration.clock(Duration.ZERO)).isEqualTo(Clock.systemUTC());
    }

    @Test
    void anOffsetMovesEveryReadingByTheSameAmount() {
        Clock clock = configuration.clock(Duration.ofDays(-17));
        Instant before = Instant.now();

        Instant shifted = clock.instant();

        // 17 days earlier than the system clock, give or take the time between the two readings
        assertThat(Duration.between(shifted, before)).isBetween(Duration.ofDays(17).minusSeconds(5),
                Duration.ofDays(17).plusSeconds(5));
    }
}
