package dev.switchboard.desktop.supervisor;

import dev.switchboard.api.ApiError;
import dev.switchboard.client.ApiException;
import dev.switchboard.desktop.Desktop;
import dev.switchboard.desktop.FakeApi;
import dev.switchboard.desktop.Fixtures;
import dev.switchboard.domain.Role;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

import static dev.switchboard.desktop.FxTestSupport.PATIENCE;
import static dev.switchboard.desktop.FxTestSupport.onFx;
import static dev.switchboard.desktop.FxTestSupport.signIn;
import static dev.switchboard.desktop.FxTestSupport.text;
import static dev.switchboard.desktop.FxTestSupport.visible;
import static dev.switchboard.desktop.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A supervisor signs in and watches the queues, the agents and the alerts. */
@ExtendWith(ApplicationExtension.class)
class SupervisorDashboardFxTest {
    private final FakeApi api = new FakeApi();
    private Desktop desktop;

    @Start
    void start(Stage stage) {
        api.useRole(Role.SUPERVISOR);
        api.dashboard = Dashboards.of(72.0);
        desktop = Fixtures.startDesktop(api, stage);
    }

    @Stop
    void stop() {
        desktop.stop();
    }

    @Test
    void theTilesShowTheQueuesAndFollowTheStream(FxRobot robot) {
        signIn(robot, api);
        waitUntil(() -> text(robot, "#sl-1").equals("72 %"));
        assertThat(visible(robot, "#tile-1")).isTrue();
        assertThat(visible(robot, "#contactsHost")).isFalse();
        assertThat(styles(robot, "#sl-1")).contains("supervisor-near");
        assertThat(text(robot, "#staffing-1")).isEqualTo("6 signed in · 8 needed");
        assertThat(text(robot, "#longest-1")).isEqualTo("Longest wait 0:42");
        assertThat(styles(robot, "#longest-1")).contains("supervisor-missed");
        assertThat(api.dashboardAsks).containsExactly("AGAINST 5");

        api.emitDashboard(Dashboards.of(85.0));
        waitUntil(() -> text(robot, "#sl-1").equals("85 %"));
        assertThat(styles(robot, "#sl-1")).contains("supervisor-met");
    }

    @Test
    void aKpiShowsItsFormulaAndParametersOnClick(FxRobot robot) {
        signIn(robot, api);
        waitUntil(() -> text(robot, "#sl-1").equals("72 %"));
        robot.clickOn("#sl-1");
        waitUntil(() -> robot.lookup("#sl-1").<Button>query().getTooltip().isShowing());
        String formula = onFx(() -> robot.lookup("#sl-1").<Button>query().getTooltip().getText());
        assertThat(formula).contains("Formula: answered within threshold ÷ offered × 100")
                .contains("threshold: 20 s");

        // from the keyboard: Space on the focused number opens its formula, leaving it closes it
        robot.clickOn("#sl-1");
        waitUntil(() -> !robot.lookup("#sl-1").<Button>query().getTooltip().isShowing());
        onFx(() -> robot.lookup("#sl-2").query().requestFocus());
        robot.type(KeyCode.SPACE);
        waitUntil(() -> robot.lookup("#sl-2").<Button>query().getTooltip().isShowing());
        assertThat(onFx(() -> robot.lookup("#sl-2").<Button>query().getTooltip().getText()))
                .startsWith("Service level, last 30 minutes");
        robot.type(KeyCode.TAB);
        waitUntil(() -> !robot.lookup("#sl-2").<Button>query().getTooltip().isShowing());
    }

    @Test
    void anAgentSeesTheContactsAndNoDashboard(FxRobot robot) {
        api.useRole(Role.AGENT);
        signIn(robot, api);
        waitUntil(() -> visible(robot, "#contactsHost"));
        assertThat(onFx(() -> robot.lookup(".supervisor").tryQuery().isPresent())).isFalse();
        assertThat(api.dashboardAsks).isEmpty();
    }

    @Test
    void switchingTheTreatmentAsksTheServerWithIt(FxRobot robot) {
        signIn(robot, api);
        waitUntil(() -> text(robot, "#sl-1").equals("72 %"));
        api.dashboard = Dashboards.of(90.0);
        onFx(() -> robot.lookup("#treatmentBox").<ComboBox<Treatment>>query().setValue(Treatment.IGNORE));
        await().atMost(PATIENCE).until(() -> api.dashboardAsks.contains("IGNORE 5"));
        waitUntil(() -> text(robot, "#sl-1").equals("90 %"));
        assertThat(text(robot, "#treatmentHelp")).startsWith("Ignore: abandoned contacts are left out");

        // off the stream's settings, a pushed dashboard is not the one asked for
        api.emit(dev.switchboard.api.EventTypes.DASHBOARD, Dashboards.of(10.0));
        waitUntil(() -> api.dashboardAsks.size() >= 3); // and the dashboard is polled instead
        assertThat(text(robot, "#sl-1")).isNotEqualTo("10 %");
    }

    @Test
    void theAgentGridListsAndFiltersAgentsAndTheAlertsAreShown(FxRobot robot) {
        signIn(robot, api);
        waitUntil(() -> rows(robot) == 3);
        assertThat(onFx(() -> robot.lookup(".supervisor-alert").queryAll().size())).isEqualTo(2);
        assertThat(onFx(() -> robot.lookup(".supervisor-alert").queryAll().iterator().next().getStyleClass()))
                .contains("supervisor-critical");
        assertThat(visible(robot, "#noAlerts")).isFalse();
        robot.clickOn("#nameFilter").write("bea");
        waitUntil(() -> rows(robot) == 1);
        assertThat(onFx(() -> robot.lookup("#agentTable").<TableView<AgentRow>>query().getItems().get(0).stateText()))
                .isEqualTo("Not ready (Break)");
    }

    @Test
    void aRefusedDashboardSaysWhy(FxRobot robot) {
        api.dashboardFailure = new ApiException(403, new ApiError("forbidden", "Supervisors only.", null));
        signIn(robot, api);
        waitUntil(() -> visible(robot, ".supervisor #errorLabel"));
        assertThat(text(robot, ".supervisor #errorLabel")).startsWith("Only supervisors can see the dashboard");
    }

    private static int rows(FxRobot robot) {
        return onFx(() -> robot.lookup("#agentTable").<TableView<AgentRow>>query().getItems().size());
    }

    private static java.util.List<String> styles(FxRobot robot, String query) {
        return onFx(() -> java.util.List.copyOf(robot.lookup(query).query().getStyleClass()));
    }
}
