package nl.bdss.contract.register.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One party's answer to a proposal, with who gave it (the party and the client whose token it was) and when.
 *
 * @param reason why, required for a decline; optional for an acceptance
 */
public record Decision(Signatory party, String clientId, DecisionType type, String reason, Instant decidedAt) {

    public Decision {
        Objects.requireNonNull(party, "party");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(decidedAt, "decidedAt");
    }
}
