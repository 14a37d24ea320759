package nl.bdss.contract.register.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.bdss.contract.register.domain.Contract;
import nl.bdss.contract.register.domain.ContractChange;
import nl.bdss.contract.register.domain.ContractId;
import nl.bdss.contract.register.domain.PartyId;

/**
 * Where the register keeps its contracts: the current version of each, every version ever published, and the
 * overlaps of the double-funding watch (R4, R22). Every change runs inside the caller's transaction.
 *
 * <p>Tenant isolation: reads take {@code onlyParty}, the insurer or provider the caller is confined to (empty for
 * callers that see every contract). {@link #find} finds a contract whose current version (or proposed registration)
 * that party signs; {@link #versions} and {@link #version} find only the versions it signed.
 */
public interface Contracts {

    /** One stored version with what happened and the overlaps known when it was published. */
    record StoredVersion(Contract contract, ContractChange change, List<ContractId> overlappingContracts,
            Instant recordedAt) {
    }

    record Page(List<Contract> contracts, long totalElements) {
    }

    /**
     * Serialises every change of the register until commit: a change can give other contracts a new version (the
     * double-funding watch), so two changes must never miss each other's overlap or deadlock on each other's rows.
     */
    void lockRegister();

    void insert(Contract contract, Instant now);

    void update(Contract contract, Instant now);

    /** Keeps a version that took effect, with the parties that signed it (who may read it for good). */
    void recordVersion(Contract contract, ContractChange change, List<ContractId> overlaps, Instant now);

    Optional<Contract> find(ContractId id, Optional<PartyId> onlyParty);

    /** As {@link #find}, and locks the contract for the rest of the transaction, so its changes are serialised. */
    Optional<Contract> findForUpdate(ContractId id, Optional<PartyId> onlyParty);

    /** Every version ({@code onlyParty}: every version that party signed), oldest first. */
    List<StoredVersion> versions(ContractId id, Optional<PartyId> onlyParty);

    Optional<StoredVersion> version(ContractId id, int version, Optional<PartyId> onlyParty);

    /** The most recent version that {@code party} signed. */
    Optional<StoredVersion> lastVersionSignedBy(ContractId id, PartyId party);

    /** Active contracts other than {@code contract} that share a Zvw provider and overlap its validity. */
    List<Contract> overlapCandidates(Contract contract);

    /** Replaces the overlaps of {@code id}, in both directions. */
    void replaceOverlaps(ContractId id, List<ContractId> overlapping, Instant now);

    List<ContractId> overlapsOf(ContractId id);

    /** One page of the contracts that match, in the order they were registered, and how many match in all. */
    Page search(ContractSearch search, int page, int size);
}
