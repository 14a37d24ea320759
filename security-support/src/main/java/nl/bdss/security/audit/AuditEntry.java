package nl.bdss.security.audit;

import java.time.Instant;

/**
 * One line of the audit trail.
 *
 * @param action     HTTP method and path template, e.g. {@code POST /api/v1/contracts/{id}/amendments}
 * @param objectType the kind of object acted on when known, e.g. {@code contract}
 * @param objectId   its id when known
 * @param outcome    the HTTP status answered
 */
public record AuditEntry(Long id, Instant occurredAt, String clientId, String role, String uzovi, String action,
                         String objectType, String objectId, int outcome) {
}
