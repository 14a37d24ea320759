package nl.bdss.authorization;

import java.util.Map;
import java.util.function.Predicate;
import nl.bdss.kernel.identity.AgbCode;
import nl.bdss.kernel.identity.Uzovi;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code bdss.authorization.*}: what BDSS access tokens say beyond the OAuth2 defaults, and the key that signs them.
 *
 * @param audience      the {@code aud} claim of every access token
 * @param uzoviByClient the insurer's UZOVI code per insurer client id, issued as the {@code uzovi} claim
 * @param agbByClient   the provider's AGB code per provider client id, issued as the {@code agb} claim
 * @param signingKey    locations (e.g. {@code file:/run/secrets/signing-key.pem}) of the PEM signing key pair; both
 *                      empty means a key generated at start
 */
@ConfigurationProperties("bdss.authorization")
record TokenProperties(@DefaultValue("bdss") String audience,
                       @DefaultValue Map<String, String> uzoviByClient,
                       @DefaultValue Map<String, String> agbByClient,
                       @DefaultValue SigningKey signingKey) {

    /** A wrong code would be issued to every service as the client's identity: refuse it at start instead. */
    TokenProperties {
        requireCodes("uzovi-by-client", uzoviByClient, Uzovi::isValid, "a UZOVI code (4 digits)");
        requireCodes("agb-by-client", agbByClient, AgbCode::isValid, "an AGB code (8 digits)");
        uzoviByClient.keySet().stream().filter(agbByClient::containsKey).findFirst().ifPresent(client -> {
            throw new IllegalArgumentException("bdss.authorization: client '" + client
                    + "' is in both uzovi-by-client and agb-by-client; a client is an insurer or a provider");
        });
    }

    private static void requireCodes(String property, Map<String, String> codes, Predicate<String> valid,
                                     String expected) {
        codes.forEach((client, code) -> {
            if (!valid.test(code)) {
                throw new IllegalArgumentException("bdss.authorization." + property + "." + client + " must be "
                        + expected + ", was '" + code + "'");
            }
        });
    }

    record SigningKey(String privateKey, String publicKey) {
        boolean configured() {
            return hasText(privateKey) || hasText(publicKey);
        }

        static boolean hasTextBoth(SigningKey key) {
            return hasText(key.privateKey()) && hasText(key.publicKey());
        }

        private static boolean hasText(String value) {
            return value != null && !value.isBlank();
        }
    }
}
