package nl.bdss.authorization;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code bdss.authorization.*}: what BDSS access tokens say beyond the OAuth2 defaults, and the key that signs them.
 *
 * @param audience      the {@code aud} claim of every access token
 * @param uzoviByClient the insurer's UZOVI code per insurer client id, issued as the {@code uzovi} claim
 * @param signingKey    locations (e.g. {@code file:/run/secrets/signing-key.pem}) of the PEM signing key pair; both
 *                      empty means a key generated at start
 */
@ConfigurationProperties("bdss.authorization")
record TokenProperties(@DefaultValue("bdss") String audience,
                       @DefaultValue Map<String, String> uzoviByClient,
                       @DefaultValue SigningKey signingKey) {

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
