package nl.bdss.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry over real HTTP, checked against the shapes of Confluent Schema Registry's REST API. */
class SchemaRegistryApiTest {

    static final String V1 = """
            {"type":"record","name":"Payment","namespace":"test","fields":[{"name":"amountCents","type":"long"}]}""";
    static final String V2_WITH_DEFAULT = """
            {"type":"record","name":"Payment","namespace":"test","fields":[{"name":"amountCents","type":"long"},
             {"name":"reference","type":["null","string"],"default":null}]}""";
    static final String V3_NEW_FIELD_WITHOUT_DEFAULT = """
            {"type":"record","name":"Payment","namespace":"test","fields":[{"name":"amountCents","type":"long"},
             {"name":"payee","type":"string"}]}""";

    static final ObjectMapper JSON = new ObjectMapper();
    final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path data;
    SchemaRegistryServer registry;

    @BeforeEach
    void start() throws IOException {
        registry = SchemaRegistryServer.start("127.0.0.1", 0, data);
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    record Reply(int status, JsonNode body) {
    }

    Reply call(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(registry.url() + path))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.headers().firstValue("Content-Type")).contains("application/vnd.schemaregistry.v1+json");
        return new Reply(response.statusCode(), JSON.readTree(response.body()));
    }

    static String schemaBody(String schema) {
        return JSON.createObjectNode().put("schema", schema).toString();
    }

    @Test
    void registersVersionsAndServesThemBySubjectVersionAndId() throws Exception {
        int id1 = call("POST", "/subjects/payments-value/versions", schemaBody(V1)).body().get("id").asInt();
        int id2 = call("POST", "/subjects/payments-value/versions", schemaBody(V2_WITH_DEFAULT)).body().get("id").asInt();

        assertThat(id2).isNotEqualTo(id1);
        assertThat(call("GET", "/subjects", null).body().toString()).isEqualTo("[\"payments-value\"]");
        assertThat(call("GET", "/subjects/payments-value/versions", null).body().toString()).isEqualTo("[1,2]");
        JsonNode latest = call("GET", "/subjects/payments-value/versions/latest", null).body();
        assertThat(latest.get("version").asInt()).isEqualTo(2);
        assertThat(latest.get("id").asInt()).isEqualTo(id2);
        assertThat(latest.get("subject").asText()).isEqualTo("payments-value");
        assertThat(call("GET", "/schemas/ids/" + id1, null).body().get("schema").asText()).contains("\"Payment\"");
        assertThat(call("GET", "/subjects/payments-value/versions/1/schema", null).body().get("name").asText()).isEqualTo("Payment");
        assertThat(call("GET", "/schemas/types", null).body().toString()).isEqualTo("[\"AVRO\"]");
    }

    @Test
    void sameSchemaAlwaysGetsTheSameIdAcrossSubjectsAndRegistrations() throws Exception {
        int first = call("POST", "/subjects/a-value/versions", schemaBody(V1)).body().get("id").asInt();
        int again = call("POST", "/subjects/a-value/versions", schemaBody(V1.replace(" ", "  "))).body().get("id").asInt();
        int otherSubject = call("POST", "/subjects/b-value/versions", schemaBody(V1)).body().get("id").asInt();

        assertThat(again).isEqualTo(first);
        assertThat(otherSubject).isEqualTo(first);
        assertThat(call("GET", "/subjects/a-value/versions", null).body().size()).isEqualTo(1);
    }

    @Test
    void lookupFindsARegisteredSchemaAndNamesWhatIsMissing() throws Exception {
        call("POST", "/subjects/payments-value/versions", schemaBody(V1));

        Reply found = call("POST", "/subjects/payments-value", schemaBody(V1));
        Reply unknownSchema = call("POST", "/subjects/payments-value", schemaBody(V2_WITH_DEFAULT));
        Reply unknownSubject = call("POST", "/subjects/nothing-value", schemaBody(V1));

        assertThat(found.status()).isEqualTo(200);
        assertThat(found.body().get("version").asInt()).isEqualTo(1);
        assertThat(unknownSchema.status()).isEqualTo(404);
        assertThat(unknownSchema.body().get("error_code").asInt()).isEqualTo(40403);
        assertThat(unknownSubject.body().get("error_code").asInt()).isEqualTo(40401);
    }

    @Test
    void refusesAnIncompatibleSchemaWith409AndKeepsTheSubjectUnchanged() throws Exception {
        call("POST", "/subjects/payments-value/versions", schemaBody(V1));

        Reply refused = call("POST", "/subjects/payments-value/versions", schemaBody(V3_NEW_FIELD_WITHOUT_DEFAULT));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("error_code").asInt()).isEqualTo(409);
        assertThat(refused.body().get("message").asText()).contains("incompatible").contains("payee");
        assertThat(call("GET", "/subjects/payments-value/versions", null).body().toString()).isEqualTo("[1]");
    }

    @Test
    void defaultCompatibilityIsBackwardTransitive() throws Exception {
        assertThat(call("GET", "/config", null).body().get("compatibilityLevel").asText()).isEqualTo("BACKWARD_TRANSITIVE");
        // v1 has no "payee"; v2 adds it with a default; v3 drops the default: compatible with v2 alone, not with v1.
        String withPayeeDefault = V1.replace("]}", ",{\"name\":\"payee\",\"type\":\"string\",\"default\":\"x\"}]}");
        String withPayeeNoDefault = V1.replace("]}", ",{\"name\":\"payee\",\"type\":\"string\"}]}");
        call("POST", "/subjects/t-value/versions", schemaBody(V1));
        call("POST", "/subjects/t-value/versions", schemaBody(withPayeeDefault));

        Reply againstLatest = call("POST", "/compatibility/subjects/t-value/versions/latest", schemaBody(withPayeeNoDefault));
        Reply transitive = call("POST", "/subjects/t-value/versions", schemaBody(withPayeeNoDefault));

        assertThat(againstLatest.body().get("is_compatible").asBoolean()).isTrue();
        assertThat(transitive.status()).isEqualTo(409);
    }

    @Test
    void compatibilityTestAnswersWithoutRegistering() throws Exception {
        call("POST", "/subjects/payments-value/versions", schemaBody(V1));

        Reply ok = call("POST", "/compatibility/subjects/payments-value/versions/latest", schemaBody(V2_WITH_DEFAULT));
        Reply notOk = call("POST", "/compatibility/subjects/payments-value/versions/latest?verbose=true",
                schemaBody(V3_NEW_FIELD_WITHOUT_DEFAULT));

        assertThat(ok.body().get("is_compatible").asBoolean()).isTrue();
        assertThat(notOk.body().get("is_compatible").asBoolean()).isFalse();
        assertThat(notOk.body().get("messages").size()).isPositive();
        assertThat(call("GET", "/subjects/payments-value/versions", null).body().size()).isEqualTo(1);
    }

    @Test
    void refusesAnInvalidSchemaWith422And42201() throws Exception {
        Reply invalid = call("POST", "/subjects/x-value/versions", schemaBody("{\"type\":\"record\",\"name\":\"X\"}"));
        Reply notJsonSchema = call("POST", "/subjects/x-value/versions", schemaBody("this is not avro"));

        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.body().get("error_code").asInt()).isEqualTo(42201);
        assertThat(notJsonSchema.body().get("error_code").asInt()).isEqualTo(42201);
        assertThat(call("GET", "/subjects", null).body().size()).isZero();
    }

    @Test
    void perSubjectConfigOverridesTheGlobalOne() throws Exception {
        Reply missing = call("GET", "/config/payments-value", null);
        Reply set = call("PUT", "/config/payments-value", "{\"compatibility\":\"NONE\"}");
        Reply invalid = call("PUT", "/config", "{\"compatibility\":\"SOMETIMES\"}");
        call("POST", "/subjects/payments-value/versions", schemaBody(V1));
        Reply anything = call("POST", "/subjects/payments-value/versions", schemaBody(V3_NEW_FIELD_WITHOUT_DEFAULT));

        assertThat(missing.body().get("error_code").asInt()).isEqualTo(40408);
        assertThat(set.body().get("compatibility").asText()).isEqualTo("NONE");
        assertThat(invalid.body().get("error_code").asInt()).isEqualTo(42203);
        assertThat(call("GET", "/config/payments-value", null).body().get("compatibilityLevel").asText()).isEqualTo("NONE");
        assertThat(anything.status()).isEqualTo(200);
    }

    @Test
    void unknownIdsAndVersionsAnswerWithConfluentsErrorCodes() throws Exception {
        call("POST", "/subjects/payments-value/versions", schemaBody(V1));

        assertThat(call("GET", "/schemas/ids/999", null).body().get("error_code").asInt()).isEqualTo(40403);
        assertThat(call("GET", "/subjects/payments-value/versions/7", null).body().get("error_code").asInt()).isEqualTo(40402);
        assertThat(call("GET", "/subjects/payments-value/versions/zero", null).body().get("error_code").asInt()).isEqualTo(42202);
        assertThat(call("GET", "/subjects/other/versions", null).body().get("error_code").asInt()).isEqualTo(40401);
    }

    @Test
    void schemasIdsVersionsAndConfigSurviveARestart() throws Exception {
        int id1 = call("POST", "/subjects/payments-value/versions", schemaBody(V1)).body().get("id").asInt();
        int id2 = call("POST", "/subjects/payments-value/versions", schemaBody(V2_WITH_DEFAULT)).body().get("id").asInt();
        call("PUT", "/config/payments-value", "{\"compatibility\":\"FULL\"}");

        registry.close();
        registry = SchemaRegistryServer.start("127.0.0.1", 0, data);

        assertThat(call("POST", "/subjects/payments-value/versions", schemaBody(V1)).body().get("id").asInt()).isEqualTo(id1);
        assertThat(call("GET", "/subjects/payments-value/versions/latest", null).body().get("id").asInt()).isEqualTo(id2);
        assertThat(call("GET", "/config/payments-value", null).body().get("compatibilityLevel").asText()).isEqualTo("FULL");
        int id3 = call("POST", "/subjects/other-value/versions",
                schemaBody(V1.replace("Payment", "Refund"))).body().get("id").asInt();
        assertThat(id3).isGreaterThan(id2);
    }
}
