package nl.bdss.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import nl.bdss.security.BdssJwtDecoders;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.Jwt;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Tokens as an insurer's back office obtains them, validated exactly as the services validate them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = AuthorizationServerApplication.CONFIG_NAME)
class AuthorizationServerIT {

    static final String ISSUER = "http://localhost:9000";
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void insurerObtainsAToken_withItsUzovi_audienceBdss_roleAndFifteenMinutes_signedByAKeyInTheJwks() throws Exception {
        HttpResponse<String> response = requestToken("insurer-3311", "local-demo-secret-insurer-3311", null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JsonMapper.shared().readTree(response.body());
        assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
        Jwt jwt = decodeAsTheServicesDo(body.get("access_token").asString());
        assertThat(jwt.getIssuer().toString()).isEqualTo(ISSUER);
        assertThat(jwt.getAudience()).containsExactly("bdss");
        assertThat(jwt.getSubject()).isEqualTo("insurer-3311");
        assertThat(jwt.getClaimAsString("client_id")).isEqualTo("insurer-3311");
        assertThat(jwt.getClaimAsStringList("scope")).containsExactly("insurer");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("INSURER");
        assertThat(jwt.getClaimAsString("uzovi")).isEqualTo("3311");
        assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofMinutes(15));
        assertThat(jwt.getHeaders()).containsEntry("alg", "RS256");
    }

    @Test
    void eachInsurerGetsItsOwnUzovi() throws Exception {
        Jwt jwt = decodeAsTheServicesDo(accessToken(requestToken("insurer-3343", "local-demo-secret-insurer-3343",
                "insurer")));

        assertThat(jwt.getClaimAsString("uzovi")).isEqualTo("3343");
    }

    @Test
    void trustedThirdPartyAndOperator_getTheirScope_andNoUzovi() throws Exception {
        Jwt ttp = decodeAsTheServicesDo(accessToken(requestToken("ttp-vektis", "local-demo-secret-ttp-vektis", null)));
        Jwt operator = decodeAsTheServicesDo(accessToken(requestToken("operator", "local-demo-secret-operator",
                "operator")));

        assertThat(ttp.getClaimAsStringList("scope")).containsExactly("ttp");
        assertThat(ttp.hasClaim("uzovi")).isFalse();
        assertThat(operator.getClaimAsStringList("scope")).containsExactly("operator");
        assertThat(operator.getClaimAsStringList("roles")).containsExactly("OPERATOR");
        assertThat(operator.hasClaim("uzovi")).isFalse();
    }

    @Test
    void wrongSecret_isRefused() {
        HttpResponse<String> response = requestToken("insurer-3311", "guessed", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("invalid_client");
    }

    @Test
    void insurerAskingForTheOperatorScope_isRefused() {
        HttpResponse<String> response = requestToken("insurer-3311", "local-demo-secret-insurer-3311", "operator");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("invalid_scope");
    }

    @Test
    void jwkSetPublishesOnlyThePublicRsaKey() throws Exception {
        HttpResponse<String> response = get("/oauth2/jwks");

        JsonNode key = JsonMapper.shared().readTree(response.body()).get("keys").get(0);
        assertThat(key.get("kty").asString()).isEqualTo("RSA");
        assertThat(key.has("n")).isTrue();
        assertThat(key.has("d")).as("private exponent").isFalse();
    }

    @Test
    void metadataNamesTheConfiguredIssuer() throws Exception {
        HttpResponse<String> response = get("/.well-known/oauth-authorization-server");

        assertThat(JsonMapper.shared().readTree(response.body()).get("issuer").asString()).isEqualTo(ISSUER);
    }

    @Test
    void healthIsPublic_andNothingElseIsServed() throws Exception {
        assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(get("/login").statusCode()).isEqualTo(404);
    }

    private Jwt decodeAsTheServicesDo(String token) {
        return BdssJwtDecoders.create(ISSUER, "http://localhost:" + port + "/oauth2/jwks", "bdss").decode(token);
    }

    private static String accessToken(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonMapper.shared().readTree(response.body()).get("access_token").asString();
    }

    private HttpResponse<String> requestToken(String clientId, String secret, String scope) {
        String form = "grant_type=client_credentials" + (scope == null ? "" : "&scope=" + scope);
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    }

    private HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
