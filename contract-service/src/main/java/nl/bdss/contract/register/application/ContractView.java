package nl.bdss.contract.register.application;

import java.time.Instant;
import java.util.List;
import nl.bdss.contract.register.domain.Contract;
import nl.bdss.contract.register.domain.ContractChange;
import nl.bdss.contract.register.domain.ContractId;

/**
 * A contract version as the API shows it, with the contracts it overlaps (R4, R22).
 *
 * @param change     what produced this version; null when not known (current version read from the register)
 * @param recordedAt when this version was stored; null when not known
 */
public record ContractView(Contract contract, List<ContractId> overlappingContracts, ContractChange change,
        Instant recordedAt) {
}
