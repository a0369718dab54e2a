package dev.switchboard.desktop.supervisor;

import dev.switchboard.api.AddressView;
import dev.switchboard.api.CustomerSummary;
import dev.switchboard.api.DuplicateView;
import dev.switchboard.desktop.ErrorText;
import dev.switchboard.desktop.Fixtures;
import dev.switchboard.desktop.Harness;
import dev.switchboard.desktop.InlineTaskRunner;
import dev.switchboard.desktop.PickedFiles;
import dev.switchboard.desktop.SceneStyles;
import dev.switchboard.desktop.View;
import dev.switchboard.desktop.ViewLoader;
import dev.switchboard.desktop.customer.CustomerMergeViewModel;
import dev.switchboard.desktop.customer.CustomerPickViewModel;
import dev.switchboard.domain.Role;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

import java.math.BigDecimal;
import java.util.List;

import static dev.switchboard.desktop.FxTestSupport.onFx;
import static dev.switchboard.desktop.FxTestSupport.one;
import static dev.switchboard.desktop.FxTestSupport.text;
import static dev.switchboard.desktop.FxTestSupport.visible;
import static dev.switchboard.desktop.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** A supervisor, who has no customer card, finds a customer from the dashboard and opens their duplicates. */
@ExtendWith(ApplicationExtension.class)
class SupervisorDuplicatesFxTest {
    private static final long ADA_KING = 9101;

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
        CustomerSummary king = new CustomerSummary(ADA_KING, "Ada King", "", "New", BigDecimal.ZERO,
                new AddressView("", "", "SW1Y 4JH", "GB"), List.of());
        h.api.customers.put(ADA_KING, king);
        h.api.duplicatesByCustomer.put(Fixtures.ADA, List.of(new DuplicateView(king,
                List.of("similar name at the same postcode"))));
        ErrorText errors = new ErrorText(h.messages, "test server");
        CustomerMergeViewModel merge = new CustomerMergeViewModel(h.api, new InlineTaskRunner(), h.messages, errors,
                true);
        CustomerPickViewModel pick = new CustomerPickViewModel(h.api, new InlineTaskRunner(), h.messages, errors);
        SupervisorViewModel vm = h.w.supervisor();
        ViewLoader.Loaded<SupervisorController> view = new ViewLoader(h.messages)
                .register(SupervisorController.class, () -> {
                    SupervisorController c = new SupervisorController(vm, h.messages, new PickedFiles());
                    c.mergeCustomersWith(pick, merge);
                    return c;
                })
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
            for (Window window : List.copyOf(Window.getWindows())) {
                if (window != stage && window instanceof Stage dialog) {
                    dialog.close();
                }
            }
            stage.getScene().setRoot(new javafx.scene.layout.Pane());
            controller.dispose();
        });
        h.w.close();
    }

    @Test
    void theCustomerFoundIsTheOneWhoseDuplicatesAreShown(FxRobot robot) {
        assertThat(text(robot, "#duplicatesButton")).isEqualTo("Duplicates…");
        assertThat(onFx(() -> robot.lookup("#duplicatesButton").<javafx.scene.control.Button>query().getTooltip()
                .getText())).endsWith("(Ctrl+Shift+F)");
        robot.clickOn("#duplicatesButton");
        waitUntil(() -> visible(robot, "#customerPickQuery"));
        assertThat(text(robot, "#customerPickStatus")).isEqualTo("Type at least two characters.");

        robot.clickOn("#customerPickQuery").write("zzz");
        waitUntil(() -> text(robot, "#customerPickStatus").equals("No customer found for \"zzz\"."));
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL).write("Lovelace");
        waitUntil(() -> pickSize(robot) >= 1);
        assertThat(h.api.calls).contains("search Lovelace").doesNotContain("search L", "search Lo");
        robot.type(KeyCode.DOWN).type(KeyCode.ENTER);

        waitUntil(() -> visible(robot, "#customerMergeList") && mergeSize(robot) == 1);
        assertThat(text(robot, "#customerMergeKeepName")).isEqualTo("Ada Lovelace");
        assertThat(h.api.calls).contains("duplicatesOf " + Fixtures.ADA);
    }

    private static int pickSize(FxRobot robot) {
        return onFx(() -> ((ListView<?>) one(robot, "#customerPickList")).getItems().size());
    }

    private static int mergeSize(FxRobot robot) {
        return onFx(() -> ((ListView<?>) one(robot, "#customerMergeList")).getItems().size());
    }
}
