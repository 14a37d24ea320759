package nl.bdss.allocation.counts.web;

import java.net.URI;
import nl.bdss.allocation.counts.application.InvalidDelivery;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A refused delivery as RFC 9457 problem details, listing the first errors with their line numbers. */
@RestControllerAdvice(assignableTypes = InsuredCountController.class)
class DeliveryProblems {

    @ExceptionHandler(InvalidDelivery.class)
    ProblemDetail invalidDelivery(InvalidDelivery invalid) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, invalid.getMessage());
        problem.setTitle("Invalid insured-count delivery");
        problem.setType(URI.create("urn:bdss:problem:invalid-insured-count-delivery"));
        problem.setProperty("errorCount", invalid.errorCount());
        problem.setProperty("errors", invalid.errors());
        return problem;
    }
}
