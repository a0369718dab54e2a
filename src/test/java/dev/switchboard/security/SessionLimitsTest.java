package dev.switchboard.security;

import dev.switchboard.domain.Agent;
import dev.switchboard.domain.Role;
import dev.switchboard.routing.ManualClock;
import dev.switchboard.server.AuthService;
import dev.switchboard.server.ServerOptions;
import dev.switchboard.server.Session;
import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.security.SecurityOptions;
import dev.switchboard.store.AgentStore;
import dev.switchboard.store.Database;
import dev.switchboard.store.LoginAttemptStore;
import dev.switchboard.store.SessionStore;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Sessions end by idleness, by their lifetime however busy, and by revocation. */
class SessionLimitsTest {
    @Test
    void aBusySessionStillEndsItsLifetimeAfterSignInAndAnIdleOneSooner() {
        try (Database db = Database.h2Memory("session-limits-a")) {
            AgentStore agents = new AgentStore(db.dataSource());
            agents.insert("kim", "Kim", Role.AGENT, AuthService.hash("kim-password-1"), false);
            ManualClock clock = new ManualClock(Instant.parse("2026-03-02T08:00:00Z"));
            AuthService auth = new AuthService(agents, new LoginAttemptStore(db.dataSource()),
                    new SessionStore(db.dataSource()), new AuthService.Limits(Duration.ofHours(2), Duration.ofHours(12), 5,
                            Duration.ofMinutes(15), Duration.ofMinutes(15)), clock);
            String busy = auth.login("kim", "kim-password-1").orElseThrow().token();
            for (int hour = 0; hour < 11; hour++) {
                clock.advance(Duration.ofMinutes(59));
                assertThat(auth.resolve(busy)).as("hour %d", hour).isPresent();
            }
            clock.advance(Duration.ofMinutes(72));
            assertThat(auth.resolve(busy)).as("12 h after sign-in").isEmpty();

            String idle = auth.login("kim", "kim-password-1").orElseThrow().token();
            clock.advance(Duration.ofMinutes(119));
            assertThat(auth.isLive(idle)).isTrue();
            clock.advance(Duration.ofMinutes(2));
            assertThat(auth.resolve(idle)).isEmpty();
        }
    }

    @Test
    void revokeAllEndsEverySessionOfThatAgentOnlyAndTellsRouting() {
        try (Database db = Database.h2Memory("session-limits-b")) {
            AgentStore agents = new AgentStore(db.dataSource());
            Agent kim = agents.insert("kim", "Kim", Role.AGENT, AuthService.hash("kim-password-1"), false);
            agents.insert("lee", "Lee", Role.AGENT, AuthService.hash("lee-password-1"), false);
            AuthService auth = new AuthService(agents, new LoginAttemptStore(db.dataSource()),
                    new SessionStore(db.dataSource()), Clock.systemUTC());
            List<Agent> ended = new ArrayList<>();
            auth.onLastSessionEnded(ended::add);
            Session desk = auth.login("kim", "kim-password-1").orElseThrow();
            Session laptop = auth.login("kim", "kim-password-1").orElseThrow();
            Session lee = auth.login("lee", "lee-password-1").orElseThrow();

            assertThat(auth.revoke(laptop.token())).isTrue();
            assertThat(auth.resolve(laptop.token())).isEmpty();
            assertThat(ended).isEmpty();
            Session again = auth.login("kim", "kim-password-1").orElseThrow();

            assertThat(auth.revokeAll(kim.id())).isEqualTo(2);
            assertThat(auth.resolve(desk.token())).isEmpty();
            assertThat(auth.resolve(again.token())).isEmpty();
            assertThat(auth.resolve(lee.token())).isPresent();
            assertThat(ended).extracting(Agent::username).containsExactly("kim");
            assertThat(auth.revokeAll(kim.id())).isZero();
            assertThat(auth.revoke("no-such-token")).isFalse();
        }
    }

    @Test
    void anExpiredTokenIsA401AskingToSignInAgain() throws IOException {
        SecurityOptions shortLived = SecurityOptions.DEFAULT.withSessions(new AuthService.Limits(Duration.ofHours(1),
                Duration.ofSeconds(2), 5, Duration.ofMinutes(15), Duration.ofMinutes(15)));
        try (SwitchboardServer server = SwitchboardServer.start(ServerOptions.inMemory("session-limits-c", 0), shortLived)) {
            Http http = new Http(server.baseUrl());
            String token = http.token("agent", "agent");
            assertThat(http.call("GET", "/api/v1/me", (String) null, token).status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                    .until(() -> http.call("GET", "/api/v1/me", (String) null, token).status() == 401);
            Http.Answer ended = http.call("GET", "/api/v1/me", (String) null, token);
            assertThat(ended.body().get("message").asText()).isEqualTo("your session has ended; sign in again");
            assertThat(http.call("GET", "/api/v1/me", (String) null, http.token("agent", "agent")).status()).isEqualTo(200);
        }
    }
}
