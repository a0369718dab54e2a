package dev.switchboard.desktop;

import dev.switchboard.api.EventTypes;
import dev.switchboard.api.IngestRequest;
import dev.switchboard.api.OfferEvent;
import dev.switchboard.api.QueueView;
import dev.switchboard.api.WrapUpRequest;
import dev.switchboard.client.EventSubscription;
import dev.switchboard.client.HttpSwitchboardApi;
import dev.switchboard.desktop.supervisor.AgentRow;
import dev.switchboard.domain.AgentState;
import dev.switchboard.domain.Channel;
import dev.switchboard.domain.Direction;
import dev.switchboard.domain.Role;
import dev.switchboard.server.ServerOptions;
import dev.switchboard.server.SwitchboardServer;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
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

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.switchboard.desktop.FxTestSupport.onFx;
import static dev.switchboard.desktop.FxTestSupport.text;
import static dev.switchboard.desktop.FxTestSupport.visible;
import static dev.switchboard.desktop.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A supervisor's desktop against the real server over HTTP and the event stream: a contact an agent
 * handles changes its queue's tile, the tile's service level shows its formula, and the supervisor
 * makes the agent not ready, which the server then holds.
 */
@ExtendWith(ApplicationExtension.class)
class SupervisorEndToEndFxTest {
    private static SwitchboardServer server;
    private static HttpSwitchboardApi agentApi;
    private static EventSubscription agentStream;
    private static final List<OfferEvent> offers = new CopyOnWriteArrayList<>();

    private Desktop desktop;

    @BeforeAll
    static void startServer() {
        server = SwitchboardServer.start(ServerOptions.inMemory("supervisor-e2e", 50));
        agentApi = new HttpSwitchboardApi(server.baseUrl());
        long seq = agentApi.login("agent", "agent").eventSeq();
        agentStream = agentApi.subscribe(seq, e -> {
            if (e.type().equals(EventTypes.OFFER)) {
                offers.add((OfferEvent) e.payload());
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(agentStream::connected);
        agentApi.setState(AgentState.READY);
    }

    @AfterAll
    static void stopServer() {
        if (agentStream != null) {
            agentStream.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Start
    void start(Stage stage) {
        desktop = new Desktop(new DesktopOptions(server.baseUrl(),
                List.of(new DemoAccount("supervisor", "supervisor", Role.SUPERVISOR)), "light", null),
                new HttpSwitchboardApi(server.baseUrl()));
        desktop.start(stage);
    }

    @Stop
    void stop() {
        desktop.stop();
    }

    @Test
    void aHandledContactChangesItsTileAndTheSupervisorMakesTheAgentNotReady(FxRobot robot) {
        robot.clickOn("#username").write("supervisor");
        robot.clickOn("#password").write("supervisor");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> text(robot, "#agentName").equals("Priya Raman"));
        QueueView queue = agentApi.config().queues().get(0);
        String sl = "#sl-" + queue.id();
        waitUntil(() -> visible(robot, sl));
        assertThat(text(robot, sl)).isEqualTo("—");

        // the simulator's way in: a chat comes in, the agent takes it, ends it and wraps it up
        long id = agentApi.ingest(new IngestRequest(Channel.CHAT, Direction.INBOUND, "tile@example.com",
                "Order status", "Hello?", queue.id(), null)).interaction().id();
        await().atMost(Duration.ofSeconds(20)).until(() -> offers.stream().anyMatch(o -> o.interactionId() == id));
        agentApi.accept(id);
        waitUntil(() -> agentRow(robot, "Alex Morgan").map(AgentRow::stateText).orElse("").equals("Busy"));
        agentApi.end(id);
        agentApi.wrapUp(id, new WrapUpRequest(null, "answered", null));
        waitUntil(() -> text(robot, sl).equals("100 %"));

        // the number says how it is computed
        robot.clickOn(sl);
        waitUntil(() -> robot.lookup(sl).<Button>query().getTooltip().isShowing());
        assertThat(onFx(() -> robot.lookup(sl).<Button>query().getTooltip().getText()))
                .contains("Formula: answered within 20 s ÷ offered × 100").contains("offered: 1");
        robot.clickOn(sl);

        // the supervisor sends the agent on a break from the grid
        onFx(() -> {
            TableView<AgentRow> t = robot.lookup("#agentTable").query();
            t.getSelectionModel().select(agentRow(robot, "Alex Morgan").orElseThrow());
            t.requestFocus();
        });
        robot.clickOn("#makeNotReadyButton");
        waitUntil(() -> visible(robot, "#not-ready-list"));
        onFx(() -> {
            ListView<Object> reasons = robot.lookup("#not-ready-list").query();
            reasons.getItems().stream().filter(r -> r.toString().contains("BREAK")).findFirst()
                    .ifPresentOrElse(r -> reasons.getSelectionModel().select(r),
                            () -> reasons.getSelectionModel().select(0));
        });
        robot.clickOn("#not-ready-ok");
        waitUntil(() -> text(robot, "#feedbackLabel").startsWith("Alex Morgan is now Not ready"));
        await().atMost(Duration.ofSeconds(10)).until(() -> agentApi.me().state() == AgentState.NOT_READY);
        waitUntil(() -> agentRow(robot, "Alex Morgan").map(AgentRow::stateText).orElse("").startsWith("Not ready"));
    }

    private static java.util.Optional<AgentRow> agentRow(FxRobot robot, String name) {
        return onFx(() -> robot.lookup("#agentTable").<TableView<AgentRow>>query().getItems().stream()
                .filter(r -> r.name().equals(name)).findFirst());
    }
}
