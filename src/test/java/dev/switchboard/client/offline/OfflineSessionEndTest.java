package dev.switchboard.client.offline;

import dev.switchboard.client.HttpSwitchboardApi;
import dev.switchboard.routing.ManualClock;
import dev.switchboard.server.ServerOptions;
import dev.switchboard.server.SwitchboardServer;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the server ends a desktop's session, the desktop signs in again by itself with the shift's
 * sign-in, unless what the session was made for changed: a new role (the window was built for the
 * old one) or a new password. Then the person is asked to sign in.
 */
@Timeout(60)
class OfflineSessionEndTest {
    @TempDir
    Path dir;
    private final OkHttpClient http = new OkHttpClient();
    private SwitchboardServer server;
    private OfflineApi desk;
    private String admin;
    private long agentId;
    /** The desktop's clock: a sign-in just made is used again by whoever asks within 2 s. */
    private final ManualClock clock = new ManualClock(Instant.now());

    @BeforeEach
    void start() {
        server = SwitchboardServer.start(ServerOptions.inMemory("session-end-" + System.nanoTime(), 0));
        desk = new OfflineApi(new HttpSwitchboardApi(server.baseUrl()), dir, clock, Duration.ofSeconds(3));
        agentId = desk.login("agent", "agent").agent().id();
        admin = new HttpSwitchboardApi(server.baseUrl()).login("admin", "admin").token();
    }

    @AfterEach
    void stop() {
        desk.close();
        server.close();
    }

    @Test
    void aSessionEndedForNothingTheDeskKnowsIsTakenUpAgainByItself() throws IOException {
        patch("{\"disabled\":true}");
        patch("{\"disabled\":false}");
        assertThat(desk.signInAgain()).isTrue();
        assertThat(desk.me().username()).isEqualTo("agent");
    }

    @Test
    void aChangedRoleAsksForTheSignIn() throws IOException {
        patch("{\"role\":\"SUPERVISOR\"}");
        assertThat(desk.signInAgain()).isFalse();
        assertThat(desk.canSignInAgain()).as("the remembered sign-in is dropped").isFalse();
    }

    @Test
    void aNewPasswordAsksForTheSignIn() throws IOException {
        patch("{\"password\":\"Quiet-harbour-42\"}");
        assertThat(desk.signInAgain()).isFalse();
        assertThat(desk.canSignInAgain()).isFalse();
    }

    private void patch(String body) throws IOException {
        clock.advance(Duration.ofSeconds(3));
        Request r = new Request.Builder().url(server.baseUrl() + "/api/v1/admin/users/" + agentId)
                .header("Authorization", "Bearer " + admin)
                .patch(RequestBody.create(body, MediaType.get("application/json"))).build();
        try (Response response = http.newCall(r).execute()) {
            assertThat(response.code()).as(response.body().string()).isEqualTo(200);
        }
    }
}
