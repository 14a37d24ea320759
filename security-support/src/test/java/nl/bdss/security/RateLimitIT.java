package nl.bdss.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import nl.bdss.security.testapp.SecurityTestApplication;
import nl.bdss.security.testing.TestTokenIssuer;
import nl.bdss.security.testing.UsesTestTokenIssuer;
import nl.bdss.testsupport.UsesInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

@SpringBootTest(classes = SecurityTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {SecurityTestApplication.CONFIG_NAME,
                "bdss.security.rate-limit.requests-per-second=1", "bdss.security.rate-limit.burst=3"})
@UsesInfrastructure(database = "security")
@UsesTestTokenIssuer
@Import(RateLimitIT.ManualTime.class)
class RateLimitIT {

    static final TestTokenIssuer tokens = TestTokenIssuer.get();
    /** The limiter's time, moved by hand: the test does not depend on how fast the machine answers. */
    static final AtomicLong NOW = new AtomicLong();

    @TestConfiguration
    static class ManualTime {
        @Bean
        RateLimitTimeSource manualRateLimitTime() {
            return NOW::get;
        }
    }

    @LocalServerPort
    int port;

    @Test
    void clientOverItsBurst_getsTooManyRequests_withRetryAfter_whileOtherClientsContinue() {
        String greedy = tokens.token("operator-greedy", "operator", null);
        for (int i = 0; i < 3; i++) {
            assertThat(Http.get(port, "/api/v1/things/1", greedy).statusCode()).isEqualTo(200);
        }

        HttpResponse<String> refused = Http.get(port, "/api/v1/things/1", greedy);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.body()).contains("\"status\":429", "operator-greedy exceeded its request rate");
        assertThat(Http.get(port, "/api/v1/things/1", tokens.token("operator-calm", "operator", null)).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aRefusedClient_isServedAgain_onceItsBucketRefills() {
        String patient = tokens.token("operator-patient", "operator", null);
        for (int i = 0; i < 3; i++) {
            assertThat(Http.get(port, "/api/v1/things/1", patient).statusCode()).isEqualTo(200);
        }
        assertThat(Http.get(port, "/api/v1/things/1", patient).statusCode()).isEqualTo(429);

        NOW.addAndGet(Duration.ofSeconds(1).toNanos()); // one request per second: one token back

        assertThat(Http.get(port, "/api/v1/things/1", patient).statusCode()).isEqualTo(200);
        assertThat(Http.get(port, "/api/v1/things/1", patient).statusCode()).isEqualTo(429);
    }

    @Test
    void publicPaths_areNotLimited() {
        for (int i = 0; i < 10; i++) {
            assertThat(Http.get(port, "/actuator/health", null).statusCode()).isEqualTo(200);
        }
    }
}
