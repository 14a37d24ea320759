package nl.bdss.security.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The one problem shape every error response of every service has (RFC 9457 with the BDSS type URNs). */
public final class ProblemShape {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemShape() {
    }

    /**
     * Asserts status, content type {@code application/problem+json}, {@code type = urn:bdss:problem:<type>}, a title,
     * the status in the body, a detail, and that every entry of {@code errors}, when present, names field, rule and
     * message. Returns the body for further checks.
     */
    public static JsonNode assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as("status of %s", response.uri()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).as("content type of %s", response.uri())
                .hasValueSatisfying(contentType -> assertThat(contentType).startsWith("application/problem+json"));
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("type").asString()).as("type of %s", response.body()).isEqualTo("urn:bdss:problem:" + type);
        assertThat(body.path("title").asString()).as("title of %s", response.body()).isNotBlank();
        assertThat(body.path("status").asInt()).as("status in %s", response.body()).isEqualTo(status);
        assertThat(body.path("detail").asString()).as("detail of %s", response.body()).isNotBlank();
        if (body.has("errors")) {
            assertThat(body.get("errors").isArray()).isTrue();
            for (JsonNode error : body.get("errors")) {
                assertThat(error.has("field")).as("field in %s", error).isTrue();
                assertThat(error.path("rule").asString()).as("rule in %s", error).isNotBlank();
                assertThat(error.path("message").asString()).as("message in %s", error).isNotBlank();
            }
        }
        return body;
    }

    /** The field errors' {@code field} values, in order. */
    public static java.util.List<String> fields(JsonNode problem) {
        java.util.List<String> fields = new java.util.ArrayList<>();
        problem.path("errors").forEach(error -> fields.add(error.path("field").asString()));
        return fields;
    }
}
