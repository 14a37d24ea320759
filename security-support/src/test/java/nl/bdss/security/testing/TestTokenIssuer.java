package nl.bdss.security.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A stand-in authorization server for security tests: an RSA key, its JWK set served over HTTP on a loopback port
 * ({@code <issuer>/oauth2/jwks}), and tokens minted like the real server's (RS256, {@code aud=bdss}, {@code scope},
 * {@code uzovi} for insurers, 15 minutes) for any client, plus every kind of token a service must refuse.
 *
 * <p>One instance per test JVM ({@link #get()}); annotate a {@code @SpringBootTest} with {@link UsesTestTokenIssuer}
 * to point the service at it with security switched on.
 */
public final class TestTokenIssuer {

    public static final String AUDIENCE = "bdss";

    private final RSAKey key;
    private final RSAKey otherKey;
    private final HttpServer server;
    private final String issuer;

    private TestTokenIssuer() {
        try {
            key = new RSAKeyGenerator(2048).keyID("test-signing-key").generate();
            otherKey = new RSAKeyGenerator(2048).keyID("test-signing-key").generate();
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not generate the test signing key", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the test JWK set server", e);
        }
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server.createContext("/oauth2/jwks", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(jwks);
            }
        });
        server.start();
        issuer = "http://127.0.0.1:" + server.getAddress().getPort();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0), "test-token-issuer-stop"));
    }

    public static TestTokenIssuer get() {
        return Holder.INSTANCE;
    }

    public String issuer() {
        return issuer;
    }

    public String jwkSetUri() {
        return issuer + "/oauth2/jwks";
    }

    /** The properties that switch a service's security on and point it at this issuer. */
    public Map<String, Object> springProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("bdss.security.enabled", "true");
        properties.put("bdss.security.issuer-uri", issuer());
        properties.put("bdss.security.jwk-set-uri", jwkSetUri());
        return properties;
    }

    // Valid tokens

    /** Client {@code insurer-<uzovi>} with scope insurer and the uzovi claim. */
    public String insurer(String uzovi) {
        return token("insurer-" + uzovi, "insurer", uzovi);
    }

    /** Client {@code provider-<agb>} with scope provider and the agb claim. */
    public String provider(String agb) {
        return signed(claims("provider-" + agb, "provider", null).claim("agb", agb).build(), key, JWSAlgorithm.RS256);
    }

    public String operator() {
        return token("operator", "operator", null);
    }

    public String ttp() {
        return token("ttp-vektis", "ttp", null);
    }

    /** A valid token for any client, space-separated scopes and (for insurers) a uzovi; null leaves a claim out. */
    public String token(String clientId, String scope, String uzovi) {
        return signed(claims(clientId, scope, uzovi).build(), key, JWSAlgorithm.RS256);
    }

    // Tokens a service must refuse with 401

    public String expiredToken() {
        Instant issued = Instant.now().minus(Duration.ofHours(1));
        return signed(claims("operator", "operator", null)
                .issueTime(Date.from(issued))
                .expirationTime(Date.from(issued.plus(Duration.ofMinutes(15))))
                .build(), key, JWSAlgorithm.RS256);
    }

    public String wrongIssuerToken() {
        return signed(claims("operator", "operator", null).issuer("http://issuer.invalid").build(), key,
                JWSAlgorithm.RS256);
    }

    public String wrongAudienceToken() {
        return signed(claims("operator", "operator", null).audience("another-api").build(), key, JWSAlgorithm.RS256);
    }

    /** Signed by another key that claims the issuer's key id. */
    public String badSignatureToken() {
        return signed(claims("operator", "operator", null).build(), otherKey, JWSAlgorithm.RS256);
    }

    /** {@code alg=none}: no signature at all. */
    public String unsignedToken() {
        return new PlainJWT(claims("operator", "operator", null).build()).serialize();
    }

    /** HS256 instead of RS256 (an algorithm-confusion attempt). */
    public String wrongAlgorithmToken() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(),
                    claims("operator", "operator", null).build());
            jwt.sign(new MACSigner(secret));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An insurer token that does not say which insurer. */
    public String insurerWithoutUzoviToken() {
        return token("insurer-unknown", "insurer", null);
    }

    /** Every token a service must refuse with 401, by name, for a parameterized test. */
    public Map<String, String> refusedTokens() {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("expired", expiredToken());
        tokens.put("wrong issuer", wrongIssuerToken());
        tokens.put("wrong audience", wrongAudienceToken());
        tokens.put("bad signature", badSignatureToken());
        tokens.put("alg=none", unsignedToken());
        tokens.put("HS256 instead of RS256", wrongAlgorithmToken());
        tokens.put("insurer without uzovi", insurerWithoutUzoviToken());
        tokens.put("provider without agb", token("provider-01012345", "provider", null));
        tokens.put("provider with a seven-digit agb",
                signed(claims("provider-0101234", "provider", null).claim("agb", "0101234").build(), key, JWSAlgorithm.RS256));
        tokens.put("not a JWT", "not-a-token");
        return tokens;
    }

    private JWTClaimsSet.Builder claims(String clientId, String scope, String uzovi) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(clientId)
                .audience(AUDIENCE)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(15))))
                .jwtID(UUID.randomUUID().toString())
                .claim("client_id", clientId);
        if (scope != null) {
            claims.claim("scope", scope);
        }
        if (uzovi != null) {
            claims.claim("uzovi", uzovi);
        }
        return claims;
    }

    private static String signed(JWTClaimsSet claims, RSAKey signingKey, JWSAlgorithm algorithm) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(signingKey.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            JWSSigner signer = new RSASSASigner(signingKey);
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign a test token", e);
        }
    }

    private static final class Holder {
        static final TestTokenIssuer INSTANCE = new TestTokenIssuer();
    }
}
