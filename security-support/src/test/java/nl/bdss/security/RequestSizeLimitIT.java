package nl.bdss.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import nl.bdss.security.testapp.SecurityTestApplication;
import nl.bdss.security.testing.TestTokenIssuer;
import nl.bdss.security.testing.UsesTestTokenIssuer;
import nl.bdss.testsupport.UsesInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(classes = SecurityTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {SecurityTestApplication.CONFIG_NAME, "bdss.security.max-request-bytes=1000",
                "bdss.security.large-request-paths=/api/v1/bulk/**"})
@UsesInfrastructure(database = "security")
@UsesTestTokenIssuer
class RequestSizeLimitIT {

    static final TestTokenIssuer tokens = TestTokenIssuer.get();
    final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    HttpResponse<String> post(String path, int bytes) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + tokens.insurer("3311"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(bytes)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aBodyAboveTheLimitIsRefusedWith413ProblemBeforeAnythingRuns() throws Exception {
        HttpResponse<String> refused = post("/api/v1/things", 1001);

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.body()).contains("1001 bytes", "at most 1000");
    }

    @Test
    void aBodyWithinTheLimitPasses() throws Exception {
        assertThat(post("/api/v1/things", 1000).statusCode()).isEqualTo(201);
    }

    @Test
    void declaredLargeRequestPathsAreExempt() throws Exception {
        // no handler there: passing the size filter means reaching the authorization rules and then the 404
        assertThat(post("/api/v1/bulk/upload", 5000).statusCode()).isNotEqualTo(413);
    }
}
