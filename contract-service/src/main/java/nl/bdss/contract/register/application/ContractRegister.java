package nl.bdss.contract.register.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.bdss.contract.register.domain.Actor;
import nl.bdss.contract.register.domain.Contract;
import nl.bdss.contract.register.domain.ContractChange;
import nl.bdss.contract.register.domain.ContractDecision;
import nl.bdss.contract.register.domain.ContractDocument;
import nl.bdss.contract.register.domain.ContractId;
import nl.bdss.contract.register.domain.ContractRules;
import nl.bdss.contract.register.domain.ContractStatus;
import nl.bdss.contract.register.domain.DecisionType;
import nl.bdss.contract.register.domain.PartyId;
import nl.bdss.contract.register.domain.Proposal;
import nl.bdss.contract.register.domain.ProposalKind;
import nl.bdss.contract.register.domain.ProposalOutcome;
import nl.bdss.contract.register.domain.ProposalStatus;
import nl.bdss.contract.register.domain.ProposalTag;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The use cases of the contract register. Registering, amending and terminating make a proposal that every other
 * signatory (R1: each insurer and each Zvw provider) must accept; only when the last acceptance arrives does the
 * version take effect: it is stored and its event appended to the outbox in that transaction, exactly as a change
 * took effect directly before. A decline or a withdrawal closes the proposal and publishes nothing. A refusal stores
 * nothing. The rules get the Zvw sector register as it is at that moment (R7), so a sector an operator has just
 * entered counts for the next document.
 *
 * <p>Tenant isolation: reads take the party the caller is confined to (empty for callers that see every contract).
 * A party sees a contract whose current version (or proposed registration) it signs, the earlier versions it signed
 * (a former party: only those) and the proposals it made or is asked on; anything else is not found, exactly like
 * an unknown id, so its existence does not leak. Changes take the {@link Actor} whose token made them.
 */
@Service
public class ContractRegister {

    private final Contracts contracts;
    private final Proposals proposals;
    private final ContractEvents events;
    private final ContractRules rules;
    private final AllocationPreviews previews;
    private final ZvwSectors sectors;
    private final Clock clock;

    public ContractRegister(Contracts contracts, Proposals proposals, ContractEvents events, ContractRules rules,
            AllocationPreviews previews, ZvwSectors sectors, Clock clock) {
        this.contracts = contracts;
        this.proposals = proposals;
        this.events = events;
        this.rules = rules;
        this.previews = previews;
        this.sectors = sectors;
        this.clock = clock;
    }

    /** Proposes a new contract: stored as PROPOSED, in force once every other signatory has accepted it. */
    @Transactional
    public ContractView register(ContractDocument document, Actor proposer) {
        contracts.lockRegister();
        ContractDecision.Changed registered = accepted(Contract.register(ContractId.random(), document, rules,
                sectors.snapshot()));
        Instant now = clock.instant();
        Contract version = registered.contract();
        contracts.insert(version.withStatus(ContractStatus.PROPOSED), now);
        Proposal proposal = Proposal.open(UUID.randomUUID(), 1, ProposalKind.REGISTRATION, proposer, now, null, version,
                null);
        return propose(proposal, version.withStatus(ContractStatus.PROPOSED), proposer, now);
    }

    /**
     * Proposes to replace the terms from {@code effectiveFrom} on; the current version stays in force until every
     * signatory of it and of the new document has accepted.
     *
     * @param expectedVersion the version the client read (If-Match); the amendment is refused when it is not current.
     *                        Null for {@code If-Match: *}: any current version
     */
    @Transactional
    public ContractView amend(ContractId id, Actor proposer, Integer expectedVersion, ContractDocument document,
            LocalDate effectiveFrom) {
        Contract current = lockCurrent(id, Optional.ofNullable(proposer.party()), expectedVersion);
        requireNoOpenProposal(id);
        ContractDecision.Changed amended = accepted(current.amend(document, effectiveFrom, rules, sectors.snapshot()));
        Instant now = clock.instant();
        return propose(Proposal.open(UUID.randomUUID(), nextNumber(id), ProposalKind.AMENDMENT, proposer, now, current,
                amended.contract(), null), current, proposer, now);
    }

    /**
     * Proposes to end the contract on {@code endDate}; it stays in force until every signatory has accepted.
     *
     * @param expectedVersion the version the client read, or null when the client sent no If-Match or {@code *}
     */
    @Transactional
    public ContractView terminate(ContractId id, Actor proposer, Integer expectedVersion, LocalDate endDate) {
        Contract current = lockCurrent(id, Optional.ofNullable(proposer.party()), expectedVersion);
        requireNoOpenProposal(id);
        ContractDecision.Changed terminated = accepted(current.terminate(endDate, rules));
        Instant now = clock.instant();
        return propose(Proposal.open(UUID.randomUUID(), nextNumber(id), ProposalKind.TERMINATION, proposer, now, current,
                terminated.contract(), endDate), current, proposer, now);
    }

