package nl.bdss.security.audit;

import java.net.URI;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/audit}: the service's audit trail, newest first; operators only (see the security chain). */
@RestController
@RequestMapping(path = AuditFilter.AUDIT_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
class AuditController {

    static final int MAX_PAGE_SIZE = 200;

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    /**
     * @param client only this client id
     * @param from   entries at or after this instant (ISO-8601, e.g. 2026-01-01T00:00:00Z)
     * @param to     entries before this instant
     */
    @GetMapping
    ResponseEntity<?> search(@RequestParam(required = false) String client,
                             @RequestParam(required = false) Instant from,
                             @RequestParam(required = false) Instant to,
                             @RequestParam(defaultValue = "0") int page,
                             @RequestParam(defaultValue = "50") int size) {
        if (page < 0) {
            return badRequest("page", "page must be 0 or more, was " + page);
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            return badRequest("size", "size must be between 1 and " + MAX_PAGE_SIZE + ", was " + size);
        }
        if (from != null && to != null && !from.isBefore(to)) {
            return badRequest("from", "from (" + from + ") must be before to (" + to + ")");
        }
        return ResponseEntity.ok(trail.search(client, from, to, page, size));
    }

    private static ResponseEntity<ProblemDetail> badRequest(String field, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setType(URI.create("urn:bdss:problem:invalid-audit-query"));
        problem.setTitle("Invalid audit query");
        problem.setProperty("field", field);
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
