package dev.switchboard.security;

import dev.switchboard.server.ServerOptions;
import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.security.RateLimiter;
import dev.switchboard.server.security.RequestGuard;
import dev.switchboard.server.security.SecurityOptions;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rate limits per session token and per client address, over real HTTP, and the bucket itself. The
 * sign-ins of the first tests come out of the address's burst of 6, so the address test runs last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RateLimitTest {
    private static SwitchboardServer server;
    private static Http http;

    @BeforeAll
    static void start() {
        // a slow refill, so that nothing comes back during the test: each bucket is its burst
        server = SwitchboardServer.start(ServerOptions.inMemory("rate-limits", 0), SecurityOptions.DEFAULT
                .withRateLimits(new RequestGuard.RateLimits(new RateLimiter.Rate(0.01, 10), new RateLimiter.Rate(0.01, 6))));
        http = new Http(server.baseUrl());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    @Order(1)
    void aSessionGetsItsBurstThenA429WithRetryAfterWhileAnotherSessionGoesOn() throws IOException {
        String agent = http.token("agent", "agent");
        String supervisor = http.token("supervisor", "supervisor");
        for (int i = 0; i < 10; i++) {
            assertThat(http.call("GET", "/api/v1/me", (String) null, agent).status()).as("request %d", i).isEqualTo(200);
        }
        Http.Answer limited = http.call("GET", "/api/v1/me", (String) null, agent);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.error()).isEqualTo("rate_limited");
        assertThat(limited.body().get("message").asText()).contains("for this session");
        assertThat(Long.parseLong(limited.retryAfter())).isPositive();
        assertThat(http.call("GET", "/api/v1/me", (String) null, supervisor).status()).isEqualTo(200);
        // outside /api/v1 nothing is limited
        for (int i = 0; i < 20; i++) {
            assertThat(http.call("GET", "/health", (String) null, agent).status()).isEqualTo(200);
        }
    }

    @Test
    @Order(2)
    void theEventStreamCountsOnceForItsConnectNotForItsEvents() throws Exception {
        String outbound = http.token("outbound", "outbound");
        OkHttpClient streaming = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(30)).build();
        Request events = new Request.Builder().url(server.baseUrl() + "/api/v1/events")
                .header("Accept", "text/event-stream").header("Authorization", "Bearer " + outbound).build();
        try (Response stream = streaming.newCall(events).execute()) {
            assertThat(stream.code()).isEqualTo(200);
            // its own state changes flow down the stream while the session makes its other requests
            for (int i = 0; i < 8; i++) {
                assertThat(http.call("PUT", "/api/v1/me/state", i % 2 == 0 ? "{\"state\":\"READY\"}"
                        : "{\"state\":\"NOT_READY\",\"reasonCode\":\"BREAK\"}", outbound).status()).as("write %d", i).isIn(200, 400);
            }
            assertThat(http.call("GET", "/api/v1/me", (String) null, outbound).status()).isEqualTo(200);
            assertThat(http.call("GET", "/api/v1/me", (String) null, outbound).status()).isEqualTo(429);
        }
    }

    @Test
    @Order(9)
    void signInsAndRequestsWithoutASessionAreLimitedPerAddress() throws IOException {
        int refused = 0;
        for (int i = 0; i < 8; i++) {
            // made-up tokens do not get buckets of their own: they count against the address
            Http.Answer a = http.call("GET", "/api/v1/me", (String) null, "made-up-" + i);
            if (a.status() == 429) {
                refused++;
                assertThat(a.error()).isEqualTo("rate_limited");
                assertThat(a.body().get("message").asText()).contains("from this address");
            } else {
                assertThat(a.status()).isEqualTo(401);
            }
        }
        assertThat(refused).isPositive();
        Http.Answer login = http.login("agent", "agent");
        assertThat(login.status()).isEqualTo(429);
        assertThat(login.retryAfter()).isNotNull();
    }

    @Test
    void aBucketRefillsAtItsRateUpToItsBurst() {
        AtomicLong nanos = new AtomicLong();
        RateLimiter limiter = new RateLimiter(nanos::get);
        RateLimiter.Rate rate = new RateLimiter.Rate(50, 100);
        for (int i = 0; i < 100; i++) {
            assertThat(limiter.take("t", rate)).isZero();
        }
        long wait = limiter.take("t", rate);
        assertThat(wait).isEqualTo(20_000_000L);
        nanos.addAndGet(wait);
        assertThat(limiter.take("t", rate)).isZero();
        assertThat(limiter.take("t", rate)).isPositive();
        // an hour later the bucket holds its burst, not more
        nanos.addAndGet(Duration.ofHours(1).toNanos());
        for (int i = 0; i < 100; i++) {
            assertThat(limiter.take("t", rate)).isZero();
        }
        assertThat(limiter.take("t", rate)).isPositive();
        assertThat(limiter.take("other", RateLimiter.Rate.UNLIMITED)).isZero();
    }
}
