package nl.bdss.system.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;
import nl.bdss.system.workload.ContractDocuments;
import nl.bdss.system.workload.CountDataset;
import nl.bdss.system.workload.Terms;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The services' REST APIs as a back office would use them while the services die and come back: every write carries
 * an {@code Idempotency-Key} and is repeated, unchanged, until it gets an answer, so a request whose answer was lost
 * with a killed process is neither lost nor applied twice. Security is off in the harness's stack, so no tokens.
 */
public final class StackClient {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(300);

    private final StackProcesses stack;
    private final ContractDocuments documents;
    private final RunLog log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final AtomicLong retries = new AtomicLong();

    public StackClient(StackProcesses stack, ContractDocuments documents, RunLog log) {
        this.stack = stack;
        this.documents = documents;
        this.log = log;
    }

    public long retries() {
        return retries.get();
    }

    /** Registers a contract; answers its id. */
    public String register(Terms terms, String idempotencyKey) {
        HttpResponse<String> response = untilAnswered("register " + terms.reference(), () -> post(Component.CONTRACT,
                "/api/v1/contracts", null, idempotencyKey, "application/json",
                documents.json().writeValueAsString(documents.document(terms))));
        expect(response, 201, "registration of " + terms.reference());
        return documents.json().readTree(response.body()).get("id").asString();
    }

    public void amend(String contractId, LocalDate effectiveFrom, Terms terms, String idempotencyKey) {
        ObjectNode body = documents.amendment(effectiveFrom, terms);
        change(contractId, "/amendments", body, idempotencyKey);
    }

    public void terminate(String contractId, LocalDate endDate, String idempotencyKey) {
        change(contractId, "/termination", documents.termination(endDate), idempotencyKey);
    }

    /**
     * A change under optimistic locking: If-Match with the ETag just read. A lost answer is repeated with the same key
     * and If-Match (and replayed by the service); only a 412 (another contract's overlap gave this one a new version
     * in between) reads the ETag again, with a new key.
     */
    private void change(String contractId, String path, ObjectNode body, String idempotencyKey) {
        String what = path.substring(1) + " of " + contractId;
        for (int attempt = 1; attempt <= 5; attempt++) {
            String etag = etag(contractId);
            String key = idempotencyKey + "@" + etag.replace("\"", "");
            HttpResponse<String> response = untilAnswered(what, () -> post(Component.CONTRACT,
                    "/api/v1/contracts/" + contractId + path, etag, key, "application/json",
                    documents.json().writeValueAsString(body)));
            if (response.statusCode() == 412) {
                continue;
            }
            expect(response, 201, what);
            return;
        }
        throw new IllegalStateException(what + ": the ETag kept changing (412 five times)");
    }

    private String etag(String contractId) {
        HttpResponse<String> response = untilAnswered("read " + contractId, () -> http.send(HttpRequest.newBuilder(
                        URI.create(stack.serviceUrl(Component.CONTRACT) + "/api/v1/contracts/" + contractId))
                .timeout(REQUEST_TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString()));
        expect(response, 200, "read of " + contractId);
        return response.headers().firstValue("ETag").orElseThrow(() -> new IllegalStateException("no ETag for " + contractId));
    }

    /** Delivers a dataset; a repeat replaces it with the same rows, which changes no allocation. */
    public void deliverCounts(CountDataset dataset) {
        HttpResponse<String> response = untilAnswered("counts " + dataset.label(), () -> post(Component.ALLOCATION,
                "/api/v1/insured-counts?source=" + dataset.source(), null, null, "text/csv", dataset.csv()));
        expect(response, 201, "delivery of counts " + dataset.label());
    }

    /** Settlement's own check of its ledger: debits = credits, every period's net = its allocation. */
    public JsonNode ledgerInvariants() {
        HttpResponse<String> response = untilAnswered("ledger invariants", () -> http.send(HttpRequest.newBuilder(
                        URI.create(stack.serviceUrl(Component.SETTLEMENT) + "/api/v1/ledger/invariants"))
                .timeout(REQUEST_TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString()));
        expect(response, 200, "ledger invariants");
        return documents.json().readTree(response.body());
    }

    /** Reporting's rebuild of its read models from offset 0; returns once it caught up with its target offsets. */
    public void rebuildReporting() {
        HttpResponse<String> started = untilAnswered("reporting rebuild", () -> post(Component.REPORTING,
                "/api/v1/operations/rebuild", null, null, "application/json", ""));
        expect(started, 202, "reporting rebuild");
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> status = untilAnswered("reporting rebuild status", () -> http.send(HttpRequest.newBuilder(
                            URI.create(stack.serviceUrl(Component.REPORTING) + "/api/v1/operations/rebuild"))
                    .timeout(REQUEST_TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString()));
            expect(status, 200, "reporting rebuild status");
            if (!documents.json().readTree(status.body()).path("inProgress").asBoolean(true)) {
                return;
            }
            StackProcesses.sleep(Duration.ofMillis(250));
        }
        throw new IllegalStateException("the reporting rebuild did not catch up in " + GIVE_UP_AFTER.toSeconds() + " s");
    }

    private HttpResponse<String> post(Component service, String path, String ifMatch, String idempotencyKey,
            String contentType, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.serviceUrl(service) + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private interface Call {
        public HttpResponse<String> send() throws IOException, InterruptedException;
    }

    /** Repeats the call while the service is unreachable or answers 5xx (its transaction rolled back). */
    private HttpResponse<String> untilAnswered(String what, Call call) {
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        boolean announced = false;
        while (true) {
            String problem;
            try {
                HttpResponse<String> response = call.send();
                if (response.statusCode() < 500) {
                    if (announced) {
                        log.say("%s answered after retries (HTTP %d)", what, response.statusCode());
                    }
                    return response;
                }
                problem = "HTTP " + response.statusCode() + " " + abbreviate(response.body());
            } catch (IOException e) {
                problem = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(what + " interrupted", e);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + ": no answer after " + GIVE_UP_AFTER.toSeconds() + " s: " + problem);
            }
            if (!announced) {
                log.say("%s: %s; repeating it until the service answers", what, problem);
                announced = true;
            }
            retries.incrementAndGet();
            StackProcesses.sleep(Duration.ofMillis(500));
        }
    }

    private static void expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(what + ": expected HTTP " + status + ", got " + response.statusCode() + " "
                    + abbreviate(response.body()));
        }
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 600 ? text.substring(0, 600) + "..." : text;
    }
}
