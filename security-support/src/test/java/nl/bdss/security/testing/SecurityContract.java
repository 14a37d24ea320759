package nl.bdss.security.testing;

import static nl.bdss.security.testing.ProblemShape.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The security scenarios every service must pass, driven by the service's table of endpoints: without a token 401,
 * every refused token 401, a valid token of each role without business there ({@code insurer}, {@code ttp},
 * {@code provider}, {@code operator}) 403, a body over the limit 413, and a client past its rate 429 with
 * {@code Retry-After}; every one of them in the one problem shape. A service's test extends this class, names its
 * endpoints and port, and adds its own scenarios (who sees whose data).
 *
 * <p>The rate-limit scenario uses a client of its own, so it never spends another scenario's budget; the service's
 * test sets {@code bdss.security.rate-limit.requests-per-second=1} and a burst of {@link #RATE_LIMIT_BURST}, so the
 * 429 comes after a known number of requests whatever the machine's speed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SecurityContract {

    /** The burst the service's test configures ({@code bdss.security.rate-limit.burst}). */
    public static final int RATE_LIMIT_BURST = 60;
    /** Properties a service's security test adds to its context for the rate-limit scenario. */
    public static final String RATE_LIMIT_REQUESTS_PER_SECOND = "bdss.security.rate-limit.requests-per-second=1";
    public static final String RATE_LIMIT_BURST_PROPERTY = "bdss.security.rate-limit.burst=" + RATE_LIMIT_BURST;

    /**
     * The AGB code of the contract's provider token: eight digits, a party of nothing in any service's fixtures, so a
     * provider's 403 where it has no business never hangs on whose data the endpoint holds.
     */
    public static final String PROVIDER_AGB = "12345678";

    private static final List<String> ROLES = List.of("insurer", "ttp", "provider", "operator");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    protected final TestTokenIssuer tokens = TestTokenIssuer.get();

    /** Every endpoint of the service, each with a well-formed request. */
    protected abstract List<SecuredEndpoint> endpoints();

    protected abstract int port();

    /** The largest request body the service accepts ({@code bdss.security.max-request-bytes}). */
    protected abstract long maxRequestBytes();

    /** A valid token of the role: insurers as 3311, providers as {@value #PROVIDER_AGB}. */
    protected String tokenOf(String role) {
        return switch (role) {
            case "insurer" -> tokens.insurer("3311");
            case "ttp" -> tokens.ttp();
            case "provider" -> tokens.provider(PROVIDER_AGB);
            case "operator" -> tokens.operator();
            default -> throw new IllegalArgumentException("no such role " + role);
        };
    }

    protected Stream<SecuredEndpoint> everyEndpoint() {
        return endpoints().stream();
    }

    protected Stream<Arguments> refusedTokensOnEveryEndpoint() {
        return endpoints().stream().flatMap(endpoint -> tokens.refusedTokens().entrySet().stream()
                .map(refused -> Arguments.of(endpoint, refused.getKey(), refused.getValue())));
    }

    protected Stream<Arguments> rolesWithoutBusiness() {
        Stream<Arguments> byRole = endpoints().stream().flatMap(endpoint -> ROLES.stream()
                .filter(role -> !endpoint.roles().contains(role))
                .map(role -> Arguments.of(endpoint, role, tokenOf(role))));
        Stream<Arguments> noScope = endpoints().stream()
                .map(endpoint -> Arguments.of(endpoint, "no BDSS scope", tokens.token("stranger", "profile", null)));
        return Stream.concat(byRole, noScope);
    }

    /** The endpoints that take a body; a service leaves out the paths it exempts from the limit (bulk uploads). */
    protected Stream<SecuredEndpoint> endpointsWithABody() {
        return endpoints().stream().filter(SecuredEndpoint::hasBody);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyEndpoint")
    void withoutAToken_answers401_withABearerChallenge(SecuredEndpoint endpoint) {
        HttpResponse<String> response = send(endpoint, null, endpoint.body());

        assertProblem(response, 401, "unauthorized");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Bearer"));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("refusedTokensOnEveryEndpoint")
    void aRefusedToken_answers401_invalidToken(SecuredEndpoint endpoint, String kind, String token) {
        HttpResponse<String> response = send(endpoint, token, endpoint.body());

        assertProblem(response, 401, "unauthorized");
        assertThat(response.headers().firstValue("WWW-Authenticate")).as(kind).hasValueSatisfying(
                challenge -> assertThat(challenge).contains("invalid_token"));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("rolesWithoutBusiness")
    void aRoleWithoutBusinessThere_answers403_insufficientScope(SecuredEndpoint endpoint, String role, String token) {
        HttpResponse<String> response = send(endpoint, token, endpoint.body());

        assertProblem(response, 403, "forbidden");
        assertThat(response.headers().firstValue("WWW-Authenticate")).as(role).hasValueSatisfying(
                challenge -> assertThat(challenge).contains("insufficient_scope"));
    }

    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("endpointsWithABody")
    void aBodyOverTheLimit_answers413_beforeAnythingIsRead(SecuredEndpoint endpoint) {
        String oversized = "x".repeat(Math.toIntExact(maxRequestBytes() + 1));

        assertProblem(send(endpoint, tokenOf(endpoint.roles().iterator().next()), oversized), 413, "request-too-large");
    }

    @Test
    void aClientPastItsRate_answers429_withRetryAfter() {
        String probe = tokens.token("rate-probe-" + UUID.randomUUID(), "profile", null);
        SecuredEndpoint endpoint = endpoints().get(0);
        HttpResponse<String> response = null;
        int sent = 0;
        // one token per second refills: the burst and at most a few refills pass, then the limit answers
        while (sent < RATE_LIMIT_BURST + 30) {
            response = send(endpoint, probe, endpoint.body());
            sent++;
            if (response.statusCode() == 429) {
                break;
            }
        }

        assertThat(sent).isGreaterThan(RATE_LIMIT_BURST);
        assertProblem(response, 429, "rate-limited");
        assertThat(response.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isPositive());
    }

    @Test
    void anUnknownApiPath_isAProblemToo() {
        HttpResponse<String> response = send(SecuredEndpoint.get("/api/v1/not-an-endpoint-" + UUID.randomUUID()),
                tokens.operator(), null);

        assertThat(response.statusCode()).isIn(403, 404);
        assertProblem(response, response.statusCode(), response.statusCode() == 403 ? "forbidden" : "not-found");
    }

    /** Sends the endpoint's request with a token (none when null) and the given body. */
    protected HttpResponse<String> send(SecuredEndpoint endpoint, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port() + endpoint.path()))
                .timeout(Duration.ofSeconds(30))
                .header("Idempotency-Key", UUID.randomUUID().toString());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", endpoint.contentType() == null ? "application/json" : endpoint.contentType());
            request.method(endpoint.method(), HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(endpoint.method(), HttpRequest.BodyPublishers.noBody());
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
