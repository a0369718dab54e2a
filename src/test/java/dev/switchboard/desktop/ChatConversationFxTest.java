package dev.switchboard.desktop;

import dev.switchboard.api.ConversationEvent;
import dev.switchboard.api.EventTypes;
import dev.switchboard.api.TypingEvent;
import dev.switchboard.domain.Channel;
import javafx.scene.Node;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

import java.util.concurrent.CountDownLatch;

import static dev.switchboard.desktop.FxTestSupport.all;
import static dev.switchboard.desktop.FxTestSupport.find;
import static dev.switchboard.desktop.FxTestSupport.node;
import static dev.switchboard.desktop.FxTestSupport.onFx;
import static dev.switchboard.desktop.FxTestSupport.one;
import static dev.switchboard.desktop.FxTestSupport.signIn;
import static dev.switchboard.desktop.FxTestSupport.text;
import static dev.switchboard.desktop.FxTestSupport.visible;
import static dev.switchboard.desktop.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** An agent chats with a visitor in the chat's tab, against the fake server. */
@ExtendWith(ApplicationExtension.class)
class ChatConversationFxTest {
    private static final String PANE = "@conversation-801 ";

    private final FakeApi api = new FakeApi();
    private Desktop desktop;

    @Start
    void start(Stage stage) {
        api.conversations.put(801L, Conversations.graceChat(801));
        api.conversations.put(802L, Conversations.graceChat(802));
        api.canned.addAll(Conversations.canned());
        desktop = Fixtures.startDesktop(api, stage);
    }

    @Stop
    void stop() {
        desktop.stop();
    }

    @Test
    void theConversationsScrollPanesKeepNoCachedImageOfTheirContent(FxRobot robot) {
        openChat(robot, 801);
        waitUntil(() -> visible(robot, PANE + "@line-4"));
        // a pane per contact: JavaFX's pool would keep each cached viewport image after the pane is gone
        java.util.List<javafx.scene.control.ScrollPane> panes = onFx(() -> FxTestSupport
                .<javafx.scene.control.ScrollPane>all(robot, PANE + ".scroll-pane"));
        assertThat(panes).isNotEmpty();
        for (javafx.scene.control.ScrollPane pane : panes) {
            assertThat(onFx(pane::getSkin)).isInstanceOf(dev.switchboard.desktop.ui.UncachedScrollPaneSkin.class);
            assertThat(onFx(() -> pane.lookup(".viewport").isCache())).isFalse();
        }
    }

    @Test
    void theAgentReadsTheChatSeesTheVisitorTypeAndAnswersWithEnter(FxRobot robot) {
        openChat(robot, 801);
        waitUntil(() -> visible(robot, PANE + "@line-4"));
        assertThat(text(robot, PANE + "#visitorLabel")).isEqualTo("Grace Hopper · grace@compilers.example");
        assertThat(text(robot, PANE + "#pageLabel")).isEqualTo("https://switchboard.example/pricing");
        assertThat(text(robot, PANE + "#presenceLabel")).isEqualTo("Online");
        assertThat(lineText(robot, 3)).contains("Read");

        // a line from the visitor arrives on the stream, and they move to another page
        api.customerWrites(801, 20, "Grace Hopper", "Are you still there?");
        waitUntil(() -> visible(robot, PANE + "@line-20") && lineText(robot, 20).contains("Are you still there?"));
        api.emit(EventTypes.CONVERSATION, new ConversationEvent(801, true, false, "https://switchboard.example/help"));
        waitUntil(() -> text(robot, PANE + "#pageLabel").equals("https://switchboard.example/help"));

        // the visitor types
        api.emit(EventTypes.TYPING, new TypingEvent(801, "Grace Hopper", true, true));
        waitUntil(() -> visible(robot, PANE + ".conversation-typing")
                && text(robot, PANE + ".conversation-typing-text").equals("Grace Hopper is typing…"));

        // Shift+Enter is a new line, Enter sends: once
        robot.clickOn(node(robot, PANE + ".composer-text")).write("Yes, I am here.");
        robot.press(KeyCode.SHIFT, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.SHIFT);
        robot.write("Checking your card now.");
        assertThat(draft(robot)).isEqualTo("Yes, I am here.\nChecking your card now.");
        assertThat(api.attempts).isEmpty();
        robot.type(KeyCode.ENTER);
        waitUntil(() -> api.sent.size() == 1 && draft(robot).isEmpty());
        assertThat(api.attempts).hasSize(1);
        assertThat(api.sent.get(0).getKey()).isEqualTo(801L);
        assertThat(api.sent.get(0).getValue().text()).isEqualTo("Yes, I am here.\nChecking your card now.");
        waitUntil(() -> onFx(() -> all(robot, PANE + ".chat-bubble-agent").size()) == 2);
        waitUntil(() -> onFx(() -> all(robot, PANE + ".chat-status").stream()
                .anyMatch(n -> ((javafx.scene.control.Label) n).getText().equals("Sent"))));
        // the visitor was told the agent is typing, and that they stopped when the line went
        assertThat(api.calls).contains("typing 801 true", "typing 801 false");
    }

