package nl.bdss.contract.register.domain;

/** What a proposal decided about a party's decision or a withdrawal. */
public sealed interface ProposalOutcome {

    /** Recorded: {@code proposal} is the proposal's next state (ACCEPTED once the last acceptance arrived). */
    record Changed(Proposal proposal) implements ProposalOutcome {
    }

    /** The same decision (or withdrawal) again: nothing changes, the answer is the proposal as it is. */
    record Unchanged(Proposal proposal) implements ProposalOutcome {
    }

    /** The proposal does not ask this party for a decision. */
    record NotAsked() implements ProposalOutcome {
    }

    /** Only the proposer may withdraw a proposal. */
    record NotProposer() implements ProposalOutcome {
    }

    /** Not allowed in the proposal's state: it is closed, or the party already decided otherwise. */
    record Refused(String reason) implements ProposalOutcome {
    }
}
