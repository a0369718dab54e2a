package dev.switchboard.desktop;

import dev.switchboard.api.IngestRequest;
import dev.switchboard.api.IngestResponse;
import dev.switchboard.client.HttpSwitchboardApi;
import dev.switchboard.desktop.contacts.ContactItem;
import dev.switchboard.desktop.main.StateChoice;
import dev.switchboard.desktop.queue.QueueItem;
import dev.switchboard.domain.AgentState;
import dev.switchboard.domain.Channel;
import dev.switchboard.domain.Direction;
import dev.switchboard.domain.InteractionState;
import dev.switchboard.domain.Role;
import dev.switchboard.server.ServerOptions;
import dev.switchboard.server.SwitchboardServer;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
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

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import static dev.switchboard.desktop.FxTestSupport.onFx;
import static dev.switchboard.desktop.FxTestSupport.text;
import static dev.switchboard.desktop.FxTestSupport.visible;
import static dev.switchboard.desktop.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The desktop against the real server's routing (in memory, loopback, a free port): a call is
 * exclusive, so a chat that arrives meanwhile waits in the queue, and is offered only once the call's
 * wrap-up is done.
 */
@ExtendWith(ApplicationExtension.class)
class RoutingEndToEndFxTest {
    /** Long enough for the router to have offered the chat if it were going to; a window, not a sleep. */
    private static final Duration STAYS_QUEUED = Duration.ofSeconds(3);

    private static SwitchboardServer server;
    private static HttpSwitchboardApi backOffice;
    private Desktop desktop;

    @BeforeAll
    static void startServer() {
        server = SwitchboardServer.start(ServerOptions.inMemory("desktop-routing-e2e", 50));
        backOffice = new HttpSwitchboardApi(server.baseUrl());
        backOffice.login("supervisor", "supervisor");
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
    void aCallBlocksFurtherOffersUntilItsWrapUpIsDone(FxRobot robot) {
        robot.clickOn("#username").write("agent");
        robot.clickOn("#password").write("agent");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> text(robot, "#connectionLabel").equals("Connected"));
        becomeReady(robot);

        IngestResponse call = backOffice.ingest(new IngestRequest(Channel.PHONE, Direction.INBOUND,
                "+44 7700 900777", "Card blocked abroad", null));
        long callId = call.interaction().id();
        waitUntil(() -> offered(robot, callId));
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        waitUntil(() -> visible(robot, "#endButton") && text(robot, "#contactState").equals("Active"));
        waitUntil(() -> stateShown(robot) == AgentState.BUSY);

        // a chat arrives while the agent is on the call: it shows in the queue and waits there
        IngestResponse chat = backOffice.ingest(new IngestRequest(Channel.CHAT, Direction.INBOUND,
                "visitor-4711@example.org", "Where is my parcel?", "Hi, my parcel has not arrived."));
        long chatId = chat.interaction().id();
        waitUntil(() -> queued(robot, chatId));
        staysTrue(() -> !mine(robot, chatId) && backOffice.interaction(chatId).state() == InteractionState.QUEUED);

        // ending the call leads to its wrap-up; the call still blocks the chat
        robot.press(KeyCode.CONTROL, KeyCode.E).release(KeyCode.E, KeyCode.CONTROL);
        waitUntil(() -> visible(robot, ".wrapup") && text(robot, "#contactState").equals("Wrap-up"));
        assertThat(backOffice.interaction(callId).state()).isEqualTo(InteractionState.WRAP_UP);
        staysTrue(() -> !mine(robot, chatId) && backOffice.interaction(chatId).state() == InteractionState.QUEUED);

        // the wrap-up done, the chat is offered at once
        robot.type(KeyCode.DIGIT1);
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        waitUntil(() -> backOffice.interaction(callId).state() == InteractionState.ENDED);
        assertThat(backOffice.interaction(callId).routing().disposition()).isEqualTo("RESOLVED");
        waitUntil(() -> offered(robot, chatId));
        waitUntil(() -> text(robot, "#contactTitle").equals("Chat · visitor-4711@example.org"));
        waitUntil(() -> !queued(robot, chatId) || offeredInQueue(robot, chatId));
    }

    private static void becomeReady(FxRobot robot) {
        waitUntil(() -> stateShown(robot) != null);
        if (stateShown(robot) != AgentState.READY) {
            robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.R).release(KeyCode.R, KeyCode.SHIFT, KeyCode.CONTROL);
        }
        waitUntil(() -> stateShown(robot) == AgentState.READY);
    }

    private static void staysTrue(Callable<Boolean> condition) {
        await().during(STAYS_QUEUED).atMost(STAYS_QUEUED.plusSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(condition);
    }

    private static AgentState stateShown(FxRobot robot) {
        return onFx(() -> {
            StateChoice c = robot.lookup("#stateBox").<ComboBox<StateChoice>>query().getValue();
            return c == null ? null : c.state();
        });
    }

    private static boolean offered(FxRobot robot, long id) {
        return onFx(() -> contacts(robot).stream()
                .anyMatch(i -> i.interactionId() == id && i.state() == InteractionState.OFFERED));
    }

    private static boolean mine(FxRobot robot, long id) {
        return onFx(() -> contacts(robot).stream().anyMatch(i -> i.interactionId() == id));
    }

    private static boolean queued(FxRobot robot, long id) {
        return onFx(() -> queue(robot).stream().anyMatch(i -> i.interactionId() == id));
    }

    private static boolean offeredInQueue(FxRobot robot, long id) {
        return onFx(() -> queue(robot).stream().anyMatch(i -> i.interactionId() == id
                && i.entry().offeredTo() != null));
    }

    private static List<ContactItem> contacts(FxRobot robot) {
        return List.copyOf(robot.lookup(".contacts-list").<ListView<ContactItem>>query().getItems());
    }

    private static List<QueueItem> queue(FxRobot robot) {
        return List.copyOf(robot.lookup(".queue-list").<ListView<QueueItem>>query().getItems());
    }
}
