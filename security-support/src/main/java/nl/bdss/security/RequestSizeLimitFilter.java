package nl.bdss.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import nl.bdss.problem.Problem;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Abuse limit on request bodies: a declared Content-Length above the limit is refused with 413 problem+json before
 * anything is read; a body without a declared length (chunked) is cut off when it passes the limit, so the request
 * fails instead of filling memory. Paths declared as large (streamed bulk uploads) are exempt.
 */
final class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final List<String> largeRequestPaths;
    private final AntPathMatcher paths = new AntPathMatcher();

    RequestSizeLimitFilter(long maxBytes, List<String> largeRequestPaths) {
        this.maxBytes = maxBytes;
        this.largeRequestPaths = largeRequestPaths;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return largeRequestPaths.stream().anyMatch(pattern -> paths.match(pattern, path));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            Problem.of(413, "request-too-large", "Request body too large",
                    "The request body has " + declared + " bytes; this API accepts at most " + maxBytes)
                    .writeTo(response, request.getRequestURI());
            return;
        }
        chain.doFilter(declared < 0
                ? BodySizeLimit.limited(request, maxBytes, "Request body larger than " + maxBytes + " bytes")
                : request, response);
    }
}
