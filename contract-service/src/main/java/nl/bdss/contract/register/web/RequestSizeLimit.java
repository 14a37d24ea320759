package nl.bdss.contract.register.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
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
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TooLarge) {
                return Optional.of(cause.getMessage());
            }
        }
        return Optional.empty();
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
        chain.doFilter(request.getContentLengthLong() < 0 ? new Limited(request, limitBytes) : request, response);
    }

    private static final class TooLarge extends IOException {
        TooLarge(long limitBytes) {
            super(message(limitBytes));
        }
    }

    private static final class Limited extends HttpServletRequestWrapper {
        private final long limitBytes;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long limitBytes) {
            super(request);
            this.limitBytes = limitBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counting(super.getInputStream(), limitBytes);
            }
            return stream;
        }
    }

    private static final class Counting extends ServletInputStream {
        private final ServletInputStream delegate;
        private final long limitBytes;
        private long count;

        Counting(ServletInputStream delegate, long limitBytes) {
            this.delegate = delegate;
            this.limitBytes = limitBytes;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            count += n;
            if (count > limitBytes) {
                throw new TooLarge(limitBytes);
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
