package nl.bdss.authorization;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;

/**
 * The OAuth2 endpoints ({@code /oauth2/token}, {@code /oauth2/jwks}, metadata) for machine clients using the
 * client-credentials grant, and nothing else: no user login, no other pages except health and metrics. Clients
 * come from {@code spring.security.oauth2.authorizationserver.client.*} and, in the local profile only, from
 * {@link LocalDemoClients}.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerSecurity {

    static final String UZOVI_CLAIM = "uzovi";
    static final String AGB_CLAIM = "agb";
    static final String ROLES_CLAIM = "roles";
    /** A client registration's own UZOVI or AGB code (the local demo clients carry theirs in their settings). */
    static final String UZOVI_SETTING = "settings.client.bdss.uzovi";
    static final String AGB_SETTING = "settings.client.bdss.agb";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain oauth2Endpoints(HttpSecurity http) {
        http.oauth2AuthorizationServer(authorizationServer -> http.securityMatcher(authorizationServer.getEndpointsMatcher()))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    SecurityFilterChain everythingElse(HttpSecurity http) {
        return http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus").permitAll()
                        .anyRequest().denyAll())
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.NOT_FOUND)))
                .build();
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(TokenProperties properties, ResourceLoader resources) {
        return new ImmutableJWKSet<>(new JWKSet(SigningKeys.signingKey(properties.signingKey(), resources)));
    }

    /**
     * BDSS access tokens: {@code aud=bdss}, the client's scope (its registered one when it asked for none), the
     * matching {@code roles}, {@code client_id} and, for an insurer, its {@code uzovi}, for a provider its {@code agb}.
     * The codes come from the client's registration ({@code bdss.authorization.uzovi-by-client} /
     * {@code agb-by-client}, or the registration's settings), never from the request.
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> bdssAccessTokenClaims(TokenProperties properties) {
        return context -> {
            if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                return;
            }
            RegisteredClient client = context.getRegisteredClient();
            Set<String> scopes = context.getAuthorizedScopes().isEmpty() ? client.getScopes()
                    : context.getAuthorizedScopes();
            List<String> roles = new ArrayList<>();
            scopes.forEach(scope -> roles.add(scope.toUpperCase(java.util.Locale.ROOT)));
            context.getClaims()
                    .audience(List.of(properties.audience()))
                    .claim("client_id", client.getClientId())
                    .claim("scope", List.copyOf(scopes))
                    .claim(ROLES_CLAIM, roles);
            String uzovi = registeredCode(client, properties.uzoviByClient(), UZOVI_SETTING);
            if (uzovi != null) {
                context.getClaims().claim(UZOVI_CLAIM, uzovi);
            }
            String agb = registeredCode(client, properties.agbByClient(), AGB_SETTING);
            if (agb != null) {
                context.getClaims().claim(AGB_CLAIM, agb);
            }
        };
    }

    private static String registeredCode(RegisteredClient client, Map<String, String> configured, String setting) {
        String code = configured.get(client.getClientId());
        return code != null ? code : client.getClientSettings().getSetting(setting);
    }
}
