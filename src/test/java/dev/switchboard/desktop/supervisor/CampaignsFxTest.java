package dev.switchboard.desktop.supervisor;

import dev.switchboard.api.ApiError;
import dev.switchboard.client.ApiException;
import dev.switchboard.desktop.Desktop;
import dev.switchboard.desktop.FakeApi;
import dev.switchboard.domain.Role;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
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

import static dev.switchboard.desktop.FxTestSupport.PATIENCE;
import static dev.switchboard.desktop.FxTestSupport.onFx;
import static dev.switchboard.desktop.FxTestSupport.signIn;
import static dev.switchboard.desktop.FxTestSupport.text;
import static dev.switchboard.desktop.FxTestSupport.visible;
import static dev.switchboard.desktop.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A supervisor opens the Campaigns tab, reads how each campaign is doing, and pauses and resumes one. */
@ExtendWith(ApplicationExtension.class)
class CampaignsFxTest {
    private final FakeApi base = new FakeApi();
    private final CampaignsFakeApi server = new CampaignsFakeApi(base);
    private Desktop desktop;

    @Start
    void start(Stage stage) {
        base.useRole(Role.SUPERVISOR);
        base.dashboard = Dashboards.of(72.0);
        base.intervals = Dashboards.intervals();
        desktop = server.startDesktop(stage);
    }

    @Stop
    void stop() {
        desktop.stop();
    }

    @Test
    void altThreeOpensTheTabWithEachCampaignsProgressAndAbandonRate(FxRobot robot) {
        signIn(robot, base);
        waitUntil(() -> visible(robot, "#tile-1"));
        assertThat(server.asks.get()).as("nothing is asked before the tab is opened").isZero();

        robot.press(KeyCode.ALT, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.ALT);
        waitUntil(() -> visible(robot, "#campaignTable") && rows(robot).size() == 4);
        assertThat(onFx(() -> robot.lookup(".supervisor-sections").<TabPane>query().getSelectionModel()
                .getSelectedItem().getText())).isEqualTo("Campaigns");
        assertThat(onFx(() -> robot.lookup("#campaignTable").query().isFocused())).isTrue();
        assertThat(server.asks.get()).isEqualTo(1);
        assertThat(rows(robot)).extracting(CampaignRow::name)
                .containsExactly("Winter renewals", "Spring offers", "Debt reminders", "Survey follow-up");
        assertThat(headers(robot)).containsExactly("Campaign", "Mode", "State", "Through the list", "Attempted",
                "Connected", "Abandon rate", "Remaining", "Blocked");

        assertThat(text(robot, "#campaign-rate-1")).isEqualTo("1.2 % (limit 3 %)");
        assertThat(styles(robot, "#campaign-rate-1")).contains("supervisor-met");
        assertThat(text(robot, "#campaign-rate-2")).isEqualTo("2.7 % (limit 3 %)");
        assertThat(styles(robot, "#campaign-rate-2")).contains("supervisor-near");
        assertThat(text(robot, "#campaign-rate-3")).isEqualTo("5.0 % (limit 3 %)");
        assertThat(styles(robot, "#campaign-rate-3")).contains("supervisor-missed");
        assertThat(text(robot, "#campaign-rate-4")).isEqualTo("—");
        assertThat(styles(robot, "#campaign-rate-4")).contains("supervisor-none");
        assertThat(text(robot, "#campaign-state-2")).isEqualTo("Paused");
        assertThat(styles(robot, "#campaign-state-2")).contains("supervisor-campaign-paused");
        assertThat(onFx(() -> robot.lookup("#campaign-progress-1").<Labeled>query().getTooltip().getText()))
                .isEqualTo("35 % through the list: 60 closed and 10 blocked of 200 records; 130 still to be worked.");
        assertThat(onFx(() -> robot.lookup("#campaign-progress-1 .progress-bar")
                .<javafx.scene.control.ProgressBar>query().getProgress())).isEqualTo(0.35);
        assertThat(cellTexts(robot, 0)).contains("Winter renewals", "Preview", "Active", "120", "82", "130", "10");
        assertThat(visible(robot, "#campaignsPlaceholder")).isFalse();

        // Alt+4 goes on to the agents, Alt+1 back to the queues
        robot.press(KeyCode.ALT, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.ALT);
        waitUntil(() -> robot.lookup("#agentTable").query().isFocused());
        robot.press(KeyCode.ALT, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.ALT);
        waitUntil(() -> visible(robot, "#tile-1"));
        assertThat(onFx(() -> ((Tab) robot.lookup(".supervisor-sections").<TabPane>query().getTabs().get(2))
                .getTooltip().getText())).isEqualTo("Alt+3");
    }

