package dev.switchboard.desktop;

import dev.switchboard.api.AttachmentView;
import dev.switchboard.api.CannedResponseView;
import dev.switchboard.api.ConversationView;
import dev.switchboard.api.MessageView;
import dev.switchboard.api.TicketView;
import dev.switchboard.domain.Channel;
import dev.switchboard.domain.MessageDirection;
import dev.switchboard.domain.MessageStatus;
import dev.switchboard.domain.TicketPriority;
import dev.switchboard.domain.TicketStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Conversations of text contacts for the fake server: a chat with Grace, an e-mail thread with Charles. */
public final class Conversations {
    public static final String OURS = "support@switchboard.example";
    public static final long CHARLES_TICKET = 4321;

    private Conversations() {
    }

    /** Grace's chat from the pricing page: she wrote, the agent answered (read), she wrote again. */
    public static ConversationView graceChat(long interactionId) {
        return new ConversationView(interactionId, "CHAT", "grace@compilers.example", null, "Grace Hopper",
                "grace@compilers.example", "https://switchboard.example/pricing", true, null, List.of(
                line(1, interactionId, MessageDirection.SYSTEM, "", "Chat started on the pricing page", 6),
                line(2, interactionId, MessageDirection.INBOUND, "Grace Hopper",
                        "Hi! My compiler licence renewal failed at checkout.", 5),
                new MessageView(3, interactionId, MessageDirection.OUTBOUND, "Alex Morgan", null,
                        "Sorry to hear that, Grace. Let me look at your account.", null, List.of(), List.of(),
                        MessageStatus.READ, "", List.of(), Fixtures.NOW.minus(Duration.ofMinutes(4))),
                line(4, interactionId, MessageDirection.INBOUND, "Grace Hopper",
                        "Thanks! It said “card declined”, but the card works everywhere else.", 3)));
    }

    /** Ada's chat about her router, from a visitor who did not give an e-mail address. */
    public static ConversationView adaChat(long interactionId) {
        return new ConversationView(interactionId, "CHAT", "ada@engines.example", null, "Ada", null,
                "https://switchboard.example/orders/7731", true, null, List.of(
                line(21, interactionId, MessageDirection.INBOUND, "Ada", "Is the second router on its way?", 2),
                new MessageView(22, interactionId, MessageDirection.OUTBOUND, "Alex Morgan", null,
                        "Let me check the order for you.", null, List.of(), List.of(), MessageStatus.DELIVERED, "",
                        List.of(), Fixtures.NOW.minus(Duration.ofMinutes(1)))));
    }

    /** Charles's warranty claim: his first mail, the agent's answer, and his reply to all with a photo. */
    public static ConversationView charlesMail(long interactionId, boolean html) {
        MessageView first = new MessageView(11, interactionId, MessageDirection.INBOUND, "Charles Babbage",
                "Warranty claim for the engine", "Hello,\n\nthe difference engine stopped turning on Tuesday.\n"
                + "Is it still under warranty?\n\nCharles", null, List.of(OURS), List.of(), MessageStatus.RECEIVED, "",
                List.of(), Fixtures.NOW.minus(Duration.ofHours(26)));
        MessageView answer = new MessageView(12, interactionId, MessageDirection.OUTBOUND, "Alex Morgan",
                "Re: Warranty claim for the engine [#4321]", "Dear Charles,\n\nit is. Could you send us a photo of "
                + "the serial plate?\n\nAlex", null, List.of("charles@difference.example"), List.of(),
                MessageStatus.SENT, "", List.of(), Fixtures.NOW.minus(Duration.ofHours(25)));
        String text = "Hello Alex,\n\nhere is the photo of the serial plate. My engineer Ada is copied.\n\n"
                + "Best regards,\nCharles";
        MessageView second = new MessageView(13, interactionId, MessageDirection.INBOUND, "Charles Babbage",
                "Re: Warranty claim for the engine [#4321]", text,
                html ? "<p>Hello Alex,</p><p>here is the photo of the <b>serial plate</b>. My engineer Ada is copied."
                        + "</p><p>Best regards,<br>Charles</p><p><a href=\"https://difference.example/plates\">"
                        + "Our plates</a></p>" : null,
                List.of(OURS, "ada@engines.example"), List.of("georgiana@difference.example"),
                MessageStatus.RECEIVED, "", List.of(
                        new AttachmentView(71, "serial-plate.jpg", "image/jpeg", 250_880, false),
                        new AttachmentView(72, "logo.png", "image/png", 2_048, true)),
                Fixtures.NOW.minus(Duration.ofMinutes(40)));
        return new ConversationView(interactionId, "EMAIL", "charles@difference.example", OURS, null, null, null,
                false, CHARLES_TICKET, List.of(first, answer, second));
    }

    /** Charles's ticket: its first answer was due half an hour ago; {@code answered} says it was given. */
    public static TicketView charlesTicket(boolean answered) {
        Instant created = Fixtures.NOW.minus(Duration.ofHours(26));
        return new TicketView(CHARLES_TICKET, Fixtures.CHARLES, "Warranty claim for the engine", TicketStatus.OPEN,
                TicketPriority.HIGH, created, created, 1, List.of(), List.of(), Fixtures.NOW.minus(Duration.ofMinutes(30)),
                answered ? created.plus(Duration.ofMinutes(125)) : null);
    }

    public static List<CannedResponseView> canned() {
        return List.of(
                new CannedResponseView(1, "Greeting", "Hello {customer.name}, thank you for reaching out.", List.of()),
                new CannedResponseView(2, "Ticket reference",
                        "Your ticket is {ticket.number}. Kind regards, {agent.name}", List.of(Channel.EMAIL)),
                new CannedResponseView(3, "Chat closing", "Is there anything else I can help with?",
                        List.of(Channel.CHAT)));
    }

    private static MessageView line(long id, long interactionId, MessageDirection direction, String author, String text,
                                    int minutesAgo) {
        return new MessageView(id, interactionId, direction, author, null, text, null, List.of(), List.of(),
                direction == MessageDirection.INBOUND ? MessageStatus.RECEIVED : MessageStatus.SENT, "", List.of(),
                Fixtures.NOW.minus(Duration.ofMinutes(minutesAgo)));
    }
}
