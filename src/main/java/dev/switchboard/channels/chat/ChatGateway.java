package dev.switchboard.channels.chat;

import dev.switchboard.channels.chat.ChatFrames.End;
import dev.switchboard.channels.chat.ChatFrames.Hello;
import dev.switchboard.channels.chat.ChatFrames.Inbound;
import dev.switchboard.channels.chat.ChatFrames.Page;
import dev.switchboard.channels.chat.ChatFrames.Rejected;
import dev.switchboard.channels.chat.ChatFrames.Say;
import dev.switchboard.channels.chat.ChatFrames.Typing;
import io.javalin.config.JavalinConfig;
import io.javalin.websocket.WsCloseContext;
import io.javalin.websocket.WsConnectContext;
import io.javalin.websocket.WsMessageContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The web chat channel: serves the widget and its WebSocket, keeps each visitor's conversation across
 * reconnects, and carries the agent's side to the visitor.
 *
 * <p>A visitor who loses the connection (page reload, network blip) may come back with their token
 * within the grace period and continues the same conversation; after it, the listener hears
 * {@link ChatListener#left left(conversation, false)} and the token is dead. The grace timer reads the
 * injected clock, so a test with a fixed clock moves it and calls {@link #expireIdle()}.
 */
public final class ChatGateway implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChatGateway.class);
    private static final long MIN_RECHECK_MILLIS = 10;

    private final ChatListener listener;
    private final Duration grace;
    private final Clock clock;
    private final ChatFrames frames = new ChatFrames();
    private final ChatAssets assets = new ChatAssets();
    private final SecureRandom random = new SecureRandom();
    private final ScheduledExecutorService timers;
    private final Map<String, ChatConnection> connections = new ConcurrentHashMap<>();

    private final Object lock = new Object();
    private final Map<String, ChatConversation> byToken = new HashMap<>();
    private final Map<Long, ChatConversation> byId = new HashMap<>();
    /**
     * Agents who took a chat before {@link ChatListener#started} returned its id here (an agent can
     * accept within milliseconds): the visitor's welcome names them.
     */
    private final Map<Long, String> earlyAgents = new HashMap<>();
    private boolean shutDown;

    public ChatGateway(ChatListener listener, Duration grace, Clock clock) {
        if (grace.isNegative() || grace.isZero()) {
            throw new IllegalArgumentException("the grace period must be positive: " + grace);
        }
        this.listener = listener;
        this.grace = grace;
        this.clock = clock;
        this.timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "chat-grace");
            t.setDaemon(true);
            return t;
        });
    }

    /** Adds GET /chat/widget.js, /chat/widget.css, /chat/ (a demo page) and the WebSocket /chat/ws. */
    public void install(JavalinConfig config) {
        var routes = config.routes;
        routes.get("/chat/widget.js", assets.script::serve);
        routes.get("/chat/widget.css", assets.style::serve);
        routes.get("/chat/", assets.demo::serve);
        routes.ws("/chat/ws", ws -> {
            ws.onConnect(this::opened);
            ws.onMessage(this::received);
            ws.onClose(this::closed);
            ws.onError(ctx -> LOG.debug("chat socket {} failed: {}", ctx.sessionId(), String.valueOf(ctx.error())));
        });
    }

    // the agent's side

    /** Shows the visitor who they are chatting with; false when the visitor is not connected now. */
    public boolean agentJoined(long conversation, String agentName) {
        ChatConnection socket;
        synchronized (lock) {
            ChatConversation c = byId.get(conversation);
            if (c == null) {
                if (earlyAgents.size() < 10_000) {
                    earlyAgents.put(conversation, agentName);
                }
                return false;
            }
            c.agentName = agentName;
            socket = c.socket;
        }
        if (socket == null) {
            return false;
        }
        synchronized (socket) {
            return socket.send(frames.agent(agentName));
        }
    }

    /**
     * An agent's line. True when it went to a connected visitor now; otherwise the visitor gets it from
     * {@link ChatListener#history} when they come back.
     */
    public boolean agentMessage(long conversation, String lineId, String agentName, String text, Instant at) {
        ChatConnection socket;
        synchronized (lock) {
            ChatConversation c = byId.get(conversation);
            if (c == null) {
                return false;
            }
            if (c.agentName == null) {
                c.agentName = agentName;
            }
            socket = c.socket;
        }
        return socket != null && socket.send(frames.message(new ChatLine(lineId, false, agentName, text, at)));
    }

    public void agentTyping(long conversation, String agentName, boolean typing) {
        ChatConnection socket = socketOf(conversation);
        if (socket != null) {
            socket.send(frames.typing(agentName, typing));
        }
    }

    /** The agent ended the chat: the visitor sees the message (or a default), the token is forgotten. */
    public void end(long conversation, String message) {
        ChatConnection socket;
        synchronized (lock) {
            ChatConversation c = byId.get(conversation);
            if (c == null) {
                return;
            }
            socket = finish(c);
        }
        if (socket != null) {
            socket.send(frames.ended(message == null || message.isBlank() ? ChatText.ENDED_BY_AGENT.text() : message));
            socket.close();
        }
    }

    /** Whether the visitor of a live conversation has a socket open right now. */
    public boolean connected(long conversation) {
        return socketOf(conversation) != null;
    }

    /**
     * Ends every conversation whose visitor has been away longer than the grace period by the clock.
     * The gateway's timer calls this on its own; it is public for tests that drive a fixed clock.
     */
    public void expireIdle() {
        List<ChatConversation> expired = new ArrayList<>();
        synchronized (lock) {
            Instant now = clock.instant();
            for (ChatConversation c : byId.values()) {
                if (c.socket == null && c.expires != null && !now.isBefore(c.expires)) {
                    expired.add(c);
                }
            }
            for (ChatConversation c : expired) {
                finish(c);
                c.calls.add(() -> listener.left(c.id, false));
            }
        }
        expired.forEach(c -> c.calls.drain());
    }

    @Override
    public void close() {
        synchronized (lock) {
            shutDown = true;
        }
        timers.shutdownNow();
    }

    // the visitor's side

    private void opened(WsConnectContext ctx) {
        connections.put(ctx.sessionId(), new ChatConnection(ctx, ctx.header("User-Agent")));
        ctx.enableAutomaticPings(15, TimeUnit.SECONDS);
    }

    private void received(WsMessageContext ctx) {
        ChatConnection socket = connections.get(ctx.sessionId());
        if (socket == null) {
            return;
        }
        try {
            handle(socket, ctx.message());
        } catch (RuntimeException e) {
            LOG.warn("chat frame on {} failed", socket.id(), e);
            socket.send(frames.error("unavailable", null, ChatText.UNAVAILABLE.text()));
        }
    }

    private void handle(ChatConnection socket, String raw) {
        Instant now = clock.instant();
        if (!socket.anyFrame.allow(now)) {
            socket.send(frames.error("flood", null, ChatText.FLOOD.text()));
            return;
        }
        Inbound frame;
        try {
            frame = frames.read(raw);
        } catch (Rejected rejected) {
            socket.send(frames.error(rejected));
            return;
        }
        if (frame instanceof Hello hello) {
            hello(socket, hello);
            return;
        }
        ChatConversation c;
        synchronized (lock) {
            c = socket.conversation;
        }
        if (c == null) {
            socket.send(frames.error("not_started", null, ChatText.NOT_STARTED.text()));
        } else if (frame instanceof Say say) {
            if (socket.chatLines.allow(now)) {
                said(c, socket, say);
            } else {
                socket.send(frames.error("flood", null, ChatText.FLOOD.text()));
            }
        } else if (frame instanceof Typing typing) {
            call(c, socket, () -> listener.typing(c.id, typing.typing()));
        } else if (frame instanceof Page page) {
            call(c, socket, () -> listener.page(c.id, page.page()));
        } else if (frame instanceof End) {
            visitorEnded(c, socket);
        }
    }

    private void hello(ChatConnection socket, Hello hello) {
        boolean inChat;
        synchronized (lock) {
            inChat = socket.conversation != null;
        }
        if (inChat) {
            socket.send(frames.error("already_started", null, ChatText.ALREADY_STARTED.text()));
        } else if (hello.resume() != null) {
            resume(socket, hello);
        } else {
            start(socket, hello);
        }
    }

    private void start(ChatConnection socket, Hello hello) {
        long id;
        try {
            id = listener.started(new ChatVisitor(hello.name(), hello.email(), hello.page(), socket.userAgent));
        } catch (ChatRefused refused) {
            String reason = refused.getMessage();
            socket.send(frames.error("refused", null, reason == null || reason.isBlank() ? ChatText.UNAVAILABLE.text() : reason));
            return;
        } catch (RuntimeException e) {
            LOG.warn("the chat listener could not start a chat", e);
            socket.send(frames.error("unavailable", null, ChatText.UNAVAILABLE.text()));
            return;
        }
        ChatConversation c = new ChatConversation(id, newToken(), hello.name());
        boolean attached;
        synchronized (lock) {
            ChatConversation previous = byId.get(id);
            if (previous != null) {
                LOG.warn("chat conversation {} started twice; the earlier visitor is dropped", id);
                finish(previous);
            }
            byId.put(id, c);
            byToken.put(c.token, c);
            String early = earlyAgents.remove(id);
            if (early != null) {
                c.agentName = early;
            }
            attached = attach(c, socket);
            if (!attached) {
                c.calls.add(() -> listener.connection(c.id, false));
            }
        }
        c.calls.drain();
        if (attached) {
            welcome(socket, c);
        }
    }

    private void resume(ChatConnection socket, Hello hello) {
        ChatConversation c;
        ChatConnection previous;
        boolean attached;
        synchronized (lock) {
            c = byToken.get(hello.resume());
            if (c == null) {
                previous = null;
                attached = false;
            } else {
                previous = c.socket;
                if (previous != null) {
                    // the same chat opened again elsewhere (often the reloaded page, before its old socket closed)
                    previous.conversation = null;
                    c.socket = null;
                    c.calls.add(() -> listener.connection(c.id, false));
                }
                attached = attach(c, socket);
                if (attached && hello.page() != null) {
                    c.calls.add(() -> listener.page(c.id, hello.page()));
                }
            }
        }
        if (c == null) {
            socket.send(frames.ended(ChatText.ENDED_EARLIER.text()));
            return;
        }
        c.calls.drain();
        if (previous != null) {
            previous.send(frames.ended(ChatText.MOVED.text()));
            previous.close();
        }
        if (attached) {
            welcome(socket, c);
        }
    }

    /** Under the lock: joins the socket to the conversation, or starts the grace period if it closed meanwhile. */
    private boolean attach(ChatConversation c, ChatConnection socket) {
        if (c.timer != null) {
            c.timer.cancel(false);
            c.timer = null;
        }
        c.expires = null;
        if (socket.closed) {
            startGrace(c);
            return false;
        }
        c.socket = socket;
        socket.conversation = c;
        c.calls.add(() -> listener.connection(c.id, true));
        return true;
    }

    private void welcome(ChatConnection socket, ChatConversation c) {
        // the history and the agent's name are read and the welcome sent as one step on this socket:
        // an agent's line or join that comes meanwhile is either in the welcome or sent after it
        // (the widget shows each line once, by id)
        synchronized (socket) {
            List<ChatLine> history;
            try {
                history = listener.history(c.id);
            } catch (RuntimeException e) {
                LOG.warn("the chat listener could not give the history of {}", c.id, e);
                history = List.of();
            }
            String agent;
            synchronized (lock) {
                agent = c.agentName;
            }
            socket.send(frames.welcome(c.token, c.id, history == null ? List.of() : history, agent));
        }
    }

    private void said(ChatConversation c, ChatConnection socket, Say say) {
        call(c, socket, () -> {
            try {
                listener.message(c.id, say.id(), say.text());
            } catch (RuntimeException e) {
                // not confirmed, so the widget keeps the line and sends it again when it reconnects
                LOG.warn("the chat listener could not take a line of {}", c.id, e);
                socket.send(frames.error("unavailable", null, ChatText.UNAVAILABLE.text()));
                return;
            }
            // the echo tells the widget the line arrived; it also shows it in other windows of the chat
            socket.send(frames.message(new ChatLine(say.id(), true, c.visitorName, say.text(), clock.instant())));
        });
    }

    private void visitorEnded(ChatConversation c, ChatConnection socket) {
        synchronized (lock) {
            if (c.over) {
                return;
            }
            finish(c);
            c.calls.add(() -> listener.left(c.id, true));
        }
        c.calls.drain();
        socket.send(frames.ended(ChatText.ENDED_BY_VISITOR.text()));
        socket.close();
    }

    private void closed(WsCloseContext ctx) {
        ctx.disableAutomaticPings();
        ChatConnection socket = connections.remove(ctx.sessionId());
        if (socket == null) {
            return;
        }
        ChatConversation c;
        synchronized (lock) {
            socket.closed = true;
            c = socket.conversation;
            socket.conversation = null;
            if (c == null || c.socket != socket || c.over) {
                return;
            }
            c.socket = null;
            startGrace(c);
            c.calls.add(() -> listener.connection(c.id, false));
        }
        c.calls.drain();
    }

    // under the lock

    private void startGrace(ChatConversation c) {
        c.expires = clock.instant().plus(grace);
        schedule(c, grace.toMillis());
    }

    private void schedule(ChatConversation c, long delayMillis) {
        if (shutDown) {
            return;
        }
        c.timer = timers.schedule(() -> expireOrWait(c), Math.max(delayMillis, MIN_RECHECK_MILLIS), TimeUnit.MILLISECONDS);
    }

    /** The timer and the clock may disagree by a little: if the clock says not yet, look again then. */
    private void expireOrWait(ChatConversation c) {
        synchronized (lock) {
            if (c.over || c.expires == null) {
                return;
            }
            Duration left = Duration.between(clock.instant(), c.expires);
            if (!left.isNegative() && !left.isZero()) {
                schedule(c, left.toMillis());
                return;
            }
        }
        expireIdle();
    }

    /** Forgets the conversation and its token; returns the socket it had, now detached. */
    private ChatConnection finish(ChatConversation c) {
        c.over = true;
        byId.remove(c.id, c);
        byToken.remove(c.token, c);
        if (c.timer != null) {
            c.timer.cancel(false);
            c.timer = null;
        }
        c.expires = null;
        ChatConnection socket = c.socket;
        c.socket = null;
        if (socket != null) {
            socket.conversation = null;
        }
        return socket;
    }

    private ChatConnection socketOf(long conversation) {
        synchronized (lock) {
            ChatConversation c = byId.get(conversation);
            return c == null ? null : c.socket;
        }
    }

    /** A visitor's doing, passed on unless the chat ended or moved to another socket meanwhile. */
    private void call(ChatConversation c, ChatConnection socket, Runnable call) {
        synchronized (lock) {
            if (c.over || c.socket != socket) {
                return;
            }
            c.calls.add(call);
        }
        c.calls.drain();
    }

    private String newToken() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
