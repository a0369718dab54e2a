package dev.switchboard.desktop.supervisor;

import dev.switchboard.desktop.Harness;
import dev.switchboard.desktop.PickedFiles;
import dev.switchboard.desktop.PngWriter;
import dev.switchboard.desktop.SceneStyles;
import dev.switchboard.desktop.Theme;
import dev.switchboard.desktop.View;
import dev.switchboard.desktop.ViewLoader;
import dev.switchboard.domain.Role;
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

    private Harness h;
    private SupervisorController controller;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        h = Harness.inline();
        h.api.useRole(Role.SUPERVISOR);
        h.api.dashboard = Dashboards.of(72.0);
        h.api.intervals = Dashboards.intervals();
        h.api.firstResponses = CaseReports.firstResponses();
        h.api.complaints = CaseReports.complaints();
        SupervisorViewModel vm = h.w.supervisor();
        ViewLoader.Loaded<SupervisorController> view = new ViewLoader(h.messages)
                .register(SupervisorController.class, () -> new SupervisorController(vm, h.messages, new PickedFiles()))
                .load(View.SUPERVISOR, SupervisorController.class);
        controller = view.controller();
        Scene scene = new Scene(view.root(), 1200, 800);
        SceneStyles.follow(scene, h.theme);
        stage.setScene(scene);
        stage.show();
        vm.start();
    }

    @Stop
    void stop() {
        onFx(() -> {
            stage.getScene().setRoot(new javafx.scene.layout.Pane());
            controller.dispose();
        });
        h.w.close();
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
