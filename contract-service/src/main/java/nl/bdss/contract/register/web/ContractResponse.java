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
        @JsonUnwrapped ContractDocumentJson document,
        List<UUID> overlappingContractIds,
        List<Warning> warnings) {

    /** A finding that did not refuse the version (R11 reference date, R14 early start). */
    record Warning(String field, String rule, String message) {
    }

    static ContractResponse of(ContractView view) {
        var contract = view.contract();
        return new ContractResponse(contract.id().value(), contract.version(), contract.status(), view.change(),
                contract.effectiveFrom(), view.recordedAt(), ContractDocumentJson.of(contract.terms()),
                view.overlappingContracts().stream().map(ContractId::value).toList(),
                contract.warnings().stream().map(found -> new Warning(found.field(), found.rule(), found.message())).toList());
    }
}
