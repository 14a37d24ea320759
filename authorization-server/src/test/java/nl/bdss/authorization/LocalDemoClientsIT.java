package nl.bdss.authorization;

import static nl.bdss.authorization.TokenEndpoint.accessToken;
import static nl.bdss.authorization.TokenEndpoint.assertUnknownClient;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.test.context.ActiveProfiles;

/**
 * The local profile ({@code ./bdss up}): a demo client for any insurer and any provider on its first request, next to
 * the configured ones. Every test uses codes of its own, so none depends on what another registered.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = AuthorizationServerApplication.CONFIG_NAME)
@ActiveProfiles(LocalDemoClientsConfiguration.PROFILE)
class LocalDemoClientsIT {

    @LocalServerPort
    int port;

    @Test
    void anyInsurer_getsATokenWithItsUzovi_onTheFirstRequest_andAgainLater() {
        Jwt first = endpoint().token("insurer-7029", "local-demo-secret-insurer-7029");
        Jwt later = endpoint().token("insurer-7029", "local-demo-secret-insurer-7029");

        for (Jwt jwt : new Jwt[] {first, later}) {
            assertThat(jwt.getSubject()).isEqualTo("insurer-7029");
            assertThat(jwt.getClaimAsString("client_id")).isEqualTo("insurer-7029");
            assertThat(jwt.getAudience()).containsExactly("bdss");
            assertThat(jwt.getClaimAsStringList("scope")).containsExactly("insurer");
            assertThat(jwt.getClaimAsStringList("roles")).containsExactly("INSURER");
            assertThat(jwt.getClaimAsString("uzovi")).isEqualTo("7029");
            assertThat(jwt.hasClaim("agb")).isFalse();
            assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofMinutes(15));
        }
        assertThat(later.getId()).as("a second token, not the first again").isNotEqualTo(first.getId());
    }

    @Test
    void anyProvider_getsATokenWithItsAgb_onTheFirstRequest_andAgainLater() {
        Jwt first = endpoint().token("provider-12345678", "local-demo-secret-provider-12345678");
        Jwt later = endpoint().token("provider-12345678", "local-demo-secret-provider-12345678");

        for (Jwt jwt : new Jwt[] {first, later}) {
            assertThat(jwt.getSubject()).isEqualTo("provider-12345678");
            assertThat(jwt.getClaimAsStringList("scope")).containsExactly("provider");
            assertThat(jwt.getClaimAsStringList("roles")).containsExactly("PROVIDER");
            assertThat(jwt.getClaimAsString("agb")).isEqualTo("12345678");
            assertThat(jwt.hasClaim("uzovi")).isFalse();
            assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofMinutes(15));
        }
    }

    @Test
    void anAgbWithLeadingZeros_keepsThem() {
        assertThat(endpoint().token("provider-00000042", "local-demo-secret-provider-00000042")
                .getClaimAsString("agb")).isEqualTo("00000042");
    }

    @Test
    void invalidCodes_areUnknownClients() {
        // UZOVI: exactly 4 digits; AGB: exactly 8 digits (nl.bdss.kernel.identity)
        assertUnknownClient(endpoint().requestToken("insurer-12", "local-demo-secret-insurer-12", null));
        assertUnknownClient(endpoint().requestToken("insurer-70291", "local-demo-secret-insurer-70291", null));
        assertUnknownClient(endpoint().requestToken("insurer-70a9", "local-demo-secret-insurer-70a9", null));
        assertUnknownClient(endpoint().requestToken("provider-1234", "local-demo-secret-provider-1234", null));
        assertUnknownClient(endpoint().requestToken("provider-123456789", "local-demo-secret-provider-123456789",
                null));
        assertUnknownClient(endpoint().requestToken("operator-2", "local-demo-secret-operator-2", null));
        assertUnknownClient(endpoint().requestToken("ttp-7029", "local-demo-secret-ttp-7029", null));
    }

    @Test
    void wrongSecret_isRefused_beforeAndAfterTheDemoClientsFirstToken() {
        assertUnknownClient(endpoint().requestToken("insurer-7030", "guessed", null));
        assertUnknownClient(endpoint().requestToken("provider-87654321", "local-demo-secret-provider-12345678", null));

        assertThat(endpoint().token("insurer-7030", "local-demo-secret-insurer-7030").getClaimAsString("uzovi"))
                .isEqualTo("7030");
        assertThat(endpoint().token("provider-87654321", "local-demo-secret-provider-87654321")
                .getClaimAsString("agb")).isEqualTo("87654321");

        assertUnknownClient(endpoint().requestToken("insurer-7030", "guessed", null));
        assertUnknownClient(endpoint().requestToken("provider-87654321", "local-demo-secret-provider-12345678", null));
    }

    @Test
    void aDemoClient_getsOnlyItsOwnScope() {
        HttpResponse<String> response = endpoint().requestToken("insurer-7031", "local-demo-secret-insurer-7031",
                "operator");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("invalid_scope");
        assertThat(endpoint().decodeAsTheServicesDo(accessToken(endpoint().requestToken("provider-23456789",
                "local-demo-secret-provider-23456789", "provider"))).getClaimAsStringList("scope"))
                .containsExactly("provider");
    }

    @Test
    void theConfiguredClientsKeepWorking() {
        assertThat(endpoint().token("insurer-3311", "local-demo-secret-insurer-3311").getClaimAsString("uzovi"))
                .isEqualTo("3311");
        assertThat(endpoint().token("insurer-3343", "local-demo-secret-insurer-3343").getClaimAsString("uzovi"))
                .isEqualTo("3343");
        assertThat(endpoint().token("provider-01012345", "local-demo-secret-provider-01012345")
                .getClaimAsString("agb")).isEqualTo("01012345");
        assertThat(endpoint().token("provider-75750123", "local-demo-secret-provider-75750123")
                .getClaimAsString("agb")).isEqualTo("75750123");
        assertThat(endpoint().token("ttp-vektis", "local-demo-secret-ttp-vektis").getClaimAsStringList("scope"))
                .containsExactly("ttp");
        assertThat(endpoint().token("operator", "local-demo-secret-operator").getClaimAsStringList("roles"))
                .containsExactly("OPERATOR");
        assertUnknownClient(endpoint().requestToken("insurer-3311", "guessed", null));
    }

    private TokenEndpoint endpoint() {
        return new TokenEndpoint(port);
    }
}
