package nl.bdss.contract.register.web;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import nl.bdss.contract.register.application.AllocationUnavailableException;
import nl.bdss.contract.register.application.ContractNotFoundException;
import nl.bdss.contract.register.application.ContractRulesViolatedException;
import nl.bdss.contract.register.application.IllegalContractTransitionException;
import nl.bdss.contract.register.application.NotTheProposerException;
import nl.bdss.contract.register.application.ProposalMismatchException;
import nl.bdss.contract.register.application.ProposalNotFoundException;
import nl.bdss.contract.register.application.ProposalOpenException;
import nl.bdss.contract.register.application.VersionMismatchException;
import nl.bdss.contract.register.domain.Finding;
import nl.bdss.problem.FieldError;
import nl.bdss.problem.Problem;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The register's own refusals as problems, each with its type: 422 {@code contract-rules-violated} naming every field
 * and rule, 409 {@code illegal-transition}, 409 {@code proposal-open}, 412 {@code version-mismatch}, 412
 * {@code proposal-mismatch}, 404 {@code contract-not-found}, 404 {@code proposal-not-found}, 403
 * {@code not-the-proposer}, and 503 {@code allocation-unavailable} for a preview allocation could not answer.
 * Everything else (unreadable bodies, wrong parameters, 413, 415, the unexpected) is the shared
 * {@code ProblemAdvice}'s.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ContractProblems {

    @ExceptionHandler({ContractRulesViolatedException.class, IllegalContractTransitionException.class,
            VersionMismatchException.class, ContractNotFoundException.class, ProposalOpenException.class,
            ProposalNotFoundException.class, ProposalMismatchException.class, NotTheProposerException.class})
    ResponseEntity<ProblemDetail> refused(RuntimeException e) {
        return refusal(e).orElseThrow(() -> e).toResponse();
    }

    @ExceptionHandler(AllocationUnavailableException.class)
    ResponseEntity<ProblemDetail> allocationUnavailable(AllocationUnavailableException e) {
        return Problem.of(503, "allocation-unavailable", "Allocation cannot answer the preview now",
                e.getMessage() + "; nothing was changed, try again later").toResponse();
    }

    /**
     * The refusals the register decides from the request and its own state: the outcome of an operation, which an
     * Idempotency-Key replays. Empty for anything else.
     */
    static Optional<Problem> refusal(RuntimeException e) {
        if (e instanceof ContractRulesViolatedException violated) {
            String rules = violated.violations().stream().map(Finding::rule).distinct().collect(Collectors.joining(", "));
            return Optional.of(new Problem(422, "contract-rules-violated", "The contract does not meet the NZa conditions",
                    violated.violations().size() + " violation(s) of rule(s) " + rules + "; nothing was stored",
                    fieldErrors(violated.violations())));
        }
        if (e instanceof IllegalContractTransitionException) {
            return Optional.of(Problem.conflict("illegal-transition", "Change not allowed in the contract's state",
                    e.getMessage()));
        }
        if (e instanceof VersionMismatchException) {
            return Optional.of(Problem.of(412, "version-mismatch", "Version mismatch", e.getMessage()));
        }
        if (e instanceof ContractNotFoundException) {
            return Optional.of(Problem.notFound("contract-not-found", "Contract not found", e.getMessage()));
        }
        if (e instanceof ProposalOpenException) {
            return Optional.of(Problem.conflict("proposal-open", "The contract already has an open proposal",
                    e.getMessage()));
        }
        if (e instanceof ProposalNotFoundException) {
            return Optional.of(Problem.notFound("proposal-not-found", "Proposal not found", e.getMessage()));
        }
        if (e instanceof ProposalMismatchException) {
            return Optional.of(Problem.of(412, "proposal-mismatch", "Proposal changed", e.getMessage()));
        }
        if (e instanceof NotTheProposerException) {
            return Optional.of(Problem.of(403, "not-the-proposer", "Not the proposer", e.getMessage()));
        }
        return Optional.empty();
    }

    private static List<FieldError> fieldErrors(List<Finding> findings) {
        return findings.stream().map(finding -> new FieldError(finding.field(), finding.rule(), finding.message())).toList();
    }
}