    /**
     * A signatory's answer to the contract's proposal. The same answer again (a retry) changes nothing, whatever
     * state the proposal is in now. The last acceptance makes the version take effect and publishes it; a decline
     * closes the proposal.
     *
     * @param expected the proposal state the caller read (If-Match)
     */
    @Transactional
    public ContractView decide(ContractId id, Actor actor, ProposalTag expected, DecisionType type, String reason) {
        PartyId party = actor.party();
        if (party == null) {
            throw notAsked(id);
        }
        contracts.lockRegister();
        Contract current = contracts.findForUpdate(id, Optional.empty()).orElseThrow(() -> notAsked(id));
        boolean retry = proposals.byNumber(id, expected.number())
                .flatMap(named -> named.decisionOf(party)).filter(decision -> decision.type() == type).isPresent();
        if (retry) {
            return get(id, Optional.of(party));
        }
        Proposal latest = proposals.latest(id).filter(proposal -> proposal.asks(party)).orElseThrow(() -> notAsked(id));
        if (!latest.tag().equals(expected)) {
            throw new ProposalMismatchException(expected, latest.tag());
        }
        Instant now = clock.instant();
        ProposalOutcome outcome = latest.decide(party, actor.clientId(), type, reason, now);
        if (outcome instanceof ProposalOutcome.Changed changed) {
            close(changed.proposal(), current, now);
        } else if (outcome instanceof ProposalOutcome.Refused refused) {
            throw new IllegalContractTransitionException(refused.reason());
        } else if (outcome instanceof ProposalOutcome.NotAsked) {
            throw notAsked(id);
        }
        return get(id, Optional.of(party));
    }

    /** The proposer takes its open proposal back; nothing takes effect. Withdrawing it again changes nothing. */
    @Transactional
    public ContractView withdraw(ContractId id, Actor actor, ProposalTag expected) {
        Optional<PartyId> viewer = Optional.ofNullable(actor.party());
        contracts.lockRegister();
        Contract current = contracts.findForUpdate(id, Optional.empty()).orElseThrow(() -> proposalNotFound(id));
        Proposal latest = proposals.latest(id)
                .filter(proposal -> viewer.isEmpty() || proposal.involves(viewer.get()))
                .orElseThrow(() -> proposalNotFound(id));
        ProposalOutcome outcome = latest.withdraw(actor, clock.instant());
        if (outcome instanceof ProposalOutcome.NotProposer) {
            throw new NotTheProposerException("only the proposer of proposal " + latest.tag() + " ("
                    + latest.proposedBy().party() + ") may withdraw it; answer it with an acceptance or a decline");
        }
        boolean sameProposal = latest.number() == expected.number();
        if (outcome instanceof ProposalOutcome.Unchanged && sameProposal) {
            return get(id, viewer);
        }
        if (!latest.tag().equals(expected)) {
            throw new ProposalMismatchException(expected, latest.tag());
        }
        if (outcome instanceof ProposalOutcome.Refused refused) {
            throw new IllegalContractTransitionException(refused.reason());
        }
        if (outcome instanceof ProposalOutcome.Changed changed) {
            close(changed.proposal(), current, clock.instant());
        }
        return get(id, viewer);
    }

    /** The contract as {@code viewer} may see it (empty: every contract), with the latest proposal it may see. */
    @Transactional(readOnly = true)
    public ContractView get(ContractId id, Optional<PartyId> viewer) {
        Contract row = contracts.find(id, Optional.empty()).orElseThrow(() -> notFound(id));
        if (viewer.isEmpty()) {
            return new ContractView(row, contracts.overlapsOf(id), null, null, proposals.latest(id).orElse(null));
        }
        PartyId party = viewer.get();
        Proposal proposal = visibleProposal(id, party).orElse(null);
        if (row.terms().signedBy(party)) {
            return new ContractView(row, contracts.overlapsOf(id), null, null, proposal);
        }
        Optional<Contracts.StoredVersion> last = contracts.lastVersionSignedBy(id, party);
        if (last.isPresent()) {
            Contracts.StoredVersion version = last.get();
            return new ContractView(version.contract(), version.overlappingContracts(), version.change(),
                    version.recordedAt(), proposal);
        }
        if (proposal != null) {
            return proposed(proposal);
        }
        throw notFound(id);
    }

