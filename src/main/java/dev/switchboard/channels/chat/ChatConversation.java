package dev.switchboard.channels.chat;

import java.time.Instant;
import java.util.concurrent.ScheduledFuture;

/** A live chat. Everything but the id, token and listener calls changes under the gateway's lock. */
final class ChatConversation {
    final long id;
    final String token;
    final String visitorName;
    final InOrder calls = new InOrder();

    String agentName;
    /** The visitor's socket, or null while they are away. */
    ChatConnection socket;
    /** When the visitor's absence ends the chat; null while they are here. */
    Instant expires;
    ScheduledFuture<?> timer;
    boolean over;

    ChatConversation(long id, String token, String visitorName) {
        this.id = id;
        this.token = token;
        this.visitorName = visitorName;
    }
}
