package nl.bdss.security;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per client id, in memory: each bucket holds up to {@code burst} requests and refills at
 * {@code requestsPerSecond}. Buckets exist only for clients that called; the client population is small (registered
 * machine clients), so they are kept for the life of the service.
 */
final class ClientRateLimiter {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final double perNano;
    private final double burst;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    ClientRateLimiter(int requestsPerSecond, int burst, LongSupplier nanoTime) {
        this.perNano = (double) requestsPerSecond / NANOS_PER_SECOND;
        this.burst = burst;
        this.nanoTime = nanoTime;
    }

    /** Takes one request from the client's bucket: {@link Duration#ZERO} when allowed, else how long to wait. */
    Duration acquire(String clientId) {
        return buckets.computeIfAbsent(clientId, id -> new Bucket(burst, nanoTime.getAsLong())).take();
    }

    private final class Bucket {
        private double tokens;
        private long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }

        synchronized Duration take() {
            long now = nanoTime.getAsLong();
            tokens = Math.min(burst, tokens + (now - refilledAt) * perNano);
            refilledAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return Duration.ZERO;
            }
            return Duration.ofNanos((long) Math.ceil((1 - tokens) / perNano));
        }
    }
}
