package nl.bdss.messaging.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * A client for the part of Confluent Schema Registry's REST API that serializers use. Works against
 * Confluent's own registry and against the project's embedded one. Schemas by id are cached forever
 * (ids are immutable); everything else is asked each time.
 */
public class SchemaRegistryClient {

    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final Map<String, SchemaRegistryClient> SHARED = new ConcurrentHashMap<>();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final HttpClient http;
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();

    public SchemaRegistryClient(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** One client (and one id cache) per registry URL in this JVM, as Confluent's serdes share theirs. */
    public static SchemaRegistryClient shared(String baseUrl) {
        return SHARED.computeIfAbsent(baseUrl, SchemaRegistryClient::new);
    }

    public record RegisteredSchema(String subject, int id, int version, Schema schema) {
    }

    /** Confluent's error body: {@code {"error_code": 40401, "message": "..."}}. */
    public static class RegistryException extends RuntimeException {
        private final int status;
        private final int errorCode;

        public RegistryException(int status, int errorCode, String message) {
            super(message + " (HTTP " + status + ", error_code " + errorCode + ")");
            this.status = status;
            this.errorCode = errorCode;
        }

        public int status() {
            return status;
        }

        public int errorCode() {
            return errorCode;
        }

        /**
         * The registry did not give an answer about the schema (unreachable, overloaded, timed out), so asking
         * again later may succeed; 4xx other than 408 and 429 are definite answers.
         */
        public boolean isTransient() {
            return status >= 500 || status == 408 || status == 429;
        }
    }

    public int register(String subject, Schema schema) {
        JsonNode body = send("POST", "/subjects/" + encode(subject) + "/versions", schemaBody(schema));
        int id = body.get("id").asInt();
        schemasById.putIfAbsent(id, schema);
        return id;
    }

    public int lookup(String subject, Schema schema) {
        JsonNode body = send("POST", "/subjects/" + encode(subject), schemaBody(schema));
        int id = body.get("id").asInt();
        schemasById.putIfAbsent(id, schema);
        return id;
    }

    public RegisteredSchema latest(String subject) {
        return version(subject, "latest");
    }

    public RegisteredSchema version(String subject, String version) {
        JsonNode body = send("GET", "/subjects/" + encode(subject) + "/versions/" + version, null);
        Schema schema = new Schema.Parser().parse(body.get("schema").asText());
        return new RegisteredSchema(body.get("subject").asText(), body.get("id").asInt(), body.get("version").asInt(), schema);
    }

    public Schema schemaById(int id) {
        return schemasById.computeIfAbsent(id, key -> {
            JsonNode body = send("GET", "/schemas/ids/" + key, null);
            return new Schema.Parser().parse(body.get("schema").asText());
        });
    }

    public boolean isCompatible(String subject, Schema schema) {
        JsonNode body = send("POST", "/compatibility/subjects/" + encode(subject) + "/versions/latest", schemaBody(schema));
        return body.get("is_compatible").asBoolean();
    }

    private static String schemaBody(Schema schema) {
        return JSON.createObjectNode().put("schema", schema.toString()).toString();
    }

    private JsonNode send(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(10))
                .header("Accept", CONTENT_TYPE + ", application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", CONTENT_TYPE).method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
            if (response.statusCode() >= 300) {
                throw new RegistryException(response.statusCode(),
                        json.path("error_code").asInt(response.statusCode()), json.path("message").asText(response.body()));
            }
            return json;
        } catch (IOException e) {
            throw new RegistryException(503, 50003, "Schema registry at " + baseUrl + " unreachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException(503, 50003, "Interrupted while calling the schema registry");
        }
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8);
    }
}
