package nl.bdss.contract.register.web;

import java.util.List;
import java.util.Optional;
import nl.bdss.contract.register.domain.Actor;
import nl.bdss.contract.register.domain.ContractDocument;
import nl.bdss.contract.register.domain.LegalDomain;
import nl.bdss.contract.register.domain.PartyId;
import nl.bdss.contract.register.domain.PartyRole;
import nl.bdss.kernel.identity.AgbCode;
import nl.bdss.problem.FieldError;
import nl.bdss.problem.Problem;
import nl.bdss.problem.ProblemException;
import nl.bdss.security.BdssRole;
import nl.bdss.security.CurrentClient;

/**
 * Tenant isolation in the web layer: which party the caller is, taken from its token only (never from a path or
 * body field): an insurer by its token's UZOVI, a provider by its token's AGB. A party sees and changes only the
 * contracts it signs (and reads the versions it signed); an operator sees every contract (its writes are refused
 * earlier, by the role rules).
 */
final class CallerParty {

    private CallerParty() {
    }

    /**
     * The party the current request is confined to; empty for an operator (or with security switched off). A
     * provider token without a valid AGB code is confined to nothing it could name, so it is refused (403).
     */
    static Optional<PartyId> restriction() {
        Optional<CurrentClient> client = CurrentClient.get();
        if (client.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> uzovi = CurrentClient.insurerRestriction();
        if (uzovi.isPresent()) {
            return uzovi.map(PartyId::insurer);
        }
        if (client.get().is(BdssRole.PROVIDER)) {
            String agb = client.get().agb().orElse(null);
            if (!AgbCode.isValid(agb)) {
                throw new ProblemException(Problem.forbidden(
                        "a provider token must carry the provider's eight-digit AGB code in its 'agb' claim"));
            }
            return Optional.of(PartyId.provider(agb));
        }
        return Optional.empty();
    }

    /** The party and client whose token makes the current request. */
    static Actor actor() {
        return new Actor(restriction().orElse(null), CurrentClient.get().map(CurrentClient::clientId).orElse(null));
    }

    /** Whether the caller sees every contract (an operator): only then are other contracts' ids shown. */
    static boolean seesEveryContract() {
        return restriction().isEmpty();
    }

    /**
     * A contract document an insurer submits must name that insurer among its {@code insurers}: it may register or
     * amend a contract only as a party to it, not on another insurer's behalf (403, naming the field). Decided from
     * the body and the token alone, so it says nothing about whether a contract exists. A document that names no
     * insurer at all acts on nobody's behalf; the rules refuse it (422, R1).
     *
     * @param field the path of the insurers list in the request body, for the problem's errors[]
     */
    static void requireParty(ContractDocument document, String field) {
        Optional<PartyId> caller = restriction();
        if (caller.isEmpty() || document == null || document.insurers() == null || document.insurers().isEmpty()) {
            return;
        }
        String code = caller.get().code();
        boolean party = document.insurers().stream()
                .anyMatch(insurer -> insurer != null && code.equals(insurer.uzovi()));
        if (!party) {
            String message = "the insurer of this token (UZOVI " + code + ") must be one of the contract's insurers;"
                    + " an insurer registers and amends only contracts it is a party to";
            throw new ProblemException(new Problem(403, "not-a-party", "Not a party to the contract", message,
                    List.of(new FieldError(field, "TENANT", message))));
        }
    }

    /**
     * A draft a party previews must name it: an insurer among its {@code insurers}, a provider's AGB among its Zvw
     * {@code parties} (403, naming the field); an operator previews any draft.
     */
    static void requireSignatory(ContractDocument document) {
        Optional<PartyId> caller = restriction();
        if (caller.isEmpty() || caller.get().role() == PartyRole.INSURER) {
            requireParty(document, "insurers");
            return;
        }
        String agb = caller.get().code();
        boolean party = document != null && document.parties() != null && document.parties().stream()
                .anyMatch(p -> p != null && p.domain() == LegalDomain.ZVW && agb.equals(p.agb()));
        if (!party) {
            String message = "the provider of this token (AGB " + agb + ") must be one of the draft's Zvw parties";
            throw new ProblemException(new Problem(403, "not-a-party", "Not a party to the contract", message,
                    List.of(new FieldError("parties", "TENANT", message))));
        }
    }
}
