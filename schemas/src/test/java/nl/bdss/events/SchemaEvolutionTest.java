package nl.bdss.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The event contract only grows: every topic's current value schema must read every released version
 * (BACKWARD_TRANSITIVE, what the registry enforces), so a change that would be refused at registration fails
 * the build first. Released versions live in src/test/resources/released/<subject>/v<n>.avsc; add a file when a
 * schema change lands.
 */
class SchemaEvolutionTest {

    static List<Topic<?>> topics() {
        return Topics.ALL;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topics")
    void currentSchemaReadsEveryReleasedVersion(Topic<?> topic) throws IOException {
        Schema current = SpecificData.get().getSchema(topic.valueType());
        List<Schema> released = released(topic.valueSubject());

        assertThat(released).as("released versions of " + topic.valueSubject()).isNotEmpty();
        for (Schema earlier : released) {
            SchemaCompatibility.SchemaPairCompatibility result =
                    SchemaCompatibility.checkReaderWriterCompatibility(current, earlier);
            assertThat(result.getType())
                    .as(topic.valueSubject() + ": " + result.getResult().getIncompatibilities())
                    .isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topics")
    void moneyIsNeverFloatingPoint(Topic<?> topic) {
        assertThat(floatingPointFields(SpecificData.get().getSchema(topic.valueType()), new ArrayList<>())).isEmpty();
    }

    private static List<String> floatingPointFields(Schema schema, List<String> found) {
        switch (schema.getType()) {
            case RECORD -> schema.getFields().forEach(field -> {
                Schema type = field.schema();
                if (type.getType() == Schema.Type.DOUBLE || type.getType() == Schema.Type.FLOAT) {
                    found.add(schema.getName() + "." + field.name());
                }
                if (!type.equals(schema)) {
                    floatingPointFields(type, found);
                }
            });
            case ARRAY -> floatingPointFields(schema.getElementType(), found);
            case UNION -> schema.getTypes().forEach(branch -> floatingPointFields(branch, found));
            default -> {
            }
        }
        return found;
    }

    private static List<Schema> released(String subject) throws IOException {
        List<Schema> versions = new ArrayList<>();
        for (int version = 1; ; version++) {
            try (InputStream in = SchemaEvolutionTest.class.getResourceAsStream("/released/" + subject + "/v" + version + ".avsc")) {
                if (in == null) {
                    return versions;
                }
                versions.add(new Schema.Parser().parse(in));
            }
        }
    }
}
