package nl.bdss.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's per-endpoint role rules, declared as a bean and applied after the public paths and before the final
 * "everything else needs a valid token". Rules are matched in order: put specific paths first.
 *
 * <pre>{@code
 * @Bean
 * SecurityRules contractRules() {
 *     return rules -> rules
 *             .requestMatchers(HttpMethod.POST, "/api/v1/contracts/**").hasRole("INSURER")
 *             .requestMatchers(HttpMethod.GET, "/api/v1/contracts/**").hasAnyRole("INSURER", "OPERATOR");
 * }
 * }</pre>
 *
 * Several beans are applied in their {@code @Order}. A rule may also open a path with {@code permitAll()}.
 */
@FunctionalInterface
public interface SecurityRules {

    void declare(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules);
}
