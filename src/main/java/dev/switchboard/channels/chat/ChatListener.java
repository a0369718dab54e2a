package dev.switchboard.channels.chat;

import java.util.List;

/**
 * What the web chat channel tells the server. The gateway calls these on its own threads (socket
 * threads and the grace timer), never while holding one of its locks, so an implementation may call
 * back into {@link ChatGateway}. For one conversation the calls arrive in the order they happened.
 */
public interface ChatListener {

    /**
     * A visitor started a new chat.
     *
     * @return the conversation id (the server's interaction id); the gateway knows the conversation
     *         only once this returns, so calls to the gateway for it before then are not delivered live
     * @throws ChatRefused to turn the visitor away with a message they can read
     */
    long started(ChatVisitor visitor);

    /**
     * The visitor wrote a line. {@code clientId} is the widget's id for it: a line resent after a
     * reconnect comes with the same id, so a repeat can be recognised and dropped. The visitor sees the
     * line as delivered once this returns.
     */
    void message(long conversation, String clientId, String text);

    /** The visitor started or stopped typing. */
    void typing(long conversation, boolean typing);

    /** The visitor is now looking at another page (a URL, at most 2000 characters). */
    void page(long conversation, String page);

    /** The visitor's connection was lost ({@code false}) or came back within the grace period ({@code true}). */
    void connection(long conversation, boolean connected);

    /**
     * The chat is over from the visitor's side: they ended it ({@code byVisitor}), or they were gone
     * longer than the grace period. The gateway has forgotten the conversation.
     */
    void left(long conversation, boolean byVisitor);

    /** The lines so far, oldest first, replayed to a visitor who comes back (page reload, network blip). */
    List<ChatLine> history(long conversation);
}