    @Test
    void aDoubleClickOrCtrlEnterTwiceSendsOnce(FxRobot robot) {
        openChat(robot, 801);
        api.sendGate = new CountDownLatch(1);
        robot.clickOn(node(robot, PANE + ".composer-text")).write("Just one line, please.");
        robot.doubleClickOn(node(robot, PANE + "#sendButton"));
        waitUntil(() -> api.attempts.size() == 1 && disabled(robot, PANE + "#sendButton"));
        robot.clickOn(node(robot, PANE + ".composer-text"));
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        assertThat(text(robot, PANE + ".composer-status")).isEqualTo("Sending…");
        api.sendGate.countDown();
        waitUntil(() -> draft(robot).isEmpty() && api.sent.size() == 1);
        assertThat(api.attempts).hasSize(1);
    }

    @Test
    void whileTheServerCannotBeReachedTheSameAnswerIsRetriedWithItsKey(FxRobot robot) {
        openChat(robot, 801);
        api.unreachableSends.set(2);
        robot.clickOn(node(robot, PANE + ".composer-text")).write("Still there?");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> text(robot, PANE + ".composer-status").equals("Sending… (retrying)"));
        assertThat(draft(robot)).isEqualTo("Still there?");
        waitUntil(() -> api.sent.size() == 1 && draft(robot).isEmpty());
        assertThat(api.attempts).hasSize(3);
        assertThat(api.attempts.stream().map(e -> e.getValue().clientKey()).distinct()).hasSize(1)
                .containsExactly(api.sent.get(0).getValue().clientKey());
        assertThat(api.sent.get(0).getValue().clientKey()).matches("[A-Za-z0-9._:-]{8,100}");

