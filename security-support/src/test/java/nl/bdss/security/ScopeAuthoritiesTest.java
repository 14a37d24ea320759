package nl.bdss.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class ScopeAuthoritiesTest {

    @Test
    void spaceSeparatedScopes_becomeRoles_unknownScopesGrantNothing() {
        var authentication = new ScopeAuthorities().convert(jwt("operator", "operator profile"));

        assertThat(authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_OPERATOR");
        assertThat(authentication.getName()).isEqualTo("operator");
    }

    @Test
    void scopeListAsIssuedByTheAuthorizationServer_becomesRoles() {
        var authentication = new ScopeAuthorities().convert(jwt("insurer-3311", List.of("insurer")));

        assertThat(authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_INSURER");
    }

    @Test
    void currentClient_takesTheUzoviFromTheTokenOnlyForInsurers() {
        Jwt insurer = Jwt.withTokenValue("t").header("alg", "RS256").subject("insurer-3343").claim("scope", "insurer")
                .claim("uzovi", "3343").issuedAt(Instant.EPOCH).expiresAt(Instant.EPOCH.plusSeconds(900)).build();
        Jwt ttpClaimingAUzovi = Jwt.withTokenValue("t").header("alg", "RS256").subject("ttp-vektis")
                .claim("scope", "ttp").claim("uzovi", "3343").issuedAt(Instant.EPOCH)
                .expiresAt(Instant.EPOCH.plusSeconds(900)).build();

        assertThat(CurrentClient.from(new ScopeAuthorities().convert(insurer)).orElseThrow().uzovi()).hasValue("3343");
        assertThat(CurrentClient.from(new ScopeAuthorities().convert(ttpClaimingAUzovi)).orElseThrow().uzovi()).isEmpty();
    }

    @Test
    void currentClient_takesTheAgbFromTheTokenOnlyForProviders() {
        Jwt provider = Jwt.withTokenValue("t").header("alg", "RS256").subject("provider-01012345")
                .claim("scope", "provider").claim("agb", "01012345").issuedAt(Instant.EPOCH)
                .expiresAt(Instant.EPOCH.plusSeconds(900)).build();
        Jwt insurerClaimingAnAgb = Jwt.withTokenValue("t").header("alg", "RS256").subject("insurer-3311")
                .claim("scope", "insurer").claim("uzovi", "3311").claim("agb", "01012345").issuedAt(Instant.EPOCH)
                .expiresAt(Instant.EPOCH.plusSeconds(900)).build();

        CurrentClient providerClient = CurrentClient.from(new ScopeAuthorities().convert(provider)).orElseThrow();
        assertThat(providerClient.roles()).containsExactly(BdssRole.PROVIDER);
        assertThat(providerClient.agb()).hasValue("01012345");
        assertThat(providerClient.uzovi()).isEmpty();
        assertThat(CurrentClient.from(new ScopeAuthorities().convert(insurerClaimingAnAgb)).orElseThrow().agb()).isEmpty();
    }

    private static Jwt jwt(String subject, Object scope) {
        return Jwt.withTokenValue("t").header("alg", "RS256").subject(subject).claim("scope", scope)
                .issuedAt(Instant.EPOCH).expiresAt(Instant.EPOCH.plusSeconds(900)).build();
    }
}
