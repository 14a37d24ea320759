package nl.bdss.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import nl.bdss.messaging.inbox.ProcessedEvents;
import nl.bdss.messaging.outbox.Outbox;
import nl.bdss.messaging.outbox.OutboxRelay;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox, its relay and the inbox; a service imports this once. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingConfiguration {

    static {
        // Generated builders resolve nested record classes (e.g. for array defaults) through Avro's class check,
        // before any serde has run: trust our event classes as soon as a service is configured.
        nl.bdss.messaging.serde.TrustedEventClasses.trust();
    }

    @Bean
    CrashPoints crashPoints(@Value("${bdss.fault.crash-after-listener-commit:0}") long afterListenerCommit,
            @Value("${bdss.fault.crash-after-outbox-publish:0}") long afterOutboxPublish) {
        return new CrashPoints(afterListenerCommit, afterOutboxPublish);
    }

    @Bean
    OutboxRelay outboxRelay(JdbcClient jdbc, TransactionTemplate transactions, MessagingProperties properties,
            CrashPoints crashPoints) {
        return new OutboxRelay(jdbc, transactions, properties, crashPoints) {
            @Override
            public void start() {
                if (properties.relayEnabled()) {
                    super.start();
                }
            }
        };
    }

    @Bean
    Outbox outbox(JdbcClient jdbc, JdbcTemplate batches, OutboxRelay relay, ObjectProvider<MeterRegistry> meters) {
        Outbox outbox = new Outbox(jdbc, batches, relay::wakeUp);
        meters.ifAvailable(registry -> Gauge.builder("bdss.outbox.pending", outbox, Outbox::pending)
                .description("Events written but not yet acknowledged by the broker")
                .register(registry));
        return outbox;
    }

    @Bean
    ProcessedEvents processedEvents(JdbcClient jdbc) {
        return new ProcessedEvents(jdbc);
    }
}
