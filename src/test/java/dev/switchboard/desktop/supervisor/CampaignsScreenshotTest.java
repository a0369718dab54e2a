package dev.switchboard.desktop.supervisor;

import dev.switchboard.api.AgentMetricsView;
import dev.switchboard.api.SupervisorView;
import dev.switchboard.desktop.Desktop;
import dev.switchboard.desktop.FakeApi;
import dev.switchboard.desktop.Fixtures;
import dev.switchboard.desktop.Snapshots;
import dev.switchboard.domain.Role;
import javafx.scene.control.TableView;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.switchboard.desktop.FxTestSupport.onFx;
import static dev.switchboard.desktop.FxTestSupport.signIn;
import static dev.switchboard.desktop.FxTestSupport.text;
import static dev.switchboard.desktop.FxTestSupport.visible;
import static dev.switchboard.desktop.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renders the supervisor's Campaigns tab at 1400×900, light and dark, to screenshots/ in the build
 * directory (the one the test classes were compiled to, so another build's directory is left alone).
 */
@ExtendWith(ApplicationExtension.class)
class CampaignsScreenshotTest {
    private final FakeApi base = new FakeApi();
    private final CampaignsFakeApi server = new CampaignsFakeApi(base);
    private Desktop desktop;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        base.useRole(Role.SUPERVISOR);
        base.dashboard = nowish(Dashboards.of(72.0));
        base.intervals = Dashboards.intervals();
        desktop = server.startDesktop(stage);
    }

    @Stop
    void stop() {
        desktop.stop();
    }

    @Test
    void writesTheCampaignsTab(FxRobot robot) throws Exception {
        Path dir = buildDir().resolve("screenshots");
        signIn(robot, base);
        waitUntil(() -> visible(robot, "#tile-1"));
        robot.press(KeyCode.ALT, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.ALT);
        waitUntil(() -> text(robot, "#campaign-rate-4").equals("—"));
        onFx(() -> robot.lookup("#campaignTable").<TableView<?>>query().getSelectionModel().select(2));
        waitUntil(() -> text(robot, "#campaignToggle").equals("Pause…"));
        Path light = Snapshots.write(stage, 1400, 900, dir.resolve("supervisor-campaigns-light.png"));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D).release(KeyCode.D, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> stage.getScene().getStylesheets().get(0).endsWith("tokens-dark.css"));
        Path dark = Snapshots.write(stage, 1400, 900, dir.resolve("supervisor-campaigns-dark.png"));
        for (Path p : List.of(light, dark)) {
            assertThat(Files.size(p)).as(p.toString()).isGreaterThan(10_000);
        }
    }

    /**
     * The dashboard moved to the real clock's time, which this desktop keeps (against the fixtures' day,
     * long gone, the agents' times in state would read thousands of hours).
     */
    private static SupervisorView nowish(SupervisorView view) {
        Duration shift = Duration.between(Fixtures.NOW, Instant.now());
        return new SupervisorView(view.at().plus(shift), view.queues(), view.agents().stream()
                .map(a -> new AgentMetricsView(a.agentId(), a.name(), a.state(), a.reasonCode(), a.since().plus(shift),
                        a.current(), a.queueIds(), a.handledToday(), a.averageHandleTime(), a.occupancy())).toList(),
                view.alerts());
    }

    /** The directory the build writes to: the parent of the test classes' directory. */
    private static Path buildDir() throws Exception {
        return Path.of(CampaignsScreenshotTest.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .getParent();
    }
}
