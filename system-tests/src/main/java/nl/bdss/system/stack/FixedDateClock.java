package nl.bdss.system.stack;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The clock of a service in a stack that runs on a fixed date ({@link Stack.Settings#onDate}). The services take
 * their {@link Clock} as a bean and offer no setting for it, so {@link Stack} adds this configuration to a service
 * it launches (Spring Boot's {@code PropertiesLauncher} with {@code loader.path} and {@code spring.main.sources}):
 * a primary clock that runs {@value #OFFSET_PROPERTY} milliseconds apart from the system clock, the same for every
 * service and every restart of the run. It is copied alone into the stack's directory, so it refers to nothing but
 * the JDK and Spring.
 */
@Configuration(proxyBeanMethods = false)
public class FixedDateClock {

    /** The system property with the offset from the system clock, in milliseconds. */
    public static final String OFFSET_PROPERTY = "bdss.system-tests.clock-offset-ms";

    @Bean
    @Primary
    Clock clockOnTheFixedDate(@Value("${" + OFFSET_PROPERTY + "}") long offsetMillis) {
        return Clock.offset(Clock.systemUTC(), Duration.ofMillis(offsetMillis));
    }
}
