package dev.switchboard.channels.chat;

import io.javalin.websocket.WsContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/** One visitor socket. Its conversation and closed flag change only under the gateway's lock. */
final class ChatConnection {
    private static final Logger LOG = LoggerFactory.getLogger(ChatConnection.class);

    private final WsContext socket;
    final String userAgent;
    /** Every frame, so garbage cannot flood either. */
    final FloodLimit anyFrame = new FloodLimit(60, Duration.ofSeconds(10));
    /** Chat lines. */
    final FloodLimit chatLines = new FloodLimit(20, Duration.ofSeconds(10));

    ChatConversation conversation;
    boolean closed;

    ChatConnection(WsContext socket, String userAgent) {
        this.socket = socket;
        this.userAgent = userAgent;
    }

    String id() {
        return socket.sessionId();
    }

    /** Sends one frame; false when the socket is gone. Serialised so frames keep their order. */
    synchronized boolean send(String frame) {
        try {
            socket.send(frame);
            return true;
        } catch (RuntimeException e) {
            LOG.debug("chat frame not sent on {}: {}", id(), e.toString());
            return false;
        }
    }

    synchronized void close() {
        try {
            socket.closeSession(1000, "chat over");
        } catch (RuntimeException e) {
            LOG.debug("chat socket {} already closed: {}", id(), e.toString());
        }
    }
}
