package nl.bdss.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A schema registry speaking the subset of Confluent Schema Registry's REST API (v1) that Confluent's serdes,
 * {@code confluent_kafka} and the registry's maven plugin use: subjects and versions, schemas by id,
 * lookup, compatibility tests and config. AVRO only. Default compatibility: BACKWARD_TRANSITIVE.
 */
public final class SchemaRegistryServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SchemaRegistryServer.class);
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final int MAX_BODY_BYTES = 2 * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final SchemaStore store;

    private SchemaRegistryServer(HttpServer server, SchemaStore store) {
        this.server = server;
        this.store = store;
    }

    public static SchemaRegistryServer start(String host, int port, Path dataDirectory) throws IOException {
        SchemaStore store = new SchemaStore(dataDirectory, CompatibilityLevel.BACKWARD_TRANSITIVE);
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 64);
        SchemaRegistryServer registry = new SchemaRegistryServer(server, store);
        server.createContext("/", registry::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        log.info("Schema registry listening on http://{}:{} (data in {})", host, registry.port(), dataDirectory);
        return registry;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return "http://localhost:" + port();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(option(args, "--port", System.getenv().getOrDefault("REGISTRY_PORT", "8081")));
        String host = option(args, "--host", "127.0.0.1");
        Path data = Path.of(option(args, "--data-dir", "data/schema-registry"));
        SchemaRegistryServer registry = start(host, port, data);
        Runtime.getRuntime().addShutdownHook(new Thread(registry::close));
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                JsonNode response = route(exchange.getRequestMethod(), pathSegments(exchange), exchange);
                write(exchange, 200, response);
            } catch (RegistryException e) {
                write(exchange, e.status, error(e.errorCode, e.getMessage()));
            } catch (RuntimeException e) {
                log.error("Registry request {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
                write(exchange, 500, error(50001, "Error in the backend data store: " + e.getMessage()));
            }
        }
    }

    private JsonNode route(String method, List<String> path, HttpExchange exchange) throws IOException {
        int size = path.size();
        String first = size > 0 ? path.get(0) : "";
        switch (first) {
            case "" -> {
                return JSON.createObjectNode();
            }
            case "subjects" -> {
                if (size == 1 && method.equals("GET")) {
                    return array(store.subjects());
                }
                String subject = path.get(1);
                if (size == 2 && method.equals("POST")) {
                    return lookup(subject, schemaOf(exchange));
                }
                if (size == 3 && path.get(2).equals("versions")) {
                    if (method.equals("GET")) {
                        return array(store.versions(subject).stream().map(SchemaStore.Version::version).toList());
                    }
                    if (method.equals("POST")) {
                        int id = store.register(subject, schemaOf(exchange));
                        return JSON.createObjectNode().put("id", id);
                    }
                }
                if (size == 4 && path.get(2).equals("versions") && method.equals("GET")) {
                    return versionJson(store.version(subject, path.get(3)));
                }
                if (size == 5 && path.get(2).equals("versions") && path.get(4).equals("schema") && method.equals("GET")) {
                    return JSON.readTree(store.version(subject, path.get(3)).schema());
                }
            }
            case "schemas" -> {
                if (size == 2 && path.get(1).equals("types") && method.equals("GET")) {
                    return array(List.of("AVRO"));
                }
                if (size >= 3 && path.get(1).equals("ids") && method.equals("GET")) {
                    int id = parseId(path.get(2));
                    String schema = store.schemaById(id).orElseThrow(() -> RegistryException.schemaNotFound(String.valueOf(id)));
                    if (size == 3) {
                        return JSON.createObjectNode().put("schema", schema);
                    }
                    if (size == 4 && path.get(3).equals("schema")) {
                        return JSON.readTree(schema);
                    }
                    if (size == 4 && path.get(3).equals("subjects")) {
                        return array(store.usagesOf(id).stream().map(SchemaStore.Version::subject).distinct().toList());
                    }
                    if (size == 4 && path.get(3).equals("versions")) {
                        ArrayNode usages = JSON.createArrayNode();
                        store.usagesOf(id).forEach(v -> usages.addObject().put("subject", v.subject()).put("version", v.version()));
                        return usages;
                    }
                }
            }
            case "compatibility" -> {
                if (method.equals("POST") && size >= 4 && path.get(1).equals("subjects") && path.get(3).equals("versions")) {
                    return compatibility(path.get(2), size == 5 ? path.get(4) : null, schemaOf(exchange),
                            query(exchange).contains("verbose=true"));
                }
            }
            case "config" -> {
                return config(method, size == 2 ? path.get(1) : null, exchange);
            }
            default -> {
            }
        }
        throw new RegistryException(404, 404, "HTTP 404 Not Found: " + method + " /" + String.join("/", path));
    }

    private JsonNode lookup(String subject, Schema schema) {
        if (!store.subjects().contains(subject)) {
            throw RegistryException.subjectNotFound(subject);
        }
        return versionJson(store.find(subject, schema.toString())
                .orElseThrow(() -> RegistryException.schemaNotFound("not registered under subject '" + subject + "';")));
    }

    private JsonNode compatibility(String subject, String version, Schema candidate, boolean verbose) {
        List<Schema> earlier;
        CompatibilityLevel level = store.levelOf(subject);
        if (!store.subjects().contains(subject)) {
            earlier = List.of();
        } else if (version == null) {
            earlier = store.schemasOf(subject);
        } else {
            earlier = List.of(SchemaStore.parse(store.version(subject, version).schema()));
        }
        List<String> problems = version == null
                ? level.incompatibilities(candidate, earlier)
                : levelForSingle(level).incompatibilities(candidate, earlier);
        ObjectNode result = JSON.createObjectNode().put("is_compatible", problems.isEmpty());
        if (verbose) {
            ArrayNode messages = result.putArray("messages");
            problems.forEach(messages::add);
        }
        return result;
    }

    private static CompatibilityLevel levelForSingle(CompatibilityLevel level) {
        return switch (level) {
            case BACKWARD_TRANSITIVE -> CompatibilityLevel.BACKWARD;
            case FORWARD_TRANSITIVE -> CompatibilityLevel.FORWARD;
            case FULL_TRANSITIVE -> CompatibilityLevel.FULL;
            default -> level;
        };
    }

    private JsonNode config(String method, String subject, HttpExchange exchange) throws IOException {
        switch (method) {
            case "GET" -> {
                if (subject == null) {
                    return JSON.createObjectNode().put("compatibilityLevel", store.globalLevel().name());
                }
                CompatibilityLevel level = store.subjectLevel(subject).orElseGet(() -> {
                    if (query(exchange).contains("defaultToGlobal=true")) {
                        return store.globalLevel();
                    }
                    throw new RegistryException(404, 40408,
                            "Subject '" + subject + "' does not have subject-level compatibility configured");
                });
                return JSON.createObjectNode().put("compatibilityLevel", level.name());
            }
            case "PUT" -> {
                JsonNode body = body(exchange);
                String requested = body.path("compatibility").asText(body.path("compatibilityLevel").asText(""));
                CompatibilityLevel level = CompatibilityLevel.parse(requested)
                        .orElseThrow(() -> RegistryException.invalidCompatibilityLevel(requested));
                store.setLevel(subject, level);
                return JSON.createObjectNode().put("compatibility", level.name());
            }
            case "DELETE" -> {
                if (subject != null) {
                    CompatibilityLevel previous = store.levelOf(subject);
                    store.setLevel(subject, null);
                    return JSON.createObjectNode().put("compatibilityLevel", previous.name());
                }
            }
            default -> {
            }
        }
        throw new RegistryException(405, 405, "HTTP 405 Method Not Allowed");
    }

    private Schema schemaOf(HttpExchange exchange) throws IOException {
        JsonNode body = body(exchange);
        String type = body.path("schemaType").asText("AVRO");
        if (!type.equals("AVRO")) {
            throw RegistryException.invalidSchema("of type " + type + ": only AVRO is supported here");
        }
        if (body.has("references") && body.get("references").size() > 0) {
            throw RegistryException.invalidSchema("with references: schema references are not supported here");
        }
        return SchemaStore.parse(body.path("schema").asText(null));
    }

    private static JsonNode body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw new RegistryException(413, 413, "Request body larger than " + MAX_BODY_BYTES + " bytes");
            }
            try {
                return bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
            } catch (IOException e) {
                throw new RegistryException(400, 400, "Unrecognized JSON body: " + e.getMessage());
            }
        }
    }

    private static JsonNode versionJson(SchemaStore.Version version) {
        return JSON.createObjectNode()
                .put("subject", version.subject())
                .put("version", version.version())
                .put("id", version.id())
                .put("schema", version.schema());
    }

    private static int parseId(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw RegistryException.schemaNotFound(text);
        }
    }

    private static ArrayNode array(List<?> values) {
        ArrayNode array = JSON.createArrayNode();
        values.forEach(value -> array.addPOJO(value));
        return array;
    }

    private static ObjectNode error(int code, String message) {
        return JSON.createObjectNode().put("error_code", code).put("message", message);
    }

    private static List<String> pathSegments(HttpExchange exchange) {
        String raw = exchange.getRequestURI().getRawPath();
        return java.util.Arrays.stream(raw.split("/"))
                .filter(segment -> !segment.isEmpty())
                .map(segment -> URLDecoder.decode(segment, StandardCharsets.UTF_8))
                .toList();
    }

    private static String query(HttpExchange exchange) {
        String query = exchange.getRequestURI().getRawQuery();
        return query == null ? "" : query;
    }

    private static void write(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
