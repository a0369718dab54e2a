package dev.switchboard.desktop.supervisor;

import dev.switchboard.desktop.Harness;
import dev.switchboard.desktop.PickedFiles;
import dev.switchboard.desktop.SceneStyles;
import dev.switchboard.desktop.View;
import dev.switchboard.desktop.ViewLoader;
import dev.switchboard.domain.Role;
import javafx.scene.Scene;
import javafx.scene.control.DatePicker;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static dev.switchboard.desktop.FxTestSupport.onFx;
import static dev.switchboard.desktop.FxTestSupport.text;
import static dev.switchboard.desktop.FxTestSupport.visible;
import static dev.switchboard.desktop.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A supervisor exports a report: the dashboard alone in a window, with save dialogs the test answers
 * (the desktop's wiring hands the dashboard the platform's dialogs).
 */
@ExtendWith(ApplicationExtension.class)
class SupervisorReportFxTest {
    private static final LocalDate TODAY = LocalDate.of(2025, 11, 14);

    private final PickedFiles files = new PickedFiles();
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
        SupervisorViewModel vm = h.w.supervisor();
        ViewLoader.Loaded<SupervisorController> view = new ViewLoader(h.messages)
                .register(SupervisorController.class, () -> new SupervisorController(vm, h.messages, files))
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
    void theReportIsWrittenToThePickedFile(FxRobot robot, @TempDir Path dir) throws Exception {
        Path target = dir.resolve("billing.csv");
        files.saveTargets.add(target);
        h.api.report = "interval,queue,offered\n2025-11-14T08:15,Billing,10\n".getBytes(StandardCharsets.UTF_8);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.S).release(KeyCode.S, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> visible(robot, "#reportFrom"));
        assertThat(text(robot, "#reportSettings")).startsWith("Abandons: Count against; abandons sooner than 5 s");
        onFx(() -> robot.lookup("#reportFrom").<DatePicker>query().setValue(TODAY.minusDays(6)));
        robot.clickOn("#report-dialog-ok");
        waitUntil(() -> Files.exists(target));
        assertThat(Files.readAllBytes(target)).isEqualTo(h.api.report);
        assertThat(h.api.reportAsks).containsExactly("intervals 2025-11-08 2025-11-14 AGAINST 5");
        assertThat(files.suggested).containsExactly("interval-report-2025-11-08-to-2025-11-14.csv");
        waitUntil(() -> text(robot, "#feedbackLabel").startsWith("Interval report saved as billing.csv in "));
    }

    @Test
    void aWrongRangeIsNamedInTheDialogAndNothingIsAsked(FxRobot robot) {
        robot.clickOn("#exportButton");
        waitUntil(() -> visible(robot, "#reportFrom"));
        onFx(() -> robot.lookup("#reportFrom").<DatePicker>query().setValue(TODAY.minusDays(40)));
        waitUntil(() -> text(robot, "#reportProblem").equals("A report covers at most 31 days."));
        robot.clickOn("#report-dialog-ok");
        onFx(() -> robot.lookup("#reportFrom").<DatePicker>query().setValue(TODAY.plusDays(1)));
        onFx(() -> robot.lookup("#reportTo").<DatePicker>query().setValue(TODAY.plusDays(2)));
        robot.clickOn("#report-dialog-ok");
        assertThat(text(robot, "#reportProblem")).isEqualTo("The days cannot be after today.");
        assertThat(visible(robot, "#reportFrom")).as("the dialog stays open").isTrue();
        assertThat(files.suggested).as("no save dialog").isEmpty();
        assertThat(h.api.reportAsks).isEmpty();
    }
}
