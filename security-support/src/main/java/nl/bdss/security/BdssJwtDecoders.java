package nl.bdss.security;

import java.util.List;
import java.util.Objects;
import nl.bdss.kernel.identity.AgbCode;
import nl.bdss.kernel.identity.Uzovi;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The one way BDSS services decode access tokens: RS256 signatures only (so {@code alg=none} and HMAC tokens are
 * refused), keys from the issuer's JWK set fetched on first use (a service starts while the authorization server is
 * still down), and the claims checked: issuer, audience, expiry present and not passed, not-before, and an insurer
 * token must name its UZOVI.
 */
public final class BdssJwtDecoders {


    private BdssJwtDecoders() {
    }

    public static JwtDecoder create(BdssSecurityProperties properties) {
        return create(properties.issuerUri(), properties.effectiveJwkSetUri(), properties.audience());
    }

    public static JwtDecoder create(String issuerUri, String jwkSetUri, String audience) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwkSetUri)
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(validator(issuerUri, audience));
        return decoder;
    }

    static OAuth2TokenValidator<Jwt> validator(String issuerUri, String audience) {
        return JwtValidators.createDefaultWithValidators(List.of(
                JwtValidators.createDefaultWithIssuer(issuerUri),
                new JwtAudienceValidator(audience),
                new JwtClaimValidator<>(JwtClaimNames.EXP, Objects::nonNull),
                BdssJwtDecoders::insurerNamesItsUzovi,
                BdssJwtDecoders::providerNamesItsAgb));
    }

    private static OAuth2TokenValidatorResult insurerNamesItsUzovi(Jwt jwt) {
        if (!ScopeAuthorities.scopes(jwt).contains(BdssRole.INSURER.scope())) {
            return OAuth2TokenValidatorResult.success();
        }
        String uzovi = jwt.getClaimAsString(CurrentClient.UZOVI_CLAIM);
        if (Uzovi.isValid(uzovi)) {
            return OAuth2TokenValidatorResult.success();
        }
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
                "An insurer token must carry its four-digit UZOVI code in the 'uzovi' claim", null));
    }

    private static OAuth2TokenValidatorResult providerNamesItsAgb(Jwt jwt) {
        if (!ScopeAuthorities.scopes(jwt).contains(BdssRole.PROVIDER.scope())) {
            return OAuth2TokenValidatorResult.success();
        }
        if (AgbCode.isValid(jwt.getClaimAsString(CurrentClient.AGB_CLAIM))) {
            return OAuth2TokenValidatorResult.success();
        }
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
                "A provider token must carry its eight-digit AGB code in the 'agb' claim", null));
    }
}
