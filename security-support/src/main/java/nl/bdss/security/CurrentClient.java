package nl.bdss.security;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The machine client behind the current request, read from its validated token: client id, roles and, for an
 * insurer, its UZOVI code, for a provider its AGB code. Both come from the token's claims only, never from a path
 * or body field.
 *
 * <p>Use {@link #insurerRestriction()} to filter queries: an insurer is confined to objects of its own UZOVI; an
 * operator, the trusted third party and requests of a service whose security is switched off
 * ({@code bdss.security.enabled=false}, functional tests only) are not.
 */
public final class CurrentClient {

    /** The token claim that carries an insurer's four-digit UZOVI code. */
    public static final String UZOVI_CLAIM = "uzovi";
    /** The token claim that carries a provider's eight-digit AGB code. */
    public static final String AGB_CLAIM = "agb";

    private final String clientId;
    private final Set<BdssRole> roles;
    private final String uzovi;
    private final String agb;

    public CurrentClient(String clientId, Set<BdssRole> roles, String uzovi) {
        this(clientId, roles, uzovi, null);
    }

    public CurrentClient(String clientId, Set<BdssRole> roles, String uzovi, String agb) {
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("A client needs a client id");
        }
        this.clientId = clientId;
        this.roles = roles.isEmpty() ? Collections.emptySet() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
        this.uzovi = uzovi;
        this.agb = agb;
    }

    /** The client of the current request, empty when the request carries no validated token. */
    public static Optional<CurrentClient> get() {
        return from(SecurityContextHolder.getContext().getAuthentication());
    }

    /** The client of the current request; refuses (401) when there is none. */
    public static CurrentClient require() {
        return get().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("No authenticated client"));
    }

    /**
     * The UZOVI the current request is confined to: the insurer's own code for an insurer, empty for every other
     * caller. Services filter lists, searches, exports and single-object reads with it (others' objects answer 404).
     */
    public static Optional<String> insurerRestriction() {
        return get().filter(client -> client.is(BdssRole.INSURER)).flatMap(CurrentClient::uzovi);
    }

    /**
     * The AGB code the current request is confined to: the provider's own code for a provider, empty for every other
     * caller. A provider sees only what names it (others' objects answer 404).
     */
    public static Optional<String> providerRestriction() {
        return get().filter(client -> client.is(BdssRole.PROVIDER)).flatMap(CurrentClient::agb);
    }

    static Optional<CurrentClient> from(Authentication authentication) {
        if (!(authentication instanceof JwtAuthenticationToken token) || !token.isAuthenticated()) {
            return Optional.empty();
        }
        Set<BdssRole> roles = token.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .flatMap(authority -> BdssRole.fromAuthority(authority).stream())
                .collect(Collectors.toSet());
        return Optional.of(new CurrentClient(token.getName(), roles, token.getToken().getClaimAsString(UZOVI_CLAIM),
                token.getToken().getClaimAsString(AGB_CLAIM)));
    }

    public String clientId() {
        return clientId;
    }

    public Set<BdssRole> roles() {
        return roles;
    }

    public boolean is(BdssRole role) {
        return roles.contains(role);
    }

    /** The insurer's UZOVI code from the token; empty for clients that are not an insurer. */
    public Optional<String> uzovi() {
        return is(BdssRole.INSURER) ? Optional.ofNullable(uzovi) : Optional.empty();
    }

    /** The provider's AGB code from the token; empty for clients that are not a provider. */
    public Optional<String> agb() {
        return is(BdssRole.PROVIDER) ? Optional.ofNullable(agb) : Optional.empty();
    }

    /** The roles as one text, e.g. {@code INSURER}, for logs and the audit trail. */
    public String rolesText() {
        return roles.isEmpty() ? "NONE" : roles.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    @Override
    public String toString() {
        return clientId + " (" + rolesText() + uzovi().map(code -> ", uzovi " + code).orElse("")
                + agb().map(code -> ", agb " + code).orElse("") + ")";
    }
}
