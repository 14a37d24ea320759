package nl.bdss.reporting;

import nl.bdss.messaging.ConsumerConfiguration;
import nl.bdss.messaging.MessagingConfiguration;
import nl.bdss.security.BdssSecurityConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Import({MessagingConfiguration.class, ConsumerConfiguration.class, BdssSecurityConfiguration.class})
public class ReportingServiceApplication {

    /** The service reads {@code reporting-service.yml}, so that several services can share one classpath in tests. */
    public static final String CONFIG_NAME = "spring.config.name=reporting-service";

    public static void main(String[] args) {
        new SpringApplicationBuilder(ReportingServiceApplication.class).properties(CONFIG_NAME).run(args);
    }
}
