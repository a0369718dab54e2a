package dev.switchboard.desktop.supervisor;

import dev.switchboard.desktop.Harness;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

import java.util.List;

import static dev.switchboard.desktop.FxTestSupport.onFx;
import static dev.switchboard.desktop.FxTestSupport.one;
import static dev.switchboard.desktop.FxTestSupport.text;
import static dev.switchboard.desktop.FxTestSupport.visible;
import static dev.switchboard.desktop.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** A supervisor opens the case report from the dashboard, reads it, chooses another period and closes it. */
@ExtendWith(ApplicationExtension.class)
class CaseReportFxTest {
    private DashboardOnStage dashboard;
    private Harness h;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
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
    void theButtonOpensTheReportOfTheLast30Days(FxRobot robot) {
        assertThat(text(robot, "#caseReportButton")).isEqualTo("Case report…");
        assertThat(onFx(() -> robot.lookup("#caseReportButton").<Button>query().getTooltip().getText()))
                .endsWith("(Ctrl+Shift+K)");
        h.api.calls.clear();
        robot.clickOn("#caseReportButton");
        waitUntil(() -> visible(robot, "#firstResponse-row-1"));
        assertThat(h.api.calls).containsExactly("firstResponseReport 30", "complaintReport 30");
        assertThat(text(robot, "#caseReportPeriod .label")).isEqualTo("Last 30 days");
        assertThat(text(robot, "#firstResponseCaption")).startsWith("Tickets opened in the last 30 days,");

        assertThat(text(robot, "#firstResponse-kind-1")).isEqualTo("Problem");
        assertThat(text(robot, "#firstResponse-opened-1")).isEqualTo("18");
        assertThat(text(robot, "#firstResponse-average-1")).isEqualTo("3 h 33 min");
        assertThat(text(robot, "#firstResponse-median-1")).isEqualTo("4 h 06 min");
        assertThat(text(robot, "#firstResponse-target-1")).isEqualTo("4 h");
        assertThat(text(robot, "#firstResponse-met-1")).isEqualTo("61.1 %");
        assertThat(text(robot, "#firstResponse-median-0")).isEqualTo("31 min");
        assertThat(text(robot, "#firstResponse-median-2")).as("no requests").isEqualTo("—");
        assertThat(styles(robot, "#firstResponse-row-1")).as("median over target").contains("supervisor-case-over");
        for (int row : List.of(0, 2, 3)) {
            assertThat(styles(robot, "#firstResponse-row-" + row)).doesNotContain("supervisor-case-over");
        }

        assertThat(text(robot, "#complaintsTotal")).isEqualTo("14 complaints in the last 30 days");
        assertThat(text(robot, "#category-name-0")).isEqualTo("Billing");
        assertThat(text(robot, "#category-count-0")).isEqualTo("6");
        assertThat(text(robot, "#category-name-3")).isEqualTo("Not set");
        assertThat(text(robot, "#segment-name-0")).isEqualTo("Retail");
        assertThat(text(robot, "#segment-count-0")).isEqualTo("7");
        assertThat(onFx(() -> robot.lookup("#complaintsByWeek").<TableView<?>>query().getColumns().stream()
                .map(c -> c.getText()).toList()))
                .containsExactly("Week of", "Billing", "Delivery", "Product quality", "Not set", "Total");
        assertThat(text(robot, "#week-2")).isEqualTo("Nov 3, 2025");
        assertThat(text(robot, "#week-cat1-3")).isEqualTo("3");
        assertThat(text(robot, "#week-total-3")).isEqualTo("7");
    }

    @Test
    void anotherPeriodAsksTheServerForItsDays(FxRobot robot) {
        robot.clickOn("#caseReportButton");
        waitUntil(() -> visible(robot, "#firstResponse-row-1"));
        h.api.calls.clear();
        h.api.complaints = null;
        robot.clickOn("#caseReportPeriod");
        robot.clickOn("Last 90 days");
        waitUntil(() -> text(robot, "#firstResponseCaption").startsWith("Tickets opened in the last 90 days,"));
        assertThat(h.api.calls).containsExactly("firstResponseReport 90", "complaintReport 90");
        assertThat(text(robot, "#complaintsTotal")).isEqualTo("No complaints in the last 90 days");
        assertThat(visible(robot, "#complaintsByWeek")).as("no empty tables").isFalse();
        assertThat(visible(robot, "#complaintsByCategory")).isFalse();
    }

    @Test
    void aFailureIsNamedAndRefreshTriesAgain(FxRobot robot) {
        robot.clickOn("#caseReportButton");
        waitUntil(() -> visible(robot, "#firstResponse-row-1"));
        h.api.unreachable = true;
        robot.clickOn("#caseReportRefresh");
        waitUntil(() -> visible(robot, "#caseReportError"));
        assertThat(text(robot, "#caseReportError")).isEqualTo("The case report could not be loaded: "
                + "The server at test server does not answer. Check that it is running and try again.");
        assertThat(text(robot, "#firstResponse-median-1")).as("the last figures stay").isEqualTo("4 h 06 min");

        h.api.unreachable = false;
        h.api.calls.clear();
        robot.type(KeyCode.F5);
        waitUntil(() -> !visible(robot, "#caseReportError"));
        assertThat(h.api.calls).containsExactly("firstResponseReport 30", "complaintReport 30");
    }

    @Test
    void theShortcutOpensItAndEscClosesIt(FxRobot robot) {
        onFx(() -> robot.lookup("#agentTable").query().requestFocus());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.K).release(KeyCode.K, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> visible(robot, "#firstResponseTable"));
        Window dialog = onFx(() -> one(robot, "#firstResponseTable").getScene().getWindow());
        waitUntil(() -> dialog.isFocused());
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> !dialog.isShowing());
        assertThat(onFx(() -> stage.isShowing())).isTrue();
    }

    private static List<String> styles(FxRobot robot, String query) {
        return onFx(() -> List.copyOf(robot.lookup(query).<Node>query().getStyleClass()));
    }
}
