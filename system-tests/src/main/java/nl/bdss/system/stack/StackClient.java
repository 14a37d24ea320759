package nl.bdss.system.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The services' REST APIs as a back office, a provider, a trusted third party and an operator use them, the one
 * client of the end-to-end test, the fault-injection suite and the benchmarks. Every call names the client it acts
 * as (one of the authorization server's demo clients: {@code insurer-<uzovi>}, {@code provider-<agb>},
 * {@code ttp-vektis}, {@code operator}); it carries that client's access token (client-credentials flow, renewed
 * before it expires). Contracts take effect only when every party accepted them (R1), which needs each party's
 * own token: a stack whose security is off has no caller identity and can run no contract.
 *
 * <p>Two kinds of patience: {@link #strict} fails at the first error, what a test and a measurement want;
 * {@link #repeating} repeats a call, unchanged, while the service is unreachable or answers 5xx (its transaction
 * rolled back), for up to five minutes: every write carries an {@code Idempotency-Key}, so a request whose answer
 * died with a killed process is neither lost nor applied twice.
 */
public final class StackClient {

    public static final String OPERATOR = "operator";
    public static final String TRUSTED_THIRD_PARTY = "ttp-vektis";

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** An operator's action over many contracts (a reopen of all contracts on a delivery) answers when it is done. */
    private static final Duration OPERATION_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(300);
    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(60);

    /** A registered contract: its id and the ETag of its first version. */
    public record Registered(String id, String etag) {
    }

    private record Token(String value, long renewAtNanos) {
    }

    private final Stack stack;
    private final RunLog log;
    private final boolean repeatUntilAnswered;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final AtomicLong retries = new AtomicLong();

    private StackClient(Stack stack, RunLog log, boolean repeatUntilAnswered) {
        this.stack = stack;
        this.log = log;
        this.repeatUntilAnswered = repeatUntilAnswered;
    }

    /** Fails at the first error: no answer, or an answer other than the one expected. */
    public static StackClient strict(Stack stack, RunLog log) {
        return new StackClient(stack, log, false);
    }

    /** Repeats a call while the service is unreachable or answers 5xx; fails on any other unexpected answer. */
    public static StackClient repeating(Stack stack, RunLog log) {
        return new StackClient(stack, log, true);
    }

    /** The demo client of an insurer. */
    public static String insurer(String uzovi) {
        return "insurer-" + uzovi;
    }

    public JsonMapper json() {
        return json;
    }

    /** How many calls were repeated because the service did not answer. */
    public long retries() {
        return retries.get();
    }

    // -------------------------------------------------------------------------------------------------------------
    // Contracts
    // -------------------------------------------------------------------------------------------------------------

    /**
     * Registers a contract as {@code client} proposes it and every other party accepts it (R1): the insurer proposes,
     * each other insurer and every Zvw provider accepts with its own token. Answers the contract's id and the ETag
     * of its first version, in force once the last acceptance arrived.
     */
    public Registered register(String client, ObjectNode document, String idempotencyKey) {
        String reference = document.path("reference").asString();
        HttpResponse<String> response = propose(client, document, idempotencyKey);
        String id = json.readTree(response.body()).get("id").asString();
        acceptAll(id, response, "registration of " + reference);
        return new Registered(id, etag(OPERATOR, id));
    }

    /** Proposes a contract as {@code client}; nothing takes effect until every party it asks has accepted. */
    public HttpResponse<String> propose(String client, ObjectNode document, String idempotencyKey) {
        String reference = document.path("reference").asString();
        HttpResponse<String> response = call("register " + reference, () -> post(client,
                Component.CONTRACT, "/api/v1/contracts", null, idempotencyKey, "application/json",
                json.writeValueAsString(document)));
        expect(response, 201, "registration of " + reference);
        return response;
    }

    /** The demo client of a party a proposal asks: {@code insurer-<uzovi>} or {@code provider-<agb>}. */
    public static String clientOf(JsonNode party) {
        return "PROVIDER".equals(party.path("role").asString())
                ? provider(party.path("agb").asString()) : insurer(party.path("uzovi").asString());
    }

    /** The demo client of a provider. */
    public static String provider(String agb) {
        return "provider-" + agb;
    }

    /**
     * Accepts the open proposal of {@code response} (a contract answer with its {@code proposal}) as every party it
     * still waits for, each with its own token. A repeated acceptance whose first answer was lost finds the
     * proposal moved on (412, or 409 when it was decided): it reads the proposal again and goes on when that
     * party's decision is recorded.
     */
    private void acceptAll(String contractId, HttpResponse<String> response, String what) {
        JsonNode proposal = json.readTree(response.body()).path("proposal");
        String etag = proposal.path("etag").asString(etagOf(response));
        for (JsonNode party : proposal.path("pendingAcceptances")) {
            etag = accept(clientOf(party), contractId, etag, what);
        }
    }

    /** One party's ACCEPT of the open proposal; answers the proposal's ETag after it. */
    public String accept(String client, String contractId, String etag, String what) {
        return decide(client, contractId, etag, "{\"decision\":\"ACCEPT\"}", what);
    }

    /**
     * Proposes an amendment as {@code client} that never takes effect: every party it asks accepts but the last,
     * which declines it, or ({@code withdraw}) the proposer withdraws it before anyone decided.
     */
    public void proposeAndRefuse(String client, String contractId, LocalDate effectiveFrom, ObjectNode document,
            String idempotencyKey, boolean withdraw) {
        String what = "refused amendment of " + contractId;
        ObjectNode body = json.createObjectNode().put("effectiveFrom", effectiveFrom.toString());
        body.set("contract", document);
        String ifMatch = etag(client, contractId);
        HttpResponse<String> response = call(what, () -> post(client, Component.CONTRACT,
                "/api/v1/contracts/" + contractId + "/amendments", ifMatch,
                idempotencyKey + "@" + ifMatch.replace("\"", ""), "application/json", json.writeValueAsString(body)));
        expect(response, 201, what);
        JsonNode proposal = json.readTree(response.body()).path("proposal");
        String etag = proposal.path("etag").asString(etagOf(response));
        if (withdraw) {
            String tag = etag;
            HttpResponse<String> withdrawn = call("withdrawal of " + what, () -> delete(client, Component.CONTRACT,
                    "/api/v1/contracts/" + contractId + "/proposal", tag));
            if (withdrawn.statusCode() != 200 && !closed(client, contractId)) {
                expect(withdrawn, 200, "withdrawal of " + what);
            }
            return;
        }
        List<JsonNode> pending = new ArrayList<>();
        proposal.path("pendingAcceptances").forEach(pending::add);
        for (int i = 0; i < pending.size(); i++) {
            String decision = i + 1 < pending.size() ? "{\"decision\":\"ACCEPT\"}"
                    : "{\"decision\":\"DECLINE\",\"reason\":\"lump sum not agreed\"}";
            etag = decide(clientOf(pending.get(i)), contractId, etag, decision, what);
        }
    }

    private boolean closed(String client, String contractId) {
        HttpResponse<String> current = call("proposal of " + contractId, () -> get(client, Component.CONTRACT,
                "/api/v1/contracts/" + contractId + "/proposal"));
        return current.statusCode() == 200 && !"OPEN".equals(json.readTree(current.body()).path("status").asString());
    }

    /** One party's decision on the open proposal; answers the proposal's ETag after it. */
    private String decide(String client, String contractId, String etag, String decision, String what) {
        String ifMatch = etag;
        for (int attempt = 1; attempt <= 10; attempt++) {
            String tag = ifMatch;
            HttpResponse<String> response = call("decision on " + what + " by " + client, () -> post(client,
                    Component.CONTRACT, "/api/v1/contracts/" + contractId + "/acceptances", tag, null,
                    "application/json", decision));
            if (response.statusCode() == 200) {
                return etagOf(response);
            }
            if (response.statusCode() != 412 && response.statusCode() != 409) {
                expect(response, 200, "decision on " + what + " by " + client);
            }
            HttpResponse<String> current = call("proposal of " + contractId, () -> get(client, Component.CONTRACT,
                    "/api/v1/contracts/" + contractId + "/proposal"));
            expect(current, 200, "proposal of " + contractId);
            JsonNode proposal = json.readTree(current.body());
            if (decided(proposal, client)) {
                return etagOf(current);
            }
            ifMatch = etagOf(current);
        }
        throw new IllegalStateException("decision on " + what + " by " + client + ": the proposal kept changing");
    }

    private static boolean decided(JsonNode proposal, String client) {
        for (JsonNode decision : proposal.path("decisions")) {
            if (client.equals(decision.path("clientId").asString())) {
                return true;
            }
        }
        return false;
    }

    /**
     * An amendment under optimistic locking, proposed by {@code client} and accepted by every party it asks,
     * answering the new version's ETag. With {@code etag} the caller's
     * current ETag is sent as If-Match; without (null) the ETag is read first, and a 412 (another contract's
     * overlap gave this one a new version in between) reads it again and repeats the amendment with a key of its own.
     */
    public String amend(String client, String contractId, String etag, LocalDate effectiveFrom, ObjectNode document,
            String idempotencyKey) {
        ObjectNode body = json.createObjectNode().put("effectiveFrom", effectiveFrom.toString());
        body.set("contract", document);
        return change(client, contractId, "/amendments", etag, body, idempotencyKey);
    }

    /** A termination on {@code endDate} (the contract's last day), as {@link #amend} for the ETag. */
    public String terminate(String client, String contractId, String etag, LocalDate endDate, String idempotencyKey) {
        return change(client, contractId, "/termination", etag,
                json.createObjectNode().put("endDate", endDate.toString()), idempotencyKey);
    }

    private String change(String client, String contractId, String path, String etag, ObjectNode body,
            String idempotencyKey) {
        String what = path.substring(1) + " of " + contractId;
        for (int attempt = 1; attempt <= 5; attempt++) {
            String ifMatch = etag != null ? etag : etag(client, contractId);
            String key = etag != null ? idempotencyKey : idempotencyKey + "@" + ifMatch.replace("\"", "");
            HttpResponse<String> response = call(what, () -> post(client, Component.CONTRACT,
                    "/api/v1/contracts/" + contractId + path, ifMatch, key, "application/json", json.writeValueAsString(body)));
            if (response.statusCode() == 412 && etag == null) {
                continue;
            }
            expect(response, 201, what);
            acceptAll(contractId, response, what);
            return etag(OPERATOR, contractId);
        }
        throw new IllegalStateException(what + ": the ETag kept changing (412 five times)");
    }

    /** The ETag of the contract's version in force, as {@code client} reads it (the If-Match of its next change). */
    public String currentEtag(String client, String contractId) {
        return etag(client, contractId);
    }

    private String etag(String client, String contractId) {
        HttpResponse<String> response = call("read " + contractId,
                () -> get(client, Component.CONTRACT, "/api/v1/contracts/" + contractId));
        expect(response, 200, "read of " + contractId);
        return etagOf(response);
    }

    // -------------------------------------------------------------------------------------------------------------
    // Insured counts, settlement, reporting
    // -------------------------------------------------------------------------------------------------------------

    /** Delivers insured counts (a CSV as the API takes it) from {@code source}; a repeat replaces it with the same rows. */
    public void deliverCounts(String client, String source, String csv) {
        HttpResponse<String> response = call("counts from " + source, () -> post(client, Component.ALLOCATION,
                "/api/v1/insured-counts?source=" + source, null, null, "text/csv", csv));
        expect(response, 201, "delivery of counts from " + source);
    }

    /** A GET that must answer 200, as JSON. */
    public JsonNode read(String client, Component service, String pathAndQuery) {
        HttpResponse<String> response = call("GET " + pathAndQuery, () -> get(client, service, pathAndQuery));
        expect(response, 200, "GET " + pathAndQuery);
        return json.readTree(response.body());
    }

    /** A JSON request ({@code POST} or {@code PUT}) as {@code client}, answered as it is (any status). */
    public HttpResponse<String> sendJson(String client, String method, Component service, String pathAndQuery,
            String body) {
        return call(method + " " + pathAndQuery, () -> {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.url(service) + pathAndQuery))
                    .timeout(OPERATION_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
            authorize(request, client);
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        });
    }

    /**
     * A request with a body of any type, an {@code Accept} and an {@code Idempotency-Key} (each may be null), answered as
     * it is: a payment run, its bank file, a bank's status report.
     */
    public HttpResponse<String> send(String client, String method, Component service, String pathAndQuery,
            String contentType, String accept, String idempotencyKey, String body) {
        return call(method + " " + pathAndQuery, () -> {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.url(service) + pathAndQuery))
                    .timeout(REQUEST_TIMEOUT)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body));
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            if (accept != null) {
                request.header("Accept", accept);
            }
            if (idempotencyKey != null) {
                request.header("Idempotency-Key", idempotencyKey);
            }
            authorize(request, client);
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        });
    }

    /** A JSON request that must answer {@code status}, its answer as JSON. */
    public JsonNode sendJson(String client, String method, Component service, String pathAndQuery, String body,
            int status) {
        HttpResponse<String> response = sendJson(client, method, service, pathAndQuery, body);
        expect(response, status, method + " " + pathAndQuery);
        return json.readTree(response.body());
    }

    /** A GET that must answer 200, its body as text (CSV). */
    public String readText(String client, Component service, String pathAndQuery) {
        HttpResponse<String> response = call("GET " + pathAndQuery, () -> get(client, service, pathAndQuery));
        expect(response, 200, "GET " + pathAndQuery);
        return response.body();
    }

    /** The HTTP status of a GET as {@code client}. */
    public int status(String client, Component service, String pathAndQuery) {
        return call("GET " + pathAndQuery, () -> get(client, service, pathAndQuery)).statusCode();
    }

    /** The HTTP status of a GET without any token. */
    public int statusWithoutToken(Component service, String pathAndQuery) {
        HttpResponse<String> response = call("GET " + pathAndQuery + " without a token", () -> http.send(
                HttpRequest.newBuilder(URI.create(stack.url(service) + pathAndQuery)).timeout(REQUEST_TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofString()));
        return response.statusCode();
    }

    /** Reporting's sector loads of the year, as it answers them. */
    public JsonNode sectorLoads(int year) {
        return read(OPERATOR, Component.REPORTING, "/api/v1/sector-loads?year=" + year);
    }

    /** Settlement's own check of its ledger: debits = credits, every period's net = its allocation. */
    public JsonNode ledgerInvariants() {
        return read(OPERATOR, Component.SETTLEMENT, "/api/v1/ledger/invariants");
    }

    /** Closes every period up to the date (settlement books what is due by then); answers how many entries it booked. */
    public long closePeriods(LocalDate date) {
        HttpResponse<String> response = call("period close " + date, () -> post(OPERATOR, Component.SETTLEMENT,
                "/api/v1/period-close?dryRun=false&date=" + date, null, null, "application/json", ""));
        expect(response, 200, "period close");
        return json.readTree(response.body()).get("count").asLong();
    }

    /** Reporting's view of the topics it consumes: end offsets and its consumer lag per topic. */
    public JsonNode reportingTopics() {
        return read(OPERATOR, Component.REPORTING, "/api/v1/operations/topics");
    }

    /** Starts reporting's rebuild of its read models from offset 0. */
    public void startRebuild() {
        HttpResponse<String> started = call("reporting rebuild", () -> post(OPERATOR, Component.REPORTING,
                "/api/v1/operations/rebuild", null, null, "application/json", ""));
        expect(started, 202, "reporting rebuild");
    }

    public boolean rebuildInProgress() {
        return read(OPERATOR, Component.REPORTING, "/api/v1/operations/rebuild").path("inProgress").asBoolean(true);
    }

    /** Reporting's rebuild from offset 0; returns once it caught up with its target offsets. */
    public void rebuildReporting() {
        startRebuild();
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        while (System.nanoTime() < deadline) {
            if (!rebuildInProgress()) {
                return;
            }
            Stack.sleep(Duration.ofMillis(250));
        }
        throw new IllegalStateException("the reporting rebuild did not catch up in " + GIVE_UP_AFTER.toSeconds() + " s");
    }

    // -------------------------------------------------------------------------------------------------------------
    // HTTP
    // -------------------------------------------------------------------------------------------------------------

    private HttpResponse<String> get(String client, Component service, String pathAndQuery)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.url(service) + pathAndQuery))
                .timeout(REQUEST_TIMEOUT).GET();
        authorize(request, client);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> delete(String client, Component service, String pathAndQuery, String ifMatch)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.url(service) + pathAndQuery))
                .timeout(REQUEST_TIMEOUT).header("If-Match", ifMatch).DELETE();
        authorize(request, client);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String client, Component service, String pathAndQuery, String ifMatch,
            String idempotencyKey, String contentType, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.url(service) + pathAndQuery))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        authorize(request, client);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void authorize(HttpRequest.Builder request, String client) throws IOException, InterruptedException {
        if (stack.secured()) {
            request.header("Authorization", "Bearer " + token(client));
        }
    }

    /** The client's access token from the authorization server (client credentials with the local demo secret). */
    private String token(String client) throws IOException, InterruptedException {
        Token current = tokens.get(client);
        if (current != null && System.nanoTime() < current.renewAtNanos()) {
            return current.value();
        }
        String credentials = client + ":local-demo-secret-" + client;
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(stack.issuer() + "/oauth2/token"))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("no token for " + client + ": HTTP " + response.statusCode() + " "
                    + abbreviate(response.body()));
        }
        JsonNode answer = json.readTree(response.body());
        Duration lifetime = Duration.ofSeconds(answer.path("expires_in").asLong(300));
        Token fresh = new Token(answer.get("access_token").asString(),
                System.nanoTime() + lifetime.minus(RENEW_BEFORE_EXPIRY).toNanos());
        tokens.put(client, fresh);
        return fresh.value();
    }

    private interface Call {
        HttpResponse<String> send() throws IOException, InterruptedException;
    }

    private HttpResponse<String> call(String what, Call call) {
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        boolean announced = false;
        while (true) {
            String problem;
            try {
                HttpResponse<String> response = call.send();
                if (response.statusCode() < 500 || !repeatUntilAnswered) {
                    if (announced) {
                        log.say("%s answered after retries (HTTP %d)", what, response.statusCode());
                    }
                    return response;
                }
                problem = "HTTP " + response.statusCode() + " " + abbreviate(response.body());
            } catch (IOException e) {
                problem = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
                if (!repeatUntilAnswered) {
                    throw new IllegalStateException(what + ": " + problem, e);
                }
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
            Stack.sleep(Duration.ofMillis(500));
        }
    }

    private static String etagOf(HttpResponse<String> response) {
        return response.headers().firstValue("ETag")
                .orElseThrow(() -> new IllegalStateException("no ETag in the answer to " + response.uri()));
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
