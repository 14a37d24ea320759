package nl.bdss.settlement.payments.application;

import java.util.Objects;
import java.util.Optional;

/**
 * Whose payment instructions a caller may see, from its token: an insurer the entries it pays (its UZOVI), a provider
 * the entries paid to it (its AGB as the payee; a main contractor, R10, is the payee of every Zvw line it receives and
 * pays on, so it sees those), an operator everything. Both are applied where the instructions are read, so pages,
 * totals, exports and statements hold the caller's own entries only and another's entry is not found.
 *
 * @param uzovi    the insurer the entries must be paid by; empty: any insurer
 * @param payeeAgb the payee the entries must be paid to; empty: any payee
 */
public record Viewer(Optional<String> uzovi, Optional<String> payeeAgb) {

    /** An operator (or a service with security off): every entry. */
    public static final Viewer EVERYTHING = new Viewer(Optional.empty(), Optional.empty());

    public Viewer {
        Objects.requireNonNull(uzovi, "uzovi");
        Objects.requireNonNull(payeeAgb, "payeeAgb");
    }

    /** The entries paid by one insurer. */
    public static Viewer insurer(String uzovi) {
        return new Viewer(Optional.of(uzovi), Optional.empty());
    }

    /** The entries paid to one payee. */
    public static Viewer payee(String agb) {
        return new Viewer(Optional.empty(), Optional.of(agb));
    }

    /** Whether the caller is confined to one payee: it may read that payee's statement and no other. */
    public boolean confinedToPayee() {
        return payeeAgb.isPresent();
    }

    /** Whether this viewer may read the statement of payee {@code agb}. */
    public boolean mayReadStatementOf(String agb) {
        return payeeAgb.map(own -> own.equals(agb)).orElse(true);
    }
}
