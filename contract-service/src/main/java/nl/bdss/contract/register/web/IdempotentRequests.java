package nl.bdss.contract.register.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.function.Supplier;
import nl.bdss.contract.register.application.IdempotencyRecords;
import nl.bdss.problem.Problem;
import nl.bdss.problem.ProblemException;
import nl.bdss.security.CurrentClient;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Idempotency-Key} on POST: a key names one attempt at one operation, and that attempt's outcome is final.
 * The first request with a key claims it and stores its response in the same transaction as its effect; a repeat
 * with the same request (path, If-Match and body) gets that response again, a repeat with another request is refused
 * (422); a concurrent duplicate waits for the first and then gets its response.
 * <p>
 * A business refusal (422 rule violations, 409 illegal transition, 412 stale version, 404 unknown contract) is an
 * outcome too: its effect is rolled back to a savepoint, but the refusal is stored under the key and replayed, so a
 * retry never turns a refusal into a success because the register changed in between. A corrected request needs a
 * new key. Not stored: requests refused before the operation runs (unreadable body, 413, 415, a missing or malformed
 * If-Match, an invalid key) and server errors, whose transaction rolls the claim back, so they can be retried as they are.
 * <p>
 * Keys are scoped per client (the token's client id): one insurer's key never replays, blocks or reveals another's
 * outcome, even when both happen to send the same key.
 */
@Component
class IdempotentRequests {

    static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 200;

    private final IdempotencyRecords records;
    private final TransactionTemplate transactions;
    private final TransactionTemplate savepoint;
    private final JsonMapper problemJson;
    private final JsonMapper json;
    private final Clock clock;

    IdempotentRequests(IdempotencyRecords records, TransactionTemplate transactions, JsonMapper json, Clock clock) {
        this.records = records;
        this.transactions = transactions;
        this.savepoint = new TransactionTemplate(transactions.getTransactionManager());
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.problemJson = json.rebuild().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build();
        this.json = json;
        this.clock = clock;
    }

    /** A response that can be given again byte for byte; a status of 400 or more carries a problem+json body. */
    record Reply(int status, String location, String etag, String body) {

        boolean isProblem() {
            return status >= 400;
        }
    }

    /**
     * @param path         the request path, part of what the key stands for
     * @param precondition the If-Match header as sent (null when absent), part of what the key stands for
     */
    Reply execute(String key, String path, String precondition, Object requestBody, Supplier<Reply> action) {
        if (key == null) {
            return transactions.execute(status -> action.get());
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw new ProblemException(Problem.invalidRequest(HEADER,
                    "the Idempotency-Key header must be 1 to " + MAX_KEY_LENGTH + " characters"));
        }
        String fingerprint = fingerprint(path, precondition, requestBody);
        String scopedKey = CurrentClient.get().map(client -> client.clientId() + " " + key).orElse(key);
        return transactions.execute(status -> {
            if (records.claim(scopedKey, fingerprint, clock.instant())) {
                Reply reply = outcome(path, action);
                records.complete(scopedKey, reply.status(), reply.location(), reply.etag(), reply.body());
                return reply;
            }
            IdempotencyRecords.StoredResponse stored = records.find(scopedKey).orElseThrow();
            if (!stored.fingerprint().equals(fingerprint)) {
                throw new ProblemException(Problem.of(422, "idempotency-key-reused",
                        "Idempotency-Key reused with another request",
                        "the Idempotency-Key '" + key + "' was already used for a different request (path, If-Match or"
                                + " body); its outcome stands, use a new key for a new request"));
            }
            return new Reply(stored.status(), stored.location(), stored.etag(), stored.body());
        });
    }

    /** Runs the action behind a savepoint: a business refusal undoes the action's writes but not the key's claim. */
    private Reply outcome(String path, Supplier<Reply> action) {
        try {
            return savepoint.execute(status -> action.get());
        } catch (RuntimeException e) {
            Problem refusal = ContractProblems.refusal(e).orElseThrow(() -> e);
            ProblemDetail problem = refusal.toProblemDetail();
            problem.setInstance(URI.create(path));
            return new Reply(refusal.status(), null, null, problemJson.writeValueAsString(problem));
        }
    }

    private String fingerprint(String path, String precondition, Object requestBody) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(("POST " + path).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(String.valueOf(precondition).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(json.writeValueAsBytes(requestBody));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
