package nl.bdss.allocation;

import nl.bdss.messaging.ConsumerConfiguration;
import nl.bdss.messaging.MessagingConfiguration;
import nl.bdss.security.BdssSecurityConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Import;

@SpringBootApplication
@Import({MessagingConfiguration.class, ConsumerConfiguration.class, BdssSecurityConfiguration.class})
public class AllocationServiceApplication {

    /** The service reads {@code allocation-service.yml}, so that several services can share one classpath in tests. */
    public static final String CONFIG_NAME = "spring.config.name=allocation-service";

    public static void main(String[] args) {
        new SpringApplicationBuilder(AllocationServiceApplication.class).properties(CONFIG_NAME).run(args);
    }
}
