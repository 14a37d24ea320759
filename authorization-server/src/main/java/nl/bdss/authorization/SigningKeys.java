package nl.bdss.authorization;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.io.ResourceLoader;
import org.springframework.security.converter.RsaKeyConverters;

/**
 * The RSA key that signs access tokens (RS256). Production brings its own key pair as PEM files; without one a new
 * key is generated at every start, which suits a developer machine: services fetch the new public key from the JWK
 * set, and tokens signed by an earlier run stop being accepted.
 */
final class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private SigningKeys() {
    }

    static RSAKey signingKey(TokenProperties.SigningKey configured, ResourceLoader resources) {
        if (!configured.configured()) {
            log.warn("No signing key configured (AUTH_SIGNING_KEY_PRIVATE/PUBLIC): generated a new RSA key for this "
                    + "run; fine locally, never in production");
            return generated();
        }
        if (!TokenProperties.SigningKey.hasTextBoth(configured)) {
            throw new IllegalStateException(
                    "bdss.authorization.signing-key needs both private-key and public-key, or neither");
        }
        RSAPrivateKey privateKey = read(resources, configured.privateKey(), RsaKeyConverters.pkcs8());
        RSAPublicKey publicKey = read(resources, configured.publicKey(), RsaKeyConverters.x509());
        return withThumbprintId(new RSAKey.Builder(publicKey).privateKey(privateKey));
    }

    private static RSAKey generated() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return withThumbprintId(new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                    .privateKey((RSAPrivateKey) pair.getPrivate()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is not available in this JVM", e);
        }
    }

    private static RSAKey withThumbprintId(RSAKey.Builder key) {
        try {
            return key.keyIDFromThumbprint().build();
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not compute the signing key's id", e);
        }
    }

    private static <K> K read(ResourceLoader resources, String location, Converter<InputStream, K> converter) {
        try (InputStream pem = resources.getResource(location).getInputStream()) {
            return converter.convert(pem);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the signing key at " + location, e);
        }
    }
}
