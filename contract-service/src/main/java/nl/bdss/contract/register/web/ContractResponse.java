package nl.bdss.contract.register.web;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.bdss.contract.register.application.ContractView;
import nl.bdss.contract.register.domain.ContractChange;
import nl.bdss.contract.register.domain.ContractId;
import nl.bdss.contract.register.domain.ContractStatus;
import nl.bdss.contract.register.domain.ContractTerms;
import nl.bdss.contract.register.domain.Finding;

/**
 * A contract version as the API returns it: identity, version and status, the (normalised) contract document,
 * the double-funding overlaps (R4, R22) and the warnings.
 */
@JsonPropertyOrder({"id", "version", "status", "change", "effectiveFrom", "recordedAt"})
record ContractResponse(
        UUID id,
        int version,
        ContractStatus status,
        ContractChange change,
        LocalDate effectiveFrom,
        Instant recordedAt,
        @JsonUnwrapped ContractTerms terms,
        List<UUID> overlappingContractIds,
        List<Finding> warnings) {

    static ContractResponse of(ContractView view) {
        var contract = view.contract();
        return new ContractResponse(contract.id().value(), contract.version(), contract.status(), view.change(),
                contract.effectiveFrom(), view.recordedAt(), contract.terms(),
                view.overlappingContracts().stream().map(ContractId::value).toList(), contract.warnings());
    }
}
