package nl.bdss.security.audit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.bdss.security.CurrentClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Records every write (POST, PUT, PATCH, DELETE) and every read of a sensitive path by an authenticated client,
 * including refusals (403, 404, 422...), once the response status is known. Runs inside the security filter chain,
 * after the token is validated and around the authorization decision. A failure to record is logged, not
 * answered to the client: the response has already been produced by then.
 */
public final class AuditFilter extends OncePerRequestFilter {

    /** Reads of the audit trail itself are always recorded. */
    public static final String AUDIT_PATH = "/api/v1/audit";

    private static final Logger log = LoggerFactory.getLogger(AuditFilter.class);
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Pattern LAST_VARIABLE = Pattern.compile(".*/([^/{}]+)/\\{([^}/:]+)(?::[^}]*)?}[^{]*$");

    private final AuditTrail trail;
    private final Clock clock;
    private final List<RequestMatcher> sensitiveReads;

    public AuditFilter(AuditTrail trail, List<String> sensitiveReadPaths, Clock clock) {
        this.trail = trail;
        this.clock = clock;
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        this.sensitiveReads = java.util.stream.Stream.concat(sensitiveReadPaths.stream(),
                        java.util.stream.Stream.of(AUDIT_PATH, AUDIT_PATH + "/**"))
                .map(path -> (RequestMatcher) paths.matcher(path))
                .toList();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<CurrentClient> client = CurrentClient.get();
        if (client.isEmpty() || !recorded(request)) {
            chain.doFilter(request, response);
            return;
        }
        int outcome = HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
        try {
            chain.doFilter(request, new HeldFlushResponse(response));
            outcome = response.getStatus();
        } finally {
            record(client.get(), request, outcome);
        }
    }

    /**
     * Holds back the application's explicit flushes, so that a response that fits the container's buffer reaches
     * the client only after its audit entry is stored: whoever sees the answer can find the entry. A larger body
     * still streams (the container flushes a full buffer), and its end still follows the entry.
     */
    private static final class HeldFlushResponse extends jakarta.servlet.http.HttpServletResponseWrapper {
        private jakarta.servlet.ServletOutputStream stream;
        private java.io.PrintWriter writer;

        HeldFlushResponse(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void flushBuffer() {
            // held until the request completes
        }

        @Override
        public jakarta.servlet.ServletOutputStream getOutputStream() throws IOException {
            if (stream == null) {
                jakarta.servlet.ServletOutputStream delegate = super.getOutputStream();
                stream = new jakarta.servlet.ServletOutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        delegate.write(b);
                    }

                    @Override
                    public void write(byte[] bytes, int offset, int length) throws IOException {
                        delegate.write(bytes, offset, length);
                    }

                    @Override
                    public void flush() {
                        // held until the request completes
                    }

                    @Override
                    public boolean isReady() {
                        return delegate.isReady();
                    }

                    @Override
                    public void setWriteListener(jakarta.servlet.WriteListener listener) {
                        delegate.setWriteListener(listener);
                    }
                };
            }
            return stream;
        }

        @Override
        public java.io.PrintWriter getWriter() throws IOException {
            if (writer == null) {
                java.io.PrintWriter delegate = super.getWriter();
                writer = new java.io.PrintWriter(delegate) {
                    @Override
                    public void flush() {
                        // held until the request completes
                    }
                };
            }
            return writer;
        }
    }

    private boolean recorded(HttpServletRequest request) {
        return WRITES.contains(request.getMethod())
                || sensitiveReads.stream().anyMatch(matcher -> matcher.matches(request));
    }

    private void record(CurrentClient client, HttpServletRequest request, int outcome) {
        String template = pathTemplate(request);
        String[] object = object(request, template);
        AuditEntry entry = new AuditEntry(null, clock.instant(), client.clientId(), client.rolesText(),
                client.uzovi().orElse(null), request.getMethod() + " " + template, object[0], object[1], outcome);
        try {
            trail.append(entry);
        } catch (RuntimeException e) {
            log.error("Could not record audit entry {}", entry, e);
        }
    }

    private static String pathTemplate(HttpServletRequest request) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        return pattern != null ? pattern.toString() : request.getRequestURI();
    }

    /** The described object, else the last path variable and the segment before it; {null, null} if neither. */
    private static String[] object(HttpServletRequest request, String template) {
        Object type = request.getAttribute(AuditObject.TYPE_ATTRIBUTE);
        if (type != null) {
            return new String[] {type.toString(), String.valueOf(request.getAttribute(AuditObject.ID_ATTRIBUTE))};
        }
        Matcher matcher = LAST_VARIABLE.matcher(template);
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (matcher.matches() && variables instanceof Map<?, ?> values && values.get(matcher.group(2)) != null) {
            return new String[] {matcher.group(1), values.get(matcher.group(2)).toString()};
        }
        return new String[] {null, null};
    }
}