    /** The latest proposal of the contract that {@code viewer} may see (empty: every contract). */
    @Transactional(readOnly = true)
    public Proposal proposal(ContractId id, Optional<PartyId> viewer) {
        return (viewer.isEmpty() ? proposals.latest(id) : visibleProposal(id, viewer.get()))
                .orElseThrow(() -> proposalNotFound(id));
    }

    /**
     * The latest proposal {@code party} made or was asked on, unless it took effect as a version that party does
     * not sign: a former party sees nothing of the versions after it left, not even through the proposal it accepted.
     */
    private Optional<Proposal> visibleProposal(ContractId id, PartyId party) {
        return proposals.latestInvolving(id, party)
                .filter(proposal -> !proposal.isAccepted() || proposal.proposed().terms().signedBy(party));
    }

    @Transactional(readOnly = true)
    public List<ContractView> versions(ContractId id, Optional<PartyId> viewer) {
        List<Contracts.StoredVersion> versions = contracts.versions(id, viewer);
        if (versions.isEmpty()) {
            get(id, viewer); // not found unless the caller may see the contract (a proposal has no version yet)
            return List.of();
        }
        return versions.stream().map(ContractRegister::view).toList();
    }

    @Transactional(readOnly = true)
    public ContractView version(ContractId id, int version, Optional<PartyId> viewer) {
        return contracts.version(id, version, viewer).map(ContractRegister::view)
                .orElseThrow(() -> new ContractNotFoundException("contract " + id + " has no version " + version));
    }

    public record SearchResult(List<ContractView> contracts, long totalElements) {
    }

    @Transactional(readOnly = true)
    public SearchResult search(ContractSearch search, int page, int size) {
        Contracts.Page found = contracts.search(search, page, size);
        return new SearchResult(found.contracts().stream()
                .map(contract -> new ContractView(contract, contracts.overlapsOf(contract.id()), null, null,
                        (search.onlyParty().isEmpty() ? proposals.latest(contract.id())
                                : visibleProposal(contract.id(), search.onlyParty().get())).orElse(null)))
                .toList(), found.totalElements());
    }

    /**
     * What a draft would make each party pay or receive, as allocation computes it: the rules run first (422), and
     * nothing is stored or published. The draft is asked as the version 1 it would publish, under a fresh id.
     */
    public AllocationPreviews.Answer previewDraft(ContractDocument document, String authorization) {
        Contract version = accepted(Contract.register(ContractId.random(), document, rules, sectors.snapshot())).contract();
        return previews.preview(version, ContractChange.REGISTERED, overlapsNow(version), clock.instant(),
                authorization);
    }

    /** What the open proposal would make each party pay or receive (for an amendment: the corrections it books). */
    public AllocationPreviews.Answer previewProposal(ContractId id, Optional<PartyId> viewer, String authorization) {
        Proposal proposal = proposal(id, viewer);
        if (!proposal.isOpen()) {
            throw new ProposalNotFoundException("contract " + id + " has no open proposal to preview (its latest, "
                    + proposal.tag() + ", is " + proposal.status() + ")");
        }
        Contract version = proposal.proposed();
        if (proposal.kind() != ProposalKind.REGISTRATION) {
            Contract current = contracts.find(id, Optional.empty()).orElseThrow(() -> notFound(id));
            version = version.renumbered(current.version() + 1);
        }
        return previews.preview(version, proposal.kind().change(), overlapsNow(version), clock.instant(), authorization);
    }

    private ContractView propose(Proposal proposal, Contract current, Actor proposer, Instant now) {
        proposals.insert(proposal);
        if (proposal.isAccepted()) {
            close(proposal, current, now);
        }
        return get(proposal.contractId(), Optional.ofNullable(proposer.party()));
    }

    /**
     * Stores a proposal that was just accepted, declined or withdrawn (or took one more decision). Accepted: its
     * version takes effect as the contract's next version and is published. A registration that will never take
     * effect shows as DECLINED or WITHDRAWN.
     */
    private void close(Proposal proposal, Contract current, Instant now) {
        Proposal stored = proposal;
        if (proposal.isAccepted()) {
            Contract version = proposal.kind() == ProposalKind.REGISTRATION ? proposal.proposed()
                    : proposal.proposed().renumbered(current.version() + 1);
            contracts.update(version, now);
            publish(new ContractDecision.Changed(version, proposal.kind().change(), version.effectiveFrom()), now);
            stored = proposal.tookEffectAs(version);
        } else if (proposal.kind() == ProposalKind.REGISTRATION && proposal.status() != ProposalStatus.OPEN) {
            contracts.update(current.withStatus(ContractStatus.ofRegistration(proposal.status())), now);
        }
        proposals.update(stored);
    }

