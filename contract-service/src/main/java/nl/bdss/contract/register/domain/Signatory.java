package nl.bdss.contract.register.domain;

import java.util.Objects;

/**
 * A party whose acceptance a contract needs (R1): every insurer and every Zvw provider it names.
 *
 * @param partyKey the provider's key in the document's parties; null for an insurer
 */
public record Signatory(PartyId party, String partyKey) {

    public Signatory {
        Objects.requireNonNull(party, "party");
    }
}
