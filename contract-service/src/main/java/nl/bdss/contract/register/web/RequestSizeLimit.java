package nl.bdss.contract.register.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import nl.bdss.security.BodySizeLimit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses request bodies above the limit with 413 problem+json: at once when Content-Length says so, otherwise
 * (chunked bodies) as soon as reading passes the limit. Nothing is stored either way.
 */
@Component
class RequestSizeLimit extends OncePerRequestFilter {

    private final JsonMapper json;
    private final long limitBytes;

    RequestSizeLimit(JsonMapper json, @Value("${bdss.contract.max-request-bytes:262144}") long limitBytes) {
        this.json = json;
        this.limitBytes = limitBytes;
    }

    private static String message(long limitBytes) {
        return "the request body exceeds the limit of " + limitBytes + " bytes (" + limitBytes / 1024 + " KB)";
    }

    /** The reason when reading the body failed because it passed the limit. */
    static Optional<String> exceeded(Throwable failure) {
        return BodySizeLimit.exceeded(failure);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limitBytes) {
            ProblemDetail problem = ProblemResponses.problem(HttpStatus.CONTENT_TOO_LARGE, "request-too-large",
                    "Request body too large", message(limitBytes), List.of()).getBody();
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            response.setContentType(ProblemResponses.PROBLEM_JSON.toString());
            response.getOutputStream().write(json.writeValueAsBytes(problem));
            return;
        }
        chain.doFilter(request.getContentLengthLong() < 0
                ? BodySizeLimit.limited(request, limitBytes, message(limitBytes))
                : request, response);
    }
}
