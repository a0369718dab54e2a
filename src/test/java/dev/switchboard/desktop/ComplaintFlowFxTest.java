package dev.switchboard.desktop;

import dev.switchboard.api.CustomerSummary;
import dev.switchboard.api.IngestRequest;
import dev.switchboard.api.IngestResponse;
import dev.switchboard.api.NewContactPoint;
import dev.switchboard.api.NewCustomerRequest;
import dev.switchboard.api.TicketView;
import dev.switchboard.client.HttpSwitchboardApi;
import dev.switchboard.desktop.card.TicketRow;
import dev.switchboard.domain.Channel;
import dev.switchboard.domain.ContactKind;
import dev.switchboard.domain.Direction;
import dev.switchboard.domain.Role;
import dev.switchboard.domain.Severity;
import dev.switchboard.domain.TicketKind;
import dev.switchboard.domain.TicketStatus;
import dev.switchboard.server.ServerOptions;
import dev.switchboard.server.SwitchboardServer;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

import java.util.List;

import static dev.switchboard.desktop.FxTestSupport.choose;
import static dev.switchboard.desktop.FxTestSupport.becomeReady;
import static dev.switchboard.desktop.FxTestSupport.onFx;
import static dev.switchboard.desktop.FxTestSupport.pick;
import static dev.switchboard.desktop.FxTestSupport.text;
import static dev.switchboard.desktop.FxTestSupport.visible;
import static dev.switchboard.desktop.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The complaint loop from contact to closed, the desktop against the real server: a caller
 * complains, the agent raises the complaint from the card with a promised callback, reads out the
 * acknowledgement, sees "do not offer sales", wraps up; later solves it, answering the closing
 * question first; the server keeps each step.
 */
@ExtendWith(ApplicationExtension.class)
class ComplaintFlowFxTest {
    private static final String NUMBER = "+44 7700 900555";
    private static SwitchboardServer server;
    private static HttpSwitchboardApi backOffice;
    private static long customerId;
    private Desktop desktop;

