package nl.bdss.contract.register.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A change of a contract that its parties must agree to before it takes effect (R1: the title may only be charged on
 * a written agreement between the insurer(s) and the provider(s)). Registering, amending and terminating make a
 * proposal; every signatory asked accepts or declines it with its own identity. The proposer's own acceptance is
 * implied. When the last acceptance arrives the proposed version takes effect; one decline closes the proposal and
 * nothing takes effect. Immutable: each step returns a {@link ProposalOutcome}.
 *
 * @param number         which proposal of the contract this is, 1 for the first
 * @param revision       1 when made, +1 for every recorded decision and for the closing (part of the ETag)
 * @param basedOnVersion the version in force when it was made; null for a registration
 * @param proposed       the version it would make, as it would be if it took effect now
 * @param endDate        the last valid day a termination proposes; null for other kinds
 * @param asked          every signatory whose acceptance is needed, in the order of the documents
 * @param closedAt       when it was accepted, declined or withdrawn; null while open
 */
public record Proposal(UUID id, ContractId contractId, int number, ProposalKind kind, ProposalStatus status, int revision,
        Actor proposedBy, Instant proposedAt, Integer basedOnVersion, Contract proposed, LocalDate endDate,
        List<Signatory> asked, List<Decision> decisions, Instant closedAt) {

    public Proposal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(contractId, "contractId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(proposedBy, "proposedBy");
        Objects.requireNonNull(proposedAt, "proposedAt");
        Objects.requireNonNull(proposed, "proposed");
        asked = List.copyOf(asked);
        decisions = List.copyOf(decisions);
    }

    /**
     * A new open proposal. It asks every signatory of {@code current} (the version in force; null for a
     * registration) and of the proposed version, except the proposer: the change binds them all, so an insurer can
     * neither make another insurer pay nor drop it alone.
     */
    public static Proposal open(UUID id, int number, ProposalKind kind, Actor proposer, Instant now, Contract current,
            Contract proposed, LocalDate endDate) {
        Map<PartyId, Signatory> asked = new LinkedHashMap<>();
        Stream.concat(current == null ? Stream.empty() : current.terms().signatories().stream(),
                        proposed.terms().signatories().stream())
                .filter(signatory -> !proposer.is(signatory.party()))
                .forEach(signatory -> asked.putIfAbsent(signatory.party(), signatory));
        // Nobody else to ask (only possible when the proposer signs alone): agreed as it is made.
        ProposalStatus status = asked.isEmpty() ? ProposalStatus.ACCEPTED : ProposalStatus.OPEN;
        return new Proposal(id, proposed.id(), number, kind, status, 1, proposer, now,
                current == null ? null : current.version(), proposed, endDate, List.copyOf(asked.values()), List.of(),
                asked.isEmpty() ? now : null);
    }

    public ProposalTag tag() {
        return new ProposalTag(number, revision);
    }

    public boolean isOpen() {
        return status == ProposalStatus.OPEN;
    }

    /** Every signatory has accepted: the proposed version takes effect. */
    public boolean isAccepted() {
        return status == ProposalStatus.ACCEPTED;
    }

    /** The signatories asked that have not decided yet. */
    public List<Signatory> pending() {
        if (!isOpen()) {
            return List.of();
        }
        return asked.stream().filter(signatory -> decisionOf(signatory.party()).isEmpty()).toList();
    }

    public boolean asks(PartyId party) {
        return asked.stream().anyMatch(signatory -> signatory.party().equals(party));
    }

    /** The party made it or is asked by it: it may read the proposal. */
    public boolean involves(PartyId party) {
        return proposedBy.is(party) || asks(party);
    }

    public Optional<Decision> decisionOf(PartyId party) {
        return decisions.stream().filter(decision -> decision.party().party().equals(party)).findFirst();
    }

    /**
     * A signatory's answer. The same answer again changes nothing (a retry); a decision is final, so another answer
     * after it, or any answer to a closed proposal, is refused. A decline closes the proposal; the last acceptance
     * makes it ACCEPTED.
     */
    public ProposalOutcome decide(PartyId party, String clientId, DecisionType type, String reason, Instant now) {
        Optional<Signatory> signatory = asked.stream().filter(asked -> asked.party().equals(party)).findFirst();
        if (signatory.isEmpty()) {
            return new ProposalOutcome.NotAsked();
        }
        Optional<Decision> earlier = decisionOf(party);
        if (earlier.isPresent() && earlier.get().type() == type) {
            return new ProposalOutcome.Unchanged(this);
        }
        if (!isOpen()) {
            return new ProposalOutcome.Refused("proposal " + tag() + " of contract " + contractId + " is " + status
                    + " and takes no more decisions");
        }
        if (earlier.isPresent()) {
            return new ProposalOutcome.Refused(party + " already answered " + earlier.get().type() + " to proposal "
                    + tag() + " of contract " + contractId + "; a decision is final");
        }
        List<Decision> recorded = new ArrayList<>(decisions);
        recorded.add(new Decision(signatory.get(), clientId, type, reason, now));
        boolean declined = type == DecisionType.DECLINE;
        boolean lastAcceptance = !declined && recorded.size() == asked.size();
        ProposalStatus next = declined ? ProposalStatus.DECLINED : lastAcceptance ? ProposalStatus.ACCEPTED : status;
        return new ProposalOutcome.Changed(new Proposal(id, contractId, number, kind, next, revision + 1, proposedBy,
                proposedAt, basedOnVersion, proposed, endDate, asked, recorded, next == status ? null : now));
    }

    /** The proposer takes its open proposal back; withdrawing it again changes nothing. */
    public ProposalOutcome withdraw(Actor actor, Instant now) {
        if (status == ProposalStatus.WITHDRAWN && (proposedBy.party() == null || proposedBy.is(actor.party()))) {
            return new ProposalOutcome.Unchanged(this);
        }
        if (proposedBy.party() != null && !proposedBy.is(actor.party())) {
            return new ProposalOutcome.NotProposer();
        }
        if (!isOpen()) {
            return new ProposalOutcome.Refused("proposal " + tag() + " of contract " + contractId + " is " + status
                    + " and can no longer be withdrawn");
        }
        return new ProposalOutcome.Changed(new Proposal(id, contractId, number, kind, ProposalStatus.WITHDRAWN,
                revision + 1, proposedBy, proposedAt, basedOnVersion, proposed, endDate, asked, decisions, now));
    }

    /** The same proposal whose version took effect as {@code version} (its number can have moved on since). */
    public Proposal tookEffectAs(Contract version) {
        return new Proposal(id, contractId, number, kind, status, revision, proposedBy, proposedAt, basedOnVersion,
                version, endDate, asked, decisions, closedAt);
    }
}
