package nl.bdss.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.Jwt;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tokens as an insurer's or a provider's back office obtains them, validated exactly as the services validate them;
 * without the local profile (as in docker-compose and any deployment) only the configured clients exist.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = AuthorizationServerApplication.CONFIG_NAME)
class AuthorizationServerIT {

    static final String ISSUER = TokenEndpoint.ISSUER;

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
    void provider_getsTheProviderScope_andItsAgbFromTheRegistration_andNoUzovi() throws Exception {
        Jwt jwt = decodeAsTheServicesDo(accessToken(requestToken("provider-01012345",
                "local-demo-secret-provider-01012345", null)));

        assertThat(jwt.getSubject()).isEqualTo("provider-01012345");
        assertThat(jwt.getClaimAsString("client_id")).isEqualTo("provider-01012345");
        assertThat(jwt.getClaimAsStringList("scope")).containsExactly("provider");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("PROVIDER");
        // the leading zero survives: the claim is the configured text "01012345", not a number
        assertThat(jwt.getClaimAsString("agb")).isEqualTo("01012345");
        assertThat(jwt.hasClaim("uzovi")).isFalse();
        assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void eachProviderGetsItsOwnAgb_andInsurersNoAgb() throws Exception {
        Jwt provider = decodeAsTheServicesDo(accessToken(requestToken("provider-75750123",
                "local-demo-secret-provider-75750123", "provider")));
        Jwt insurer = decodeAsTheServicesDo(accessToken(requestToken("insurer-3311",
                "local-demo-secret-insurer-3311", null)));

        assertThat(provider.getClaimAsString("agb")).isEqualTo("75750123");
        assertThat(insurer.hasClaim("agb")).isFalse();
    }

    @Test
    void providerAskingForTheInsurerScope_isRefused() {
        HttpResponse<String> response = requestToken("provider-01012345", "local-demo-secret-provider-01012345",
                "insurer");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("invalid_scope");
    }

    @Test
    void withoutTheLocalProfile_demoClientsOfUnconfiguredParties_areUnknown() {
        TokenEndpoint.assertUnknownClient(requestToken("insurer-7029", "local-demo-secret-insurer-7029", null));
        TokenEndpoint.assertUnknownClient(requestToken("provider-12345678", "local-demo-secret-provider-12345678",
                null));
    }

    @Test
    void healthIsPublic_andNothingElseIsServed() throws Exception {
        assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(get("/login").statusCode()).isEqualTo(404);
    }

    private Jwt decodeAsTheServicesDo(String token) {
        return endpoint().decodeAsTheServicesDo(token);
    }

    private static String accessToken(HttpResponse<String> response) {
        return TokenEndpoint.accessToken(response);
    }

    private HttpResponse<String> requestToken(String clientId, String secret, String scope) {
        return endpoint().requestToken(clientId, secret, scope);
    }

    private HttpResponse<String> get(String path) {
        return endpoint().get(path);
    }

    private TokenEndpoint endpoint() {
        return new TokenEndpoint(port);
    }
}
