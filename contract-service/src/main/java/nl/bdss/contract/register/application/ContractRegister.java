package nl.bdss.contract.register.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.bdss.contract.register.domain.Contract;
import nl.bdss.contract.register.domain.ContractChange;
import nl.bdss.contract.register.domain.ContractDecision;
import nl.bdss.contract.register.domain.ContractDocument;
import nl.bdss.contract.register.domain.ContractId;
import nl.bdss.contract.register.domain.ContractRules;
import nl.bdss.contract.register.domain.ContractStatus;
import nl.bdss.kernel.identity.Uzovi;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The use cases of the contract register: registering, amending and terminating contracts. Each change stores
 * the new version and appends its event to the outbox in one transaction; a refusal stores nothing.
 *
 * <p>Tenant isolation: every use case on an existing contract takes {@code onlyParty}, the insurer the caller is
 * confined to (empty for callers that see every contract). A contract that insurer is not a party to is not found,
 * exactly like an unknown id, so its existence does not leak.
 */
@Service
public class ContractRegister {

    private final Contracts contracts;
    private final ContractEvents events;
    private final ContractRules rules;
    private final Clock clock;

    public ContractRegister(Contracts contracts, ContractEvents events, ContractRules rules, Clock clock) {
        this.contracts = contracts;
        this.events = events;
        this.rules = rules;
        this.clock = clock;
    }

    @Transactional
    public ContractView register(ContractDocument document) {
        contracts.lockRegister();
        ContractDecision.Changed registered = accepted(Contract.register(ContractId.random(), document, rules));
        Instant now = clock.instant();
        contracts.insert(registered.contract(), now);
        return publish(registered, now);
    }

    /**
     * @param expectedVersion the version the client read (If-Match); the amendment is refused when it is not current.
     *                        Null for {@code If-Match: *}: any current version
     */
    @Transactional
    public ContractView amend(ContractId id, Optional<Uzovi> onlyParty, Integer expectedVersion,
            ContractDocument document, LocalDate effectiveFrom) {
        Contract current = lockCurrent(id, onlyParty, expectedVersion);
        ContractDecision.Changed amended = accepted(current.amend(document, effectiveFrom, rules));
        Instant now = clock.instant();
        contracts.update(amended.contract(), now);
        return publish(amended, now);
    }

    /** @param expectedVersion the version the client read, or null when the client sent no If-Match or {@code *} */
    @Transactional
    public ContractView terminate(ContractId id, Optional<Uzovi> onlyParty, Integer expectedVersion, LocalDate endDate) {
        Contract current = lockCurrent(id, onlyParty, expectedVersion);
        ContractDecision.Changed terminated = accepted(current.terminate(endDate));
        Instant now = clock.instant();
        contracts.update(terminated.contract(), now);
        return publish(terminated, now);
    }

    @Transactional(readOnly = true)
    public ContractView get(ContractId id, Optional<Uzovi> onlyParty) {
        Contract contract = contracts.find(id, onlyParty).orElseThrow(() -> notFound(id));
        return new ContractView(contract, contracts.overlapsOf(id), null, null);
    }

    @Transactional(readOnly = true)
    public List<ContractView> versions(ContractId id, Optional<Uzovi> onlyParty) {
        List<Contracts.StoredVersion> versions = contracts.versions(id, onlyParty);
        if (versions.isEmpty()) {
            throw notFound(id);
        }
        return versions.stream().map(ContractRegister::view).toList();
    }

    @Transactional(readOnly = true)
    public ContractView version(ContractId id, int version, Optional<Uzovi> onlyParty) {
        return contracts.version(id, version, onlyParty).map(ContractRegister::view)
                .orElseThrow(() -> new ContractNotFoundException("contract " + id + " has no version " + version));
    }

    public record SearchResult(List<ContractView> contracts, long totalElements) {
    }

    @Transactional(readOnly = true)
    public SearchResult search(ContractSearch search, int page, int size) {
        Contracts.Page found = contracts.search(search, page, size);
        return new SearchResult(found.contracts().stream()
                .map(contract -> new ContractView(contract, contracts.overlapsOf(contract.id()), null, null))
                .toList(), found.totalElements());
    }

    private Contract lockCurrent(ContractId id, Optional<Uzovi> onlyParty, Integer expectedVersion) {
        contracts.lockRegister();
        Contract current = contracts.findForUpdate(id, onlyParty).orElseThrow(() -> notFound(id));
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw new VersionMismatchException(expectedVersion, current.version());
        }
        return current;
    }

    /**
     * Double-funding watch (R4, R22): records and announces the version with the contracts it overlaps, then gives
     * every other contract that started or stopped overlapping it a version of its own (OVERLAP_FLAGGED), so both
     * sides of an overlap show it in the API, in their ETag and on the topic. All in the caller's transaction.
     */
    private ContractView publish(ContractDecision.Changed decision, Instant now) {
        Contract contract = decision.contract();
        ContractChange change = decision.change();
        List<ContractId> before = contracts.overlapsOf(contract.id());
        List<ContractId> overlaps = contract.status() == ContractStatus.ACTIVE
                ? contracts.overlapCandidates(contract).stream().filter(contract::overlapsWith).map(Contract::id).toList()
                : List.of();
        contracts.replaceOverlaps(contract.id(), overlaps, now);
        contracts.recordVersion(contract, change, overlaps, now);
        events.publish(contract, change, overlaps, now);
        for (ContractId other : changedBetween(before, overlaps)) {
            flagOverlapsOf(other, now);
        }
        return new ContractView(contract, overlaps, change, now);
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
}
