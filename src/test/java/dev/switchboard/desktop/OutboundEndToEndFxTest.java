package dev.switchboard.desktop;

import dev.switchboard.client.HttpSwitchboardApi;
import dev.switchboard.domain.Role;
import dev.switchboard.server.ServerOptions;
import dev.switchboard.server.SwitchboardServer;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.switchboard.desktop.FxTestSupport.text;
import static dev.switchboard.desktop.FxTestSupport.visible;
import static dev.switchboard.desktop.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An outbound agent's desktop against the real server: a contact at night in New York is never
 * offered, the London contact is; a number the supervisor lists meanwhile is refused at the dial
 * with the reason; when nothing may be dialled the view says when the next record falls due.
 */
@ExtendWith(ApplicationExtension.class)
class OutboundEndToEndFxTest {
    /** A Wednesday: 09:30 in London, 04:30 in New York. */
    private static final Instant LONDON_MORNING = Instant.parse("2026-03-11T09:30:00Z");
    private static final String WINDOWS = "{\"MONDAY\":{\"start\":\"09:00\",\"end\":\"20:00\"},"
            + "\"TUESDAY\":{\"start\":\"09:00\",\"end\":\"20:00\"},\"WEDNESDAY\":{\"start\":\"09:00\",\"end\":\"20:00\"},"
            + "\"THURSDAY\":{\"start\":\"09:00\",\"end\":\"20:00\"},\"FRIDAY\":{\"start\":\"09:00\",\"end\":\"20:00\"}}";

    private final HttpClient http = HttpClient.newHttpClient();
    private SwitchboardServer server;
    private String supervisorToken;
    private Desktop desktop;

    @Start
    void start(Stage stage) {
        Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), LONDON_MORNING));
        ServerOptions base = ServerOptions.inMemory("outbound-e2e-" + System.nanoTime(), 0);
        server = SwitchboardServer.start(new ServerOptions(base.host(), 0, null, null, null, null, base.memoryDb(),
                0, 1, 0, "GB", null, null, 0, 0, 0, null, null, true, null, clock));
        supervisorToken = field(send("POST", "/api/v1/login", "application/json",
                "{\"username\":\"supervisor\",\"password\":\"supervisor\"}", null), "token");
        String campaign = send("POST", "/api/v1/outbound/campaigns", "application/json",
                "{\"name\":\"Spring renewals\",\"mode\":\"PREVIEW\",\"purpose\":\"SERVICE\",\"callingHours\":"
                        + WINDOWS + ",\"maxAttempts\":3}", supervisorToken);
        send("POST", "/api/v1/outbound/campaigns/" + number(campaign, "id") + "/records?consentForAll=true",
                "text/csv", "name,number\nCarol King,+1 212 555 0199\nAda Byron,020 7946 0001\n", supervisorToken);
        desktop = new Desktop(new DesktopOptions(server.baseUrl(),
                List.of(new DemoAccount("outbound", "outbound", Role.OUTBOUND_AGENT)), "light", null),
                new HttpSwitchboardApi(server.baseUrl()));
        desktop.start(stage);
    }

    @Stop
    void stop() {
        desktop.stop();
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theRulesShowInTheAgentsView(FxRobot robot) {
        robot.clickOn("#username").write("outbound");
        robot.clickOn("#password").write("outbound");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> visible(robot, "#nameLabel") && text(robot, "#nameLabel").equals("Ada Byron"));
        assertThat(text(robot, "#numberLabel")).isEqualTo("+442079460001");
        assertThat(text(robot, "#progressLabel")).endsWith("2 remaining");

        // the supervisor lists Ada's number while the agent previews it: the dial is refused, with why
        send("POST", "/api/v1/outbound/dnc", "application/json", "{\"numbers\":[\"020 7946 0001\"],\"reason\":\"asked\"}",
                supervisorToken);
        robot.type(KeyCode.ENTER);
        waitUntil(() -> text(robot, "#outboundMessage")
                .startsWith("Not dialled: This number is on the do-not-call list."));

        // Carol may be called from 09:00 in New York: 13:00 UTC
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        String due = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault())
                .format(Instant.parse("2026-03-11T13:00:00Z"));
        waitUntil(() -> text(robot, "#outboundMessage").startsWith("Nothing to dial now — next at"));
        assertThat(text(robot, "#outboundMessage")).contains(due);
        assertThat(visible(robot, "#nameLabel")).isFalse();
    }

    private String send(String method, String path, String type, String body, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Content-Type", type);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(path + ": " + r.body()).isBetween(200, 201);
            return r.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        assertThat(m.find()).as(name + " in " + json).isTrue();
        return m.group(1);
    }

    private static long number(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(\\d+)").matcher(json);
        assertThat(m.find()).as(name + " in " + json).isTrue();
        return Long.parseLong(m.group(1));
    }
}
