package dev.switchboard.desktop;

import dev.switchboard.api.ApiError;
import dev.switchboard.api.OutboundLogEntryView;
import dev.switchboard.client.ApiException;
import dev.switchboard.desktop.outbound.Campaigns;
import dev.switchboard.domain.Role;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.switchboard.desktop.FxTestSupport.onFx;
import static dev.switchboard.desktop.FxTestSupport.signIn;
import static dev.switchboard.desktop.FxTestSupport.text;
import static dev.switchboard.desktop.FxTestSupport.visible;
import static dev.switchboard.desktop.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renders an outbound agent's call list at 1280×800 to target/screenshots: a record previewed with
 * its customer's card, the result asked for after the dial with a callback chosen (light and dark),
 * a refused dial, and on a campaign the server dials: the wait for a call and the call put through.
 */
@ExtendWith(ApplicationExtension.class)
class OutboundScreenshotTest {
    private static final Path DIR = Path.of("target", "screenshots");
    private static final double WIDTH = 1280;
    private static final double HEIGHT = 800;

    private final FakeApi api = new FakeApi();
    private Desktop desktop;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        api.useRole(Role.OUTBOUND_AGENT);
        api.campaigns.add(Campaigns.renewals());
        desktop = Fixtures.startDesktop(api, stage);
        api.nextAnswers.add(Campaigns.preview(api, Campaigns.ada()));
        api.nextAnswers.add(Campaigns.preview(api, Campaigns.grace()));
    }

    @Stop
    void stop() {
        desktop.stop();
    }

    @Test
    void writesTheCallList(FxRobot robot) throws Exception {
        api.dialLogs.put(501L, List.of(
                new OutboundLogEntryView(12, Campaigns.RENEWALS, 501, Fixtures.ADA_PHONE, 7L, "RESULT", "NO_ANSWER",
                        "next attempt at …", 44L, Fixtures.NOW.minusSeconds(26 * 3600)),
                new OutboundLogEntryView(11, Campaigns.RENEWALS, 501, Fixtures.ADA_PHONE, 7L, "AGENT_SKIP", null,
                        "skipped by the agent", null, Fixtures.NOW.minusSeconds(28 * 3600))));
        signIn(robot, api);
        waitUntil(() -> text(robot, "#nameLabel").equals("Ada Lovelace") && visible(robot, "#historyPane"));
        Path preview = snapshot("outbound-preview-light.png");

        robot.press(KeyCode.CONTROL, KeyCode.D).release(KeyCode.D, KeyCode.CONTROL);
        waitUntil(() -> visible(robot, "#resultPane"));
        robot.type(KeyCode.C);
        waitUntil(() -> onFx(() -> robot.lookup("#disposition-CALLBACK").<ToggleButton>query().isSelected()));
        Path result = snapshot("outbound-result-light.png");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D).release(KeyCode.D, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> stage.getScene().getStylesheets().get(0).endsWith("tokens-dark.css"));
        Path dark = snapshot("outbound-result-dark.png");

        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        waitUntil(() -> text(robot, "#nameLabel").equals("Grace Hopper"));
        api.dialFailure = new ApiException(409, new ApiError("dnc_global",
                "record 502 may not be dialled: the number is on the centre's do-not-call list", null));
        robot.press(KeyCode.CONTROL, KeyCode.D).release(KeyCode.D, KeyCode.CONTROL);
        waitUntil(() -> text(robot, "#outboundMessage").startsWith("Not dialled"));
        Path refused = snapshot("outbound-refused-dark.png");
        for (Path p : List.of(preview, result, dark, refused)) {
            assertThat(Files.size(p)).as(p.toString()).isGreaterThan(10_000);
        }
    }

    @Test
    void writesTheWaitForTheDiallerAndTheCallItPutsThrough(FxRobot robot) throws Exception {
        api.campaigns.clear();
        api.campaigns.add(Campaigns.winter());
        signIn(robot, api);
        waitUntil(() -> text(robot, "#outboundMessage").startsWith("Waiting for a call"));
        Path waiting = snapshot("outbound-waiting-light.png");
        onFx(() -> api.putThrough(Campaigns.grace()));
        waitUntil(() -> visible(robot, "#resultPane") && text(robot, "#nameLabel").equals("Grace Hopper"));
        Path connected = snapshot("outbound-connected-light.png");
        for (Path p : List.of(waiting, connected)) {
            assertThat(Files.size(p)).as(p.toString()).isGreaterThan(10_000);
        }
    }

    private Path snapshot(String name) throws Exception {
        return Snapshots.write(stage, WIDTH, HEIGHT, DIR.resolve(name));
    }
}
