package nl.bdss.settlement.web;

import nl.bdss.problem.FieldError;
import nl.bdss.problem.Problem;
import nl.bdss.settlement.application.Refusal;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The use cases' refusals as problems, before the shared advice sees them: 404 and 409 with the refusal's own type
 * ({@code payment-instruction-not-found}, {@code already-acknowledged}), 422 {@code rules-violated} naming the field
 * and the rule. Request fields are checked in the controllers ({@link FieldChecks}); nothing is stored either way.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class SettlementProblems {

    @ExceptionHandler(Refusal.class)
    ResponseEntity<ProblemDetail> refused(Refusal refusal) {
        Problem problem = switch (refusal.kind()) {
            case NOT_FOUND -> Problem.notFound(refusal.type(), refusal.title(), refusal.getMessage());
            case CONFLICT -> Problem.conflict(refusal.type(), refusal.title(), refusal.getMessage());
            case RULE_VIOLATED -> Problem.rulesViolated(refusal.getMessage(), refusal.violations().stream()
                    .map(v -> new FieldError(v.field(), v.rule(), v.message())).toList());
        };
        return problem.toResponse();
    }
}
