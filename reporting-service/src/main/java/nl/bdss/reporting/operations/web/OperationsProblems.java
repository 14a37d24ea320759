package nl.bdss.reporting.operations.web;

import nl.bdss.problem.Problem;
import nl.bdss.reporting.operations.application.BrokerUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The reporting service's own problems, before the shared ones: the broker not answering the operator endpoints is
 * a 503 {@code broker-unavailable}; a rebuild it refused has wiped nothing.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class OperationsProblems {

    private static final Logger LOG = LoggerFactory.getLogger(OperationsProblems.class);

    @ExceptionHandler(BrokerUnavailableException.class)
    ResponseEntity<ProblemDetail> brokerUnavailable(BrokerUnavailableException e) {
        LOG.warn("Operator request failed on the broker: {}", e.getMessage());
        return Problem.of(503, "broker-unavailable", "The message broker does not answer", e.getMessage()).toResponse();
    }
}
