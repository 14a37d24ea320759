package nl.bdss.contract.register.web;

import java.util.List;
import java.util.Optional;
import nl.bdss.contract.register.domain.ContractDocument;
import nl.bdss.kernel.identity.Uzovi;
import nl.bdss.problem.FieldError;
import nl.bdss.problem.Problem;
import nl.bdss.problem.ProblemException;
import nl.bdss.security.CurrentClient;

/**
 * Tenant isolation in the web layer: which insurer the caller is, taken from its token only (never from a path or
 * body field). An insurer sees and changes only contracts where its UZOVI is a party; an operator sees every
 * contract (its writes are refused earlier, by the role rules).
 */
final class CallerParty {

    private CallerParty() {
    }

    /** The insurer the current request is confined to; empty for an operator (or with security switched off). */
    static Optional<Uzovi> restriction() {
        return CurrentClient.insurerRestriction().map(Uzovi::new);
    }

    /**
     * A contract document an insurer submits must name that insurer among its {@code insurers}: it may register or
     * amend a contract only as a party to it, not on another insurer's behalf (403, naming the field). Decided from
     * the body and the token alone, so it says nothing about whether a contract exists.
     *
     * @param field the path of the insurers list in the request body, for the problem's errors[]
     */
    static void requireParty(ContractDocument document, String field) {
        Optional<Uzovi> caller = restriction();
        if (caller.isEmpty()) {
            return;
        }
        String uzovi = caller.get().code();
        boolean party = document != null && document.insurers() != null && document.insurers().stream()
                .anyMatch(insurer -> insurer != null && uzovi.equals(insurer.uzovi()));
        if (!party) {
            String message = "the insurer of this token (UZOVI " + uzovi + ") must be one of the contract's insurers;"
                    + " an insurer registers and amends only contracts it is a party to";
            throw new ProblemException(new Problem(403, "not-a-party", "Not a party to the contract", message,
                    List.of(new FieldError(field, "TENANT", message))));
        }
    }
}
