package nl.bdss.clock;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock every service takes its business time from (due dates, period closes, audit and booking times).
 * {@code bdss.clock.offset} (a duration such as {@code -408h} or {@code 209d}, default none) runs it that far from
 * the system clock: a test stack or a rehearsal runs the services on another date, the same for every service and
 * every restart. Production leaves it unset.
 */
@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

    @Bean
    Clock clock(@Value("${bdss.clock.offset:0s}") Duration offset) {
        return offset.isZero() ? Clock.systemUTC() : Clock.offset(Clock.systemUTC(), offset);
    }
}
