package nl.bdss.contract.register.application;

import java.time.Instant;
import java.util.Optional;

/**
 * The outcomes of requests that carried an {@code Idempotency-Key}, by key. A key is claimed before its request runs
 * and completed with the response in the same transaction; a concurrent claim of the same key waits for that
 * transaction and then finds the response.
 */
public interface IdempotencyRecords {

    /** The response given to the first request with a key, and the fingerprint of that request. */
    record StoredResponse(String fingerprint, Integer status, String location, String etag, String body) {
    }

    /** Returns true when this request is the first with the key. */
    boolean claim(String key, String fingerprint, Instant now);

    Optional<StoredResponse> find(String key);

    void complete(String key, int status, String location, String etag, String body);
}
