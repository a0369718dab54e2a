package dev.switchboard.security;

import dev.switchboard.server.AuthService;
import dev.switchboard.server.ServerOptions;
import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.security.SecurityOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Lockout after repeated failed sign-ins, over real HTTP: the lock answers 429 with when to try
 * again, the same whether the user exists or not; a success resets the count; the count lives in
 * the database, so two server nodes on one database share it.
 */
class LoginLockoutTest {
    private final List<SwitchboardServer> servers = new ArrayList<>();

    private SwitchboardServer start(String db, Duration lockFor) {
        SwitchboardServer s = SwitchboardServer.start(ServerOptions.inMemory(db, 0), SecurityOptions.DEFAULT
                .withSessions(new AuthService.Limits(Duration.ofHours(12), Duration.ofHours(12), 5,
                        Duration.ofMinutes(15), lockFor)));
        servers.add(s);
        return s;
    }

    @AfterEach
    void stop() {
        for (int i = servers.size() - 1; i >= 0; i--) {
            servers.get(i).close();
        }
    }

    @Test
    void fiveFailuresLockTheNameEvenForTheRightPasswordAndTheLockSaysWhenToTryAgain() throws IOException {
        Http http = new Http(start("lockout-a", Duration.ofMinutes(15)).baseUrl());
        for (int i = 0; i < 4; i++) {
            assertThat(http.login("agent", "wrong-" + i).status()).isEqualTo(401);
        }
        Http.Answer fifth = http.login("agent", "wrong-5");
        assertThat(fifth.status()).isEqualTo(429);
        Http.Answer locked = http.login("agent", "agent");
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.error()).isEqualTo("locked");
        assertThat(locked.body().get("message").asText()).contains("try again in 15 minutes");
        assertThat(Long.parseLong(locked.retryAfter())).isBetween(14 * 60L, 15 * 60L + 1);
        // other names are not affected
        assertThat(http.login("supervisor", "supervisor").status()).isEqualTo(200);
    }

    @Test
    void anUnknownNameIsLockedAlikeSoTheAnswerDoesNotTellWhoExists() throws IOException {
        Http http = new Http(start("lockout-b", Duration.ofMinutes(15)).baseUrl());
        List<Integer> known = new ArrayList<>();
        List<Integer> unknown = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            known.add(http.login("supervisor", "nope").status());
            unknown.add(http.login("nobody-here", "nope").status());
        }
        assertThat(known).containsExactly(401, 401, 401, 401, 429, 429).isEqualTo(unknown);
        Http.Answer a = http.login("supervisor", "nope");
        Http.Answer b = http.login("nobody-here", "nope");
        assertThat(a.error()).isEqualTo(b.error());
        assertThat(a.body().get("message").asText().replaceAll("after .*", ""))
                .isEqualTo(b.body().get("message").asText().replaceAll("after .*", ""));
    }

    @Test
    void aSuccessfulSignInResetsTheCountAndNamesAreCountedWithoutCase() throws IOException {
        Http http = new Http(start("lockout-c", Duration.ofMinutes(15)).baseUrl());
        for (int i = 0; i < 4; i++) {
            assertThat(http.login(i % 2 == 0 ? "agent" : "AGENT", "wrong").status()).isEqualTo(401);
        }
        assertThat(http.login("agent", "agent").status()).isEqualTo(200);
        for (int i = 0; i < 4; i++) {
            assertThat(http.login("agent", "wrong").status()).isEqualTo(401);
        }
        assertThat(http.login("agent", "agent").status()).isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            http.login("Agent", "wrong");
        }
        assertThat(http.login("agent", "agent").status()).isEqualTo(429);
    }

    @Test
    void theLockLiftsWhenItsTimeIsUp() throws IOException {
        Http http = new Http(start("lockout-d", Duration.ofSeconds(2)).baseUrl());
        for (int i = 0; i < 5; i++) {
            http.login("agent", "wrong");
        }
        assertThat(http.login("agent", "agent").status()).isEqualTo(429);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                .until(() -> http.login("agent", "agent").status() == 200);
    }

    @Test
    void twoNodesOnOneDatabaseShareTheCountAndTheLock() throws IOException {
        Http nodeA = new Http(start("lockout-e", Duration.ofMinutes(15)).baseUrl());
        Http nodeB = new Http(start("lockout-e", Duration.ofMinutes(15)).baseUrl());
        assertThat(nodeA.login("agent", "wrong").status()).isEqualTo(401);
        assertThat(nodeB.login("agent", "wrong").status()).isEqualTo(401);
        assertThat(nodeA.login("agent", "wrong").status()).isEqualTo(401);
        assertThat(nodeB.login("agent", "wrong").status()).isEqualTo(401);
        assertThat(nodeA.login("agent", "wrong").status()).isEqualTo(429);
        // locked on the other node too, and on a node started afterwards (a restart)
        assertThat(nodeB.login("agent", "agent").status()).isEqualTo(429);
        Http nodeC = new Http(start("lockout-e", Duration.ofMinutes(15)).baseUrl());
        assertThat(nodeC.login("agent", "agent").status()).isEqualTo(429);
    }
}
