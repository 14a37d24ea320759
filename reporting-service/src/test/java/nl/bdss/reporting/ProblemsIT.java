package nl.bdss.reporting;

import static nl.bdss.security.testing.ProblemShape.assertProblem;
import static nl.bdss.security.testing.ProblemShape.fields;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import nl.bdss.testsupport.UsesInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/**
 * The reporting service's own refusals in the one problem shape (RFC 9457 with the BDSS type URNs): query
 * parameters, macro budgets and region uploads name the field (for CSV with its line) and the rule, and a refused
 * request stores nothing; unknown paths and methods are problems too.
 */
@SpringBootTest(properties = {ReportingServiceApplication.CONFIG_NAME, TestProperties.SECURITY_OFF},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesInfrastructure(database = "reporting")
@Import(FixedClock.class)
// one live context at a time: the test contexts share the database, the consumer group and the outbox
@DirtiesContext
class ProblemsIT {

    static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void aYearOutsideTheCalendarRange_is400NamingTheYear() {
        JsonNode problem = assertProblem(get("/api/v1/sector-loads?year=1999"), 400, "invalid-request");

        assertThat(fields(problem)).containsExactly("year");
        assertThat(problem.get("errors").get(0).get("rule").asString()).isEqualTo("REQUEST");
        assertThat(problem.get("detail").asString()).contains("1999");
    }

    @Test
    void pagingAndFormatParameters_are400NamingTheParameter() {
        assertThat(fields(assertProblem(get("/api/v1/sector-loads/by-insurer?year=2025&size=0"), 400, "invalid-request")))
                .containsExactly("size");
        assertThat(fields(assertProblem(get("/api/v1/alerts?page=-1"), 400, "invalid-request"))).containsExactly("page");
        assertThat(fields(assertProblem(get("/api/v1/monitor?year=2025&format=xml"), 400, "invalid-request")))
                .containsExactly("format");
        assertThat(fields(assertProblem(get("/api/v1/monitor?year=twenty"), 400, "invalid-request")))
                .containsExactly("year");
        assertThat(fields(assertProblem(get("/api/v1/monitor"), 400, "invalid-request"))).containsExactly("year");
    }

    @Test
    void aMacroBudgetBreakingRules_is400NamingEveryField_andStoresNothing_R18() {
        HttpResponse<String> response = send("PUT", "/api/v1/macro-budgets/ggz/2041", "application/json",
                "{\"amountCents\":-1,\"source\":\" \"}");

        JsonNode problem = assertProblem(response, 400, "invalid-macro-budgets");
        assertThat(fields(problem)).containsExactly("sector", "amountCents", "source", "date");
        assertThat(problem.get("errors").get(1).get("rule").asString()).isEqualTo("R18");
        assertThat(get("/api/v1/macro-budgets?year=2041").body()).isEqualTo("[]");
    }

    @Test
    void aMacroBudgetUploadWithBadLines_is400NamingLineAndField_andStoresNoneOfIt_R18() {
        HttpResponse<String> response = send("POST", "/api/v1/macro-budgets", "text/csv", """
                sector,year,amountCents,source,date
                GGZ,2042,500000000,VWS,2041-09-16
                GGZ_BASIS,2042,-1,VWS,2041-09-16
                GGZ_SPECIALISTISCH,2042,500000000,VWS,16-09-2041
                """);

        JsonNode problem = assertProblem(response, 400, "invalid-macro-budgets");
        assertThat(fields(problem)).containsExactly("line 3: amountCents", "line 4: date");
        assertThat(problem.get("errors").get(0).get("rule").asString()).isEqualTo("R18");
        assertThat(problem.get("errors").get(1).get("rule").asString()).isEqualTo("REQUEST");
        assertThat(get("/api/v1/macro-budgets?year=2042").body()).isEqualTo("[]");
    }

    @Test
    void aRegionUploadWithOverlappingRanges_is400NamingTheLine_andKeepsTheRanges_R6() {
        String before = get("/api/v1/regions").body();

        HttpResponse<String> response = send("POST", "/api/v1/regions", "text/csv",
                "region,pc4From,pc4To\nA,1000,1500\nB,1400,1600\nC,0999,1000\n");

        JsonNode problem = assertProblem(response, 400, "invalid-regions");
        assertThat(fields(problem)).containsExactly("line 4: pc4From", "line 3: pc4From");
        assertThat(problem.get("errors").get(1).get("rule").asString()).isEqualTo("R6");
        assertThat(problem.get("errors").get(1).get("message").asString()).contains("overlaps");
        assertThat(get("/api/v1/regions").body()).isEqualTo(before);
    }

    @Test
    void anUnknownPath_is404_andAMethodThePathDoesNotTake_is405() {
        assertProblem(get("/api/v1/no-such-endpoint"), 404, "not-found");
        assertProblem(get("/api/v1/macro-budgets/GGZ/2041"), 405, "method-not-allowed");
        assertProblem(send("POST", "/api/v1/regions", "application/json", "{}"), 415, "unsupported-media-type");
    }

    HttpResponse<String> get(String path) {
        return send("GET", path, null, null);
    }

    HttpResponse<String> send(String method, String path, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json");
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
