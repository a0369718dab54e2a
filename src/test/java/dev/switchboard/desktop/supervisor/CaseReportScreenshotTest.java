package dev.switchboard.desktop.supervisor;

import dev.switchboard.desktop.Harness;
import dev.switchboard.desktop.PngWriter;
import dev.switchboard.desktop.Theme;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.switchboard.desktop.FxTestSupport.onFx;
import static dev.switchboard.desktop.FxTestSupport.one;
import static dev.switchboard.desktop.FxTestSupport.visible;
import static dev.switchboard.desktop.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renders the case report to target/screenshots: a month with a problem kind over its target (light
 * and dark), and a week with no complaints at all.
 */
@ExtendWith(ApplicationExtension.class)
class CaseReportScreenshotTest {
    private static final Path DIR = Path.of("target", "screenshots");

    private DashboardOnStage dashboard;
    private Harness h;

    @Start
    void start(Stage stage) {
        dashboard = new DashboardOnStage(stage, harness -> {
            harness.api.firstResponses = CaseReports.firstResponses();
            harness.api.complaints = CaseReports.complaints();
        }, (harness, c) -> { });
        h = dashboard.h;
    }

    @Stop
    void stop() {
        dashboard.close();
    }

    @Test
    void writesTheCaseReport(FxRobot robot) throws Exception {
        Path light = open(robot, "supervisor-case-report-light.png");
        onFx(() -> h.theme.use(Theme.DARK));
        Path dark = open(robot, "supervisor-case-report-dark.png");
        h.api.complaints = null;
        onFx(() -> h.theme.use(Theme.LIGHT));
        Path none = open(robot, "supervisor-case-report-no-complaints.png");
        for (Path p : new Path[] {light, dark, none}) {
            assertThat(Files.size(p)).as(p.toString()).isGreaterThan(10_000);
        }
    }

    /** Opens the report, draws its window and closes it again. */
    private Path open(FxRobot robot, String name) throws Exception {
        robot.clickOn("#caseReportButton");
        waitUntil(() -> visible(robot, "#firstResponse-row-1"));
        Window dialog = onFx(() -> one(robot, "#firstResponseTable").getScene().getWindow());
        Path file = DIR.resolve(name);
        onFx(() -> {
            Scene scene = dialog.getScene();
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            PngWriter.write(scene.snapshot(null), file);
            return null;
        });
        waitUntil(dialog::isFocused);
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> !dialog.isShowing());
        return file;
    }
}
