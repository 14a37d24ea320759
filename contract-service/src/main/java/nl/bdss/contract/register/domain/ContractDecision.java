package nl.bdss.contract.register.domain;

import java.time.LocalDate;
import java.util.List;

/** What the contract aggregate decided about a requested change: a new version, or a refusal with its reason. */
public sealed interface ContractDecision {

    /** The change is accepted: {@code contract} is the new version. */
    record Changed(Contract contract, ContractChange change, LocalDate effectiveFrom) implements ContractDecision {
    }

    /** The document breaks one or more rules; every violation is listed. */
    record RulesViolated(List<Finding> violations) implements ContractDecision {
    }

    /** The change is not allowed in the contract's current state. */
    record IllegalTransition(String reason) implements ContractDecision {
    }
}
