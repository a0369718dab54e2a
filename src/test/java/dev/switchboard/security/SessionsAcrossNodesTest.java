package dev.switchboard.security;

import dev.switchboard.domain.Agent;
import dev.switchboard.domain.Role;
import dev.switchboard.routing.ManualClock;
import dev.switchboard.server.AuthService;
import dev.switchboard.server.Session;
import dev.switchboard.store.AgentStore;
import dev.switchboard.store.Database;
import dev.switchboard.store.LoginAttemptStore;
import dev.switchboard.store.SessionStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two {@link AuthService}s on one database stand for two server nodes, or for one server before and
 * after a restart: a token either issued is accepted by the other, and a session ended on one is
 * refused by the other within the re-check time, while requests in between are answered from memory.
 */
class SessionsAcrossNodesTest {
    private static final Duration RECHECK = Duration.ofSeconds(5);
    private static final AuthService.Limits LIMITS = new AuthService.Limits(Duration.ofHours(2), Duration.ofHours(12),
            5, Duration.ofMinutes(15), Duration.ofMinutes(15)).withRecheck(RECHECK);
    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-02T08:00:00Z"));
    private Database db;
    private Agent kim;

    @BeforeEach
    void open() {
        db = Database.h2Memory("sessions-across-nodes-" + System.nanoTime());
        kim = new AgentStore(db.dataSource()).insert("kim", "Kim", Role.AGENT, AuthService.hash("kim-password-1"), false);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private AuthService node() {
        return new AuthService(new AgentStore(db.dataSource()), new LoginAttemptStore(db.dataSource()),
                new SessionStore(db.dataSource()), LIMITS, clock);
    }

    @Test
    void aTokenIssuedByOneNodeIsAcceptedByAnotherAndAfterARestart() throws Exception {
        AuthService a = node();
        AuthService b = node();
        List<Session> resumedOnB = new ArrayList<>();
        b.onSessionResumed(resumedOnB::add);
        Session signedIn = a.login("kim", "kim-password-1").orElseThrow();

        assertThat(b.isLive(signedIn.token())).as("not in use on b yet").isFalse();
        assertThat(b.resolve(signedIn.token())).map(Session::agent).contains(kim);
        assertThat(b.resolve(signedIn.token())).isPresent();
        assertThat(resumedOnB).as("b's routing learns of kim once").extracting(Session::agentId).containsExactly(kim.id());
        assertThat(b.isLive(signedIn.token())).isTrue();
        assertThat(b.hasSession(kim.id())).isTrue();

        AuthService restarted = node();
        assertThat(restarted.resolve(signedIn.token())).map(Session::agent).contains(kim);
        assertThat(b.resolve("made-up-token")).isEmpty();
        assertThat(b.resolve(null)).isEmpty();

        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(signedIn.token().getBytes(StandardCharsets.UTF_8)));
        assertThat(storedRows()).as("only the token's hash is kept").containsExactly(expected)
                .doesNotContain(signedIn.token());
    }

    @Test
    void revokingOnOneNodeIsRefusedByTheOtherWithinTheRecheckTime() {
        AuthService a = node();
        AuthService b = node();
        List<Session> endedOnB = new ArrayList<>();
        List<Agent> leftRoutingOnB = new ArrayList<>();
        b.onSessionEnded(endedOnB::add);
        b.onLastSessionEnded(leftRoutingOnB::add);
        Session desk = a.login("kim", "kim-password-1").orElseThrow();
        assertThat(b.resolve(desk.token())).isPresent();

        assertThat(a.revokeAll(kim.id())).isEqualTo(1);
        assertThat(a.resolve(desk.token())).as("at once on the node that revoked").isEmpty();
        clock.advance(RECHECK.minusMillis(1));
        assertThat(b.resolve(desk.token())).as("b answers from memory until it looks again").isPresent();
        assertThat(endedOnB).isEmpty();

        clock.advance(Duration.ofMillis(1));
        assertThat(b.resolve(desk.token())).isEmpty();
        assertThat(endedOnB).extracting(Session::token).containsExactly(desk.token());
        assertThat(leftRoutingOnB).containsExactly(kim);
        assertThat(b.hasSession(kim.id())).isFalse();
    }

    @Test
    void signingOutOnOneNodeEndsTheSessionOnTheOther() {
        AuthService a = node();
        AuthService b = node();
        List<Session> endedOnB = new ArrayList<>();
        b.onSessionEnded(endedOnB::add);
        Session desk = a.login("kim", "kim-password-1").orElseThrow();
        Session laptop = a.login("kim", "kim-password-1").orElseThrow();
        assertThat(b.resolve(desk.token())).isPresent();
        assertThat(b.resolve(laptop.token())).isPresent();

        b.logout(desk.token());
        assertThat(endedOnB).extracting(Session::token).containsExactly(desk.token());
        clock.advance(RECHECK);
        assertThat(a.resolve(desk.token())).isEmpty();
        assertThat(a.resolve(laptop.token())).isPresent();
        assertThat(b.resolve(laptop.token())).isPresent();
    }

    @Test
    void aSessionUsedOnAnotherNodeDoesNotGoIdleHereAndLastUseIsWrittenAboutOnceAMinute() throws Exception {
        AuthService a = node();
        AuthService b = node();
        List<Agent> leftRoutingOnA = new ArrayList<>();
        a.onLastSessionEnded(leftRoutingOnA::add);
        Session desk = a.login("kim", "kim-password-1").orElseThrow();
        Instant signedIn = clock.instant();
        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofSeconds(5));
            assertThat(b.resolve(desk.token())).isPresent();
        }
        assertThat(lastSeen()).as("50 s of requests: nothing written").isEqualTo(signedIn);
        clock.advance(Duration.ofSeconds(15));
        assertThat(b.resolve(desk.token())).isPresent(); // in use a minute after sign-in: moves in memory
        clock.advance(RECHECK);
        assertThat(b.resolve(desk.token())).isPresent(); // b's next look writes it
        assertThat(lastSeen()).isEqualTo(signedIn.plusSeconds(65));

        // used on b only, for longer than the idle limit of 2 h
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofMinutes(59));
            assertThat(b.resolve(desk.token())).isPresent();
        }
        clock.advance(RECHECK);
        assertThat(b.resolve(desk.token())).isPresent();
        assertThat(a.resolve(desk.token())).as("idle on a, used on b").isPresent();
        assertThat(leftRoutingOnA).isEmpty();
    }

    private List<String> storedRows() throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM auth_session")) {
            while (rs.next()) {
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    if (rs.getObject(i) instanceof String text) {
                        rows.add(text);
                    }
                }
            }
        }
        return rows;
    }

    private Instant lastSeen() throws Exception {
        try (Connection c = db.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT last_seen FROM auth_session")) {
            assertThat(rs.next()).isTrue();
            return rs.getObject(1, java.time.OffsetDateTime.class).toInstant();
        }
    }
}
