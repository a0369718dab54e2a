package dev.switchboard.desktop;

import dev.switchboard.api.EventTypes;
import dev.switchboard.api.ReplyMode;
import dev.switchboard.api.SendMessageRequest;
import dev.switchboard.domain.Channel;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.web.WebView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

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

/** An agent answers an e-mail thread in its tab: reply, reply to all, forward, canned text, files. */
@ExtendWith(ApplicationExtension.class)
class EmailConversationFxTest {
    private static final String PANE = "@conversation-803 ";

    private final FakeApi api = new FakeApi();
    private final PickedFiles files = new PickedFiles();
    private final Path dir;
    private Desktop desktop;

    EmailConversationFxTest() throws IOException {
        dir = Files.createTempDirectory("sb-mail-test");
    }

    @Start
    void start(Stage stage) {
        api.conversations.put(803L, Conversations.charlesMail(803, true));
        api.ticketsById.put(Conversations.CHARLES_TICKET, Conversations.charlesTicket(false));
        api.canned.addAll(Conversations.canned());
        desktop = Fixtures.startDesktop(api, stage, files);
    }

    @Stop
    void stop() {
        desktop.stop();
    }

    @AfterEach
    void removeFiles() throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Test
    void aReplyStartsWithTheQuoteAndSubjectAndReplyAllCopiesTheOthers(FxRobot robot) {
        openMail(robot);
        assertThat(text(robot, PANE + "#ticketLabel")).isEqualTo("Ticket T-4321");
        waitUntil(() -> text(robot, PANE + "#slaLabel").equals("Overdue: the answer was due 14 Nov 2025, 09:30"));
        assertThat(field(robot, "#subjectField")).isEqualTo("Re: Warranty claim for the engine [#4321]");
        assertThat(draft(robot)).startsWith("\n\nOn 14 Nov 2025, 09:20, Charles Babbage wrote:\n> Hello Alex,\n>\n"
                + "> here is the photo of the serial plate.");
        assertThat(onFx(() -> FxTestSupport.<TextArea>one(robot, PANE + ".composer-text").getCaretPosition())).isZero();
        assertThat(text(robot, PANE + "#replyToLabel")).isEqualTo("To charles@difference.example");
        assertThat(visible(robot, PANE + "#ccField")).isFalse();
        assertThat(disabledSend(robot)).as("nothing written above the quote yet").isTrue();

        robot.clickOn(node(robot, PANE + "#replyAllToggle"));
        waitUntil(() -> visible(robot, PANE + "#ccField"));
        assertThat(field(robot, "#ccField")).isEqualTo("ada@engines.example, georgiana@difference.example");

        // Ctrl+2 puts the cursor in the answer, above the quote
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        robot.write("Thank you, Charles. The repair is booked.");
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        assertThat(draft(robot)).startsWith("Thank you, Charles. The repair is booked.\n\n\nOn 14 Nov");
        assertThat(api.attempts).as("Enter is a new line in an e-mail").isEmpty();
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        waitUntil(() -> api.sent.size() == 1 && !draft(robot).startsWith("Thank you"));
        SendMessageRequest sent = api.sent.get(0).getValue();
        assertThat(sent.mode()).isEqualTo(ReplyMode.REPLY_ALL);
        assertThat(sent.cc()).containsExactly("ada@engines.example", "georgiana@difference.example");
        assertThat(sent.to()).isNull();
        assertThat(sent.subject()).isEqualTo("Re: Warranty claim for the engine [#4321]");
        assertThat(sent.text()).startsWith("Thank you, Charles. The repair is booked.\n\n\nOn 14 Nov 2025, 09:20");
        // answered: the SLA says so once the ticket does
        api.ticketsById.put(Conversations.CHARLES_TICKET, Conversations.charlesTicket(true));
        waitUntil(() -> text(robot, PANE + "#replyToLabel").equals("To charles@difference.example")
                && visible(robot, PANE + "#replyToggle") && !visible(robot, PANE + "#ccField"));
    }

    @Test
    void aForwardNeedsSomeoneToGoTo(FxRobot robot) {
        openMail(robot);
        robot.clickOn(node(robot, PANE + "#forwardToggle"));
        waitUntil(() -> visible(robot, PANE + "#toField"));
        assertThat(field(robot, "#subjectField")).isEqualTo("Fwd: Warranty claim for the engine [#4321]");
        assertThat(draft(robot)).contains("---------- Forwarded message ----------\nFrom: Charles Babbage\n");
        robot.clickOn(node(robot, PANE + "#sendButton"));
        waitUntil(() -> text(robot, PANE + ".composer-status").equals("Say who to forward this e-mail to."));
        assertThat(api.attempts).isEmpty();
        robot.clickOn(node(robot, PANE + "#toField")).write("repairs@engines.example");
        assertThat(text(robot, PANE + ".composer-status")).isEmpty();
        robot.clickOn(node(robot, PANE + "#sendButton"));
        waitUntil(() -> api.sent.size() == 1);
        SendMessageRequest sent = api.sent.get(0).getValue();
        assertThat(sent.mode()).isEqualTo(ReplyMode.FORWARD);
        assertThat(sent.to()).containsExactly("repairs@engines.example");
        assertThat(sent.subject()).isEqualTo("Fwd: Warranty claim for the engine [#4321]");
        waitUntil(() -> visible(robot, PANE + "#replyToLabel") && field(robot, "#toField").isEmpty());
    }

