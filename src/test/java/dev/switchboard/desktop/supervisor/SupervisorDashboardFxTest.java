package dev.switchboard.desktop.supervisor;

import dev.switchboard.api.ApiError;
import dev.switchboard.client.ApiException;
import dev.switchboard.desktop.Desktop;
import dev.switchboard.desktop.FakeApi;
import dev.switchboard.desktop.Fixtures;
import dev.switchboard.domain.AgentState;
import dev.switchboard.domain.Role;
import javafx.scene.Node;
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

import java.util.List;
import java.util.concurrent.CountDownLatch;

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
        api.intervals = Dashboards.intervals();
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
    void theReasonsNamesComeIntoTheGridWhenTheSettingsArriveAfterTheDashboard(FxRobot robot) {
        CountDownLatch settings = new CountDownLatch(1);
        api.configGate = settings;
        signIn(robot, api);
        waitUntil(() -> rows(robot) == 3);
        assertThat(stateTexts(robot)).contains("Not ready (BREAK)"); // the code, until its name is known
        settings.countDown();
        waitUntil(() -> stateTexts(robot).contains("Not ready (Break)"));
        assertThat(rows(robot)).isEqualTo(3);
    }

    private static List<String> stateTexts(FxRobot robot) {
        return onFx(() -> robot.lookup("#agentTable").<TableView<AgentRow>>query().getItems().stream()
                .map(AgentRow::stateText).toList());
    }

    @Test
    void aRefusedDashboardSaysWhy(FxRobot robot) {
        api.dashboardFailure = new ApiException(403, new ApiError("forbidden", "Supervisors only.", null));
        signIn(robot, api);
        waitUntil(() -> visible(robot, ".supervisor #errorLabel"));
        assertThat(text(robot, ".supervisor #errorLabel")).startsWith("Only supervisors can see the dashboard");
    }

    @Test
    void theChartShowsTodaysIntervalsAndIsAskedAgainWithANewTreatment(FxRobot robot) {
        signIn(robot, api);
        waitUntil(() -> text(robot, "#sl-1").equals("72 %"));
        robot.press(KeyCode.ALT, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.ALT);
        waitUntil(() -> visible(robot, "#intervalChart"));
        waitUntil(() -> bands(robot).size() == 8);
        assertThat(bands(robot).get(1)).isEqualTo("08:15–08:30\nOffered 20 · answered 19 · abandoned 1\nService level 86 %");
        assertThat(text(robot, "#chartCaption")).startsWith("All queues");
        onFx(() -> robot.lookup("#chartQueue").<ComboBox<QueueChoice>>query().getSelectionModel().select(1));
        waitUntil(() -> text(robot, "#chartCaption").equals("Billing · target 80 % in 20 s"));
        assertThat(bands(robot).get(1)).endsWith("Service level 71 %");
        assertThat(onFx(() -> robot.lookup(".supervisor-chart-target").tryQuery().isPresent())).isTrue();

        api.intervals = Dashboards.intervals("IGNORE", 5);
        onFx(() -> robot.lookup("#treatmentBox").<ComboBox<Treatment>>query().setValue(Treatment.IGNORE));
        await().atMost(PATIENCE).until(() -> api.intervalAsks.contains("IGNORE 5"));
        assertThat(text(robot, "#chartCaption")).as("the queue chosen stays").startsWith("Billing");
    }

    @Test
    void theQueueFilterAndTheCurrentContactColumn(FxRobot robot) {
        signIn(robot, api);
        waitUntil(() -> rows(robot) == 3);
        onFx(() -> robot.lookup("#queueFilter").<ComboBox<QueueChoice>>query().getSelectionModel().select(1));
        waitUntil(() -> rows(robot) == 2);
        assertThat(onFx(() -> robot.lookup("#agentTable").<TableView<AgentRow>>query().getItems().stream()
                .map(AgentRow::name).toList())).containsExactly("Alex Morgan", "Bea Cruz");
        assertThat(robot.lookup("Phone · Ada Lovelace").tryQuery()).isPresent();
    }

    @Test
    void aSupervisorMakesAnAgentNotReadyFromTheKeyboardAndSeesARefusal(FxRobot robot) {
        signIn(robot, api);
        waitUntil(() -> rows(robot) == 3);
        select(robot, "Chen Li");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.N).release(KeyCode.N, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> visible(robot, "#not-ready-list"));
        onFx(() -> robot.lookup("#not-ready-list").<javafx.scene.control.ListView<?>>query().getSelectionModel().select(1));
        robot.clickOn("#not-ready-ok");
        await().atMost(PATIENCE).until(() -> api.stateChanges.size() == 1);
        assertThat(api.stateChanges.get(0).getValue().reasonCode()).isEqualTo("LUNCH");
        assertThat(api.stateChanges.get(0).getKey()).isEqualTo(9L);
        waitUntil(() -> text(robot, "#feedbackLabel").equals("Chen Li is now Not ready (Lunch)."));

        api.stateFailure = new ApiException(409, new ApiError("not_signed_in", "Bea Cruz is not signed in", null));
        select(robot, "Bea Cruz");
        robot.clickOn("#makeReadyButton");
        waitUntil(() -> text(robot, "#feedbackLabel").endsWith("Bea Cruz is not signed in"));
        assertThat(styles(robot, "#feedbackRow")).contains("supervisor-feedback-error");
    }

    @Test
    void newDashboardsKeepTheSelectedAgentTheFocusedFigureAndItsOpenFormula(FxRobot robot) {
        signIn(robot, api);
        waitUntil(() -> rows(robot) == 3);
        select(robot, "Bea Cruz");
        onFx(() -> robot.lookup("#sl-2").query().requestFocus());
        robot.type(KeyCode.SPACE);
        waitUntil(() -> robot.lookup("#sl-2").<Button>query().getTooltip().isShowing());
        Node tile = onFx(() -> robot.lookup("#tile-2").query());

        // the next dashboard changes Bea's row and both queues
        dev.switchboard.api.SupervisorView next = Dashboards.of(60.0);
        var beaNow = next.agents().get(1);
        api.emitDashboard(new dev.switchboard.api.SupervisorView(next.at(), java.util.List.of(
                Dashboards.queue(1, "Billing", 60.0, 5, 50, 6, 8), Dashboards.queue(2, "Sales", 70.0, 1, 3, 4, 3)),
                java.util.List.of(next.agents().get(0), new dev.switchboard.api.AgentMetricsView(beaNow.agentId(),
                        beaNow.name(), AgentState.READY, null, beaNow.since(), null, beaNow.queueIds(),
                        beaNow.handledToday(), beaNow.averageHandleTime(), beaNow.occupancy()), next.agents().get(2)),
                next.alerts()));
        waitUntil(() -> text(robot, "#sl-2").equals("70 %"));

        assertThat(onFx(() -> (Object) robot.lookup("#tile-2").query())).as("the tile's nodes stay").isSameAs(tile);
        assertThat(onFx(() -> robot.lookup("#sl-2").query().isFocused())).isTrue();
        assertThat(onFx(() -> robot.lookup("#sl-2").<Button>query().getTooltip().isShowing())).isTrue();
        assertThat(onFx(() -> robot.lookup("#sl-2").<Button>query().getTooltip().getText()))
                .startsWith("Service level, last 30 minutes");
        assertThat(onFx(() -> robot.lookup("#agentTable").<TableView<AgentRow>>query().getSelectionModel()
                .getSelectedItem().name())).isEqualTo("Bea Cruz");
        assertThat(onFx(() -> robot.lookup("#makeNotReadyButton").query().isDisabled()))
                .as("Bea is ready now: she can be made not ready").isFalse();
    }

    @Test
    void aQueuesPriorityIsChangedFromItsTile(FxRobot robot) {
        signIn(robot, api);
        waitUntil(() -> text(robot, "#priority-1").equals("Priority 5"));
        robot.clickOn("#queueMenu-1");
        robot.clickOn("Change priority…");
        waitUntil(() -> visible(robot, "#prioritySpinner"));
        onFx(() -> robot.lookup("#prioritySpinner").<javafx.scene.control.Spinner<Integer>>query().getEditor().setText("40"));
        robot.clickOn("#priority-dialog-ok");
        await().atMost(PATIENCE).until(() -> api.priorities.size() == 1);
        assertThat(api.priorities.get(0)).isEqualTo(java.util.Map.entry(1L, 40));
        waitUntil(() -> text(robot, "#feedbackLabel").equals("Billing now has priority 40."));
    }

    @Test
    void aWaitingContactIsMovedToAnotherQueue(FxRobot robot) {
        api.allWaiting.add(Dashboards.waiting(501, "Ada Lovelace", 1, "Billing", 95));
        api.allWaiting.add(Dashboards.waiting(502, "Grace Hopper", 2, "Sales", 10));
        signIn(robot, api);
        waitUntil(() -> visible(robot, "#tile-1"));
        onFx(() -> robot.lookup("#sl-1").query().requestFocus());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.W).release(KeyCode.W, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> waiting(robot).size() == 1);
        assertThat(waiting(robot).get(0).who()).isEqualTo("Ada Lovelace");
        onFx(() -> robot.lookup("#waitingTable").<TableView<WaitingItem>>query().getSelectionModel().select(0));
        robot.clickOn("#moveToQueue");
        waitUntil(() -> visible(robot, "#move-queue-list"));
        robot.clickOn("#move-queue-ok");
        await().atMost(PATIENCE).until(() -> api.moves.size() == 1);
        assertThat(api.moves.get(0).getKey()).isEqualTo(501L);
        assertThat(api.moves.get(0).getValue().queueId()).isEqualTo(2L);
        waitUntil(() -> waiting(robot).isEmpty());
        waitUntil(() -> text(robot, "#waitingStatus").equals("Moved Ada Lovelace to Sales."));
    }

    private static void select(FxRobot robot, String name) {
        onFx(() -> {
            TableView<AgentRow> t = robot.lookup("#agentTable").query();
            t.getItems().stream().filter(r -> r.name().equals(name)).findFirst()
                    .ifPresent(r -> t.getSelectionModel().select(r));
            t.requestFocus();
        });
    }

    private static java.util.List<WaitingItem> waiting(FxRobot robot) {
        return onFx(() -> robot.lookup("#waitingTable").tryQuery()
                .map(n -> java.util.List.copyOf(((TableView<WaitingItem>) n).getItems())).orElse(java.util.List.of()));
    }

    private static java.util.List<String> bands(FxRobot robot) {
        return onFx(() -> robot.lookup(".supervisor-chart-band").queryAll().stream()
                .sorted(java.util.Comparator.comparingInt(n -> Integer.parseInt(n.getId().substring("interval-".length()))))
                .map(javafx.scene.Node::getAccessibleText).toList());
    }

    private static int rows(FxRobot robot) {
        return onFx(() -> robot.lookup("#agentTable").<TableView<AgentRow>>query().getItems().size());
    }

    private static java.util.List<String> styles(FxRobot robot, String query) {
        return onFx(() -> java.util.List.copyOf(robot.lookup(query).query().getStyleClass()));
    }
}
