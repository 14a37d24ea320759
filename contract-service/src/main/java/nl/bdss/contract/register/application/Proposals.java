package nl.bdss.contract.register.application;

import java.util.Optional;
import nl.bdss.contract.register.domain.ContractId;
import nl.bdss.contract.register.domain.PartyId;
import nl.bdss.contract.register.domain.Proposal;

/**
 * Where the register keeps the proposals of every contract, with the parties they ask and every decision. Every
 * change runs inside the caller's transaction, after the contract's row is locked.
 */
public interface Proposals {

    void insert(Proposal proposal);

    /** Stores the proposal's new state and the decisions not stored yet (a decision is never changed). */
    void update(Proposal proposal);

    /** The contract's most recent proposal, of any status. */
    Optional<Proposal> latest(ContractId contractId);

    /** The most recent proposal that {@code party} made or was asked to decide on. */
    Optional<Proposal> latestInvolving(ContractId contractId, PartyId party);

    Optional<Proposal> byNumber(ContractId contractId, int number);
}
