package nl.bdss.authorization;

import java.time.Duration;
import nl.bdss.kernel.identity.AgbCode;
import nl.bdss.kernel.identity.Uzovi;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * LOCAL PROFILE ONLY: a demo client for any insurer and any provider, so that a developer can act as any party of an
 * example without configuring it first. Unknown client ids of the form {@code insurer-<UZOVI>} (4 digits) and
 * {@code provider-<AGB>} (8 digits, both validated by the kernel) are registered clients with the secret
 * {@code local-demo-secret-<client id>}, the scope {@code insurer} or {@code provider} and the code as a setting of the
 * registration, from which the token's {@code uzovi} or {@code agb} claim is issued (never from the request).
 *
 * <p>The configured clients come first and are never replaced. A demo client's registration follows from its id alone
 * and is the same at every look-up (its id is {@code local-demo-<client id>}), so a refused request stores nothing;
 * Spring's client authentication saves the registration to the configured repository on the first successful request
 * (re-encoding its secret), where later requests find it. Any other unknown id, or an invalid code, stays unknown:
 * {@code 401 invalid_client} exactly as without the local profile.
 */
final class LocalDemoClients implements RegisteredClientRepository {

    static final String ID_PREFIX = "local-demo-";
    static final String SECRET_PREFIX = "local-demo-secret-";
    static final String INSURER_PREFIX = "insurer-";
    static final String PROVIDER_PREFIX = "provider-";
    /** As for the configured clients (authorization-server.yml). */
    static final Duration ACCESS_TOKEN_TIME_TO_LIVE = Duration.ofMinutes(15);

    private final RegisteredClientRepository configured;

    LocalDemoClients(RegisteredClientRepository configured) {
        this.configured = configured;
    }

    @Override
    public void save(RegisteredClient registeredClient) {
        configured.save(registeredClient);
    }

    @Override
    public RegisteredClient findById(String id) {
        RegisteredClient client = configured.findById(id);
        if (client != null || id == null || !id.startsWith(ID_PREFIX)) {
            return client;
        }
        String clientId = id.substring(ID_PREFIX.length());
        return configured.findByClientId(clientId) == null ? demoClient(clientId) : null;
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        RegisteredClient client = configured.findByClientId(clientId);
        return client != null ? client : demoClient(clientId);
    }

    /** The demo client with this id, or null when the id names no valid insurer or provider. */
    static RegisteredClient demoClient(String clientId) {
        if (clientId == null) {
            return null;
        }
        if (clientId.startsWith(INSURER_PREFIX)) {
            String uzovi = clientId.substring(INSURER_PREFIX.length());
            return Uzovi.isValid(uzovi) ? registration(clientId, "Insurer with UZOVI " + uzovi + " (local demo)",
                    "insurer", AuthorizationServerSecurity.UZOVI_SETTING, uzovi) : null;
        }
        if (clientId.startsWith(PROVIDER_PREFIX)) {
            String agb = clientId.substring(PROVIDER_PREFIX.length());
            return AgbCode.isValid(agb) ? registration(clientId, "Provider with AGB " + agb + " (local demo)",
                    "provider", AuthorizationServerSecurity.AGB_SETTING, agb) : null;
        }
        return null;
    }

    private static RegisteredClient registration(String clientId, String name, String scope, String codeSetting,
                                                 String code) {
        return RegisteredClient.withId(ID_PREFIX + clientId)
                .clientId(clientId)
                .clientName(name)
                .clientSecret("{noop}" + SECRET_PREFIX + clientId)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scope(scope)
                .clientSettings(ClientSettings.builder().setting(codeSetting, code).build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(ACCESS_TOKEN_TIME_TO_LIVE).build())
                .build();
    }
}
