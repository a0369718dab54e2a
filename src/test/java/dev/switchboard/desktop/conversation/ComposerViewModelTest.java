package dev.switchboard.desktop.conversation;

import dev.switchboard.api.ReplyMode;
import dev.switchboard.api.SendMessageRequest;
import dev.switchboard.desktop.Conversations;
import dev.switchboard.desktop.Fixtures;
import dev.switchboard.domain.Channel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ComposerViewModelTest {
    private final ConversationHarness c = new ConversationHarness();

    @TempDir
    Path dir;

    private ConversationViewModel chat() {
        c.h.api.conversations.put(801L, Conversations.graceChat(801));
        return c.open(801, Fixtures.GRACE, Channel.CHAT, "grace@compilers.example");
    }

    private ConversationViewModel mail() {
        c.h.api.conversations.put(803L, Conversations.charlesMail(803, false));
        c.h.api.ticketsById.put(Conversations.CHARLES_TICKET, Conversations.charlesTicket(false));
        return c.open(803, Fixtures.CHARLES, Channel.EMAIL, "charles@difference.example");
    }

    @Test
    void anAnswerIsSentOnceAndTheDraftClearsWhenTheServerHasIt() {
        ComposerViewModel vm = chat().composer();
        assertThat(vm.canSendProperty().get()).isFalse();
        vm.textProperty().set("  Let me check.  ");
        vm.send();
        vm.send();
        assertThat(c.h.api.attempts).singleElement()
                .satisfies(e -> assertThat(e.getValue().text()).isEqualTo("Let me check."));
        assertThat(vm.textProperty().get()).isEmpty();
        assertThat(vm.pendingKey()).isNull();
        vm.textProperty().set("Another one.");
        vm.send();
        assertThat(c.h.api.sent).hasSize(2);
        assertThat(key(0)).isNotEqualTo(key(1));
    }

    @Test
    void whileTheServerIsAwayTheAnswerIsRetriedWithItsKeyThenWaitsForRetry() {
        ConversationViewModel chat = chat();
        ComposerViewModel vm = chat.composer();
        c.h.api.unreachable = true;
        vm.textProperty().set("Hello?");
        vm.send();
        assertThat(c.h.api.attempts).hasSize(4);
        assertThat(c.pauses).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
        assertThat(vm.statusProperty().get()).isEqualTo("Not sent — the server does not answer.");
        assertThat(vm.retryShownProperty().get()).isTrue();
        assertThat(vm.textProperty().get()).isEqualTo("Hello?");
        String key = vm.pendingKey();
        assertThat(c.h.api.attempts).allSatisfy(e -> assertThat(e.getValue().clientKey()).isEqualTo(key));

        // edited meanwhile, it is still the same answer: the server may already have it
        vm.textProperty().set("Hello? Are you there?");
        assertThat(vm.statusProperty().get()).isEqualTo("Not sent — the server does not answer.");
        assertThat(vm.retryShownProperty().get()).isTrue();
        c.h.api.unreachable = false;
        vm.retry();
        assertThat(c.h.api.sent).singleElement().satisfies(e -> {
            assertThat(e.getValue().clientKey()).isEqualTo(key);
            assertThat(e.getValue().text()).isEqualTo("Hello? Are you there?");
        });
        assertThat(vm.textProperty().get()).isEmpty();
        assertThat(vm.retryShownProperty().get()).isFalse();
        assertThat(chat.lines().stream().map(MessageItem::text)).contains("Hello? Are you there?");
    }

    @Test
    void changesMadeAfterAnAnswerThatHadArrivedAreKeptForANewAnswer() {
        ComposerViewModel vm = chat().composer();
        c.h.api.lostAnswers.set(4);
        vm.textProperty().set("First version");
        vm.send();
        assertThat(vm.retryShownProperty().get()).isTrue();
        vm.textProperty().set("First version, and more");
        vm.retry();
        // the server had the first version: that is what the customer got, once
        assertThat(c.h.api.sent).extracting(e -> e.getValue().clientKey()).containsOnly(key(0));
        assertThat(vm.textProperty().get()).isEqualTo("First version, and more");
        assertThat(vm.pendingKey()).isNull();
        assertThat(vm.statusProperty().get()).contains("already reached the customer");
        vm.send();
        assertThat(c.h.api.sent).last().satisfies(e -> {
            assertThat(e.getValue().clientKey()).isNotEqualTo(key(0));
            assertThat(e.getValue().text()).isEqualTo("First version, and more");
        });
        assertThat(vm.textProperty().get()).isEmpty();
    }

    @Test
    void aRefusalKeepsTheDraftWithTheReasonAndTheNextSendIsANewAnswer() {
        ComposerViewModel vm = chat().composer();
        c.h.api.refuseNextSend = "The visitor left";
        vm.textProperty().set("Are you there?");
        vm.send();
        assertThat(vm.statusProperty().get()).isEqualTo("Not sent: The visitor left");
        assertThat(vm.problemProperty().get()).isTrue();
        assertThat(vm.retryShownProperty().get()).isFalse();
        assertThat(vm.pendingKey()).isNull();
        assertThat(vm.textProperty().get()).isEqualTo("Are you there?");
        vm.send();
        assertThat(c.h.api.sent).hasSize(2);
        assertThat(key(0)).isNotEqualTo(key(1));
        assertThat(vm.textProperty().get()).isEmpty();
    }

    @Test
    void aFailedLineCanBeEditedAndSentAgain() {
        ConversationViewModel chat = chat();
        c.h.api.refuseNextSend = "Blocked by the platform";
        chat.composer().textProperty().set("Your code is 1234");
        chat.composer().send();
        chat.composer().textProperty().set("");
        MessageItem failed = chat.lines().stream().filter(MessageItem::failed).findFirst().orElseThrow();
        chat.useAgain(failed);
        assertThat(chat.composer().textProperty().get()).isEqualTo("Your code is 1234");
    }

    @Test
    void theVisitorIsToldOfTypingOnceAndWhenItStops() {
        ComposerViewModel vm = chat().composer();
        vm.textProperty().set("H");
        vm.textProperty().set("He");
        vm.textProperty().set("Hel");
        assertThat(typing()).containsExactly("typing 801 true");
        c.tick(Duration.ofSeconds(2));
        vm.textProperty().set("Hell");
        c.tick(Duration.ofSeconds(2));
        assertThat(typing()).containsExactly("typing 801 true");
        c.tick(Duration.ofSeconds(1));
        assertThat(typing()).containsExactly("typing 801 true", "typing 801 false");
        vm.textProperty().set("Hello");
        vm.send();
        assertThat(typing()).containsExactly("typing 801 true", "typing 801 false", "typing 801 true",
                "typing 801 false");
    }

    @Test
    void anEmailReplyStartsWithSubjectAndQuoteAndReplyAllCopiesTheOthers() {
        ComposerViewModel vm = mail().composer();
        assertThat(vm.subjectProperty().get()).isEqualTo("Re: Warranty claim for the engine [#4321]");
        assertThat(vm.textProperty().get()).isEqualTo("""


                On 14 Nov 2025, 09:20, Charles Babbage wrote:
                > Hello Alex,
                >
                > here is the photo of the serial plate. My engineer Ada is copied.
                >
                > Best regards,
                > Charles
                """);
        assertThat(vm.canSendProperty().get()).as("only the quote").isFalse();
        assertThat(vm.replyToProperty().get()).isEqualTo("To charles@difference.example");
        vm.modeProperty().set(ReplyMode.REPLY_ALL);
        assertThat(vm.ccProperty().get()).isEqualTo("ada@engines.example, georgiana@difference.example");
        vm.modeProperty().set(ReplyMode.FORWARD);
        assertThat(vm.subjectProperty().get()).isEqualTo("Fwd: Warranty claim for the engine [#4321]");
        assertThat(vm.ccProperty().get()).isEmpty();
        assertThat(vm.textProperty().get()).startsWith("\n\n---------- Forwarded message ----------\n"
                + "From: Charles Babbage\nDate: 14 Nov 2025, 09:20\nSubject: Re: Warranty claim for the engine [#4321]\n"
                + "To: support@switchboard.example, ada@engines.example\n\nHello Alex,");
        assertThat(vm.canSendProperty().get()).as("a forward may be the mail alone").isTrue();

        // the agent's own words and subject are kept when the mode changes
        vm.textProperty().set("Please look at this.");
        vm.subjectProperty().set("Engine plate");
        vm.modeProperty().set(ReplyMode.REPLY);
        assertThat(vm.textProperty().get()).isEqualTo("Please look at this.");
        assertThat(vm.subjectProperty().get()).isEqualTo("Engine plate");
    }

    @Test
    void aForwardIsNotSentWithoutSomeoneToGoTo() {
        ComposerViewModel vm = mail().composer();
        vm.modeProperty().set(ReplyMode.FORWARD);
        vm.send();
        assertThat(vm.statusProperty().get()).isEqualTo("Say who to forward this e-mail to.");
        assertThat(c.h.api.attempts).isEmpty();
        vm.toProperty().set("repairs@engines.example; ada@engines.example");
        assertThat(vm.statusProperty().get()).isEmpty();
        vm.send();
        SendMessageRequest sent = c.h.api.sent.get(0).getValue();
        assertThat(sent.mode()).isEqualTo(ReplyMode.FORWARD);
        assertThat(sent.to()).containsExactly("repairs@engines.example", "ada@engines.example");
        assertThat(sent.cc()).isEmpty();
        assertThat(vm.modeProperty().get()).isEqualTo(ReplyMode.REPLY);
        assertThat(vm.textProperty().get()).as("answered: no quote until the customer writes again").isEmpty();
        assertThat(vm.subjectProperty().get()).isEqualTo("Re: Warranty claim for the engine [#4321]");
    }

    @Test
    void cannedResponsesSuitTheChannelAndFillInCustomerTicketAndAgent() {
        c.h.api.canned.addAll(Conversations.canned());
        ConversationViewModel mail = mail();
        assertThat(mail.canned().stream().map(r -> r.title())).containsExactly("Greeting", "Ticket reference");
        assertThat(mail.fill(mail.canned().get(0))).isEqualTo("Hello Charles Babbage, thank you for reaching out.");
        assertThat(mail.fill(mail.canned().get(1))).isEqualTo("Your ticket is T-4321. Kind regards, Alex Morgan");
        long asked = c.h.api.calls.stream().filter("canned"::equals).count();
        ConversationViewModel chat = chat();
        assertThat(chat.canned().stream().map(r -> r.title())).containsExactly("Greeting", "Chat closing");
        assertThat(c.h.api.calls.stream().filter("canned"::equals)).as("asked once per sign-in").hasSize((int) asked);
    }

    @Test
    void filesOverTheLimitsAreRefusedWithAReason() throws IOException {
        DraftFiles files = mail().composer().files();
        Path small = Files.writeString(dir.resolve("notes.txt"), "hello");
        Path nine = sized("nine.bin", 9L * 1024 * 1024);
        Path four = sized("four.bin", 4L * 1024 * 1024);
        Path eleven = sized("eleven.bin", 11L * 1024 * 1024);
        files.attach(List.of(small, nine, four, eleven));
        assertThat(files.files().stream().map(DraftAttachment::name)).containsExactly("notes.txt", "nine.bin");
        assertThat(files.files().get(0).contentType()).isNotBlank();
        assertThat(files.problemProperty().get()).isEqualTo("""
                four.bin was not attached: all files together may be at most 12.0 MB.
                eleven.bin is 11.0 MB: files may be at most 10.0 MB.""");
        files.remove(files.files().get(1));
        assertThat(files.problemProperty().get()).isEmpty();
        assertThat(files.files()).hasSize(1);
    }

    @Test
    void nothingIsSentOnceTheContactEnded() {
        ConversationViewModel chat = chat();
        chat.composer().textProperty().set("Bye");
        c.h.w.contacts().end();
        assertThat(chat.activeProperty().get()).isFalse();
        chat.composer().send();
        assertThat(c.h.api.attempts).isEmpty();
    }

    private Path sized(String name, long size) throws IOException {
        Path p = dir.resolve(name);
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.setLength(size);
        }
        return p;
    }

    private String key(int i) {
        return c.h.api.sent.get(i).getValue().clientKey();
    }

    private List<String> typing() {
        return c.h.api.calls.stream().filter(s -> s.startsWith("typing")).toList();
    }
}
