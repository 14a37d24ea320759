package nl.bdss.system.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.bdss.events.Topics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The running local stack over REST, with access tokens from {@code ./bdss token <client>}. */
final class StackClient {

    static final String CONTRACTS = "http://localhost:8091/api/v1/contracts";
    static final String INSURED_COUNTS = "http://localhost:8092/api/v1/insured-counts";
    static final String SECTOR_LOADS = "http://localhost:8094/api/v1/sector-loads";
    static final String PERIOD_CLOSE = "http://localhost:8093/api/v1/period-close";
    static final String REBUILD = "http://localhost:8094/api/v1/operations/rebuild";
    static final String OPERATIONS_TOPICS = "http://localhost:8094/api/v1/operations/topics";

    private final Path repositoryRoot;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, String> tokens = new HashMap<>();

    StackClient(Path repositoryRoot) {
        this.repositoryRoot = repositoryRoot;
    }

    JsonMapper json() {
        return json;
    }

    /** Fetches fresh tokens for every client the benchmark uses (call before each phase: tokens expire). */
    void refreshTokens() {
        for (String client : new String[] {"ttp-vektis", "insurer-3311", "insurer-3343", "operator"}) {
            tokens.put(client, fetchToken(client));
        }
    }

    private String fetchToken(String client) {
        try {
            Process process = new ProcessBuilder(repositoryRoot.resolve("bdss").toString(), "token", client)
                    .directory(repositoryRoot.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String token = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (process.waitFor() != 0 || token.isEmpty()) {
                throw new IllegalStateException("./bdss token " + client + " failed; is the stack up (./bdss up)?");
            }
            return token;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run ./bdss token " + client, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    void postCounts(String csv) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(INSURED_COUNTS))
                .header("Authorization", "Bearer " + tokens.get("ttp-vektis"))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)).build());
        expect(response, 201, "insured counts");
    }

    /** Registers a contract as the given insurer; answers the contract id and its ETag. */
    Registered registerContract(String insurerUzovi, JsonNode contract) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(CONTRACTS))
                .header("Authorization", "Bearer " + tokens.get("insurer-" + insurerUzovi))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(contract))).build());
        expect(response, 201, "contract registration");
        String id = json.readTree(response.body()).get("id").asString();
        return new Registered(id, response.headers().firstValue("ETag").orElseThrow());
    }

    /** Amends a contract as the given insurer with If-Match; answers the new ETag. */
    String amendContract(String insurerUzovi, String contractId, String etag, String effectiveFrom, JsonNode contract) {
        Map<String, Object> body = Map.of("effectiveFrom", effectiveFrom, "contract", contract);
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(CONTRACTS + "/" + contractId + "/amendments"))
                .header("Authorization", "Bearer " + tokens.get("insurer-" + insurerUzovi))
                .header("Content-Type", "application/json")
                .header("If-Match", etag)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build());
        expect(response, 201, "amendment of " + contractId);
        return response.headers().firstValue("ETag").orElseThrow();
    }

    /** Reporting's settled Zvw load of the year, all sectors together. */
    long sectorLoadTotalCents(int year) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(SECTOR_LOADS + "?year=" + year))
                .header("Authorization", "Bearer " + tokens.get("operator")).GET().build());
        expect(response, 200, "sector loads");
        return json.readTree(response.body()).get("totalCents").asLong();
    }

    /** Reporting's sector loads of the year as it answers them (the read model a rebuild must reproduce). */
    String sectorLoads(int year) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(SECTOR_LOADS + "?year=" + year))
                .header("Authorization", "Bearer " + tokens.get("operator")).GET().build());
        expect(response, 200, "sector loads");
        return response.body();
    }

    /** Closes every period up to the date (settlement books what is due); answers how many entries it booked. */
    long closePeriods(String date) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(PERIOD_CLOSE + "?dryRun=false&date=" + date))
                .header("Authorization", "Bearer " + tokens.get("operator"))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        expect(response, 200, "period close");
        return json.readTree(response.body()).get("count").asLong();
    }

    /** Reporting's consumer lag summed over the topics it consumes, then the end offsets of settlements, contract versions, allocations. */
    long[] reportingLagAndSettlementEnd() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(OPERATIONS_TOPICS))
                .header("Authorization", "Bearer " + tokens.get("operator")).GET().build());
        expect(response, 200, "operations topics");
        long[] lagAndEnds = new long[4];
        List<String> order = List.of(Topics.SETTLEMENTS.name(), Topics.CONTRACT_VERSIONS.name(), Topics.ALLOCATIONS.name());
        for (JsonNode topic : json.readTree(response.body())) {
            lagAndEnds[0] += topic.get("consumerLag").asLong();
            int index = order.indexOf(topic.get("topic").asString());
            if (index >= 0) {
                lagAndEnds[index + 1] = topic.get("endOffset").asLong();
            }
        }
        return lagAndEnds;
    }

    /** Starts reporting's rebuild of its read models from offset 0. */
    void startRebuild() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(REBUILD))
                .header("Authorization", "Bearer " + tokens.get("operator"))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        expect(response, 202, "rebuild");
    }

    boolean rebuildInProgress() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(REBUILD))
                .header("Authorization", "Bearer " + tokens.get("operator")).GET().build());
        expect(response, 200, "rebuild state");
        return json.readTree(response.body()).get("inProgress").asBoolean();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed; is the stack up?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(what + ": HTTP " + response.statusCode() + " " + response.body());
        }
    }

    record Registered(String id, String etag) {
    }
}
