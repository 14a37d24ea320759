package nl.bdss.problem;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * One refusal in the shape every service answers: status, a type URN named for the problem, a title that is the
 * same for every instance of the type, a detail for this instance and the field errors.
 */
public record Problem(int status, String type, String title, String detail, List<FieldError> errors) {

    public static final String TYPE_BASE = "urn:bdss:problem:";
    public static final MediaType MEDIA_TYPE = MediaType.APPLICATION_PROBLEM_JSON;

    public Problem {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a problem has a 4xx or 5xx status, was " + status);
        }
        Objects.requireNonNull(type, "a problem has a type");
        Objects.requireNonNull(title, "a problem has a title");
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static Problem of(int status, String type, String title, String detail) {
        return new Problem(status, type, title, detail, List.of());
    }

    /** 400: the request's form is wrong (a parameter, a header); names the field. */
    public static Problem invalidRequest(String field, String message) {
        return new Problem(400, "invalid-request", "Invalid request", message, List.of(FieldError.request(field, message)));
    }

    /** 422: the request is well formed but breaks domain rules; every violation is named at once. */
    public static Problem rulesViolated(String detail, List<FieldError> errors) {
        return new Problem(422, "rules-violated", "The request breaks the rules", detail, errors);
    }

    public static Problem notFound(String type, String title, String detail) {
        return of(404, type, title, detail);
    }

    public static Problem forbidden(String detail) {
        return of(403, "forbidden", "Forbidden", detail);
    }

    public static Problem conflict(String type, String title, String detail) {
        return of(409, type, title, detail);
    }

    public URI typeUri() {
        return URI.create(TYPE_BASE + type);
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(status, type, title, detail, fieldErrors);
    }

    public ProblemDetail toProblemDetail() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detail);
        problem.setType(typeUri());
        problem.setTitle(title);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", new ArrayList<>(errors));
        }
        return problem;
    }

    public ResponseEntity<ProblemDetail> toResponse() {
        return ResponseEntity.status(status).contentType(MEDIA_TYPE).body(toProblemDetail());
    }

    /** Writes the problem where no MVC exception handler runs: servlet filters and the security entry points. */
    public void writeTo(HttpServletResponse response, String instance) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_BASE + type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", instance);
        if (!errors.isEmpty()) {
            body.put("errors", errors);
        }
        response.setStatus(status);
        response.setContentType(MEDIA_TYPE.toString());
        byte[] json = JsonMapper.shared().writeValueAsBytes(body); // JSON is UTF-8 (RFC 8259), no charset needed
        response.setContentLength(json.length);
        response.getOutputStream().write(json);
        response.getOutputStream().flush();
    }
}
