package dev.switchboard.desktop;

import dev.switchboard.api.EventTypes;
import dev.switchboard.api.TypingEvent;
import dev.switchboard.domain.Channel;
import javafx.scene.Scene;
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

import static dev.switchboard.desktop.FxTestSupport.node;
import static dev.switchboard.desktop.FxTestSupport.onFx;
import static dev.switchboard.desktop.FxTestSupport.one;
import static dev.switchboard.desktop.FxTestSupport.signIn;
import static dev.switchboard.desktop.FxTestSupport.text;
import static dev.switchboard.desktop.FxTestSupport.visible;
import static dev.switchboard.desktop.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renders a chat tab and an e-mail tab (formatted and in the dark theme) headless and writes them to
 * target/screenshots, so people can look at what agents will see.
 */
@ExtendWith(ApplicationExtension.class)
class ConversationScreenshotTest {
    private static final Path DIR = Path.of("target", "screenshots");

    private final FakeApi api = new FakeApi();
    private Desktop desktop;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        api.conversations.put(801L, Conversations.graceChat(801));
        api.conversations.put(803L, Conversations.charlesMail(803, true));
        api.ticketsById.put(Conversations.CHARLES_TICKET, Conversations.charlesTicket(false));
        api.canned.addAll(Conversations.canned());
        desktop = Fixtures.startDesktop(api, stage);
    }

    @Stop
    void stop() {
        desktop.stop();
    }

    @Test
    void writesAChatAndAnEmailTab(FxRobot robot) throws Exception {
        signIn(robot, api);
        api.emit(EventTypes.OFFER, Fixtures.offerFrom(api, 803, Fixtures.CHARLES, Channel.EMAIL,
                "charles@difference.example", "Warranty claim for the engine", "Hello, the engine stopped.", null));
        accept(robot, 803);
        api.emit(EventTypes.OFFER, Fixtures.offerFrom(api, 801, Fixtures.GRACE, Channel.CHAT,
                "grace@compilers.example", null, "Hi! My compiler licence renewal failed at checkout.", null));
        accept(robot, 801);
        waitUntil(() -> visible(robot, "@conversation-801 @line-4"));
        api.refuseNextSend = "The visitor closed the chat window";
        robot.clickOn(node(robot, "@conversation-801 .composer-text")).write("Could you try the card once more?");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> text(robot, "@conversation-801 .composer-status").startsWith("Not sent"));
        onFx(() -> FxTestSupport.<javafx.scene.control.TextArea>one(robot, "@conversation-801 .composer-text")
                .setText("I have reset the payment; please try again now."));
        api.emit(EventTypes.TYPING, new TypingEvent(801, "Grace Hopper", true, true));
        api.customerWrites(803, 14, "Charles Babbage", "One more thing: the crank is loose too.");
        waitUntil(() -> visible(robot, "@unread-803") && visible(robot, "@conversation-801 .conversation-typing"));
        Path chat = snapshot("conversation-chat.png");

        robot.clickOn(node(robot, "@tab-803"));
        waitUntil(() -> visible(robot, "@conversation-803 .mail-html") && !visible(robot, "@unread-803"));
        waitUntil(() -> text(robot, "@conversation-803 .sla-badge").startsWith("Overdue"));
        Path mail = snapshot("conversation-email.png");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D).release(KeyCode.D, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> stage.getScene().getStylesheets().get(0).endsWith("tokens-dark.css"));
        robot.clickOn(node(robot, "@conversation-803 #forwardToggle"));
        waitUntil(() -> visible(robot, "@conversation-803 #toField"));
        Path dark = snapshot("conversation-email-dark.png");
        for (Path p : List.of(chat, mail, dark)) {
            assertThat(Files.size(p)).as(p.toString()).isGreaterThan(10_000);
        }
    }

    private void accept(FxRobot robot, long id) {
        waitUntil(() -> visible(robot, "#acceptButton"));
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        waitUntil(() -> visible(robot, "@conversation-" + id));
    }

    private Path snapshot(String name) throws Exception {
        Files.createDirectories(DIR);
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
}
