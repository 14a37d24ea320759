package nl.bdss.security.audit;

import java.util.List;

/** One page of the audit trail, newest first. */
public record AuditPage(List<AuditEntry> items, int page, int size, long totalElements, long totalPages) {
}
