package nl.bdss.security;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.util.Optional;

/**
 * A request whose body stream fails with {@link TooLarge} once more than the limit has been read: for bodies without
 * a declared length (chunked), so they fail instead of filling memory. Used by the library's request-size filter and
 * by services with a tighter limit of their own.
 */
public final class BodySizeLimit {

    private BodySizeLimit() {
    }

    /** Reading the body passed the limit; the message says so for the client. */
    public static final class TooLarge extends IOException {
        TooLarge(String message) {
            super(message);
        }
    }

    public static HttpServletRequest limited(HttpServletRequest request, long maxBytes, String message) {
        return new Limited(request, maxBytes, message);
    }

    /** The reason, when a failure was caused by reading past the limit. */
    public static Optional<String> exceeded(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TooLarge) {
                return Optional.of(cause.getMessage());
            }
        }
        return Optional.empty();
    }

    private static final class Limited extends HttpServletRequestWrapper {
        private final long maxBytes;
        private final String message;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long maxBytes, String message) {
            super(request);
            this.maxBytes = maxBytes;
            this.message = message;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counting(super.getInputStream(), maxBytes, message);
            }
            return stream;
        }
    }

    private static final class Counting extends ServletInputStream {
        private final ServletInputStream delegate;
        private final long maxBytes;
        private final String message;
        private long read;

        Counting(ServletInputStream delegate, long maxBytes, String message) {
            this.delegate = delegate;
            this.maxBytes = maxBytes;
            this.message = message;
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
            read += n;
            if (read > maxBytes) {
                throw new TooLarge(message);
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
