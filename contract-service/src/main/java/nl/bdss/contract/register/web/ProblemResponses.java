package nl.bdss.contract.register.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import nl.bdss.contract.register.application.ContractNotFoundException;
import nl.bdss.contract.register.application.ContractRulesViolatedException;
import nl.bdss.contract.register.application.IllegalContractTransitionException;
import nl.bdss.contract.register.application.VersionMismatchException;
import nl.bdss.contract.register.domain.Finding;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Every refusal as RFC 9457 problem+json: {@code type}, {@code title}, {@code status}, {@code detail} and, where
 * fields are concerned, an {@code errors} array of {@code {field, rule, message}}.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    static final String TYPE_BASE = "urn:bdss:problem:";
    static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    @ExceptionHandler({ContractRulesViolatedException.class, IllegalContractTransitionException.class,
            VersionMismatchException.class, ContractNotFoundException.class})
    ResponseEntity<ProblemDetail> businessRefusal(RuntimeException e) {
        return refusal(e).orElseThrow(() -> e);
    }

    /**
     * The refusals the register decides from the request and its own state (422 rules, 409 transition, 412 version,
     * 404 contract): the outcome of an operation, which an Idempotency-Key replays. Empty for anything else.
     */
    static Optional<ResponseEntity<ProblemDetail>> refusal(RuntimeException e) {
        if (e instanceof ContractRulesViolatedException violated) {
            String rules = violated.violations().stream().map(Finding::rule).distinct().collect(Collectors.joining(", "));
            return Optional.of(problem(HttpStatus.UNPROCESSABLE_CONTENT, "contract-rules-violated",
                    "The contract does not meet the NZa conditions",
                    violated.violations().size() + " violation(s) of rule(s) " + rules + "; nothing was stored",
                    violated.violations()));
        }
        if (e instanceof IllegalContractTransitionException) {
            return Optional.of(problem(HttpStatus.CONFLICT, "illegal-transition", "Change not allowed in the contract's state",
                    e.getMessage(), List.of()));
        }
        if (e instanceof VersionMismatchException) {
            return Optional.of(problem(HttpStatus.PRECONDITION_FAILED, "version-mismatch", "Version mismatch",
                    e.getMessage(), List.of()));
        }
        if (e instanceof ContractNotFoundException) {
            return Optional.of(problem(HttpStatus.NOT_FOUND, "contract-not-found", "Contract not found", e.getMessage(),
                    List.of()));
        }
        return Optional.empty();
    }

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> refused(ProblemException e) {
        return problem(e.status(), e.type(), e.title(), e.getMessage(), e.errors());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> wrongParameter(MethodArgumentTypeMismatchException e) {
        String allowed = e.getRequiredType() != null && e.getRequiredType().isEnum()
                ? "; allowed: " + Arrays.toString(e.getRequiredType().getEnumConstants()) : "";
        String message = "'" + e.getValue() + "' is not a valid value for " + e.getName() + allowed;
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", message,
                List.of(new Finding(e.getName(), "REQUEST", message)));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        Optional<String> tooLarge = RequestSizeLimit.exceeded(e);
        if (tooLarge.isPresent()) {
            return asObject(problem(HttpStatus.CONTENT_TOO_LARGE, "request-too-large", "Request body too large",
                    tooLarge.get(), List.of()));
        }
        Finding finding = unreadable(e);
        return asObject(problem(HttpStatus.BAD_REQUEST, "unreadable-request", "The request body cannot be read",
                finding.message(), List.of(finding)));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail detail
                && (detail.getType() == null || !detail.getType().toString().startsWith(TYPE_BASE))) {
            detail.setType(URI.create(TYPE_BASE + statusCode.value()));
        }
        return response == null ? null
                : ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders()).contentType(PROBLEM_JSON)
                        .body(response.getBody());
    }

    /** Names the field and what is wrong with it, from Jackson's own diagnosis. */
    private static Finding unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof InvalidFormatException invalid && invalid.getTargetType() != null && invalid.getTargetType().isEnum()) {
            String field = path(invalid);
            return new Finding(field, "REQUEST", "unknown value '" + invalid.getValue() + "' for " + field
                    + "; allowed values: " + Arrays.toString(invalid.getTargetType().getEnumConstants()));
        }
        if (cause instanceof InvalidFormatException invalid) {
            String field = path(invalid);
            return new Finding(field, "REQUEST", "'" + invalid.getValue() + "' is not a valid "
                    + simpleName(invalid.getTargetType()) + " for " + field);
        }
        if (cause instanceof MismatchedInputException mismatch) {
            String field = path(mismatch);
            return new Finding(field, "REQUEST", "wrong JSON type for " + field + ": expected "
                    + simpleName(mismatch.getTargetType()) + " (" + mismatch.getOriginalMessage() + ")");
        }
        if (cause instanceof StreamReadException malformed) {
            String where = malformed.getLocation() == null ? ""
                    : " at line " + malformed.getLocation().getLineNr() + ", column " + malformed.getLocation().getColumnNr();
            return new Finding("", "REQUEST", "malformed JSON" + where + ": " + malformed.getOriginalMessage());
        }
        if (cause instanceof JacksonException other) {
            return new Finding(path(other), "REQUEST", other.getOriginalMessage());
        }
        return new Finding("", "REQUEST", "a JSON request body is required");
    }

    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            } else if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            }
        }
        return path.toString();
    }

    private static String simpleName(Class<?> type) {
        return type == null ? "value" : type.getSimpleName();
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatusCode status, String type, String title, String detail,
            List<Finding> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", new ArrayList<>(errors));
        }
        return ResponseEntity.status(status).contentType(PROBLEM_JSON).body(problem);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Object> asObject(ResponseEntity<ProblemDetail> response) {
        return (ResponseEntity) response;
    }
}
