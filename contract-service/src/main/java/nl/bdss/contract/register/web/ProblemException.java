package nl.bdss.contract.register.web;

import java.util.List;
import nl.bdss.contract.register.domain.Finding;
import org.springframework.http.HttpStatus;

/** A refusal decided in the web layer (headers, query parameters, idempotency keys), rendered as problem+json. */
class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String title;
    private final transient List<Finding> errors;

    ProblemException(HttpStatus status, String type, String title, String detail, List<Finding> errors) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    static ProblemException badRequest(String field, String message) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", message,
                List.of(new Finding(field, "REQUEST", message)));
    }

    HttpStatus status() {
        return status;
    }

    String type() {
        return type;
    }

    String title() {
        return title;
    }

    List<Finding> errors() {
        return errors;
    }
}
