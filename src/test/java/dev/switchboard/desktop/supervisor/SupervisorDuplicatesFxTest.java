package dev.switchboard.desktop.supervisor;

import dev.switchboard.api.AddressView;
import dev.switchboard.api.CustomerSummary;
import dev.switchboard.api.DuplicateView;
import dev.switchboard.desktop.ErrorText;
import dev.switchboard.desktop.Fixtures;
import dev.switchboard.desktop.Harness;
import dev.switchboard.desktop.InlineTaskRunner;
import dev.switchboard.desktop.customer.CustomerMergeViewModel;
import dev.switchboard.desktop.customer.CustomerPickViewModel;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
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

    private DashboardOnStage dashboard;
    private Harness h;

    @Start
    void start(Stage stage) {
        dashboard = new DashboardOnStage(stage, harness -> {
            CustomerSummary king = new CustomerSummary(ADA_KING, "Ada King", "", "New", BigDecimal.ZERO,
                    new AddressView("", "", "SW1Y 4JH", "GB"), List.of());
            harness.api.customers.put(ADA_KING, king);
            harness.api.duplicatesByCustomer.put(Fixtures.ADA, List.of(new DuplicateView(king,
                    List.of("similar name at the same postcode"))));
        }, (harness, c) -> {
            ErrorText errors = new ErrorText(harness.messages, "test server");
            c.mergeCustomersWith(new CustomerPickViewModel(harness.api, new InlineTaskRunner(), harness.messages,
                    errors), new CustomerMergeViewModel(harness.api, new InlineTaskRunner(), harness.messages, errors, true));
        });
        h = dashboard.h;
    }

    @Stop
    void stop() {
        dashboard.close();
    }

    @Test
    void theCustomerFoundIsTheOneWhoseDuplicatesAreShown(FxRobot robot) {
        assertThat(text(robot, "#toolsMenu")).isEqualTo("Tools");
        robot.clickOn("#toolsMenu").clickOn("Duplicate customers…");
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
