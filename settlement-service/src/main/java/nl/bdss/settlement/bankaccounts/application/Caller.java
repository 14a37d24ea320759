package nl.bdss.settlement.bankaccounts.application;

import java.util.Objects;
import java.util.Optional;

/**
 * Who asks for an account, from the token only: an insurer (its UZOVI), a provider (its AGB) or, with neither, an
 * operator (or a service with security off).
 */
public record Caller(Optional<String> uzovi, Optional<String> agb) {

    public static final Caller OPERATOR = new Caller(Optional.empty(), Optional.empty());

    public Caller {
        Objects.requireNonNull(uzovi, "uzovi");
        Objects.requireNonNull(agb, "agb");
    }

    public boolean operator() {
        return uzovi.isEmpty() && agb.isEmpty();
    }

    /** Whether this is the provider {@code agb} itself. */
    public boolean isPayee(String agb) {
        return this.agb.map(own -> own.equals(agb)).orElse(false);
    }

    /** Whether this is the insurer {@code uzovi} itself. */
    public boolean isInsurer(String uzovi) {
        return this.uzovi.map(own -> own.equals(uzovi)).orElse(false);
    }
}
