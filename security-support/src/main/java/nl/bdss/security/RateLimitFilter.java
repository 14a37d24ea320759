package nl.bdss.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import nl.bdss.problem.Problem;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * 429 with {@code Retry-After} (whole seconds) once a client has used up its bucket. Runs after the token is
 * validated, so it counts per client id; requests without a token (public paths) are not limited here.
 */
final class RateLimitFilter extends OncePerRequestFilter {

    private final ClientRateLimiter limiter;

    RateLimitFilter(ClientRateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<CurrentClient> client = CurrentClient.get();
        if (client.isPresent()) {
            Duration wait = limiter.acquire(client.get().clientId());
            if (!wait.isZero()) {
                long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
                Problem.of(429, "rate-limited", "Too many requests",
                        "Client " + client.get().clientId() + " exceeded its request rate; retry after " + seconds
                                + " second(s)").writeTo(response, request.getRequestURI());
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
