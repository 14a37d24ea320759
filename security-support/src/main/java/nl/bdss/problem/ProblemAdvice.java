package nl.bdss.problem;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import nl.bdss.security.BodySizeLimit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
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
 * The problems every service shares: the framework's own refusals (unreadable body, wrong parameter, wrong content
 * type, unknown path...), {@link ProblemException}s from web adapters, and anything unexpected as a 500 that tells
 * nothing about the internals. A service's own advice, ordered before this one, maps its application exceptions.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> refused(ProblemException e) {
        return e.problem().toResponse();
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> wrongParameter(MethodArgumentTypeMismatchException e) {
        String allowed = e.getRequiredType() != null && e.getRequiredType().isEnum()
                ? "; allowed: " + Arrays.toString(e.getRequiredType().getEnumConstants()) : "";
        return Problem.invalidRequest(e.getName(), "'" + e.getValue() + "' is not a valid value for " + e.getName() + allowed)
                .toResponse();
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e) {
        return Problem.forbidden(e.getMessage()).toResponse();
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unexpected failure answering a request", e);
        return Problem.of(500, "internal-error", "Internal error",
                "the request could not be completed; nothing was stored; the failure is logged").toResponse();
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        Optional<String> tooLarge = BodySizeLimit.exceeded(e);
        if (tooLarge.isPresent()) {
            return asObject(Problem.of(413, "request-too-large", "Request body too large", tooLarge.get()).toResponse());
        }
        FieldError error = unreadable(e);
        return asObject(new Problem(400, "unreadable-request", "The request body cannot be read", error.message(),
                List.of(error)).toResponse());
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return asObject(Problem.invalidRequest(e.getParameterName(), "the query parameter " + e.getParameterName()
                + " (" + e.getParameterType() + ") is required").toResponse());
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException e) {
        return Problem.invalidRequest(e.getHeaderName(), "the header " + e.getHeaderName() + " is required").toResponse();
    }

    /** The framework's other refusals (405, 406, 415, 404 for unknown paths...) keep their status, typed as ours. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response == null) {
            return null;
        }
        if (response.getBody() instanceof ProblemDetail detail
                && (detail.getType() == null || !detail.getType().toString().startsWith(Problem.TYPE_BASE))) {
            detail.setType(URI.create(Problem.TYPE_BASE + frameworkType(statusCode.value())));
        }
        return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders()).contentType(Problem.MEDIA_TYPE)
                .body(response.getBody());
    }

    private static String frameworkType(int status) {
        return switch (status) {
            case 400 -> "invalid-request";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "request-too-large";
            case 415 -> "unsupported-media-type";
            case 503 -> "unavailable";
            default -> "http-" + status;
        };
    }

    /** Names the field and what is wrong with it, from Jackson's own diagnosis. */
    private static FieldError unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof InvalidFormatException invalid && invalid.getTargetType() != null && invalid.getTargetType().isEnum()) {
            String field = path(invalid);
            return FieldError.request(field, "unknown value '" + invalid.getValue() + "' for " + field
                    + "; allowed values: " + Arrays.toString(invalid.getTargetType().getEnumConstants()));
        }
        if (cause instanceof InvalidFormatException invalid) {
            String field = path(invalid);
            return FieldError.request(field, "'" + invalid.getValue() + "' is not a valid "
                    + simpleName(invalid.getTargetType()) + " for " + field);
        }
        if (cause instanceof MismatchedInputException mismatch) {
            String field = path(mismatch);
            return FieldError.request(field, "wrong JSON type for " + field + ": expected "
                    + simpleName(mismatch.getTargetType()) + " (" + mismatch.getOriginalMessage() + ")");
        }
        if (cause instanceof StreamReadException malformed) {
            String where = malformed.getLocation() == null ? ""
                    : " at line " + malformed.getLocation().getLineNr() + ", column " + malformed.getLocation().getColumnNr();
            return FieldError.request("", "malformed JSON" + where + ": " + malformed.getOriginalMessage());
        }
        if (cause instanceof JacksonException other) {
            return FieldError.request(path(other), other.getOriginalMessage());
        }
        return FieldError.request("", "a readable request body is required");
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

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Object> asObject(ResponseEntity<ProblemDetail> response) {
        return (ResponseEntity) response;
    }
}
