package nl.bdss.allocation.counts.web;

import nl.bdss.allocation.counts.application.InvalidDelivery;
import nl.bdss.problem.Problem;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A refused delivery (R6, R11) as a problem {@code invalid-insured-count-delivery}: every error names its field and
 * rule, with its line number for CSV, and {@code errorCount} counts them all where only the first are listed.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DeliveryProblems {

    @ExceptionHandler(InvalidDelivery.class)
    ResponseEntity<ProblemDetail> invalidDelivery(InvalidDelivery invalid) {
        ResponseEntity<ProblemDetail> response = Problem.of(422, "invalid-insured-count-delivery",
                "Invalid insured-count delivery", invalid.getMessage()).toResponse();
        response.getBody().setProperty("errorCount", invalid.errorCount());
        response.getBody().setProperty("errors", invalid.errors());
        return response;
    }
}
