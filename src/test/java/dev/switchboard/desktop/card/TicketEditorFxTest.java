package dev.switchboard.desktop.card;

import dev.switchboard.api.EventTypes;
import dev.switchboard.api.TicketUpdateRequest;
import dev.switchboard.desktop.Desktop;
import dev.switchboard.desktop.FakeApi;
import dev.switchboard.desktop.Fixtures;
import dev.switchboard.domain.TicketPriority;
import dev.switchboard.domain.TicketStatus;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

import java.util.List;
import java.util.Map;

import static dev.switchboard.desktop.FxTestSupport.PATIENCE;
import static dev.switchboard.desktop.FxTestSupport.onFx;
import static dev.switchboard.desktop.FxTestSupport.signIn;
import static dev.switchboard.desktop.FxTestSupport.text;
import static dev.switchboard.desktop.FxTestSupport.treeVisible;
import static dev.switchboard.desktop.FxTestSupport.visible;
import static dev.switchboard.desktop.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The ticket editor of the card: only what changed is sent, with the version the agent saw. */
@ExtendWith(ApplicationExtension.class)
class TicketEditorFxTest {
    private final FakeApi api = new FakeApi();
    private Desktop desktop;

    @Start
    void start(Stage stage) {
        desktop = Fixtures.startDesktop(api, stage);
    }

    @Stop
    void stop() {
        desktop.stop();
    }

    @Test
    void changingOnlyTheStatusSendsOnlyTheStatusAndTheVersion(FxRobot robot) {
        adaOnTheCard(robot);
        // the most urgent ticket is first: Enter on it opens the editor
        onFx(() -> {
            tickets(robot).requestFocus();
            tickets(robot).getSelectionModel().select(0);
        });
        robot.type(KeyCode.ENTER);
        waitUntil(() -> visible(robot, ".ticket-editor"));
        assertThat(text(robot, ".ticket-editor .panel-title")).isEqualTo("Edit ticket T-5012");
        assertThat(onFx(() -> robot.lookup("#editSubject").<javafx.scene.control.TextField>query().getText()))
                .isEqualTo("Invoice charged twice in November");
        assertThat(saveDisabled(robot)).isTrue(); // nothing changed yet

        choose(robot, "#editStatus", "Pending");
        waitUntil(() -> !saveDisabled(robot));
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);

