package nl.bdss.authorization;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * The Spring profile {@value #PROFILE} (set by {@code ./bdss up} and the system tests' stack, never by docker-compose
 * or any deployment): the configured client repository is wrapped in {@link LocalDemoClients}, which knows a demo
 * client for every insurer and provider. Without the profile this class is not loaded and unknown clients are refused.
 */
@Configuration(proxyBeanMethods = false)
@Profile(LocalDemoClientsConfiguration.PROFILE)
class LocalDemoClientsConfiguration {

    static final String PROFILE = "local";

    private static final Logger log = LoggerFactory.getLogger(LocalDemoClientsConfiguration.class);

    /**
     * Decorates the repository Spring Boot builds from {@code spring.security.oauth2.authorizationserver.client.*}
     * rather than replacing it, so that the configured clients stay exactly as configured. Static: a post-processor
     * must exist before the beans it processes.
     */
    @Bean
    static BeanPostProcessor localDemoClientRegistration() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof RegisteredClientRepository configured && !(bean instanceof LocalDemoClients)) {
                    log.warn("Spring profile '{}': demo clients insurer-<UZOVI> and provider-<AGB> with secret "
                            + "local-demo-secret-<client id> are accepted for any valid code; never use this "
                            + "profile outside a developer machine", PROFILE);
                    return new LocalDemoClients(configured);
                }
                return bean;
            }
        };
    }
}
