package nl.bdss.allocation.split.messaging;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks a JSON document against an Avro schema in Avro's JSON encoding before Avro's own decoder reads it, so that
 * every wrong field is named by its path ({@code contract.budget.lumpSumCents}, {@code contract.parties[1].agb}):
 * Avro's decoder stops at the first mismatch without saying where. The encoding: records as objects, enums as their
 * symbol, unions as null or {@code {"<branch>": value}} (a named branch by its full name), {@code long} and
 * {@code int} as integers (dates as days since 1970-01-01, timestamps as epoch milliseconds), uuid strings.
 *
 * <p>A missing field that has a default gets its default written in (Avro's JSON decoder would refuse it); a field
 * the schema does not know is ignored, as Avro's decoder does.
 */
final class AvroJsonShape {

    /** One field of the document that does not fit the schema. */
    record Mismatch(String field, String message) {
    }

    private final JsonMapper json;

    AvroJsonShape(JsonMapper json) {
        this.json = json;
    }

    /** Every mismatch of the document with the schema; fills in defaults of missing fields on the way. */
    List<Mismatch> check(JsonNode document, Schema schema) {
        List<Mismatch> mismatches = new ArrayList<>();
        check(document, schema, "", mismatches);
        return mismatches;
    }

    private void check(JsonNode node, Schema schema, String path, List<Mismatch> mismatches) {
        switch (schema.getType()) {
            case RECORD -> record(node, schema, path, mismatches);
            case UNION -> union(node, schema, path, mismatches);
            case ARRAY -> {
                if (!node.isArray()) {
                    mismatches.add(new Mismatch(path, "must be an array"));
                    return;
                }
                for (int i = 0; i < node.size(); i++) {
                    check(node.get(i), schema.getElementType(), path + "[" + i + "]", mismatches);
                }
            }
            case MAP -> {
                if (!node.isObject()) {
                    mismatches.add(new Mismatch(path, "must be an object"));
                    return;
                }
                for (Map.Entry<String, JsonNode> entry : node.properties()) {
                    check(entry.getValue(), schema.getValueType(), join(path, entry.getKey()), mismatches);
                }
            }
            case ENUM -> {
                if (!node.isString() || !schema.getEnumSymbols().contains(node.asString())) {
                    mismatches.add(new Mismatch(path, "must be one of " + schema.getEnumSymbols()
                            + (node.isString() ? ", was '" + node.asString() + "'" : "")));
                }
            }
            case STRING -> string(node, schema, path, mismatches);
            case INT -> {
                if (!node.isIntegralNumber() || !node.canConvertToInt()) {
                    mismatches.add(new Mismatch(path, schema.getLogicalType() instanceof LogicalTypes.Date
                            ? "must be a date as the number of days since 1970-01-01 (Avro JSON encoding)"
                            : "must be an integer (int)"));
                }
            }
            case LONG -> {
                if (!node.isIntegralNumber() || !node.canConvertToLong()) {
                    mismatches.add(new Mismatch(path, schema.getLogicalType() instanceof LogicalTypes.TimestampMillis
                            ? "must be a timestamp in milliseconds since 1970-01-01T00:00:00Z (Avro JSON encoding)"
                            : "must be an integer (long)"));
                }
            }
            case BOOLEAN -> {
                if (!node.isBoolean()) {
                    mismatches.add(new Mismatch(path, "must be true or false"));
                }
            }
            case NULL -> {
                if (!node.isNull()) {
                    mismatches.add(new Mismatch(path, "must be null"));
                }
            }
            case FLOAT, DOUBLE -> {
                if (!node.isNumber()) {
                    mismatches.add(new Mismatch(path, "must be a number"));
                }
            }
            case BYTES, FIXED -> {
                if (!node.isString()) {
                    mismatches.add(new Mismatch(path, "must be a string of bytes"));
                }
            }
        }
    }

    private void record(JsonNode node, Schema schema, String path, List<Mismatch> mismatches) {
        if (!(node instanceof ObjectNode object)) {
            mismatches.add(new Mismatch(path, "must be an object (" + schema.getName() + ")"));
            return;
        }
        for (Schema.Field field : schema.getFields()) {
            String fieldPath = join(path, field.name());
            JsonNode value = object.get(field.name());
            if (value == null) {
                if (field.hasDefaultValue()) {
                    object.set(field.name(), defaultOf(field));
                } else {
                    mismatches.add(new Mismatch(fieldPath, "is required"));
                }
                continue;
            }
            check(value, field.schema(), fieldPath, mismatches);
        }
    }

    private void union(JsonNode node, Schema schema, String path, List<Mismatch> mismatches) {
        List<Schema> branches = schema.getTypes();
        if (node.isNull()) {
            if (branches.stream().noneMatch(branch -> branch.getType() == Schema.Type.NULL)) {
                mismatches.add(new Mismatch(path, "must not be null"));
            }
            return;
        }
        Set<String> names = new HashSet<>();
        branches.stream().filter(branch -> branch.getType() != Schema.Type.NULL).forEach(branch -> names.add(branch.getFullName()));
        if (!node.isObject() || node.size() != 1) {
            mismatches.add(new Mismatch(path, "must be null or {\"<type>\": value} with <type> one of " + names
                    + " (Avro JSON encoding of a union)"));
            return;
        }
        Map.Entry<String, JsonNode> only = node.properties().iterator().next();
        Schema branch = branches.stream().filter(b -> b.getFullName().equals(only.getKey())).findFirst().orElse(null);
        if (branch == null || branch.getType() == Schema.Type.NULL) {
            mismatches.add(new Mismatch(path, "'" + only.getKey() + "' is not a type of this union; one of " + names));
            return;
        }
        check(only.getValue(), branch, path, mismatches);
    }

    private static void string(JsonNode node, Schema schema, String path, List<Mismatch> mismatches) {
        if (!node.isString()) {
            mismatches.add(new Mismatch(path, "must be a string"));
            return;
        }
        if (schema.getLogicalType() != null && "uuid".equals(schema.getLogicalType().getName())) {
            try {
                UUID.fromString(node.asString());
            } catch (IllegalArgumentException e) {
                mismatches.add(new Mismatch(path, "must be a UUID, was '" + node.asString() + "'"));
            }
        }
    }

    /** The field's default in the JSON encoding: a union's default is of its first branch. */
    private JsonNode defaultOf(Schema.Field field) {
        Object value = field.defaultVal();
        JsonNode plain = value == JsonProperties.NULL_VALUE ? json.nullNode() : json.valueToTree(value);
        Schema schema = field.schema();
        if (schema.getType() == Schema.Type.UNION && !plain.isNull()) {
            ObjectNode wrapped = json.createObjectNode();
            wrapped.set(schema.getTypes().get(0).getFullName(), plain);
            return wrapped;
        }
        return plain;
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