        await().atMost(PATIENCE).until(() -> api.ticketUpdates.size() == 1);
        assertThat(api.ticketUpdates.get(0)).isEqualTo(Map.entry(5012L,
                new TicketUpdateRequest(null, TicketStatus.PENDING, null, 1L, null)));
        assertThat(api.ticketNotes).isEmpty();
        waitUntil(() -> !visible(robot, ".ticket-editor"));
        // the card shows the ticket as the server answered it
        waitUntil(() -> tickets(robot).getItems().stream().anyMatch(r -> r.id() == 5012
                && r.status() == TicketStatus.PENDING));
    }

    @Test
    void aNoteAloneIsAddedAndAChangeComesFirst(FxRobot robot) {
        adaOnTheCard(robot);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.E).release(KeyCode.E, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> visible(robot, ".ticket-editor"));
        assertThat(text(robot, ".ticket-editor .panel-title")).isEqualTo("Edit ticket T-5012");
        robot.clickOn("#editNote").write("Refund of the second charge requested from billing.");
        waitUntil(() -> !saveDisabled(robot));
        robot.clickOn("#saveTicketButton");

        await().atMost(PATIENCE).until(() -> api.ticketNotes.size() == 1);
        assertThat(api.ticketNotes.get(0)).isEqualTo(Map.entry(5012L,
                "Refund of the second charge requested from billing."));
        assertThat(api.ticketUpdates).isEmpty();
        waitUntil(() -> !visible(robot, ".ticket-editor"));

        // a second ticket, by double-click: a new priority and a note, in that order
        onFx(() -> tickets(robot).scrollTo(1));
        Node second = onFx(() -> robot.lookup(".tickets-table .table-row-cell").queryAll().stream()
                .filter(n -> ((javafx.scene.control.TableRow<?>) n).getIndex() == 1).findFirst().orElseThrow());
        robot.doubleClickOn(second, MouseButton.PRIMARY);
        waitUntil(() -> visible(robot, ".ticket-editor"));
        assertThat(text(robot, ".ticket-editor .panel-title")).isEqualTo("Edit ticket T-4870");
        choose(robot, "#editPriority", "Urgent");
        robot.clickOn("#editNote").write("Engineer booked.");
        robot.clickOn("#saveTicketButton");

        await().atMost(PATIENCE).until(() -> api.ticketNotes.size() == 2);
        assertThat(api.ticketUpdates).containsExactly(Map.entry(4870L,
                new TicketUpdateRequest(null, null, TicketPriority.URGENT, 1L, null)));
        assertThat(api.calls.stream().filter(c -> c.startsWith("updateTicket") || c.startsWith("addNote")))
                .containsExactly("addNote 5012", "updateTicket 4870", "addNote 4870");
        waitUntil(() -> !visible(robot, ".ticket-editor"));
    }

    @Test
    void aColleaguesCrossingChangeClosesTheEditorAndPointsToTheBanner(FxRobot robot) {
        api.conflictOnUpdate = true;
        adaOnTheCard(robot);
        robot.clickOn("#editTicketButton");
        waitUntil(() -> visible(robot, ".ticket-editor"));
        // the cursor starts at the end of the subject
        robot.eraseText(" in November".length());
        assertThat(onFx(() -> robot.lookup("#editSubject").<javafx.scene.control.TextField>query().getText()))
                .isEqualTo("Invoice charged twice");
        waitUntil(() -> !saveDisabled(robot));
        robot.clickOn("#saveTicketButton");

        waitUntil(() -> !visible(robot, ".ticket-editor"));
        assertThat(text(robot, "#noticeLabel"))
                .isEqualTo("A colleague changed this ticket at the same time. Review both sides from the banner.");
        assertThat(api.ticketUpdates).isEmpty();
        assertThat(api.calls).contains("updateTicket 5012");
    }

    @Test
    void aRefusalOtherThanAConflictStaysInTheEditor(FxRobot robot) {
        adaOnTheCard(robot);
        robot.clickOn("#editTicketButton");
        waitUntil(() -> visible(robot, ".ticket-editor"));
        robot.clickOn("#editNote").write("Called back.");
        api.unreachable = true;
        robot.clickOn("#saveTicketButton");

        waitUntil(() -> !text(robot, ".ticket-editor #error").isEmpty());
        assertThat(text(robot, ".ticket-editor #error")).contains("does not answer");
        assertThat(visible(robot, ".ticket-editor")).isTrue();
        assertThat(onFx(() -> robot.lookup("#editNote").<javafx.scene.control.TextArea>query().getText()))
                .isEqualTo("Called back.");

        api.unreachable = false;
        robot.clickOn("#saveTicketButton");
        await().atMost(PATIENCE).until(() -> api.ticketNotes.size() == 1);
        waitUntil(() -> !visible(robot, ".ticket-editor"));
    }

    private void adaOnTheCard(FxRobot robot) {
        signIn(robot, api);
        api.emit(EventTypes.OFFER, Fixtures.offerFromAda(api, 501));
        waitUntil(() -> text(robot, "#name").equals("Ada Lovelace") && tickets(robot).getItems().size() == 5);
    }

    private static TableView<TicketRow> tickets(FxRobot robot) {
        return robot.lookup("#tickets").query();
    }

    private static boolean saveDisabled(FxRobot robot) {
        return onFx(() -> robot.lookup(".ticket-editor #saveTicketButton").<Button>query().isDisabled());
    }

    /** Opens a choice box and clicks the item with this text, as an agent would. */
    private static void choose(FxRobot robot, String box, String item) {
        robot.clickOn(box);
        waitUntil(() -> menuItem(robot, item) != null);
        robot.clickOn(menuItem(robot, item));
    }

    private static Node menuItem(FxRobot robot, String text) {
        return onFx(() -> robot.lookup(".menu-item").queryAll().stream()
                .filter(n -> treeVisible(n) && n.lookup(".label") instanceof Labeled l && text.equals(l.getText()))
                .findFirst().orElse(null));
    }
}
