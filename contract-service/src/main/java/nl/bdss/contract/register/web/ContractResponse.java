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
import nl.bdss.contract.register.domain.Finding;

/**
 * A contract version as the API returns it: identity, version and status, the (normalised) contract document,
 * the double-funding overlaps (R4, R22), the warnings and the latest proposal the caller may see.
 *
 * @param overlappingContractIds   the overlapping contracts' ids, only for callers that see every contract (operators);
 *                                 absent for insurers and providers, which see only how many there are
 * @param overlappingContractCount how many active contracts this version overlaps
 * @param proposal                 the latest proposal of the contract the caller may see; absent when there is none
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
        int overlappingContractCount,
        List<Warning> warnings,
        ProposalResponse proposal) {

    /** A finding that did not refuse the version (R11 reference date, R14 early start). */
    record Warning(String field, String rule, String message) {

        static List<Warning> of(List<Finding> findings) {
            return findings.stream().map(found -> new Warning(found.field(), found.rule(), found.message())).toList();
        }
    }

    /** @param showOverlapIds whether the caller may see other contracts' ids (an operator) */
    static ContractResponse of(ContractView view, boolean showOverlapIds) {
        var contract = view.contract();
        return new ContractResponse(contract.id().value(), contract.version(), contract.status(), view.change(),
                contract.effectiveFrom(), view.recordedAt(), ContractDocumentJson.of(contract.terms()),
                showOverlapIds ? view.overlappingContracts().stream().map(ContractId::value).toList() : null,
                view.overlappingContracts().size(), Warning.of(contract.warnings()),
                view.proposal() == null ? null : ProposalResponse.of(view.proposal()));
    }
}
