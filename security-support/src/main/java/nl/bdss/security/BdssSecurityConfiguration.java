package nl.bdss.security;

import java.time.Clock;
import java.util.stream.Stream;
import nl.bdss.clock.ClockConfiguration;
import nl.bdss.problem.ProblemAdvice;
import nl.bdss.security.audit.AuditConfiguration;
import nl.bdss.security.audit.AuditFilter;
import nl.bdss.security.audit.AuditTrail;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.ExceptionTranslationFilter;

/**
 * Import this in a service's application class. With {@code bdss.security.enabled} true (the default) every path
 * but the public ones needs a valid bearer token from the BDSS authorization server; the service adds its role
 * rules as {@link SecurityRules} beans. With it false everything is open and nothing is audited (functional tests
 * that are not about security).
 *
 * <p>Order inside the chain: bearer token validation, rate limit per client, audit trail, then the authorization
 * decision and the application (so refusals with 403 are audited as well).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BdssSecurityProperties.class)
@Import({BdssSecurityConfiguration.Enabled.class, BdssSecurityConfiguration.Disabled.class, ProblemAdvice.class,
        ClockConfiguration.class, OpenApiSecurity.class})
public class BdssSecurityConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(name = "bdss.security.enabled", matchIfMissing = true)
    @Import(AuditConfiguration.class)
    static class Enabled {

        @Bean
        JwtDecoder bdssJwtDecoder(BdssSecurityProperties properties) {
            return BdssJwtDecoders.create(properties);
        }

        @Bean
        SecurityFilterChain bdssSecurityFilterChain(HttpSecurity http, BdssSecurityProperties properties,
                                                    JwtDecoder bdssJwtDecoder, AuditTrail auditTrail,
                                                    ObjectProvider<SecurityRules> serviceRules,
                                                    ObjectProvider<Clock> clock,
                                                    ObjectProvider<RateLimitTimeSource> rateLimitTime) {
            ProblemAuthenticationEntryPoint unauthorized = new ProblemAuthenticationEntryPoint();
            ProblemAccessDeniedHandler forbidden = new ProblemAccessDeniedHandler();
            String[] publicPaths = Stream.concat(BdssSecurityProperties.DEFAULT_PUBLIC_PATHS.stream(),
                    properties.publicPaths().stream()).toArray(String[]::new);
            http.csrf(AbstractHttpConfigurer::disable)
                    .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .oauth2ResourceServer(resourceServer -> resourceServer
                            .jwt(jwt -> jwt.decoder(bdssJwtDecoder).jwtAuthenticationConverter(new ScopeAuthorities()))
                            .authenticationEntryPoint(unauthorized)
                            .accessDeniedHandler(forbidden))
                    .exceptionHandling(exceptions -> exceptions
                            .authenticationEntryPoint(unauthorized)
                            .accessDeniedHandler(forbidden))
                    .authorizeHttpRequests(rules -> {
                        rules.requestMatchers(publicPaths).permitAll();
                        rules.requestMatchers(AuditFilter.AUDIT_PATH, AuditFilter.AUDIT_PATH + "/**")
                                .hasRole(BdssRole.OPERATOR.name());
                        serviceRules.orderedStream().forEach(service -> service.declare(rules));
                        rules.anyRequest().authenticated();
                    });
            http.addFilterBefore(new RequestSizeLimitFilter(properties.maxRequestBytes(), properties.largeRequestPaths()),
                    BearerTokenAuthenticationFilter.class);
            if (properties.rateLimit().enabled()) {
                http.addFilterAfter(new RateLimitFilter(new ClientRateLimiter(properties.rateLimit().requestsPerSecond(),
                        properties.rateLimit().burst(),
                        rateLimitTime.getIfAvailable(() -> RateLimitTimeSource.SYSTEM)::nanoTime)),
                        BearerTokenAuthenticationFilter.class);
            }
            http.addFilterBefore(new AuditFilter(auditTrail, properties.audit().sensitiveReadPaths(),
                    clock.getIfAvailable(Clock::systemUTC)), ExceptionTranslationFilter.class);
            return http.build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(name = "bdss.security.enabled", havingValue = false)
    static class Disabled {

        /** Security switched off: every path open, no tokens read, nothing audited or limited. */
        @Bean
        SecurityFilterChain bdssOpenFilterChain(HttpSecurity http) {
            return http.csrf(AbstractHttpConfigurer::disable)
                    .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .authorizeHttpRequests(rules -> rules.anyRequest().permitAll())
                    .build();
        }
    }
}
