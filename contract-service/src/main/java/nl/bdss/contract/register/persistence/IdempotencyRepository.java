package nl.bdss.contract.register.persistence;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import nl.bdss.contract.register.application.IdempotencyRecords;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Idempotency keys of POST requests, claimed insert-first: the primary key makes a concurrent request with the
 * same key wait for the first one's transaction, after which it finds the stored response.
 */
@Repository
class IdempotencyRepository implements IdempotencyRecords {

    private final JdbcClient jdbc;

    IdempotencyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean claim(String key, String fingerprint, Instant now) {
        return jdbc.sql("""
                insert into idempotency_record (idempotency_key, request_fingerprint, created_at) values (?, ?, ?)
                on conflict (idempotency_key) do nothing""")
                .params(key, fingerprint, now.atOffset(ZoneOffset.UTC))
                .update() == 1;
    }

    @Override
    public Optional<StoredResponse> find(String key) {
        return jdbc.sql("""
                select request_fingerprint, response_status, response_location, response_etag, response_body
                  from idempotency_record where idempotency_key = ?""")
                .param(key)
                .query((rs, n) -> new StoredResponse(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3),
                        rs.getString(4), rs.getString(5)))
                .optional();
    }

    @Override
    public void complete(String key, int status, String location, String etag, String body) {
        jdbc.sql("""
                update idempotency_record set response_status = ?, response_location = ?, response_etag = ?, response_body = ?
                 where idempotency_key = ?""")
                .params(status, location, etag, body, key)
                .update();
    }
}
