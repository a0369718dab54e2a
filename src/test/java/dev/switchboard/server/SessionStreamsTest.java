package dev.switchboard.server;

import dev.switchboard.api.UserUpdateRequest;
import dev.switchboard.client.EventListener;
import dev.switchboard.client.EventSubscription;
import dev.switchboard.client.HttpSwitchboardApi;
import dev.switchboard.client.StreamEvent;
import dev.switchboard.domain.AgentState;
import dev.switchboard.server.security.SecurityOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An event stream lasts no longer than its session: revoked or signed out, its open stream is closed
 * at once on the node where that happened and within the re-check time on another node, and the
 * desktop's client, reconnecting, is told that the session ended.
 */
@Timeout(90)
class SessionStreamsTest {
    private static final Duration RECHECK = Duration.ofMillis(500);
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private SwitchboardServer server(String database) {
        SwitchboardServer s = SwitchboardServer.start(ServerOptions.inMemory(database, 0),
                SecurityOptions.UNLIMITED.withSessions(AuthService.Limits.DEFAULT.withRecheck(RECHECK)));
        open.add(s);
        return s;
    }

    /** Follows the agent's stream; the flag turns true when the client hears that the session ended. */
    private AtomicBoolean follow(HttpSwitchboardApi agent) {
        AtomicBoolean ended = new AtomicBoolean();
        EventSubscription s = agent.subscribe(0, new EventListener() {
            @Override
            public void onEvent(StreamEvent event) {
            }

            @Override
            public void onSessionEnded() {
                ended.set(true);
            }
        });
        open.add(s);
        await().atMost(Duration.ofSeconds(10)).until(s::connected);
        return ended;
    }

    private static void revoke(SwitchboardServer on, long agentId) {
        HttpSwitchboardApi admin = new HttpSwitchboardApi(on.baseUrl());
        admin.login("admin", "admin");
        admin.admin().orElseThrow().updateUser(agentId,
                new UserUpdateRequest(null, null, null, null, null, "Quiet-harbour-42", null));
    }

    @Test
    void aRevokedSessionsStreamIsClosedAtOnce() {
        SwitchboardServer server = server("streams-revoked-" + System.nanoTime());
        HttpSwitchboardApi agent = new HttpSwitchboardApi(server.baseUrl());
        long id = agent.login("agent", "agent").agent().id();
        AtomicBoolean ended = follow(agent);

        revoke(server, id);
        // the keep-alive alone would hold the stream open: only its closing tells the client
        await().atMost(Duration.ofSeconds(5)).untilTrue(ended);
    }

    @Test
    void aSignedOutSessionsStreamIsClosed() {
        SwitchboardServer server = server("streams-signed-out-" + System.nanoTime());
        HttpSwitchboardApi desk = new HttpSwitchboardApi(server.baseUrl());
        desk.login("agent", "agent");
        HttpSwitchboardApi laptop = new HttpSwitchboardApi(server.baseUrl());
        laptop.login("agent", "agent");
        AtomicBoolean deskEnded = follow(desk);
        AtomicBoolean laptopEnded = follow(laptop);

        laptop.logout();
        await().atMost(Duration.ofSeconds(5)).untilTrue(laptopEnded);
        assertThat(deskEnded).as("the other desktop's session goes on").isFalse();
        assertThat(desk.me().username()).isEqualTo("agent");
    }

    @Test
    void aSessionOutlivesARestartAndItsAgentIsRoutedAgain(@TempDir Path dir) throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        ServerOptions options = new ServerOptions("127.0.0.1", port, dir, null, null, null, null, 0, 1, 0, "GB", null,
                null, 0, 0, 0, null, null, false, null, Clock.systemUTC());
        HttpSwitchboardApi agent = new HttpSwitchboardApi("http://127.0.0.1:" + port);
        try (SwitchboardServer first = SwitchboardServer.start(options)) {
            agent.login("agent", "agent");
        }
        try (SwitchboardServer second = SwitchboardServer.start(options)) {
            assertThat(agent.me().username()).as("the same token, no new sign-in").isEqualTo("agent");
            // routing on the restarted server knows the agent again, as after a sign-in
            assertThat(agent.setState(AgentState.READY, null).state()).isEqualTo(AgentState.READY);
        }
    }

    @Test
    void aSessionRevokedOnAnotherNodeHasItsStreamClosedWithinTheRecheckTime() {
        String database = "streams-two-nodes-" + System.nanoTime();
        SwitchboardServer a = server(database);
        SwitchboardServer b = server(database);
        HttpSwitchboardApi agent = new HttpSwitchboardApi(b.baseUrl());
        long id = agent.login("agent", "agent").agent().id();
        AtomicBoolean ended = follow(agent);

        revoke(a, id);
        await().atMost(RECHECK.multipliedBy(2).plusSeconds(2)).untilTrue(ended);
    }
}
