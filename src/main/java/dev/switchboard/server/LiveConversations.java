package dev.switchboard.server;

import dev.switchboard.api.IngestRequest;
import dev.switchboard.domain.Channel;
import dev.switchboard.domain.ContactKind;
import dev.switchboard.domain.Conversation;
import dev.switchboard.domain.Direction;
import dev.switchboard.domain.Interaction;
import dev.switchboard.domain.Message;
import dev.switchboard.domain.MessageDirection;
import dev.switchboard.domain.MessageStatus;
import dev.switchboard.store.InteractionStore;
import dev.switchboard.store.MessageStore;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Chats and social messages as they happen: a new chat or a first message is a new contact in the
 * queue; later lines join the conversation still open with the same visitor or sender; platforms'
 * delivery and read reports move the agent's lines on. A line seen before (the same id) changes
 * nothing, so a platform's retried webhook or a widget's resend is harmless.
 */
public final class LiveConversations {
    public static final String MESSENGER = "MESSENGER";
    public static final String WHATSAPP = "WHATSAPP";

    private final ConversationService conversations;
    private final ContactService contacts;
    private final MessageStore messages;
    private final InteractionStore interactions;
    private final WorkDistributor work;
    private final Clock clock;

    public LiveConversations(ConversationService conversations, ContactService contacts, MessageStore messages,
                             InteractionStore interactions, WorkDistributor work, Clock clock) {
        this.conversations = conversations;
        this.contacts = contacts;
        this.messages = messages;
        this.interactions = interactions;
        this.work = work;
        this.clock = clock;
    }

    /** A visitor opened a chat: a new contact, matched to a customer by the e-mail they gave. */
    public long chatStarted(String name, String email, String page) {
        String address = email != null && !email.isBlank() ? email.strip() : name.strip();
        String where = page == null || page.isBlank() ? "" : " on " + shortPage(page);
        long id = contacts.ingest(new IngestRequest(Channel.CHAT, Direction.INBOUND, address,
                cut("Chat with " + name.strip() + where, 300), ""), null, stored ->
                messages.insertConversation(new Conversation(stored.id(), Conversation.CHAT, "chat-" + stored.id(), "",
                        cut(name.strip(), 200), email == null ? "" : cut(email.strip(), 320),
                        page == null ? "" : cut(page, 2000)))).interaction().id();
        conversations.note(id, "Chat started" + where);
        return id;
    }

    public void chatMessage(long conversation, String lineId, String text) {
        String externalId = "chat:" + conversation + ":" + lineId;
        if (!messages.byExternalId(externalId).isEmpty()) {
            return;
        }
        Conversation conv = chat(conversation);
        conversations.add(new Message(0, conversation, MessageDirection.INBOUND, conv.visitorName(), null, "", text,
                null, null, null, externalId, null, MessageStatus.RECEIVED, "", null, clock.instant(), null));
    }

    public void chatTyping(long conversation, boolean typing) {
        conversations.typing(conversation, chat(conversation).visitorName(), true, typing);
    }

    public void chatPage(long conversation, String page) {
        chat(conversation);
        messages.updatePage(conversation, cut(page, 2000));
        conversations.visitor(conversation, true, false, page);
    }

    public void chatConnection(long conversation, boolean connected) {
        conversations.visitor(conversation, connected, false, chat(conversation).page());
    }

    /** The visitor ended the chat, or did not come back in time: a waiting chat is abandoned, one in hand ends. */
    public void chatLeft(long conversation, boolean byVisitor) {
        Conversation conv = chat(conversation);
        conversations.note(conversation, byVisitor ? "The visitor ended the chat" : "The visitor left and did not come back");
        conversations.visitor(conversation, false, true, conv.page());
        work.channelEnded(conversation);
    }

    /** The lines a returning visitor sees again: theirs and the agents'. */
    public List<Message> chatHistory(long conversation) {
        return messages.byInteraction(conversation).stream()
                .filter(m -> m.direction() != MessageDirection.SYSTEM).toList();
    }

    /**
     * A message from Messenger (sender: the page-scoped id, matched as a social handle) or WhatsApp
     * (sender: the phone number, matched as one).
     */
    public synchronized void socialMessage(String platform, String senderId, String senderName, String messageId,
                                           String text, List<String> attachmentTypes) {
        if (!messages.byExternalId(messageId).isEmpty()) {
            return;
        }
        String body = text == null || text.isBlank()
                ? "(sent " + (attachmentTypes.isEmpty() ? "something we cannot show" : String.join(", ", attachmentTypes)) + ")"
                : text;
        Optional<Interaction> open = messages.latestConversation(platform, senderId)
                .flatMap(c -> interactions.find(c.interactionId())).filter(Replies::isOpen);
        long id;
        if (open.isPresent()) {
            id = open.get().id();
        } else {
            boolean whatsapp = WHATSAPP.equals(platform);
            String address = whatsapp ? "+" + senderId : senderId;
            String label = whatsapp ? "WhatsApp" : "Messenger";
            id = contacts.ingest(new IngestRequest(Channel.SOCIAL, Direction.INBOUND, address,
                    label + " message" + (senderName == null ? "" : " from " + cut(senderName, 150)), cut(body, 100_000)),
                    whatsapp ? ContactKind.PHONE : ContactKind.SOCIAL, stored ->
                    messages.insertConversation(new Conversation(stored.id(), platform, senderId, "",
                            senderName == null ? "" : cut(senderName, 200), "", ""))).interaction().id();
        }
        conversations.add(new Message(0, id, MessageDirection.INBOUND, senderName == null ? senderId : senderName, null,
                "", cut(body, 100_000), null, null, null, messageId, null, MessageStatus.RECEIVED, "", null,
                clock.instant(), null));
    }

    /**
     * A platform's report on an agent's message: by its id, or ({@code messageId} null) everything
     * sent to {@code recipientId} up to {@code at} (Messenger's watermark: read, or delivered).
     */
    public void socialStatus(String platform, String recipientId, String messageId, MessageStatus status, Instant at,
                             String error) {
        if (messageId != null) {
            for (Message m : messages.byExternalId(messageId)) {
                if (m.direction() == MessageDirection.OUTBOUND) {
                    conversations.advance(m.id(), status, error, null);
                }
            }
            return;
        }
        messages.latestConversation(platform, recipientId).ifPresent(c ->
                messages.unreadOutbound(c.interactionId(), at).forEach(m ->
                        conversations.advance(m.id(), status, "", null)));
    }

    private Conversation chat(long conversation) {
        return messages.conversation(conversation).filter(c -> Conversation.CHAT.equals(c.platform()))
                .orElseThrow(() -> new IllegalArgumentException("no chat " + conversation));
    }

    private static String shortPage(String page) {
        String p = page.replaceFirst("^https?://[^/]+", "");
        return cut(p.isEmpty() ? "/" : p, 120);
    }

    private static String cut(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }
}
