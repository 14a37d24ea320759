package nl.bdss.allocation.split.web;

import nl.bdss.allocation.split.application.InvalidContractVersion;
import nl.bdss.problem.FieldError;
import nl.bdss.problem.Problem;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A preview body that cannot be read or allocated as problem {@code invalid-contract-version} (400): every wrong
 * field as {@code errors[{field, rule, message}]}, the field a path into the record ({@code contract.budget.lumpSumCents},
 * {@code contract.parties[1].agb}), the rule REQUEST for the form or the domain rule (R7, R10, ...).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class PreviewProblems {

    @ExceptionHandler(InvalidContractVersion.class)
    ResponseEntity<ProblemDetail> invalidContractVersion(InvalidContractVersion invalid) {
        return new Problem(400, "invalid-contract-version", "Invalid contract version", invalid.getMessage(),
                invalid.violations().stream().map(v -> new FieldError(v.field(), v.rule(), v.message())).toList())
                .toResponse();
    }
}
