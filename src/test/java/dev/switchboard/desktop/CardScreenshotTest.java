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
                v.endedAt(), v.agentId());
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
