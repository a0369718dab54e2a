package dev.switchboard.desktop.conversation;

import dev.switchboard.api.ConversationEvent;
import dev.switchboard.api.EventTypes;
import dev.switchboard.api.MessageEvent;
import dev.switchboard.api.MessageView;
import dev.switchboard.api.TypingEvent;
import dev.switchboard.desktop.Conversations;
import dev.switchboard.desktop.Fixtures;
import dev.switchboard.domain.Channel;
import dev.switchboard.domain.MessageDirection;
import dev.switchboard.domain.MessageStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ConversationsViewModelTest {
    private final ConversationHarness c = new ConversationHarness();

    @Test
    void aTextTabGetsItsConversationLoadedAndAPhoneTabNone() {
        c.h.api.conversations.put(801L, Conversations.graceChat(801));
        ConversationViewModel chat = c.open(801, Fixtures.GRACE, Channel.CHAT, "grace@compilers.example");
        assertThat(chat).isNotNull();
        assertThat(c.conversations.selectedProperty().get()).isSameAs(chat);
        assertThat(ids(chat)).containsExactly(1L, 2L, 3L, 4L);
        assertThat(chat.header().visitorProperty().get()).isEqualTo("Grace Hopper · grace@compilers.example");
        assertThat(chat.header().presenceProperty().get()).isEqualTo(HeaderModel.Presence.CONNECTED);
        assertThat(chat.lines().get(2).statusTextProperty().get()).isEqualTo("Read");

        c.h.api.emit(EventTypes.OFFER, Fixtures.offerFromAda(c.h.api, 501));
        c.h.w.contacts().accept();
        assertThat(c.conversations.of(501)).isNull();
        assertThat(c.conversations.selectedProperty().get()).isNull();
        assertThat(c.conversations.open()).containsExactly(chat);
    }

    @Test
    void linesFromTheStreamAreAddedOnceAndReplacedWhenTheirStatusChanges() {
        c.h.api.conversations.put(801L, Conversations.graceChat(801));
        ConversationViewModel chat = c.open(801, Fixtures.GRACE, Channel.CHAT, "grace@compilers.example");
        c.h.api.customerWrites(801, 20, "Grace Hopper", "Still there?");
        c.h.api.customerWrites(801, 20, "Grace Hopper", "Still there?");
        assertThat(ids(chat)).containsExactly(1L, 2L, 3L, 4L, 20L);

        MessageItem agentLine = chat.lines().get(2);
        c.h.api.emit(EventTypes.MESSAGE, new MessageEvent(801, line(3, MessageStatus.DELIVERED, "")));
        assertThat(agentLine.statusTextProperty().get()).as("a late, older status changes nothing").isEqualTo("Read");
        c.h.api.emit(EventTypes.MESSAGE, new MessageEvent(801, line(3, MessageStatus.FAILED, "Visitor left")));
        assertThat(chat.lines().get(2)).isSameAs(agentLine);
        assertThat(agentLine.statusTextProperty().get()).isEqualTo("Failed: Visitor left");
        assertThat(agentLine.failed()).isTrue();
        assertThat(ids(chat)).hasSize(5);

        // a line of another interaction goes to its own conversation only
        c.h.api.customerWrites(999, 21, "Somebody", "Hello?");
        assertThat(ids(chat)).hasSize(5);
    }

    @Test
    void newCustomerLinesInATabNotShownAreCountedUntilItIsShown() {
        c.h.api.conversations.put(801L, Conversations.graceChat(801));
        c.h.api.conversations.put(802L, Conversations.graceChat(802));
        ConversationViewModel grace = c.open(801, Fixtures.GRACE, Channel.CHAT, "grace@compilers.example");
        ConversationViewModel ada = c.open(802, Fixtures.ADA, Channel.CHAT, "ada@engines.example");
        assertThat(c.conversations.selectedProperty().get()).isSameAs(ada);
        c.h.api.customerWrites(801, 30, "Grace Hopper", "Hello again");
        c.h.api.customerWrites(801, 31, "Grace Hopper", "Anyone?");
        c.h.api.customerWrites(802, 32, "Ada Lovelace", "Thanks");
        c.h.api.emit(EventTypes.MESSAGE, new MessageEvent(801, line(3, MessageStatus.FAILED, "gone")));
        assertThat(c.conversations.unread()).containsExactly(java.util.Map.entry(801L, 2));
        c.h.w.tabs().select(c.h.w.contacts().tabs().get(0));
        assertThat(c.conversations.selectedProperty().get()).isSameAs(grace);
        assertThat(c.conversations.unread()).isEmpty();
    }

    @Test
    void theVisitorTypingShowsUntilTheyStopOrGoQuiet() {
        c.h.api.conversations.put(801L, Conversations.graceChat(801));
        ConversationViewModel chat = c.open(801, Fixtures.GRACE, Channel.CHAT, "grace@compilers.example");
        c.h.api.emit(EventTypes.TYPING, new TypingEvent(801, "Grace Hopper", false, true));
        assertThat(chat.typingProperty().get()).as("a colleague typing is not the visitor").isEmpty();
        c.h.api.emit(EventTypes.TYPING, new TypingEvent(801, "Grace Hopper", true, true));
        assertThat(chat.typingProperty().get()).isEqualTo("Grace Hopper is typing…");
        c.tick(Duration.ofSeconds(4));
        assertThat(chat.typingProperty().get()).isNotEmpty();
        c.tick(Duration.ofSeconds(3));
        assertThat(chat.typingProperty().get()).as("no word for a while").isEmpty();

        c.h.api.emit(EventTypes.TYPING, new TypingEvent(801, "Grace Hopper", true, true));
        c.h.api.emit(EventTypes.TYPING, new TypingEvent(801, "Grace Hopper", true, false));
        assertThat(chat.typingProperty().get()).isEmpty();
        c.h.api.emit(EventTypes.TYPING, new TypingEvent(801, "Grace Hopper", true, true));
        c.h.api.customerWrites(801, 40, "Grace Hopper", "Done");
        assertThat(chat.typingProperty().get()).as("their line came").isEmpty();
    }

    @Test
    void theVisitorMovingAndLeavingShowsInTheHeader() {
        c.h.api.conversations.put(801L, Conversations.graceChat(801));
        ConversationViewModel chat = c.open(801, Fixtures.GRACE, Channel.CHAT, "grace@compilers.example");
        c.h.api.emit(EventTypes.CONVERSATION, new ConversationEvent(801, false, false, null));
        assertThat(chat.header().presenceTextProperty().get()).isEqualTo("Disconnected");
        assertThat(chat.header().pageProperty().get()).isEqualTo("https://switchboard.example/pricing");
        c.h.api.emit(EventTypes.CONVERSATION, new ConversationEvent(801, true, false, "https://switchboard.example/faq"));
        assertThat(chat.header().pageProperty().get()).isEqualTo("https://switchboard.example/faq");
        assertThat(chat.header().presenceTextProperty().get()).isEqualTo("Online");
        c.h.api.emit(EventTypes.CONVERSATION, new ConversationEvent(801, false, true, null));
        assertThat(chat.header().presenceProperty().get()).isEqualTo(HeaderModel.Presence.LEFT);
    }

    @Test
    void anEmailShowsItsTicketsSlaAndOnlyTheNewestMailsFormatted() {
        c.h.api.conversations.put(803L, Conversations.charlesMail(803, true));
        c.h.api.ticketsById.put(Conversations.CHARLES_TICKET, Conversations.charlesTicket(false));
        ConversationViewModel mail = c.open(803, Fixtures.CHARLES, Channel.EMAIL, "charles@difference.example");
        HeaderModel h = mail.header();
        assertThat(h.ticketProperty().get()).isEqualTo("Ticket T-4321");
        assertThat(h.slaProperty().get()).isEqualTo(HeaderModel.Sla.OVERDUE);
        assertThat(h.slaTextProperty().get()).isEqualTo("Overdue: the answer was due 14 Nov 2025, 09:30");

        // the answer is given: the ticket says when
        c.h.api.ticketsById.put(Conversations.CHARLES_TICKET, Conversations.charlesTicket(true));
        mail.composer().textProperty().set("It is under warranty.");
        mail.composer().send();
        assertThat(h.slaProperty().get()).isEqualTo(HeaderModel.Sla.ANSWERED);
        assertThat(h.slaTextProperty().get()).isEqualTo("Answered in 2 h 5 min");

        MessageItem formatted = mail.lines().get(2);
        assertThat(formatted.formattedProperty().get()).isTrue();
        for (int i = 0; i < 4; i++) {
            c.h.api.emit(EventTypes.MESSAGE, new MessageEvent(803, html(50 + i)));
        }
        assertThat(mail.lines().stream().filter(l -> l.formattedProperty().get()).map(MessageItem::id))
                .containsExactly(51L, 52L, 53L);
        mail.toggleFormatted(formatted);
        c.h.api.emit(EventTypes.MESSAGE, new MessageEvent(803, html(54)));
        assertThat(mail.lines().stream().filter(l -> l.formattedProperty().get()).map(MessageItem::id))
                .as("the agent's choice stands").containsExactly(13L, 52L, 53L, 54L);
    }

    @Test
    void aDueAnswerTurnsOverdueAsTimePasses() {
        HeaderModel h = new HeaderModel(c.h.messages, new dev.switchboard.desktop.Formats(c.h.messages,
                java.time.ZoneOffset.UTC), Medium.EMAIL, "x@example");
        dev.switchboard.api.TicketView t = Conversations.charlesTicket(false);
        h.showTicket(t, t.dueAt().minusSeconds(60));
        assertThat(h.slaProperty().get()).isEqualTo(HeaderModel.Sla.DUE);
        assertThat(h.slaTextProperty().get()).isEqualTo("Answer by 14 Nov 2025, 09:30");
        h.tick(t.dueAt().plusSeconds(1));
        assertThat(h.slaProperty().get()).isEqualTo(HeaderModel.Sla.OVERDUE);
        assertThat(h.duration(Duration.ofMinutes(3 * 24 * 60 + 4 * 60 + 7))).isEqualTo("3 d 4 h");
        assertThat(h.duration(Duration.ofMinutes(12))).isEqualTo("12 min");
    }

    @Test
    void closingTheTabLetsTheConversationGo() {
        c.h.api.conversations.put(801L, Conversations.graceChat(801));
        ConversationViewModel chat = c.open(801, Fixtures.GRACE, Channel.CHAT, "grace@compilers.example");
        c.h.w.contacts().handedOff(801);
        assertThat(c.conversations.of(801)).isNull();
        assertThat(c.conversations.open()).isEmpty();
        int before = chat.lines().size();
        c.h.api.customerWrites(801, 60, "Grace Hopper", "Bye");
        assertThat(chat.lines()).hasSize(before);
    }

    private static List<Long> ids(ConversationViewModel c) {
        return c.lines().stream().map(MessageItem::id).toList();
    }

    private static MessageView line(long id, MessageStatus status, String detail) {
        return new MessageView(id, 801, MessageDirection.OUTBOUND, "Alex Morgan", null,
                "Sorry to hear that, Grace. Let me look at your account.", null, List.of(), List.of(), status, detail,
                List.of(), Fixtures.NOW.minus(Duration.ofMinutes(4)));
    }

    private static MessageView html(long id) {
        return new MessageView(id, 803, MessageDirection.INBOUND, "Charles Babbage", "More", "text", "<p>text</p>",
                List.of(), List.of(), MessageStatus.RECEIVED, "", List.of(), Fixtures.NOW.plusSeconds(id));
    }
}
