package nl.bdss.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Turns a validated token into an authentication: the {@code scope} claim's BDSS scopes become ROLE_INSURER,
 * ROLE_PROVIDER, ROLE_TTP or ROLE_OPERATOR, and the principal's name is the client id ({@code client_id}, else {@code sub}).
 */
final class ScopeAuthorities implements Converter<Jwt, AbstractAuthenticationToken> {

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        List<GrantedAuthority> authorities = scopes(jwt).stream()
                .flatMap(scope -> BdssRole.fromScope(scope).stream())
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority()))
                .toList();
        return new JwtAuthenticationToken(jwt, authorities, clientId(jwt));
    }

    static String clientId(Jwt jwt) {
        String clientId = jwt.getClaimAsString("client_id");
        return clientId != null ? clientId : jwt.getSubject();
    }

    /** The {@code scope} claim (or {@code scp}) as a space-separated text or a list. */
    static Set<String> scopes(Jwt jwt) {
        Object claim = jwt.hasClaim("scope") ? jwt.getClaim("scope") : jwt.getClaim("scp");
        Set<String> scopes = new LinkedHashSet<>();
        if (claim instanceof String text) {
            scopes.addAll(Arrays.asList(text.trim().split("\\s+")));
        } else if (claim instanceof Collection<?> values) {
            values.forEach(value -> scopes.add(String.valueOf(value)));
        }
        scopes.remove("");
        return scopes;
    }
}