    @Test
    void pausingAsksFirstThenPausesTheSelectedCampaignWhichStaysSelected(FxRobot robot) {
        openTab(robot);
        select(robot, 0);
        waitUntil(() -> text(robot, "#campaignToggle").equals("Pause…"));

        // Cancel changes nothing
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.U).release(KeyCode.U, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> visible(robot, "#campaign-pause-question"));
        assertThat(text(robot, "#campaign-pause-question"))
                .isEqualTo("Pause Winter renewals? Agents get no more records from it until you resume it.");
        robot.type(KeyCode.ESCAPE); // Cancel
        waitUntil(() -> !visible(robot, "#campaign-pause-question"));
        assertThat(server.setActive).isEmpty();

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.U).release(KeyCode.U, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> visible(robot, "#campaign-pause-ok"));
        int asked = server.asks.get();
        robot.clickOn("#campaign-pause-ok");
        await().atMost(PATIENCE).until(() -> server.setActive.size() == 1);
        assertThat(server.setActive).containsExactly("1 false");
        waitUntil(() -> text(robot, "#feedbackLabel").equals("Winter renewals is paused."));
        waitUntil(() -> text(robot, "#campaign-state-1").equals("Paused"));
        await().atMost(PATIENCE).until(() -> server.asks.get() > asked);
        assertThat(selected(robot)).isEqualTo("Winter renewals");
        assertThat(text(robot, "#campaignToggle")).isEqualTo("Resume");

        // a refresh with new figures keeps the campaign selected
        server.progress(1, CampaignsFakeApi.progress(200, 130, 90, 1, 120, 10, 70));
        robot.type(KeyCode.F5);
        waitUntil(() -> rows(robot).get(0).attempted() == 130);
        assertThat(selected(robot)).isEqualTo("Winter renewals");
        assertThat(onFx(() -> robot.lookup("#campaign-progress-1").<Labeled>query().getTooltip().getText()))
                .startsWith("40 % through the list");
    }

    @Test
    void resumingFromTheContextMenuNeedsNoQuestionAndARefusalSaysWhy(FxRobot robot) {
        openTab(robot);
        select(robot, 1);
        // headless Monocle turns neither a right click nor Shift+F10 into a context-menu request: ask as they would
        onFx(() -> {
            Node cell = robot.lookup("#campaign-state-2").query();
            javafx.geometry.Point2D at = cell.localToScreen(5, 5);
            javafx.event.Event.fireEvent(cell, new javafx.scene.input.ContextMenuEvent(
                    javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, 5, 5, at.getX(), at.getY(), false,
                    null));
        });
        waitUntil(() -> visible(robot, ".context-menu .menu-item"));
        assertThat(onFx(() -> robot.lookup("#campaignTable").<TableView<CampaignRow>>query().getContextMenu()
                .getItems().get(0).getText())).isEqualTo("Resume");
        robot.clickOn(".context-menu .menu-item");
        await().atMost(PATIENCE).until(() -> server.setActive.size() == 1);
        assertThat(server.setActive).containsExactly("2 true");
        waitUntil(() -> text(robot, "#campaign-state-2").equals("Active"));
        assertThat(text(robot, "#feedbackLabel")).isEqualTo("Spring offers is active again.");

        server.setFailure = new ApiException(409, new ApiError("campaign_finished",
                "Debt reminders has no records left to hand out.", null));
        select(robot, 2);
        robot.clickOn("#campaignToggle");
        waitUntil(() -> visible(robot, "#campaign-pause-ok"));
        robot.clickOn("#campaign-pause-ok");
        waitUntil(() -> text(robot, "#feedbackLabel")
                .equals("Could not pause Debt reminders: Debt reminders has no records left to hand out."));
        assertThat(styles(robot, "#feedbackRow")).contains("supervisor-feedback-error");
        assertThat(text(robot, "#campaign-state-3")).isEqualTo("Active");
        assertThat(onFx(() -> robot.lookup("#campaignToggle").<Button>query().isDisabled())).isFalse();
    }

    @Test
    void noCampaignsAndAFailedLoadAreSaidInTheTab(FxRobot robot) {
        server.campaigns.clear();
        signIn(robot, base);
        waitUntil(() -> visible(robot, "#tile-1"));
        robot.press(KeyCode.ALT, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.ALT);
        waitUntil(() -> text(robot, "#campaignsPlaceholder").startsWith("No campaigns yet."));
        assertThat(text(robot, "#campaignsPlaceholder")).isEqualTo(
                "No campaigns yet. Campaigns are set up over the API (POST /api/v1/outbound/campaigns).");
        assertThat(onFx(() -> robot.lookup("#campaignToggle").<Button>query().isDisabled())).isTrue();

        server.listFailure = new IllegalStateException("database is locked");
        robot.type(KeyCode.F5);
        waitUntil(() -> text(robot, "#campaignsPlaceholder")
                .equals("The campaigns could not be loaded: Something went wrong: database is locked"));
        assertThat(styles(robot, "#campaignsPlaceholder")).contains("supervisor-error");

        // with campaigns already shown, a failure is said above them and they stay
        server.listFailure = null;
        server.campaigns.addAll(CampaignsFakeApi.sample());
        robot.type(KeyCode.F5);
        waitUntil(() -> rows(robot).size() == 4);
        server.listFailure = new IllegalStateException("database is locked");
        robot.type(KeyCode.F5);
        waitUntil(() -> visible(robot, "#campaignsError"));
        assertThat(rows(robot)).hasSize(4);
    }

    private void openTab(FxRobot robot) {
        signIn(robot, base);
        waitUntil(() -> visible(robot, "#tile-1"));
        robot.press(KeyCode.ALT, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.ALT);
        waitUntil(() -> rows(robot).size() == 4);
    }

    private static void select(FxRobot robot, int index) {
        onFx(() -> {
            TableView<CampaignRow> t = robot.lookup("#campaignTable").query();
            t.getSelectionModel().select(index);
            t.requestFocus();
        });
    }

    private static String selected(FxRobot robot) {
        return onFx(() -> {
            CampaignRow row = robot.lookup("#campaignTable").<TableView<CampaignRow>>query().getSelectionModel()
                    .getSelectedItem();
            return row == null ? null : row.name();
        });
    }

    private static List<CampaignRow> rows(FxRobot robot) {
        return onFx(() -> robot.lookup("#campaignTable").tryQuery()
                .map(n -> List.copyOf(((TableView<CampaignRow>) n).getItems())).orElse(List.of()));
    }

    private static List<String> headers(FxRobot robot) {
        return onFx(() -> robot.lookup("#campaignTable").<TableView<CampaignRow>>query().getColumns().stream()
                .map(c -> c.getText() != null ? c.getText() : ((Labeled) c.getGraphic()).getText()).toList());
    }

    /** The texts the first row's cells show. */
    private static List<String> cellTexts(FxRobot robot, int index) {
        return onFx(() -> robot.lookup("#campaignTable .table-row-cell").queryAll().stream()
                .filter(r -> ((javafx.scene.control.TableRow<?>) r).getIndex() == index).findFirst()
                .map(r -> robot.from(r).lookup(".table-cell").queryAll().stream()
                        .map(c -> ((Labeled) c).getText()).filter(t -> t != null).toList())
                .orElse(List.of()));
    }

    private static List<String> styles(FxRobot robot, String query) {
        return onFx(() -> List.copyOf(robot.lookup(query).<Node>query().getStyleClass()));
    }
}
