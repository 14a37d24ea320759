package nl.bdss.security.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The append-only {@code audit_entry} table: rows are inserted and read, never changed. */
public class AuditTrail {

    private final JdbcClient jdbc;

    AuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void append(AuditEntry entry) {
        jdbc.sql("""
                        insert into audit_entry (occurred_at, client_id, role, uzovi, action, object_type, object_id, outcome)
                        values (:occurredAt, :clientId, :role, :uzovi, :action, :objectType, :objectId, :outcome)""")
                .param("occurredAt", OffsetDateTime.ofInstant(entry.occurredAt(), ZoneOffset.UTC))
                .param("clientId", entry.clientId())
                .param("role", entry.role())
                .param("uzovi", entry.uzovi())
                .param("action", truncate(entry.action(), 500))
                .param("objectType", truncate(entry.objectType(), 100))
                .param("objectId", truncate(entry.objectId(), 200))
                .param("outcome", entry.outcome())
                .update();
    }

    /** Entries of one client (or all when {@code clientId} is null) with {@code from <= occurred_at < to}. */
    public AuditPage search(String clientId, Instant from, Instant to, int page, int size) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (clientId != null) {
            conditions.add("client_id = :clientId");
            params.put("clientId", clientId);
        }
        if (from != null) {
            conditions.add("occurred_at >= :from");
            params.put("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
        }
        if (to != null) {
            conditions.add("occurred_at < :to");
            params.put("to", OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        long total = jdbc.sql("select count(*) from audit_entry" + where).params(params).query(Long.class).single();
        List<AuditEntry> items = jdbc.sql("select * from audit_entry" + where
                        + " order by occurred_at desc, id desc limit :limit offset :offset")
                .params(params)
                .param("limit", size)
                .param("offset", (long) page * size)
                .query((rs, row) -> new AuditEntry(rs.getLong("id"),
                        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                        rs.getString("client_id"), rs.getString("role"), rs.getString("uzovi"), rs.getString("action"),
                        rs.getString("object_type"), rs.getString("object_id"), rs.getInt("outcome")))
                .list();
        return new AuditPage(items, page, size, total, (total + size - 1) / size);
    }

    private static String truncate(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }
}
