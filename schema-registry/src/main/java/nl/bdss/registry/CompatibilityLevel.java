package nl.bdss.registry;

import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;

/** Confluent's compatibility levels, checked with Avro's own {@link SchemaCompatibility}. */
enum CompatibilityLevel {
    NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE;

    static Optional<CompatibilityLevel> parse(String text) {
        for (CompatibilityLevel level : values()) {
            if (level.name().equalsIgnoreCase(text)) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }

    /** The earlier schemas a candidate must be checked against: all of them for *_TRANSITIVE, else the latest. */
    List<Schema> relevant(List<Schema> earlier) {
        if (this == NONE || earlier.isEmpty()) {
            return List.of();
        }
        return name().endsWith("_TRANSITIVE") ? earlier : List.of(earlier.get(earlier.size() - 1));
    }

    /** Messages describing each incompatibility; empty when the candidate is compatible. */
    List<String> incompatibilities(Schema candidate, List<Schema> earlier) {
        return relevant(earlier).stream()
                .flatMap(previous -> check(candidate, previous).stream())
                .toList();
    }

    private List<String> check(Schema candidate, Schema previous) {
        boolean backward = this == BACKWARD || this == BACKWARD_TRANSITIVE || this == FULL || this == FULL_TRANSITIVE;
        boolean forward = this == FORWARD || this == FORWARD_TRANSITIVE || this == FULL || this == FULL_TRANSITIVE;
        java.util.ArrayList<String> messages = new java.util.ArrayList<>();
        if (backward) {
            describe(SchemaCompatibility.checkReaderWriterCompatibility(candidate, previous), "BACKWARD", messages);
        }
        if (forward) {
            describe(SchemaCompatibility.checkReaderWriterCompatibility(previous, candidate), "FORWARD", messages);
        }
        return messages;
    }

    private static void describe(SchemaCompatibility.SchemaPairCompatibility result, String direction, List<String> into) {
        if (result.getType() == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            return;
        }
        result.getResult().getIncompatibilities().forEach(incompatibility -> into.add(
                "{errorType:'" + incompatibility.getType() + "', description:'" + incompatibility.getMessage()
                        + "', location:'" + incompatibility.getLocation() + "', direction:'" + direction + "'}"));
    }
}
