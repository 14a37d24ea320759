package nl.bdss.authorization;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class AuthorizationServerApplication {

    /** The server reads {@code authorization-server.yml}, so that it can share a classpath with the services. */
    public static final String CONFIG_NAME = "spring.config.name=authorization-server";

    public static void main(String[] args) {
        new SpringApplicationBuilder(AuthorizationServerApplication.class).properties(CONFIG_NAME).run(args);
    }
}
