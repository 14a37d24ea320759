package nl.bdss.contract.register.application;

import java.time.Instant;
import java.util.List;
import nl.bdss.contract.register.domain.Contract;
import nl.bdss.contract.register.domain.ContractChange;
import nl.bdss.contract.register.domain.ContractId;
import nl.bdss.contract.register.domain.Proposal;

/**
 * A contract as one caller may see it: a version with the contracts it overlaps (R4, R22) and the contract's latest
 * proposal that caller may see. {@code contract} is a version in force when the caller was party to one; otherwise
 * it is the proposed version, with the status PROPOSED, DECLINED or WITHDRAWN.
 *
 * @param change     what produced this version; null when not known (current version read from the register)
 * @param recordedAt when this version was stored; null when not known
 * @param proposal   the latest proposal the caller may see; null when there is none
 */
public record ContractView(Contract contract, List<ContractId> overlappingContracts, ContractChange change,
        Instant recordedAt, Proposal proposal) {

    public ContractView(Contract contract, List<ContractId> overlappingContracts, ContractChange change,
            Instant recordedAt) {
        this(contract, overlappingContracts, change, recordedAt, null);
    }
}
