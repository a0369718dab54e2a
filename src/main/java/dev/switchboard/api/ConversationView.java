package dev.switchboard.api;

import java.util.List;

/**
 * A text interaction's conversation: where it came from ({@code platform}: EMAIL, CHAT, MESSENGER or
 * WHATSAPP; {@code remote}: the customer's address, the visitor, the platform's sender id), the
 * chat visitor's details and page, whether the visitor is connected now, and every line so far.
 */
public record ConversationView(long interactionId, String platform, String remote, String ourAddress,
                               String visitorName, String visitorEmail, String page, boolean connected,
                               Long ticketId, List<MessageView> messages) {
    public ConversationView {
        messages = messages == null ? List.of() : List.copyOf(messages);
    }
}
