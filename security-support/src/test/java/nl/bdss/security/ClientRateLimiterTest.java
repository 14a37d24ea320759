package nl.bdss.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ClientRateLimiterTest {

    final AtomicLong now = new AtomicLong(0);
    final ClientRateLimiter limiter = new ClientRateLimiter(2, 4, now::get);

    @Test
    void allowsABurst_thenAsksToWaitForTheNextToken() {
        for (int i = 0; i < 4; i++) {
            assertThat(limiter.acquire("a")).isZero();
        }

        assertThat(limiter.acquire("a")).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void refillsAtTheSustainedRate_upToTheBurst() {
        for (int i = 0; i < 4; i++) {
            limiter.acquire("a");
        }
        now.addAndGet(Duration.ofMillis(500).toNanos());
        assertThat(limiter.acquire("a")).isZero();
        assertThat(limiter.acquire("a")).isPositive();

        now.addAndGet(Duration.ofHours(1).toNanos());
        for (int i = 0; i < 4; i++) {
            assertThat(limiter.acquire("a")).isZero();
        }
        assertThat(limiter.acquire("a")).isPositive();
    }

    @Test
    void bucketsArePerClient() {
        for (int i = 0; i < 4; i++) {
            limiter.acquire("a");
        }

        assertThat(limiter.acquire("a")).isPositive();
        assertThat(limiter.acquire("b")).isZero();
    }
}
