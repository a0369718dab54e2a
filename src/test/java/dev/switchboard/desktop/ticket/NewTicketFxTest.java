package dev.switchboard.desktop.ticket;

import dev.switchboard.api.EventTypes;
import dev.switchboard.api.NewTicketRequest;
import dev.switchboard.desktop.Desktop;
import dev.switchboard.desktop.FakeApi;
import dev.switchboard.desktop.Fixtures;
import dev.switchboard.desktop.card.TicketRow;
import dev.switchboard.domain.Severity;
import dev.switchboard.domain.TicketKind;
import dev.switchboard.domain.TicketPriority;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

import java.time.Instant;

import static dev.switchboard.desktop.FxTestSupport.PATIENCE;
import static dev.switchboard.desktop.FxTestSupport.choose;
import static dev.switchboard.desktop.FxTestSupport.onFx;
import static dev.switchboard.desktop.FxTestSupport.pick;
import static dev.switchboard.desktop.FxTestSupport.signIn;
import static dev.switchboard.desktop.FxTestSupport.text;
import static dev.switchboard.desktop.FxTestSupport.visible;
import static dev.switchboard.desktop.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The new-ticket panel over the card: checked before it sends, a complaint acknowledged at once. */
@ExtendWith(ApplicationExtension.class)
class NewTicketFxTest {
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
    void aComplaintWithoutItsFieldsSaysWhatIsMissingAndSendsNothing(FxRobot robot) {
        adaOnTheCard(robot);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.I).release(KeyCode.I, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> visible(robot, ".new-ticket"));
        assertThat(text(robot, ".new-ticket .panel-title")).isEqualTo("New ticket for Ada Lovelace");
        assertThat(visible(robot, "#complaintBox")).isFalse();
        // the cursor starts in the subject
        robot.write("Charged twice and nobody called back");
        choose(robot, "#newKind", "Complaint");
        waitUntil(() -> visible(robot, "#complaintBox"));

        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);

        waitUntil(() -> visible(robot, "#severityError"));
        assertThat(text(robot, "#severityError")).isEqualTo("A complaint needs a severity.");
        assertThat(text(robot, "#departmentError")).isEqualTo("A complaint needs a department.");
        assertThat(text(robot, "#categoryError")).isEqualTo("A complaint needs a category.");
        assertThat(visible(robot, "#newTicketSubjectError")).isFalse();
        assertThat(api.createdTickets).isEmpty();
        assertThat(api.calls).noneMatch(c -> c.startsWith("createTicket"));

        // choosing a severity takes its message away
        pick(robot, "#newSeverity", "Minor");
        waitUntil(() -> !visible(robot, "#severityError"));

        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> !visible(robot, ".new-ticket"));
        assertThat(api.createdTickets).isEmpty();
    }

    @Test
    void aComplaintGoesOutWithItsFieldsAndTheCardSaysWhatToTellTheCustomer(FxRobot robot) {
        adaOnTheCard(robot);
        robot.clickOn("#newTicketButton");
        waitUntil(() -> visible(robot, ".new-ticket"));
        robot.write("Engineer never came");
        choose(robot, "#newKind", "Complaint");
        choose(robot, "#newPriority", "High");
        pick(robot, "#newSeverity", "Major");
        robot.clickOn("#newDepartment").write("Logistics");
        pick(robot, "#newCategory .arrow-button", "Late delivery");
        choose(robot, "#newCallback", "Tomorrow 10:00");
        assertThat(text(robot, "#callbackHelp")).isEqualTo("Booked for 15 Nov 2025, 10:00, to the customer’s phone");
        robot.clickOn("#newNote").write("Waited in all day on the 12th.");
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);

        await().atMost(PATIENCE).until(() -> api.createdTickets.size() == 1);
        assertThat(api.createdTickets.get(0)).isEqualTo(new NewTicketRequest(Fixtures.ADA, "Engineer never came",
                TicketPriority.HIGH, "Waited in all day on the 12th.", 501L, TicketKind.COMPLAINT, Severity.MAJOR,
                "Logistics", "Late delivery", null, Instant.parse("2025-11-15T10:00:00Z"), null));
        waitUntil(() -> !visible(robot, ".new-ticket"));

        // the words to read out stay until the agent has said them
        waitUntil(() -> visible(robot, "#acknowledgementBar"));
        String number = text(robot, "#acknowledgementCaption").replaceAll(".*\\((T-\\d+)\\)$", "$1");
        assertThat(text(robot, "#acknowledgementCaption")).isEqualTo("Tell the customer now (" + number + ")");
        assertThat(text(robot, "#acknowledgementWords")).isEqualTo(
                "We have received your complaint about \"Engineer never came\" (our reference " + number + ").");
        assertThat(text(robot, "#acknowledgementPromised")).isEqualTo("Promised by 16 Nov 2025, 10:00");
        // the card lists it, and sales are off while it is open
        waitUntil(() -> tickets(robot).getItems().stream().anyMatch(r -> r.subject().equals("Engineer never came")));
        waitUntil(() -> visible(robot, "#upsellBanner"));

        robot.clickOn("#acknowledgementDone");
        waitUntil(() -> !visible(robot, "#acknowledgementBar"));
    }

    @Test
    void aRefusalKeepsEveryFieldAndTheNextTryGoesThrough(FxRobot robot) {
        adaOnTheCard(robot);
        robot.clickOn("#newTicketButton");
        waitUntil(() -> visible(robot, ".new-ticket"));
        robot.write("Second router for the flat");
        choose(robot, "#newKind", "Request");
        api.unreachable = true;
        robot.clickOn("#createTicketButton");

        waitUntil(() -> visible(robot, ".new-ticket #error"));
        assertThat(text(robot, ".new-ticket #error")).contains("does not answer");
        assertThat(onFx(() -> robot.lookup("#newTicketSubject").<TextField>query().getText()))
                .isEqualTo("Second router for the flat");
        assertThat(api.createdTickets).isEmpty();

        api.unreachable = false;
        robot.clickOn("#createTicketButton");
        await().atMost(PATIENCE).until(() -> api.createdTickets.size() == 1);
        NewTicketRequest sent = api.createdTickets.get(0);
        assertThat(sent.kind()).isEqualTo(TicketKind.REQUEST);
        assertThat(sent.severity()).isNull();
        assertThat(sent.callbackAt()).isNull();
        waitUntil(() -> !visible(robot, ".new-ticket"));
        // no complaint: a short notice, nothing to read out
        waitUntil(() -> text(robot, "#noticeLabel").endsWith("created for Ada Lovelace."));
        assertThat(visible(robot, "#acknowledgementBar")).isFalse();
        waitUntil(() -> tickets(robot).getItems().stream()
                .anyMatch(r -> r.subject().equals("Second router for the flat")));
    }

    private void adaOnTheCard(FxRobot robot) {
        signIn(robot, api);
        api.emit(EventTypes.OFFER, Fixtures.offerFromAda(api, 501));
        waitUntil(() -> text(robot, "#name").equals("Ada Lovelace") && tickets(robot).getItems().size() == 5);
    }

    private static TableView<TicketRow> tickets(FxRobot robot) {
        return robot.lookup("#tickets").query();
    }
}
