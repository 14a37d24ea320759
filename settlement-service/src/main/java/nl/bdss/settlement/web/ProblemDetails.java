package nl.bdss.settlement.web;

import java.net.URI;
import nl.bdss.settlement.application.Refusal;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** RFC 9457 problem details for the service's own refusals; nothing is stored when a request is refused. */
@RestControllerAdvice
class ProblemDetails {

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail invalid(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage());
    }

    @ExceptionHandler(Refusal.class)
    ProblemDetail refused(Refusal e) {
        return switch (e.kind()) {
            case NOT_FOUND -> problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
            case CONFLICT -> problem(HttpStatus.CONFLICT, "Conflicts with recorded history", e.getMessage());
            case RULE_VIOLATED -> problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage());
        };
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("about:blank"));
        return problem;
    }
}
