package nl.bdss.security;

import java.util.Arrays;
import java.util.Optional;

/**
 * The four kinds of client, each granted by one OAuth2 scope of the same name. A token's {@code scope} claim is the
 * only source of roles; scopes outside this list grant nothing.
 */
public enum BdssRole {
    /** An insurer's back office: its own contracts, allocations, settlements and counts (the token's uzovi). */
    INSURER("insurer"),
    /**
     * A care provider's administration: the contracts it is party to, its own allocation lines, payment instructions
     * and payee statement (the token's agb). It accepts or declines the proposals that name it.
     */
    PROVIDER("provider"),
    /** The trusted third party (Vektis): delivers insured counts. */
    TTP("ttp"),
    /** The operator: reads everything, runs period closes, loads macro budgets. */
    OPERATOR("operator");

    private final String scope;

    BdssRole(String scope) {
        this.scope = scope;
    }

    public String scope() {
        return scope;
    }

    /** The Spring Security authority, for {@code hasRole(name())} / {@code hasAuthority(authority())}. */
    public String authority() {
        return "ROLE_" + name();
    }

    public static Optional<BdssRole> fromScope(String scope) {
        return Arrays.stream(values()).filter(role -> role.scope.equals(scope)).findFirst();
    }

    public static Optional<BdssRole> fromAuthority(String authority) {
        return Arrays.stream(values()).filter(role -> role.authority().equals(authority)).findFirst();
    }
}
