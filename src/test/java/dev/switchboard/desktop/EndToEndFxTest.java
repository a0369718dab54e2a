package dev.switchboard.desktop;

import dev.switchboard.domain.Role;
import dev.switchboard.api.CustomerSummary;
import dev.switchboard.api.IngestRequest;
import dev.switchboard.api.IngestResponse;
import dev.switchboard.api.NewContactPoint;
import dev.switchboard.api.NewCustomerRequest;
import dev.switchboard.api.NewTicketRequest;
import dev.switchboard.client.HttpSwitchboardApi;
import dev.switchboard.domain.Channel;
import dev.switchboard.domain.ContactKind;
import dev.switchboard.domain.Direction;
import dev.switchboard.domain.MatchKind;
import dev.switchboard.domain.TicketPriority;
import dev.switchboard.server.ServerOptions;
import dev.switchboard.server.SwitchboardServer;
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
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.switchboard.desktop.FxTestSupport.becomeReady;
import static dev.switchboard.desktop.FxTestSupport.onFx;
import static dev.switchboard.desktop.FxTestSupport.text;
import static dev.switchboard.desktop.FxTestSupport.visible;
import static dev.switchboard.desktop.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The desktop against the real server (in memory, loopback, a free port) over HTTP and the event
 * stream: a known caller pops their card with open tickets; an unknown caller becomes a customer.
 */
@ExtendWith(ApplicationExtension.class)
class EndToEndFxTest {
    private static final int DEMO_CUSTOMERS = 300;
    private static String known;
    private static String unknown;
    private static SwitchboardServer server;
    private static HttpSwitchboardApi backOffice;
    private static long adaId;

    private final List<Long> drawn = new CopyOnWriteArrayList<>();
    private Desktop desktop;

    @BeforeAll
    static void startServer() {
        server = SwitchboardServer.start(ServerOptions.inMemory("desktop-e2e", DEMO_CUSTOMERS));
        backOffice = new HttpSwitchboardApi(server.baseUrl());
        backOffice.login("supervisor", "supervisor");
        known = freeNumber(101);
        unknown = freeNumber(999);
        CustomerSummary ada = backOffice.createCustomer(new NewCustomerRequest("Ada", "Lovelace",
                "Analytical Engines Ltd", List.of(new NewContactPoint(ContactKind.PHONE, known, "work"),
                new NewContactPoint(ContactKind.EMAIL, "ada@engines.example", null)), null));
        adaId = ada.id();
        backOffice.createTicket(new NewTicketRequest(adaId, "Invoice charged twice in November",
                TicketPriority.URGENT, null, null));
        backOffice.createTicket(new NewTicketRequest(adaId, "Router keeps dropping the connection",
                TicketPriority.HIGH, null, null));
    }

    /** A number from the range kept for drama (07700 900xxx) that no demo customer has. */
    private static String freeNumber(int start) {
        for (int n = start; n < start + 1000; n++) {
            String number = String.format("+44 7700 900%03d", n % 1000);
            if (backOffice.search(number, 1).isEmpty()) {
                return number;
            }
        }
        throw new IllegalStateException("no free test number");
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Start
    void start(Stage stage) {
        HttpSwitchboardApi api = new HttpSwitchboardApi(server.baseUrl());
        desktop = new Desktop(new DesktopOptions(server.baseUrl(),
                List.of(new DemoAccount("agent", "agent", Role.AGENT)), "light", null), api);
        desktop.onPopDrawn(drawn::add);
        desktop.start(stage);
    }

    @Stop
    void stop() {
        desktop.stop();
    }

    @Test
    void aKnownCallerPopsTheCardAndAnUnknownOneBecomesACustomer(FxRobot robot) {
        robot.clickOn("#username").write("agent");
        robot.clickOn("#password").write("agent");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> text(robot, "#agentName").equals("Alex Morgan"));
        waitUntil(() -> text(robot, "#connectionLabel").equals("Connected"));
        becomeReady(robot);

        IngestResponse call = backOffice.ingest(new IngestRequest(Channel.PHONE, Direction.INBOUND, known,
                "Billing question", "Caller asks about a double charge."));
        assertThat(call.match()).isEqualTo(MatchKind.SINGLE);

        waitUntil(() -> text(robot, "#name").equals("Ada Lovelace"));
        waitUntil(() -> drawn.contains(call.interaction().id()));
        assertThat(text(robot, "#ticketsTitle")).isEqualTo("Open tickets (2)");
        assertThat(robot.lookup("Invoice charged twice in November").tryQuery()).isPresent();
        assertThat(robot.lookup("Router keeps dropping the connection").tryQuery()).isPresent();
        assertThat(text(robot, "#contactSubject")).isEqualTo("Billing question");

        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        waitUntil(() -> visible(robot, "#endButton") && text(robot, "#contactState").equals("Active"));
        robot.press(KeyCode.CONTROL, KeyCode.E).release(KeyCode.E, KeyCode.CONTROL);
        waitUntil(() -> text(robot, "#contactState").equals("Wrap-up") && visible(robot, ".wrapup"));
        robot.type(KeyCode.DIGIT1);
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        waitUntil(() -> !visible(robot, ".wrapup"));
        becomeReady(robot);

        IngestResponse stranger = backOffice.ingest(new IngestRequest(Channel.PHONE, Direction.INBOUND, unknown,
                null, null));
        assertThat(stranger.match()).isEqualTo(MatchKind.UNKNOWN);
        waitUntil(() -> text(robot, "#unknownTitle").equals("Unknown caller " + unknown));

        robot.clickOn("#newCustomerButton");
        waitUntil(() -> visible(robot, "#firstName"));
        robot.clickOn("#firstName").write("Mary");
        robot.clickOn("#lastName").write("Somerville");
        robot.type(KeyCode.ENTER);

        waitUntil(() -> text(robot, "#name").equals("Mary Somerville"));
        List<CustomerSummary> found = backOffice.search(unknown, 5);
        assertThat(found).extracting(CustomerSummary::displayName).containsExactly("Mary Somerville");
        assertThat(backOffice.interaction(stranger.interaction().id()).customerId()).isEqualTo(found.get(0).id());
    }
}
