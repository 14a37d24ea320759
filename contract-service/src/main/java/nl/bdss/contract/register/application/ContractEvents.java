package nl.bdss.contract.register.application;

import java.time.Instant;
import java.util.List;
import nl.bdss.contract.register.domain.Contract;
import nl.bdss.contract.register.domain.ContractChange;
import nl.bdss.contract.register.domain.ContractId;

/**
 * Announces every new contract version, with the contracts it overlaps (R4, R22). Called inside the transaction that
 * stores the version, so the announcement is made if and only if the version is stored.
 */
public interface ContractEvents {

    void publish(Contract contract, ContractChange change, List<ContractId> overlappingContracts, Instant occurredAt);
}
