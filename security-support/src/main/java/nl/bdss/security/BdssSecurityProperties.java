package nl.bdss.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code bdss.security.*}: who issues tokens, what they must say, which paths are public and how many requests a
 * client may make.
 *
 * @param enabled       {@code false} switches all of this off (every path open, no audit); only for functional
 *                      tests that are not about security
 * @param issuerUri     the {@code iss} every token must carry (env AUTH_ISSUER)
 * @param jwkSetUri     where the issuer's public keys are fetched (lazily, on the first token), default
 *                      {@code <issuer-uri>/oauth2/jwks}; differs from the issuer when the issuer's public name is
 *                      not reachable from the service (containers)
 * @param audience      the {@code aud} every token must contain
 * @param publicPaths   paths open without a token, on top of health, prometheus, OpenAPI, Swagger UI and static
 *                      dashboard assets
 * @param audit         what is recorded in the audit trail besides every write
 * @param rateLimit     requests per client
 * @param maxRequestBytes    the largest request body accepted (413 above it), default 1 MiB
 * @param largeRequestPaths  path patterns exempt from that limit (bulk uploads that stream, such as the national
 *                           insured-count file); they must bound what they read themselves
 */
@ConfigurationProperties("bdss.security")
public record BdssSecurityProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("http://localhost:9000") String issuerUri,
        String jwkSetUri,
        @DefaultValue("bdss") String audience,
        @DefaultValue List<String> publicPaths,
        @DefaultValue Audit audit,
        @DefaultValue RateLimit rateLimit,
        @DefaultValue("1048576") long maxRequestBytes,
        @DefaultValue List<String> largeRequestPaths) {

    /** Always public: probes, metrics scraping, the API description and the static dashboard. */
    public static final List<String> DEFAULT_PUBLIC_PATHS = List.of(
            "/actuator/health", "/actuator/health/**", "/actuator/prometheus",
            "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui/**", "/swagger-ui.html",
            "/", "/*.html", "/*.css", "/*.js", "/favicon.ico", "/error");

    public String effectiveJwkSetUri() {
        if (jwkSetUri != null && !jwkSetUri.isBlank()) {
            return jwkSetUri;
        }
        return issuerUri.replaceAll("/+$", "") + "/oauth2/jwks";
    }

    /**
     * @param sensitiveReadPaths path patterns (e.g. {@code /api/v1/settlements/**}) whose GET requests are recorded
     *                           too; writes (POST, PUT, PATCH, DELETE) are always recorded
     */
    public record Audit(@DefaultValue List<String> sensitiveReadPaths) {
    }

    /**
     * A token bucket per client id, kept in memory per service instance.
     *
     * @param requestsPerSecond sustained rate
     * @param burst             bucket size: requests a client may make at once after a quiet spell
     */
    public record RateLimit(@DefaultValue("true") boolean enabled,
                            @DefaultValue("50") int requestsPerSecond,
                            @DefaultValue("100") int burst) {
        public RateLimit {
            if (requestsPerSecond < 1 || burst < 1) {
                throw new IllegalArgumentException(
                        "bdss.security.rate-limit: requests-per-second and burst must be at least 1");
            }
        }
    }
}
