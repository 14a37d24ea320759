package nl.bdss.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.stream.Stream;
import nl.bdss.security.testapp.SecurityTestApplication;
import nl.bdss.security.testing.TestTokenIssuer;
import nl.bdss.security.testing.UsesTestTokenIssuer;
import nl.bdss.testsupport.UsesInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(classes = SecurityTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = SecurityTestApplication.CONFIG_NAME)
@UsesInfrastructure(database = "security")
@UsesTestTokenIssuer
class ResourceServerIT {

    static final TestTokenIssuer tokens = TestTokenIssuer.get();

    @LocalServerPort
    int port;

    @Test
    void healthIsPublic() {
        HttpResponse<String> response = Http.get(port, "/actuator/health", null);

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void requestWithoutToken_isUnauthorized_asProblemJson_withBearerChallenge() {
        HttpResponse<String> response = Http.get(port, "/api/v1/things/42", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Bearer"));
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"status\":401", "urn:bdss:problem:unauthorized", "bearer token");
    }

    static Stream<Arguments> refusedTokens() {
        return tokens.refusedTokens().entrySet().stream().map(entry -> Arguments.of(entry.getKey(), entry.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedTokens")
    void invalidToken_isUnauthorized_withInvalidTokenChallenge(String kind, String token) {
        HttpResponse<String> response = Http.get(port, "/api/v1/things/42", token);

        assertThat(response.statusCode()).as(kind).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).contains("invalid_token"));
        assertThat(response.body()).contains("\"status\":401", "The bearer token was refused");
    }

    @Test
    void validTokenOfAnotherRole_isForbidden_asProblemJson() {
        HttpResponse<String> response = Http.get(port, "/api/v1/things/42", tokens.ttp());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).contains("insufficient_scope"));
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"status\":403", "ttp-vektis (TTP)", "GET /api/v1/things/42");
    }

    @Test
    void tokenWithoutABdssScope_isForbidden() {
        HttpResponse<String> response = Http.get(port, "/api/v1/things/42", tokens.token("stranger", "profile", null));

        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void insurerToken_isAllowed_andCurrentClientCarriesTheUzoviFromTheToken() {
        HttpResponse<String> response = Http.get(port, "/api/v1/things/42", tokens.insurer("3311"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"client\":\"insurer-3311\"", "\"roles\":\"INSURER\"",
                "\"uzovi\":\"3311\"", "\"restriction\":\"3311\"");
    }

    @Test
    void operatorToken_isAllowed_andNotRestrictedToAnInsurer() {
        HttpResponse<String> response = Http.get(port, "/api/v1/things/42", tokens.operator());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"client\":\"operator\"", "\"uzovi\":\"-\"", "\"restriction\":\"none\"");
    }

    @Test
    void pathsWithoutARule_stillNeedAToken() {
        assertThat(Http.get(port, "/api/v1/unknown", null).statusCode()).isEqualTo(401);
        assertThat(Http.get(port, "/api/v1/unknown", tokens.ttp()).statusCode()).isEqualTo(404);
    }
}
