package nl.bdss.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Arrays;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every service's OpenAPI document names how its API is called: an OAuth2 access token of the authorization server,
 * obtained with the client-credentials grant at {@code <issuer>/oauth2/token} (scheme {@value #OAUTH2}, one scope per
 * {@link BdssRole}), or such a token pasted as a bearer token (scheme {@value #BEARER}, e.g. from {@code ./bdss token}).
 * Either one is required by every documented operation, so Swagger UI's "Authorize" lets its "Try it out" call the
 * API and a generated client knows to send the token.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "org.springdoc.core.customizers.OpenApiCustomizer")
class OpenApiSecurity {

    static final String OAUTH2 = "oauth2";
    static final String BEARER = "bearer";

    @Bean
    OpenApiCustomizer bdssSecuritySchemes(BdssSecurityProperties properties) {
        String tokenUrl = properties.issuerUri().replaceAll("/+$", "") + "/oauth2/token";
        Scopes scopes = new Scopes();
        Arrays.stream(BdssRole.values()).forEach(role -> scopes.addString(role.scope(), describe(role)));
        return openApi -> {
            Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
            components.addSecuritySchemes(OAUTH2, new SecurityScheme().type(SecurityScheme.Type.OAUTH2)
                    .description("Client credentials of the authorization server; the token's scope is the role")
                    .flows(new OAuthFlows().clientCredentials(new OAuthFlow().tokenUrl(tokenUrl).scopes(scopes))));
            components.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                    .bearerFormat("JWT").description("An access token of the authorization server, pasted"));
            openApi.components(components);
            openApi.setSecurity(null);
            openApi.addSecurityItem(new SecurityRequirement().addList(OAUTH2))
                    .addSecurityItem(new SecurityRequirement().addList(BEARER));
        };
    }

    private static String describe(BdssRole role) {
        return switch (role) {
            case INSURER -> "an insurer's back office (the token's uzovi)";
            case PROVIDER -> "a care provider's administration (the token's agb)";
            case TTP -> "the trusted third party delivering insured counts";
            case OPERATOR -> "an operator";
        };
    }
}