    private void requireNoOpenProposal(ContractId id) {
        Optional<Proposal> latest = proposals.latest(id);
        if (latest.isPresent() && latest.get().isOpen()) {
            throw new ProposalOpenException("contract " + id + " already has an open proposal (" + latest.get().kind()
                    + ", " + latest.get().tag() + "); at most one proposal is open at a time: let its parties decide,"
                    + " or withdraw it, first");
        }
    }

    private int nextNumber(ContractId id) {
        return proposals.latest(id).map(proposal -> proposal.number() + 1).orElse(1);
    }

    private Contract lockCurrent(ContractId id, Optional<PartyId> onlyParty, Integer expectedVersion) {
        contracts.lockRegister();
        Contract current = contracts.findForUpdate(id, onlyParty).orElseThrow(() -> notFound(id));
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw new VersionMismatchException(expectedVersion, current.version());
        }
        return current;
    }

    /** The active contracts a version would overlap if it took effect now (R4, R22); read only. */
    private List<ContractId> overlapsNow(Contract version) {
        return version.status() == ContractStatus.ACTIVE
                ? contracts.overlapCandidates(version).stream().filter(version::overlapsWith).map(Contract::id).toList()
                : List.of();
    }

    /**
     * Double-funding watch (R4, R22): records and announces the version with the contracts it overlaps, then gives
     * every other contract that started or stopped overlapping it a version of its own (OVERLAP_FLAGGED), so both
     * sides of an overlap show it in the API, in their ETag and on the topic. All in the caller's transaction.
     */
    private void publish(ContractDecision.Changed decision, Instant now) {
        Contract contract = decision.contract();
        ContractChange change = decision.change();
        List<ContractId> before = contracts.overlapsOf(contract.id());
        List<ContractId> overlaps = overlapsNow(contract);
        contracts.replaceOverlaps(contract.id(), overlaps, now);
        contracts.recordVersion(contract, change, overlaps, now);
        events.publish(contract, change, overlaps, now);
        for (ContractId other : changedBetween(before, overlaps)) {
            flagOverlapsOf(other, now);
        }
    }

    /** The contracts now overlapping that did not before, then those that no longer do, each once. */
    private static Set<ContractId> changedBetween(List<ContractId> before, List<ContractId> after) {
        Set<ContractId> changed = new LinkedHashSet<>(after);
        changed.removeAll(before);
        before.stream().filter(id -> !after.contains(id)).forEach(changed::add);
        return changed;
    }

    private void flagOverlapsOf(ContractId id, Instant now) {
        Contract current = contracts.findForUpdate(id, Optional.empty()).orElseThrow(() -> notFound(id));
        if (!(current.overlapsChanged() instanceof ContractDecision.Changed flagged)) {
            return;
        }
        List<ContractId> overlaps = contracts.overlapsOf(id);
        contracts.update(flagged.contract(), now);
        contracts.recordVersion(flagged.contract(), flagged.change(), overlaps, now);
        events.publish(flagged.contract(), flagged.change(), overlaps, now);
    }

    /** A contract seen only through a proposal: the version it proposes, shown with the proposal's state. */
    private static ContractView proposed(Proposal proposal) {
        return new ContractView(proposal.proposed().withStatus(ContractStatus.ofRegistration(proposal.status())),
                List.of(), null, null, proposal);
    }

    private static ContractDecision.Changed accepted(ContractDecision decision) {
        if (decision instanceof ContractDecision.RulesViolated violated) {
            throw new ContractRulesViolatedException(violated.violations());
        }
        if (decision instanceof ContractDecision.IllegalTransition illegal) {
            throw new IllegalContractTransitionException(illegal.reason());
        }
        return (ContractDecision.Changed) decision;
    }

    private static ContractView view(Contracts.StoredVersion stored) {
        return new ContractView(stored.contract(), stored.overlappingContracts(), stored.change(), stored.recordedAt());
    }

    private static ContractNotFoundException notFound(ContractId id) {
        return new ContractNotFoundException("no contract with id " + id);
    }

    private static ProposalNotFoundException notAsked(ContractId id) {
        return new ProposalNotFoundException("no proposal of contract " + id + " asks the caller for a decision"
                + " (or there is no such contract)");
    }

    private static ProposalNotFoundException proposalNotFound(ContractId id) {
        return new ProposalNotFoundException("contract " + id + " has no proposal the caller may see"
                + " (or there is no such contract)");
    }
}
