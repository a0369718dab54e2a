package dev.switchboard.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.api.AgentStateEvent;
import dev.switchboard.api.CallView;
import dev.switchboard.api.EventTypes;
import dev.switchboard.api.HandoverEvent;
import dev.switchboard.api.PhoneView;
import dev.switchboard.api.HelloEvent;
import dev.switchboard.api.InteractionEvent;
import dev.switchboard.api.OfferEvent;
import dev.switchboard.api.OfferRevokedEvent;
import dev.switchboard.api.QueueEvent;
import dev.switchboard.api.QueueLeftEvent;
import dev.switchboard.api.ResyncEvent;
import dev.switchboard.api.TicketEvent;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Follows {@code /api/v1/events}: decodes each event into its api record, remembers the last
 * sequence number, and after a drop reconnects with {@code Last-Event-ID} and a growing back-off
 * (0.5 s doubling to 15 s), so no event is missed while the server holds it.
 */
final class SseEventStream implements EventSubscription {
    private static final Map<String, Class<?>> TYPES = Map.ofEntries(
            Map.entry(EventTypes.QUEUE, QueueEvent.class),
            Map.entry(EventTypes.QUEUE_LEFT, QueueLeftEvent.class),
            Map.entry(EventTypes.OFFER, OfferEvent.class),
            Map.entry(EventTypes.OFFER_REVOKED, OfferRevokedEvent.class),
            Map.entry(EventTypes.INTERACTION, InteractionEvent.class),
            Map.entry(EventTypes.AGENT_STATE, AgentStateEvent.class),
            Map.entry(EventTypes.TICKET, TicketEvent.class),
            Map.entry(EventTypes.CALL, CallView.class),
            Map.entry(EventTypes.PHONE, PhoneView.class),
            Map.entry(EventTypes.HANDOVER, HandoverEvent.class),
            Map.entry(EventTypes.MESSAGE, dev.switchboard.api.MessageEvent.class),
            Map.entry(EventTypes.TYPING, dev.switchboard.api.TypingEvent.class),
            Map.entry(EventTypes.CONVERSATION, dev.switchboard.api.ConversationEvent.class),
            Map.entry(EventTypes.DASHBOARD, dev.switchboard.api.SupervisorView.class),
            Map.entry(EventTypes.RESYNC, ResyncEvent.class),
            Map.entry(EventTypes.OUTBOUND_CALL, dev.switchboard.api.OutboundDialView.class),
            Map.entry(EventTypes.HELLO, HelloEvent.class));
    private static final long MIN_BACKOFF_MS = 500;
    private static final long MAX_BACKOFF_MS = 15_000;

    private final OkHttpClient http;
    private final HttpUrl url;
    private final Supplier<String> token;
    private final ObjectMapper mapper;
    private final EventListener listener;
    private final ScheduledExecutorService retry = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "event-stream-retry");
        t.setDaemon(true);
        return t;
    });
    private volatile long lastSeq;
    private volatile boolean connected;
    private volatile boolean closed;
    private volatile EventSource source;
    private long backoffMs = MIN_BACKOFF_MS;

    SseEventStream(OkHttpClient http, HttpUrl url, Supplier<String> token, ObjectMapper mapper, long lastSeq,
                   EventListener listener) {
        // no read timeout of its own beyond the keep-alive: the server writes a comment every 15 s
        this.http = http.newBuilder().readTimeout(Duration.ofSeconds(45)).callTimeout(Duration.ZERO).build();
        this.url = url;
        this.token = token;
        this.mapper = mapper;
        this.lastSeq = lastSeq;
        this.listener = listener;
        connect();
    }

    private synchronized void connect() {
        if (closed) {
            return;
        }
        Request.Builder request = new Request.Builder().url(url).header("Accept", "text/event-stream");
        String t = token.get();
        if (t != null) {
            request.header("Authorization", "Bearer " + t);
        }
        if (lastSeq > 0) {
            request.header("Last-Event-ID", Long.toString(lastSeq));
        }
        source = EventSources.createFactory(http).newEventSource(request.build(), new Listener());
    }

    private final class Listener extends EventSourceListener {
        @Override
        public void onOpen(EventSource eventSource, Response response) {
            connected = true;
            synchronized (SseEventStream.this) {
                backoffMs = MIN_BACKOFF_MS;
            }
            listener.onConnected();
        }

        @Override
        public void onEvent(EventSource eventSource, String id, String type, String data) {
            Class<?> payloadType = TYPES.get(type);
            if (payloadType == null) {
                return; // an event type this desktop does not know yet
            }
            long seq = 0;
            if (id != null && !id.isBlank()) {
                try {
                    seq = Long.parseLong(id.trim());
                } catch (NumberFormatException ignored) {
                    seq = 0;
                }
            }
            Object payload;
            try {
                payload = mapper.readValue(data, payloadType);
            } catch (IOException e) {
                return;
            }
            if (seq > 0) {
                lastSeq = seq;
            }
            listener.onEvent(new StreamEvent(seq, type, payload));
        }

        @Override
        public void onClosed(EventSource eventSource) {
            dropped("the server closed the event stream");
        }

        @Override
        public void onFailure(EventSource eventSource, Throwable t, Response response) {
            if (t == null && response != null && (response.code() == 401 || response.code() == 403)) {
                // retrying cannot help: the session is gone
                connected = false;
                closed = true;
                retry.shutdownNow();
                listener.onSessionEnded();
                return;
            }
            String reason = t != null ? t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage())
                    : response != null ? "HTTP " + response.code() : "connection lost";
            dropped(reason);
        }
    }

    private void dropped(String reason) {
        connected = false;
        if (closed) {
            return;
        }
        listener.onDisconnected(reason);
        long delay;
        synchronized (this) {
            delay = backoffMs;
            backoffMs = Math.min(MAX_BACKOFF_MS, backoffMs * 2);
        }
        retry.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }

    @Override
    public long lastSeq() {
        return lastSeq;
    }

    @Override
    public boolean connected() {
        return connected;
    }

    @Override
    public void close() {
        EventSource s;
        synchronized (this) {
            // under the same lock as connect(): no new source can open after this
            closed = true;
            connected = false;
            s = source;
        }
        if (s != null) {
            s.cancel();
        }
        retry.shutdownNow();
    }
}
