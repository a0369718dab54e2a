package dev.switchboard.desktop;

import dev.switchboard.domain.Role;
import dev.switchboard.api.CustomerSummary;
import dev.switchboard.api.EventTypes;
import dev.switchboard.api.InteractionEvent;
import dev.switchboard.api.InteractionView;
import dev.switchboard.api.OfferEvent;
import dev.switchboard.api.OfferRevokedEvent;
import dev.switchboard.api.ScreenPop;
import dev.switchboard.desktop.card.TimelineEntry;
import dev.switchboard.domain.Channel;
import dev.switchboard.domain.MatchKind;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.switchboard.desktop.FxTestSupport.onFx;
import static dev.switchboard.desktop.FxTestSupport.signIn;
import static dev.switchboard.desktop.FxTestSupport.text;
import static dev.switchboard.desktop.FxTestSupport.visible;
import static dev.switchboard.desktop.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renders the main window with a popped card, headless, and writes it to target/screenshots (light and
 * dark), with the other card states beside them, so people can look at what agents will see.
 */
@ExtendWith(ApplicationExtension.class)
class CardScreenshotTest {
    private static final Path DIR = Path.of("target", "screenshots");

    private final FakeApi api = new FakeApi();
    private Desktop desktop;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Fixtures.install(api);
        desktop = new Desktop(new DesktopOptions("Embedded server on 127.0.0.1:41234",
                List.of(new DemoAccount("agent", "agent123", Role.AGENT),
                        new DemoAccount("outbound", "outbound123", Role.OUTBOUND_AGENT),
                        new DemoAccount("supervisor", "super123", Role.SUPERVISOR)),
                "light", "Demo data: generated customers, nothing here is real."), api, Fixtures.CLOCK, null);
        desktop.start(stage);
    }

    @Stop
    void stop() {
        desktop.stop();
    }

    @Test
    void writesTheCardInBothThemes(FxRobot robot) throws Exception {
        Path login = snapshot("login.png");
        signIn(robot, api);
        Path empty = snapshot("main-empty.png");

        api.emit(EventTypes.OFFER, chatFromGrace(801));
        api.emit(EventTypes.INTERACTION, new InteractionEvent(answered(api.accept(801), 75)));
        api.emit(EventTypes.OFFER, Fixtures.offerFromUnknown(api, 601));
        api.emit(EventTypes.OFFER, Fixtures.offerFromAda(api, 501));
        waitUntil(() -> text(robot, "#name").equals("Ada Lovelace"));
        waitUntil(() -> api.calls.contains("timeline 101 null") && timeline(robot).getItems().size() == 20
                && !timeline(robot).getItems().get(0).bodyProperty().get().endsWith("…"));
        onFx(() -> timeline(robot).getSelectionModel().select(1));
        onFx(() -> timeline(robot).requestFocus());
        robot.type(KeyCode.ENTER);
        waitUntil(() -> timeline(robot).getItems().get(1).expandedProperty().get());
        onFx(() -> robot.lookup("#contacts").tryQuery().ifPresent(n -> n.requestFocus()));

        Path light = snapshot("card-light.png");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D).release(KeyCode.D, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> stage.getScene().getStylesheets().get(0).endsWith("tokens-dark.css"));
        Path dark = snapshot("card-dark.png");

        onFx(() -> robot.lookup(".contacts-list").<ListView<?>>query().getSelectionModel().select(1));
        waitUntil(() -> visible(robot, "#unknownTitle"));
        Path unknown = snapshot("card-unknown-dark.png");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.L).release(KeyCode.L, KeyCode.SHIFT, KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        waitUntil(() -> visible(robot, "#firstName"));
        Path form = snapshot("card-new-customer.png");
        robot.type(KeyCode.ESCAPE);

        api.emit(EventTypes.OFFER, Fixtures.offerFromShared(api, 701));
        waitUntil(() -> visible(robot, "#severalTitle"));
        Path several = snapshot("card-several.png");

        api.emit(EventTypes.OFFER_REVOKED, new OfferRevokedEvent(601, 7, "TIMEOUT"));
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        robot.write("babbage");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> text(robot, "#summaryLabel").startsWith("2 results"));
        robot.type(KeyCode.DOWN);
        robot.type(KeyCode.ENTER);
        waitUntil(() -> text(robot, "#name").equals("Charles Babbage"));
        Path search = snapshot("search.png");

        for (Path p : List.of(login, empty, light, dark, unknown, form, several, search)) {
            assertThat(Files.size(p)).as(p.toString()).isGreaterThan(10_000);
        }
    }

    @Test
    void writesTheTabsAndTheWrapUpPanel(FxRobot robot) throws Exception {
        api.queue.addAll(List.of(
                Fixtures.waiting(71, Channel.PHONE, "Charles Babbage", "Card blocked abroad", "Billing", 8, 41, 30),
                Fixtures.waiting(72, Channel.CHAT, "+44 7700 900123", "Where is my order?", "Web chat", 5, 38, 60),
                Fixtures.waiting(73, Channel.PHONE, "Georgiana Babbage", "Change of address", "General enquiries",
                        5, 6, 20),
                Fixtures.waiting(74, Channel.SOCIAL, "@mary_somerville", "Your app logs me out every day",
                        "General enquiries", 5, 3, 20),
                Fixtures.waiting(75, Channel.EMAIL, "Grace Hopper", "Copy of the October invoice", "E-mail", 3,
                        1260, 3600)));
        api.conversations.put(801L, Conversations.graceChat(801));
        api.conversations.put(802L, Conversations.adaChat(802));
        api.conversations.put(803L, Conversations.charlesMail(803, true));
        signIn(robot, api);
        api.emit(EventTypes.OFFER, Fixtures.offerFrom(api, 801, Fixtures.GRACE, Channel.CHAT,
                "grace@compilers.example", null, "Hi! My compiler licence renewal failed at checkout.", null));
        api.emit(EventTypes.INTERACTION, new InteractionEvent(answered(api.accept(801), 312)));
        api.emit(EventTypes.OFFER, Fixtures.offerFrom(api, 802, Fixtures.ADA, Channel.CHAT,
                "ada@engines.example", null, "Is the second router on its way?", null));
        api.emit(EventTypes.INTERACTION, new InteractionEvent(answered(api.accept(802), 95)));
        api.emit(EventTypes.OFFER, Fixtures.offerFrom(api, 803, Fixtures.CHARLES, Channel.EMAIL,
                "charles@difference.example", "Warranty claim for the engine", "Please find the photos attached.",
                null));
        api.emit(EventTypes.INTERACTION, new InteractionEvent(answered(api.accept(803), 40)));
        api.emit(EventTypes.AGENT_STATE, new dev.switchboard.api.AgentStateEvent(7, "Alex Morgan",
                dev.switchboard.domain.AgentState.BUSY, "LUNCH", Fixtures.NOW.minusSeconds(312)));
        waitUntil(() -> robot.lookup(".work-tab").queryAll().size() == 3 && robot.lookup(".queue-cell").queryAll()
                .stream().filter(n -> ((javafx.scene.control.ListCell<?>) n).getItem() != null).count() == 5);
        robot.press(KeyCode.ALT, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.ALT);
        waitUntil(() -> text(robot, "#name").equals("Ada Lovelace"));
        onFx(() -> robot.lookup(".queue-list").tryQuery().ifPresent(n -> n.requestFocus()));
        Path tabs = snapshot("tabs-light.png");

        api.tickets.put(Fixtures.ADA, Fixtures.adaTickets());
        robot.press(KeyCode.CONTROL, KeyCode.E).release(KeyCode.E, KeyCode.CONTROL);
        waitUntil(() -> visible(robot, ".wrapup"));
        robot.type(KeyCode.DIGIT2);
        robot.clickOn("#notes").write("Router shipped today; tracking number sent by e-mail.");
        robot.clickOn("#updateTicket");
        onFx(() -> {
            var box = robot.lookup("#ticketBox").<javafx.scene.control.ComboBox<dev.switchboard.api.TicketView>>query();
            box.getSelectionModel().select(box.getItems().stream().filter(t -> t.id() == 4990).findFirst()
                    .orElseThrow());
        });
        robot.clickOn("#ticketNote").write("Second router dispatched.");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D).release(KeyCode.D, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> stage.getScene().getStylesheets().get(0).endsWith("tokens-dark.css"));
        Path wrapUp = snapshot("wrapup-dark.png");

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.L).release(KeyCode.L, KeyCode.SHIFT, KeyCode.CONTROL);
        robot.press(KeyCode.ALT, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.ALT);
        waitUntil(() -> text(robot, "#name").equals("Grace Hopper"));
        robot.press(KeyCode.CONTROL, KeyCode.T).release(KeyCode.T, KeyCode.CONTROL);
        waitUntil(() -> visible(robot, ".transfer"));
        robot.write("bill");
        robot.type(KeyCode.ENTER);
        robot.write("Licence renewal failed twice at checkout; card is fine.");
        Path transfer = snapshot("transfer-light.png");
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> !visible(robot, ".transfer"));

        for (Path p : List.of(tabs, wrapUp, transfer)) {
            assertThat(Files.size(p)).as(p.toString()).isGreaterThan(10_000);
        }
    }

    private static ListView<TimelineEntry> timeline(FxRobot robot) {
        return robot.lookup("#timeline").query();
    }

    private Path snapshot(String name) throws Exception {
        Path file = DIR.resolve(name);
        onFx(() -> {
            Scene scene = stage.getScene();
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            WritableImage image = scene.snapshot(null);
            PngWriter.write(image, file);
            return null;
        });
        return file;
    }

    private static InteractionView answered(InteractionView v, long secondsAgo) {
        return new InteractionView(v.id(), v.customerId(), v.channel(), v.direction(), v.state(), v.address(),
                v.addressDisplay(), v.subject(), v.body(), v.createdAt(), Fixtures.NOW.minusSeconds(secondsAgo),
                v.endedAt(), v.agentId(), v.routing());
    }

    private OfferEvent chatFromGrace(long id) {
        CustomerSummary grace = api.customers.get(Fixtures.GRACE);
        InteractionView v = Fixtures.incoming(id, Fixtures.GRACE, Channel.CHAT, "grace@compilers.example",
                "grace@compilers.example", null, "Hi! My compiler licence renewal failed at checkout, can you help?");
        api.interactions.put(id, v);
        ScreenPop pop = new ScreenPop(v, MatchKind.SINGLE, grace, List.of(), List.of(),
                Fixtures.truncated(api.history.get(Fixtures.GRACE), 20));
        return new OfferEvent(id, 7, Fixtures.NOW.minusSeconds(95), Fixtures.NOW.plusSeconds(28), pop);
    }
}
