package nl.bdss.contract.register.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.function.Supplier;
import nl.bdss.contract.register.persistence.IdempotencyRepository;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Idempotency-Key} on POST: the first request with a key claims it and stores its response in the same
 * transaction as its effect; a repeat with the same body gets that response again, a repeat with another body
 * is refused (422). A refused first request rolls back its claim, so the key stays free.
 */
@Component
class IdempotentRequests {

    static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 200;

    private final IdempotencyRepository records;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Clock clock;

    IdempotentRequests(IdempotencyRepository records, TransactionTemplate transactions, JsonMapper json, Clock clock) {
        this.records = records;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    /** A response that can be given again byte for byte. */
    record Reply(int status, String location, String etag, String body) {
    }

    Reply execute(String key, String operation, Object requestBody, Supplier<Reply> action) {
        if (key == null) {
            return transactions.execute(status -> action.get());
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw ProblemException.badRequest(HEADER, "the Idempotency-Key header must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        String fingerprint = fingerprint(operation, requestBody);
        return transactions.execute(status -> {
            if (records.claim(key, fingerprint, clock.instant())) {
                Reply reply = action.get();
                records.complete(key, reply.status(), reply.location(), reply.etag(), reply.body());
                return reply;
            }
            IdempotencyRepository.StoredResponse stored = records.find(key).orElseThrow();
            if (!stored.fingerprint().equals(fingerprint)) {
                throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
                        "Idempotency-Key reused with another request",
                        "the Idempotency-Key '" + key + "' was already used for a different request; use a new key",
                        java.util.List.of());
            }
            return new Reply(stored.status(), stored.location(), stored.etag(), stored.body());
        });
    }

    private String fingerprint(String operation, Object requestBody) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(operation.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(json.writeValueAsBytes(requestBody));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
