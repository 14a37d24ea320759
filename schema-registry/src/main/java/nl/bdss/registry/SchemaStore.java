package nl.bdss.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * The registry's state: schemas with global ids, subjects with their versions, compatibility config.
 * Every change is appended to a journal (JSON lines, fsynced) and replayed on start, so ids and versions
 * survive restarts. The same schema (by its parsed canonical text) always gets the same id, in any subject.
 */
final class SchemaStore {

    record Version(String subject, int version, int id, String schema) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path journal;
    private final Map<Integer, String> schemaById = new HashMap<>();
    private final Map<String, Integer> idBySchema = new HashMap<>();
    private final Map<String, List<Version>> subjects = new LinkedHashMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    private CompatibilityLevel globalLevel;
    private int nextId = 1;

    SchemaStore(Path dataDirectory, CompatibilityLevel defaultLevel) {
        this.globalLevel = defaultLevel;
        try {
            Files.createDirectories(dataDirectory);
            this.journal = dataDirectory.resolve("schemas.journal");
            if (Files.exists(journal)) {
                for (String line : Files.readAllLines(journal, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        apply(JSON.readTree(line));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the schema journal in " + dataDirectory, e);
        }
    }

    static Schema parse(String text) {
        if (text == null || text.isBlank()) {
            throw RegistryException.invalidSchema("(empty)");
        }
        try {
            return new Schema.Parser().parse(text);
        } catch (SchemaParseException | NullPointerException e) {
            throw RegistryException.invalidSchema(text + ", details: " + e.getMessage());
        }
    }

    synchronized int register(String subject, Schema schema) {
        String canonical = schema.toString();
        Optional<Version> existing = find(subject, canonical);
        if (existing.isPresent()) {
            return existing.get().id();
        }
        List<String> problems = levelOf(subject).incompatibilities(schema, schemasOf(subject));
        if (!problems.isEmpty()) {
            throw new RegistryException(409, 409, "Schema being registered is incompatible with an earlier schema for subject \""
                    + subject + "\", details: " + problems);
        }
        int id = idBySchema.getOrDefault(canonical, nextId);
        List<Version> versions = subjects.getOrDefault(subject, List.of());
        int version = versions.isEmpty() ? 1 : versions.get(versions.size() - 1).version() + 1;
        ObjectNode entry = JSON.createObjectNode().put("type", "schema").put("subject", subject)
                .put("version", version).put("id", id).put("schema", canonical);
        append(entry);
        apply(entry);
        return id;
    }

    synchronized Optional<Version> find(String subject, String canonical) {
        return subjects.getOrDefault(subject, List.of()).stream()
                .filter(version -> version.schema().equals(canonical))
                .findFirst();
    }

    synchronized List<String> subjects() {
        return List.copyOf(subjects.keySet());
    }

    synchronized List<Version> versions(String subject) {
        List<Version> versions = subjects.get(subject);
        if (versions == null) {
            throw RegistryException.subjectNotFound(subject);
        }
        return List.copyOf(versions);
    }

    synchronized Version version(String subject, String versionText) {
        List<Version> versions = versions(subject);
        if ("latest".equals(versionText) || "-1".equals(versionText)) {
            return versions.get(versions.size() - 1);
        }
        int number;
        try {
            number = Integer.parseInt(versionText);
        } catch (NumberFormatException e) {
            throw RegistryException.invalidVersion(versionText);
        }
        if (number < 1) {
            throw RegistryException.invalidVersion(versionText);
        }
        return versions.stream().filter(v -> v.version() == number).findFirst()
                .orElseThrow(RegistryException::versionNotFound);
    }

    synchronized Optional<String> schemaById(int id) {
        return Optional.ofNullable(schemaById.get(id));
    }

    synchronized List<Version> usagesOf(int id) {
        return subjects.values().stream().flatMap(List::stream).filter(v -> v.id() == id).toList();
    }

    synchronized List<Schema> schemasOf(String subject) {
        return subjects.getOrDefault(subject, List.of()).stream().map(v -> parse(v.schema())).toList();
    }

    synchronized CompatibilityLevel levelOf(String subject) {
        return subjectLevels.getOrDefault(subject, globalLevel);
    }

    synchronized CompatibilityLevel globalLevel() {
        return globalLevel;
    }

    synchronized Optional<CompatibilityLevel> subjectLevel(String subject) {
        return Optional.ofNullable(subjectLevels.get(subject));
    }

    synchronized void setLevel(String subjectOrNull, CompatibilityLevel level) {
        ObjectNode entry = JSON.createObjectNode().put("type", "config").put("compatibility", level == null ? null : level.name());
        entry.put("subject", subjectOrNull);
        append(entry);
        apply(entry);
    }

    private void apply(JsonNode entry) {
        switch (entry.get("type").asText()) {
            case "schema" -> {
                int id = entry.get("id").asInt();
                String schema = entry.get("schema").asText();
                schemaById.put(id, schema);
                idBySchema.put(schema, id);
                nextId = Math.max(nextId, id + 1);
                subjects.computeIfAbsent(entry.get("subject").asText(), s -> new ArrayList<>())
                        .add(new Version(entry.get("subject").asText(), entry.get("version").asInt(), id, schema));
            }
            case "config" -> {
                JsonNode subject = entry.get("subject");
                JsonNode level = entry.get("compatibility");
                CompatibilityLevel parsed = level == null || level.isNull() ? null : CompatibilityLevel.valueOf(level.asText());
                if (subject == null || subject.isNull()) {
                    globalLevel = parsed;
                } else if (parsed == null) {
                    subjectLevels.remove(subject.asText());
                } else {
                    subjectLevels.put(subject.asText(), parsed);
                }
            }
            default -> throw new IllegalStateException("Unknown journal entry " + entry);
        }
    }

    private void append(ObjectNode entry) {
        byte[] line = (entry.toString() + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileOutputStream out = new FileOutputStream(journal.toFile(), true)) {
            out.write(line);
            out.getFD().sync();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the schema journal", e);
        }
    }
}