    @BeforeAll
    static void startServer() {
        server = SwitchboardServer.start(ServerOptions.inMemory("complaint-flow", 0));
        backOffice = new HttpSwitchboardApi(server.baseUrl());
        backOffice.login("supervisor", "supervisor");
        CustomerSummary grace = backOffice.createCustomer(new NewCustomerRequest("Grace", "Hopper", "",
                List.of(new NewContactPoint(ContactKind.PHONE, NUMBER, "mobile")), null));
        customerId = grace.id();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Start
    void start(Stage stage) {
        desktop = new Desktop(new DesktopOptions(server.baseUrl(),
                List.of(new DemoAccount("agent", "agent", Role.AGENT)), "light", null),
                new HttpSwitchboardApi(server.baseUrl()));
        desktop.start(stage);
    }

    @Stop
    void stop() {
        desktop.stop();
    }

    @Test
    void aComplaintGoesFromTheCallToClosed(FxRobot robot) {
        robot.clickOn("#username").write("agent");
        robot.clickOn("#password").write("agent");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> text(robot, "#connectionLabel").equals("Connected"));
        becomeReady(robot);

        IngestResponse call = backOffice.ingest(new IngestRequest(Channel.PHONE, Direction.INBOUND, NUMBER,
                "Engineer no-show", "Caller is angry: the engineer did not come twice."));
        waitUntil(() -> text(robot, "#name").equals("Grace Hopper"));
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        waitUntil(() -> text(robot, "#contactState").equals("Active"));
        assertThat(visible(robot, "#upsellBanner")).isFalse();

        // raise the complaint from the card, with a callback promised for tomorrow
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.I).release(KeyCode.I, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> visible(robot, ".new-ticket"));
        robot.write("Engineer missed the appointment twice");
        choose(robot, "#newKind", "Complaint");
        pick(robot, "#newSeverity", "Major");
        robot.clickOn("#newDepartment").write("Field service");
        robot.clickOn("#newCategory").write("Missed appointment");
        choose(robot, "#newCallback", "Tomorrow 10:00");
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);

        // the words to say are on screen, with the reference and the promise; sales are off
        waitUntil(() -> visible(robot, "#acknowledgementBar"));
        TicketView complaint = backOffice.openTickets(customerId).stream()
                .filter(t -> t.caseFile().kind() == TicketKind.COMPLAINT).findFirst().orElseThrow();
        assertThat(text(robot, "#acknowledgementWords")).contains("our reference T-" + complaint.id());
        assertThat(text(robot, "#acknowledgementPromised")).startsWith("Promised by");
        waitUntil(() -> visible(robot, "#upsellBanner"));
        assertThat(complaint.caseFile().severity()).isEqualTo(Severity.MAJOR);
        assertThat(complaint.caseFile().department()).isEqualTo("Field service");
        assertThat(complaint.caseFile().promisedAt()).isNotNull();
        // linked to the call and to the callback booked for it
        assertThat(complaint.interactionIds()).contains(call.interaction().id()).hasSize(2);
        long callback = complaint.interactionIds().stream().filter(id -> id != call.interaction().id())
                .findFirst().orElseThrow();
        assertThat(backOffice.interaction(callback).state().name()).isEqualTo("SCHEDULED");
        robot.clickOn("#acknowledgementDone");
        waitUntil(() -> !visible(robot, "#acknowledgementBar"));

        // the call ends and is wrapped up
        robot.press(KeyCode.CONTROL, KeyCode.E).release(KeyCode.E, KeyCode.CONTROL);
        waitUntil(() -> text(robot, "#contactState").equals("Wrap-up") && visible(robot, ".wrapup"));
        robot.type(KeyCode.DIGIT1);
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        waitUntil(() -> !visible(robot, ".wrapup"));

        // later: solve it; Save waits for the answer to the closing question
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        waitUntil(() -> onFx(() -> robot.lookup("#field").query().isFocused()));
        robot.write("hopper");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> text(robot, "#summaryLabel").equals("1 result for “hopper”"));
        robot.type(KeyCode.DOWN);
        robot.type(KeyCode.ENTER);
        waitUntil(() -> text(robot, "#name").equals("Grace Hopper"));
        waitUntil(() -> tickets(robot).getItems().stream().anyMatch(r -> r.id() == complaint.id()));
        onFx(() -> {
            TableView<TicketRow> table = tickets(robot);
            table.getItems().stream().filter(r -> r.id() == complaint.id()).findFirst()
                    .ifPresent(r -> table.getSelectionModel().select(r));
            return null;
        });
        robot.clickOn("#editTicketButton");
        waitUntil(() -> visible(robot, ".ticket-editor"));
        assertThat(text(robot, "#caseLine")).startsWith("Complaint · Major · Field service · Missed appointment");
        assertThat(text(robot, "#promiseLine")).startsWith("Promised to the customer: an answer by");
        choose(robot, "#editStatus", "Solved");
        waitUntil(() -> visible(robot, "#addressedBox"));
        assertThat(onFx(() -> robot.lookup("#saveTicketButton").<Button>query().isDisabled())).isTrue();
        robot.clickOn("#addressedYes");
        waitUntil(() -> !onFx(() -> robot.lookup("#saveTicketButton").<Button>query().isDisabled()));
        robot.clickOn("#saveTicketButton");
        waitUntil(() -> !visible(robot, ".ticket-editor"));

        TicketView solved = backOffice.ticket(complaint.id());
        assertThat(solved.status()).isEqualTo(TicketStatus.SOLVED);
        assertThat(solved.caseFile().addressed()).isTrue();
        assertThat(solved.caseFile().history()).anyMatch(h ->
                h.what().equals("Closing check: the reply addressed the complaint raised"));
        waitUntil(() -> !visible(robot, "#upsellBanner"));
    }

    private static TableView<TicketRow> tickets(FxRobot robot) {
        return robot.lookup("#tickets").query();
    }
}
