package dev.switchboard.server;

import dev.switchboard.api.AttachmentView;
import dev.switchboard.api.CannedResponseView;
import dev.switchboard.api.ConversationEvent;
import dev.switchboard.api.ConversationView;
import dev.switchboard.api.EventTypes;
import dev.switchboard.api.MessageEvent;
import dev.switchboard.api.MessageView;
import dev.switchboard.api.TypingEvent;
import dev.switchboard.domain.Agent;
import dev.switchboard.domain.BusinessHours;
import dev.switchboard.domain.Channel;
import dev.switchboard.domain.Conversation;
import dev.switchboard.domain.Interaction;
import dev.switchboard.domain.InteractionState;
import dev.switchboard.domain.Message;
import dev.switchboard.domain.MessageDirection;
import dev.switchboard.domain.MessageStatus;
import dev.switchboard.domain.Ticket;
import dev.switchboard.domain.TicketPriority;
import dev.switchboard.store.InteractionStore;
import dev.switchboard.store.MessageStore;
import dev.switchboard.store.TicketStore;

import java.time.Clock;
import java.util.Arrays;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The lines of text conversations: stores what customers and agents write, tells the agent who has
 * the contact (and supervisors) as it happens, and shows a conversation whole. Chats also hear here
 * when an agent takes, transfers or ends them.
 */
public final class ConversationService implements WorkDistributor.WorkListener {
    private final MessageStore messages;
    private final InteractionStore interactions;
    private final TicketStore tickets;
    private final EventHub hub;
    private volatile java.util.function.Function<Instant, dev.switchboard.domain.CaseFile> cases =
            now -> dev.switchboard.domain.CaseFile.NONE;
    private final BusinessHours hours;
    private final Clock clock;
    private volatile ReplyChannels channels = new ReplyChannels() {
    };

    public ConversationService(MessageStore messages, InteractionStore interactions, TicketStore tickets,
                               EventHub hub, BusinessHours hours, Clock clock) {
        this.messages = messages;
        this.interactions = interactions;
        this.tickets = tickets;
        this.hub = hub;
        this.hours = hours;
        this.clock = clock;
    }

    /** The text channels answers go out through (set once they are started). */
    public void useChannels(ReplyChannels replyChannels) {
        this.channels = replyChannels;
    }

    ReplyChannels channels() {
        return channels;
    }

    public ConversationView conversation(long interactionId) {
        Interaction i = interaction(interactionId);
        Optional<Conversation> conv = messages.conversation(interactionId);
        List<Long> ticketIds = tickets.ticketsOf(interactionId);
        List<MessageView> lines = messages.byInteraction(interactionId).stream().map(ConversationService::view).toList();
        return new ConversationView(interactionId, conv.map(Conversation::platform).orElse(i.channel().name()),
                conv.map(Conversation::remoteId).orElse(i.address()), conv.map(Conversation::ourAddress).orElse(""),
                conv.map(Conversation::visitorName).orElse(""), conv.map(Conversation::visitorEmail).orElse(""),
                conv.map(Conversation::page).orElse(""),
                i.channel() == Channel.CHAT && channels.chatConnected(interactionId),
                ticketIds.isEmpty() ? null : ticketIds.get(ticketIds.size() - 1), lines);
    }

    public List<CannedResponseView> cannedResponses() {
        return messages.cannedResponses().stream().map(c -> new CannedResponseView(c.id(), c.title(), c.body(),
                c.channels().isBlank() ? List.of() : Arrays.stream(c.channels().split(","))
                        .map(String::trim).map(Channel::valueOf).toList())).toList();
    }

    /** An attachment's bytes, for any signed-in agent (attachments belong to customers' history). */
    public MessageStore.StoredAttachment attachment(long id) {
        return messages.attachment(id).orElseThrow(() -> ApiProblem.notFound("attachment", id));
    }

    /** Stores a line and tells whoever has the contact. */
    Message add(Message m) {
        Message stored = messages.insert(m);
        publish(stored);
        return stored;
    }

