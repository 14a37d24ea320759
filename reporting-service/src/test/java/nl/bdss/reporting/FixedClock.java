package nl.bdss.reporting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The service's clock in the integration tests: today is {@link #TODAY} whatever the machine's date. It starts at
 * {@link #START} when the context starts and runs on from there, so stored times still move forward between two
 * writes.
 */
@TestConfiguration(proxyBeanMethods = false)
class FixedClock {

    static final Instant START = Instant.parse("2025-06-30T10:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2025, 6, 30);

    @Bean
    @Primary
    Clock fixedClock() {
        return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), START));
    }
}
