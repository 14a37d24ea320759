package nl.bdss.contract.register.application;

import java.time.Instant;
import java.util.List;
import nl.bdss.contract.register.domain.Contract;
import nl.bdss.contract.register.domain.ContractChange;
import nl.bdss.contract.register.domain.ContractId;

/**
 * Asks allocation what a contract version would make each party pay or receive, without anything being stored or
 * published there ("know what you accept"). The question is the event the version would be published with.
 */
public interface AllocationPreviews {

    /** Allocation's answer as it gave it: status, content type and body, for the caller to read as it is. */
    record Answer(int status, String contentType, String body) {
    }

    /**
     * @param authorization the caller's Authorization header, relayed so allocation answers for the same client
     *                      (its own lines only); null when the request had none
     * @throws AllocationUnavailableException when allocation cannot be reached or fails
     */
    Answer preview(Contract version, ContractChange change, List<ContractId> overlappingContracts, Instant occurredAt,
            String authorization);
}
