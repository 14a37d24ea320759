package nl.bdss.allocation;

import static nl.bdss.security.testing.ProblemShape.assertProblem;
import static nl.bdss.security.testing.ProblemShape.fields;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.bdss.testsupport.UsesInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Every refusal of the service's own endpoints in the one problem shape, naming the field and the rule. */
@SpringBootTest(properties = {AllocationServiceApplication.CONFIG_NAME, TestProperties.SECURITY_OFF},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesInfrastructure(database = "allocation")
class ProblemResponsesIT {

    private static final String HEADER = "uzovi,postcode,referenceDate,insuredCount\n";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anUnknownCountSource_isA400NamingTheParameter_andStoresNothing_R11() throws Exception {
        long before = deliveries();

        HttpResponse<String> refused = post("/api/v1/insured-counts?source=NEIGHBOURS", "text/csv",
                HEADER + "3311,1011,2033-01-01,10\n", null);

        JsonNode problem = assertProblem(refused, 400, "invalid-request");
        assertThat(fields(problem)).containsExactly("source");
        assertThat(problem.path("errors").get(0).path("rule").asString()).isEqualTo("REQUEST");
        assertThat(deliveries()).isEqualTo(before);
    }

    @Test
    void aDeliveredByLabelOver100Characters_isA400NamingTheHeader_andStoresNothing() throws Exception {
        long before = deliveries();

        HttpResponse<String> refused = post("/api/v1/insured-counts?source=INSURERS", "text/csv",
                HEADER + "3311,1011,2033-02-01,10\n", "x".repeat(101));

        JsonNode problem = assertProblem(refused, 400, "invalid-request");
        assertThat(fields(problem)).containsExactly("X-Delivered-By");
        assertThat(problem.path("detail").asString()).contains("at most 100 characters, got 101");
        assertThat(deliveries()).isEqualTo(before);
    }

    @Test
    void aDeliveryIdThatIsNoUuid_isA400NamingIt() throws Exception {
        JsonNode problem = assertProblem(get("/api/v1/insured-counts/deliveries/not-a-uuid"), 400, "invalid-request");

        assertThat(fields(problem)).containsExactly("id");
    }

    @Test
    void anUnknownDelivery_isA404() throws Exception {
        UUID unknown = UUID.randomUUID();

        JsonNode problem = assertProblem(get("/api/v1/insured-counts/deliveries/" + unknown), 404,
                "insured-count-delivery-not-found");

        assertThat(problem.path("detail").asString()).isEqualTo("no delivery " + unknown);
    }

    @Test
    void aContractWithoutAllocation_isA404_onEveryAllocationPath() throws Exception {
        String contractId = UUID.randomUUID().toString();

        for (String path : List.of("", "/history", "/explanation")) {
            JsonNode problem = assertProblem(get("/api/v1/allocations/" + contractId + path), 404, "allocation-not-found");
            assertThat(problem.path("detail").asString()).as(path).isEqualTo("no allocation for contract " + contractId);
        }
    }

    @Test
    void aCsvDeliveryWithBadRows_isA422_everyErrorWithItsLineFieldAndRule_andStoresNothing_R6_R11() throws Exception {
        long before = deliveries();
        String csv = HEADER
                + "3311,1011AB,2033-03-01,10\n"
                + "3311,1011SA,2033-03-01,10\n"
                + "33,1012AB,2033-03-01,10\n"
                + "3343,1013AB,2033-03-01,-1\n";

        HttpResponse<String> refused = post("/api/v1/insured-counts?source=INSURERS", "text/csv", csv, null);

        JsonNode problem = assertProblem(refused, 422, "invalid-insured-count-delivery");
        assertThat(problem.path("errorCount").asLong()).isEqualTo(3);
        assertThat(lineFieldAndRule(problem)).containsExactly("3 postcode R6", "4 uzovi R11", "5 insuredCount R11");
        assertThat(problem.path("errors").get(0).path("message").asString()).contains("'1011SA'").contains("SA, SD or SS");
        assertThat(deliveries()).isEqualTo(before);
    }

    @Test
    void aJsonDeliveryWithABadRow_isA422_namingTheElementAndRule_R6() throws Exception {
        String json = """
                {"source":"INSURERS","referenceDate":"2033-04-01","counts":[
                  {"uzovi":"3311","postcode":"1011","insuredCount":10},
                  {"uzovi":"3343","postcode":"1011 sd","insuredCount":10}]}
                """;

        HttpResponse<String> refused = post("/api/v1/insured-counts", "application/json", json, null);

        JsonNode problem = assertProblem(refused, 422, "invalid-insured-count-delivery");
        assertThat(fields(problem)).containsExactly("counts[1].postcode");
        assertThat(problem.path("errors").get(0).path("rule").asString()).isEqualTo("R6");
        assertThat(problem.path("errors").get(0).has("line")).isFalse();
    }

    @Test
    void aDeliveryOfAnotherMediaType_isA415() throws Exception {
        assertProblem(post("/api/v1/insured-counts", "text/plain", "3311 1011 10", null), 415, "unsupported-media-type");
    }

    private static List<String> lineFieldAndRule(JsonNode problem) {
        List<String> errors = new ArrayList<>();
        problem.path("errors").forEach(error -> errors.add(error.path("line").asLong() + " "
                + error.path("field").asString() + " " + error.path("rule").asString()));
        return errors;
    }

    private long deliveries() {
        return jdbc.sql("select count(*) from insured_count_delivery").query(Long.class).single();
    }

    private HttpResponse<String> post(String path, String contentType, String body, String deliveredBy)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (deliveredBy != null) {
            request.header("X-Delivered-By", deliveredBy);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