    @Test
    void cannedTextFilesAndARefusalWithItsReason(FxRobot robot) throws IOException {
        openMail(robot);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.C).release(KeyCode.C, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> visible(robot, "Ticket reference"));
        assertThat(robot.lookup("Chat closing").tryQuery()).as("a chat-only answer is not offered").isEmpty();
        robot.clickOn("Ticket reference");
        waitUntil(() -> draft(robot).startsWith("Your ticket is T-4321. Kind regards, Alex Morgan\n\nOn 14 Nov"));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.C).release(KeyCode.C, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> visible(robot, "Greeting"));
        robot.clickOn("Greeting");
        waitUntil(() -> draft(robot).startsWith("Your ticket is T-4321. Kind regards, Alex Morgan"
                + "Hello Charles Babbage, thank you for reaching out."));
        assertThat(api.calls.stream().filter("canned"::equals)).as("asked once").hasSize(1);

        Path notes = Files.writeString(dir.resolve("notes.txt"), "serial 1822-A\n");
        Path huge = dir.resolve("scan.tiff");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(11L * 1024 * 1024);
        }
        files.attachments.add(List.of(notes, huge));
        robot.clickOn(node(robot, PANE + "#attachButton"));
        waitUntil(() -> visible(robot, PANE + ".draft-file"));
        assertThat(text(robot, PANE + ".draft-file-name")).isEqualTo("notes.txt · 14 B");
        assertThat(text(robot, PANE + "#filesProblem")).isEqualTo("scan.tiff is 11.0 MB: files may be at most 10.0 MB.");

        api.refuseNextSend = "Mailbox full at difference.example";
        robot.clickOn(node(robot, PANE + "#sendButton"));
        waitUntil(() -> text(robot, PANE + ".composer-status").equals("Not sent: Mailbox full at difference.example"));
        assertThat(draft(robot)).startsWith("Your ticket is T-4321.");
        assertThat(visible(robot, PANE + ".draft-file")).as("the files stay with the draft").isTrue();
        assertThat(visible(robot, PANE + "#retryButton")).as("edit and send anew, not retry").isFalse();
        waitUntil(() -> onFx(() -> all(robot, PANE + ".mail-status").stream()
                .anyMatch(n -> ((javafx.scene.control.Label) n).getText()
                        .equals("Failed: Mailbox full at difference.example"))));
        SendMessageRequest refused = api.sent.get(0).getValue();
        assertThat(refused.attachments()).singleElement().satisfies(a -> {
            assertThat(a.filename()).isEqualTo("notes.txt");
            assertThat(Base64.getDecoder().decode(a.data())).isEqualTo("serial 1822-A\n".getBytes());
        });

        // sent again: a new answer, with a new key
        robot.clickOn(node(robot, PANE + "#sendButton"));
        waitUntil(() -> api.sent.size() == 2 && !draft(robot).startsWith("Your ticket"));
        assertThat(api.sent.get(1).getValue().clientKey()).isNotEqualTo(refused.clientKey());
        assertThat(visible(robot, PANE + ".draft-file")).isFalse();
    }

    @Test
    void anAttachmentIsSavedWhereTheAgentSays(FxRobot robot) {
        openMail(robot);
        api.attachments.put(71L, new byte[] {9, 8, 7, 6});
        Path target = dir.resolve("plate.jpg");
        files.saveTargets.add(target);
        robot.clickOn("serial-plate.jpg · 245 KB");
        waitUntil(() -> text(robot, PANE + ".conversation-notice-text").startsWith("Saved serial-plate.jpg"));
        assertThat(files.suggested).containsExactly("serial-plate.jpg");
        assertThat(target).hasBinaryContent(new byte[] {9, 8, 7, 6});
    }

    @Test
    void theNewestMailsShowFormattedAndALinkLeadsNowhere(FxRobot robot) {
        openMail(robot);
        waitUntil(() -> visible(robot, PANE + ".mail-html"));
        assertThat(onFx(() -> FxTestSupport.<WebView>one(robot, PANE + ".mail-html").getEngine().isJavaScriptEnabled()))
                .isFalse();
        robot.clickOn(node(robot, PANE + "@line-13 .mail-format"));
        waitUntil(() -> !visible(robot, PANE + ".mail-html")
                && text(robot, PANE + "@line-13 .mail-format").equals("Show formatted"));
        robot.clickOn(node(robot, PANE + "@line-13 .mail-format"));
        waitUntil(() -> visible(robot, PANE + ".mail-html"));
        // what a click on the mail's link does: the mail stays, the link is only named
        onFx(() -> FxTestSupport.<WebView>one(robot, PANE + ".mail-html").getEngine()
                .load("https://difference.example/plates"));
        waitUntil(() -> text(robot, PANE + ".conversation-notice-text")
                .equals("Links in e-mails are not opened from here: https://difference.example/plates"));
        waitUntil(() -> onFx(() -> FxTestSupport.<WebView>one(robot, PANE + ".mail-html").getEngine().getLocation())
                .isEmpty());
    }

    private void openMail(FxRobot robot) {
        signIn(robot, api);
        api.emit(EventTypes.OFFER, Fixtures.offerFrom(api, 803, Fixtures.CHARLES, Channel.EMAIL,
                "charles@difference.example", "Warranty claim for the engine", "Hello, the engine stopped.", null));
        waitUntil(() -> visible(robot, "#acceptButton"));
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        waitUntil(() -> visible(robot, "@conversation-803") && draft(robot).contains("wrote:"));
    }

    private static String draft(FxRobot robot) {
        return onFx(() -> find(robot, PANE + ".composer-text").map(n -> ((TextArea) n).getText())
                .orElse(""));
    }

    private static String field(FxRobot robot, String id) {
        return onFx(() -> FxTestSupport.<TextField>one(robot, PANE + id).getText());
    }

    private static boolean disabledSend(FxRobot robot) {
        return onFx(() -> one(robot, PANE + "#sendButton").isDisabled());
    }
}