    /** The line's status moved on (sent, delivered, read, failed): tells whoever has the contact. */
    Optional<Message> advance(long messageId, MessageStatus status, String detail, String externalId) {
        Optional<Message> now = messages.advance(messageId, status, detail, externalId, clock.instant());
        now.ifPresent(this::publish);
        return now;
    }

    void publish(Message m) {
        hub.publish(EventTypes.MESSAGE, new MessageEvent(m.interactionId(), view(m)), audience(m.interactionId()));
    }

    void typing(long interactionId, String who, boolean visitor, boolean typing) {
        hub.publish(EventTypes.TYPING, new TypingEvent(interactionId, who, visitor, typing), audience(interactionId));
    }

    void visitor(long interactionId, boolean connected, boolean left, String page) {
        hub.publish(EventTypes.CONVERSATION, new ConversationEvent(interactionId, connected, left, page),
                audience(interactionId));
    }

    /** The agent with the contact (offered, active or in wrap-up); supervisors always hear. */
    private Set<Long> audience(long interactionId) {
        return interactions.find(interactionId).map(Interaction::agentId).map(Set::of).orElse(Set.of());
    }

    Interaction interaction(long id) {
        return interactions.find(id).orElseThrow(() -> ApiProblem.notFound("interaction", id));
    }

    /** A note from the centre on the conversation ("the visitor left"). */
    void note(long interactionId, String text) {
        add(new Message(0, interactionId, MessageDirection.SYSTEM, "", null, "", text, null, null, null, null, null,
                MessageStatus.RECEIVED, "", null, clock.instant(), null));
    }

    @Override
    public void accepted(Agent agent, long interactionId, Channel channel) {
        if (channel == Channel.CHAT) {
            channels.chatJoined(interactionId, agent.displayName());
        }
    }

    @Override
    public void ended(long interactionId) {
        interactions.find(interactionId).filter(i -> i.channel() == Channel.CHAT).ifPresent(i -> {
            channels.chatEnd(interactionId, "The chat has ended. Thank you for contacting us.");
            if (i.state() != InteractionState.QUEUED) {
                note(interactionId, "The agent ended the chat");
            }
        });
    }

    /**
     * The ticket an e-mail conversation is worked on: the newest one it is linked to, or a new one
     * when the customer is known (with the e-mail SLA: an answer by the end of the next business day
     * after the first mail arrived). Empty while the sender is unknown or ambiguous.
     */
    Optional<Long> ticketFor(Interaction i) {
        List<Long> linked = tickets.ticketsOf(i.id());
        if (!linked.isEmpty()) {
            return Optional.of(linked.get(linked.size() - 1));
        }
        if (i.customerId() == null) {
            return Optional.empty();
        }
        String subject = i.subject().isBlank() ? "E-mail from " + i.address() : i.subject();
        Instant now = clock.instant();
        Ticket t = tickets.create(i.customerId(), subject.length() > 300 ? subject.substring(0, 300) : subject,
                TicketPriority.NORMAL, List.of(i.id()), null, null, null, now, cases.apply(now),
                "Opened from an e-mail");
        tickets.setDue(t.id(), hours.endOfNextBusinessDay(i.createdAt()));
        return Optional.of(t.id());
    }

    /** The case of a ticket opened from an e-mail (a question, its SLA clocks started): set once at start. */
    public void openCasesWith(java.util.function.Function<Instant, dev.switchboard.domain.CaseFile> opener) {
        cases = opener;
    }

    /** An answer reached the customer: the ticket's first response time is taken from the first. */
    void answered(long interactionId) {
        tickets.ticketsOf(interactionId).forEach(t -> tickets.markFirstResponse(t, clock.instant()));
    }

    public static MessageView view(Message m) {
        return new MessageView(m.id(), m.interactionId(), m.direction(), m.author(), m.subject(), m.text(), m.html(),
                m.to(), m.cc(), m.status(), m.statusDetail(), m.attachments().stream()
                        .map(a -> new AttachmentView(a.id(), a.filename(), a.contentType(), a.size(), a.inline()))
                        .toList(), m.createdAt());
    }
}
