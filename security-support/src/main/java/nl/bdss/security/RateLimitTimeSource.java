package nl.bdss.security;

/**
 * The time the rate limiter refills its buckets by, in nanoseconds of a monotonic clock. The system's monotonic
 * clock unless the application declares a bean of this type (tests do, to move time by hand).
 */
@FunctionalInterface
public interface RateLimitTimeSource {

    RateLimitTimeSource SYSTEM = System::nanoTime;

    long nanoTime();
}
