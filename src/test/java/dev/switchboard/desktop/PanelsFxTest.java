package dev.switchboard.desktop;

import dev.switchboard.api.CallbackRequest;
import dev.switchboard.api.EventTypes;
import dev.switchboard.api.TransferRequest;
import dev.switchboard.domain.Channel;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;


import static dev.switchboard.desktop.FxTestSupport.signIn;
import static dev.switchboard.desktop.FxTestSupport.text;
import static dev.switchboard.desktop.FxTestSupport.visible;
import static dev.switchboard.desktop.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** The transfer and callback panels over the card, driven from the keyboard alone. */
@ExtendWith(ApplicationExtension.class)
class PanelsFxTest {
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
    void anActiveChatIsTransferredToAQueueWithANote(FxRobot robot) {
        signIn(robot, api);
        api.emit(EventTypes.OFFER, Fixtures.offerFrom(api, 801, Fixtures.GRACE, Channel.CHAT,
                "grace@compilers.example", null, "My licence renewal failed", null));
        waitUntil(() -> visible(robot, "#acceptButton"));
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        waitUntil(() -> visible(robot, "#transferButton"));

        robot.press(KeyCode.CONTROL, KeyCode.T).release(KeyCode.T, KeyCode.CONTROL);
        waitUntil(() -> visible(robot, ".transfer"));
        assertThat(text(robot, ".panel-title")).isEqualTo("Transfer Grace Hopper");
        robot.write("bill");
        robot.type(KeyCode.ENTER);
        robot.write("Card declined twice; she will retry with another card.");
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);

        waitUntil(() -> !visible(robot, ".transfer") && !api.transfers.isEmpty());
        assertThat(api.transfers.get(0).getValue()).isEqualTo(new TransferRequest(Fixtures.BILLING, null,
                "Card declined twice; she will retry with another card."));
        waitUntil(() -> visible(robot, ".card-empty"));
        assertThat(text(robot, "#noticeLabel")).isEqualTo("Grace Hopper transferred to Billing.");
    }

    @Test
    void aWaitingCallPickedInTheQueueBecomesACallbackForMe(FxRobot robot) {
        api.queue.add(Fixtures.waiting(77, Channel.PHONE, "Grace Hopper", "Order status", "General enquiries", 5,
                90, 20));
        api.interactions.put(77L, Fixtures.incoming(77, Fixtures.GRACE, Channel.PHONE, "+12025550143",
                "+1 202-555-0143", "Order status", null));
        signIn(robot, api);
        waitUntil(() -> robot.lookup(".queue-cell").queryAll().stream()
                .anyMatch(n -> ((javafx.scene.control.ListCell<?>) n).getItem() != null));

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        waitUntil(() -> visible(robot, ".callback"));
        assertThat(text(robot, ".callback .panel-title")).isEqualTo("Call back Grace Hopper");
        waitUntil(() -> robot.lookup("#numberBox").<javafx.scene.control.ComboBox<String>>query().getEditor()
                .getText().equals("+1 202-555-0143"));
        robot.clickOn("#meButton");
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);

        waitUntil(() -> !api.callbacks.isEmpty() && !visible(robot, ".callback"));
        assertThat(api.callbacks.get(0).getKey()).isEqualTo(77L);
        assertThat(api.callbacks.get(0).getValue()).isEqualTo(new CallbackRequest("+1 202-555-0143", null, null,
                7L, null));
    }
}