        // the server stays away: the answer waits for Retry, with the same key
        api.unreachable = true;
        robot.clickOn(node(robot, PANE + ".composer-text")).write("Hello?");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> visible(robot, PANE + "#retryButton"));
        assertThat(text(robot, PANE + ".composer-status")).isEqualTo("Not sent — the server does not answer.");
        assertThat(draft(robot)).isEqualTo("Hello?");
        String key = api.attempts.get(api.attempts.size() - 1).getValue().clientKey();
        assertThat(api.attempts.subList(3, api.attempts.size())).hasSize(4)
                .allSatisfy(e -> assertThat(e.getValue().clientKey()).isEqualTo(key));
        api.unreachable = false;
        robot.clickOn(node(robot, PANE + "#retryButton"));
        waitUntil(() -> api.sent.size() == 2 && draft(robot).isEmpty() && !visible(robot, PANE + "#retryButton"));
        assertThat(api.sent.get(1).getValue().clientKey()).isEqualTo(key).isNotEqualTo(api.sent.get(0).getValue()
                .clientKey());
    }

    @Test
    void aNewLineInAChatNotShownMarksItsTab(FxRobot robot) {
        openChat(robot, 801);
        api.emit(EventTypes.OFFER, Fixtures.offerFrom(api, 802, Fixtures.ADA, Channel.CHAT, "ada@engines.example",
                null, "Is my router on its way?", null));
        waitUntil(() -> visible(robot, "#acceptButton"));
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        waitUntil(() -> visible(robot, "@conversation-802"));
        assertThat(visible(robot, "@unread-801")).isFalse();
        api.customerWrites(801, 30, "Grace Hopper", "Hello again");
        api.customerWrites(801, 31, "Grace Hopper", "Anyone?");
        waitUntil(() -> visible(robot, "@unread-801") && text(robot, "@unread-801").equals("2"));
        api.customerWrites(802, 32, "Ada Lovelace", "Thanks");
        waitUntil(() -> visible(robot, "@conversation-802 @line-32"));
        assertThat(visible(robot, "@unread-802")).as("the tab shown is not marked").isFalse();
        robot.clickOn(node(robot, "@tab-801"));
        waitUntil(() -> visible(robot, PANE + "@line-31") && !visible(robot, "@unread-801"));
    }

    @Test
    void eachTabRemembersWhetherItShowsTheConversationOrTheCustomer(FxRobot robot) {
        openChat(robot, 801);
        assertThat(visible(robot, "#customerPane")).isFalse();
        robot.clickOn("#customerToggle");
        waitUntil(() -> visible(robot, "#customerPane") && !visible(robot, "@conversation-801"));
        assertThat(text(robot, "#name")).isEqualTo("Grace Hopper");
        api.emit(EventTypes.OFFER, Fixtures.offerFrom(api, 802, Fixtures.ADA, Channel.CHAT, "ada@engines.example",
                null, "Is my router on its way?", null));
        waitUntil(() -> visible(robot, "#acceptButton"));
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        waitUntil(() -> visible(robot, "@conversation-802") && !visible(robot, "#customerPane"));
        robot.clickOn(node(robot, "@tab-801"));
        waitUntil(() -> visible(robot, "#customerPane") && text(robot, "#name").equals("Grace Hopper"));
        robot.clickOn("#conversationToggle");
        waitUntil(() -> visible(robot, "@conversation-801") && !visible(robot, "#customerPane"));
        // Ctrl+2 puts the cursor in the answer
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        waitUntil(() -> onFx(() -> one(robot, PANE + ".composer-text").isFocused()));
    }

    @Test
    void theTranscriptGoesToTheAddressTheVisitorGave(FxRobot robot) {
        openChat(robot, 801);
        robot.clickOn(node(robot, PANE + "#transcriptButton"));
        waitUntil(() -> visible(robot, PANE + "#transcriptAddress"));
        assertThat(onFx(() -> FxTestSupport
                .<javafx.scene.control.TextField>one(robot, PANE + "#transcriptAddress").getText())).isEqualTo("grace@compilers.example");
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> !visible(robot, PANE + "#transcriptAddress"));
        robot.clickOn(node(robot, PANE + "#transcriptButton"));
        waitUntil(() -> visible(robot, PANE + "#transcriptAddress"));
        robot.clickOn(node(robot, PANE + "#transcriptSend"));
        waitUntil(() -> !visible(robot, PANE + "#transcriptBar") && visible(robot, PANE + ".conversation-notice"));
        assertThat(api.transcripts).singleElement().satisfies(e -> {
            assertThat(e.getValue().to()).isEqualTo("grace@compilers.example");
            assertThat(e.getValue().clientKey()).isNotBlank();
        });
        assertThat(text(robot, PANE + ".conversation-notice-text"))
                .isEqualTo("Transcript e-mailed to grace@compilers.example.");
    }

    private void openChat(FxRobot robot, long id) {
        signIn(robot, api);
        api.emit(EventTypes.OFFER, Fixtures.offerFrom(api, id, Fixtures.GRACE, Channel.CHAT, "grace@compilers.example",
                null, "Hi! My compiler licence renewal failed at checkout.", null));
        waitUntil(() -> visible(robot, "#acceptButton"));
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        waitUntil(() -> visible(robot, "@conversation-" + id) && visible(robot, "@conversation-" + id + " @line-2"));
    }

    private static String draft(FxRobot robot) {
        return onFx(() -> FxTestSupport.<TextArea>one(robot, PANE + ".composer-text").getText());
    }

    private static boolean disabled(FxRobot robot, String query) {
        return onFx(() -> one(robot, query).isDisabled());
    }

    /** All the text of a line's node. */
    private static String lineText(FxRobot robot, long id) {
        return onFx(() -> find(robot, PANE + "@line-" + id).map(n -> {
            StringBuilder out = new StringBuilder();
            collect(n, out);
            return out.toString();
        }).orElse(""));
    }

    static void collect(Node n, StringBuilder out) {
        if (n instanceof javafx.scene.control.Labeled l) {
            out.append(l.getText()).append('\n');
        }
        if (n instanceof javafx.scene.control.TextInputControl t) {
            out.append(t.getText()).append('\n');
        }
        if (n instanceof javafx.scene.Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, out));
        }
    }
}
