package nl.bdss.contract;

import nl.bdss.contract.register.domain.ContractRules;
import nl.bdss.messaging.MessagingConfiguration;
import nl.bdss.security.BdssSecurityConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

@SpringBootApplication
@Import({MessagingConfiguration.class, BdssSecurityConfiguration.class})
@EnableConfigurationProperties({ContractExperimentProperties.class, ContractAllocationProperties.class})
public class ContractServiceApplication {

    /** The service reads {@code contract-service.yml}, so that several services can share one classpath in tests. */
    public static final String CONFIG_NAME = "spring.config.name=contract-service";

    public static void main(String[] args) {
        new SpringApplicationBuilder(ContractServiceApplication.class).properties(CONFIG_NAME).run(args);
    }

    @Bean
    ContractRules nzaConditions(ContractExperimentProperties experiment) {
        return new ContractRules(experiment.window());
    }
}
