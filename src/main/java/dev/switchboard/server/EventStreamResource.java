package dev.switchboard.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.api.EventTypes;
import dev.switchboard.api.HelloEvent;
import io.javalin.http.sse.SseClient;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * {@code GET /api/v1/events}: the caller's events as server-sent events. Each event's {@code id} is
 * its sequence number; a client that reconnects with {@code Last-Event-ID} (or {@code ?after=}) gets
 * what it missed, in order. A comment line every 15 s lets both ends notice a dead connection.
 *
 * <p>A stream lasts no longer than its session: when the session ends ({@link #endStreams}: signed
 * out, revoked, or ended on another node) its streams are closed, and the client's reconnect is
 * answered 401.
 */
public final class EventStreamResource implements AutoCloseable {
    private final EventHub hub;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final Predicate<String> sessionLive;
    /** Whether a supervisor oversees an agent (their crew), so their stream carries that agent's events. */
    private volatile java.util.function.BiPredicate<dev.switchboard.domain.Agent, Long> oversees = (s, a) -> true;
    private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
    /** The open streams of each session, by its token. */
    private final Map<String, Set<SseClient>> bySession = new ConcurrentHashMap<>();
    private final ScheduledExecutorService pinger = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sse-keepalive");
        t.setDaemon(true);
        return t;
    });

    /** {@code sessionLive}: whether a token's session still lasts, asked once a stream is registered. */
    public EventStreamResource(EventHub hub, ObjectMapper mapper, Predicate<String> sessionLive, Clock clock) {
        this.hub = hub;
        this.mapper = mapper;
        this.sessionLive = sessionLive;
        this.clock = clock;
        // through each subscriber's own queue: a stuck connection never holds up the others' pings
        pinger.scheduleWithFixedDelay(hub::keepAlive, 15, 15, TimeUnit.SECONDS);
    }

    /** From now on, supervisors' streams carry the events of the agents they oversee alone. */
    public void overseenBy(java.util.function.BiPredicate<dev.switchboard.domain.Agent, Long> oversees) {
        this.oversees = oversees;
    }

    public void handle(SseClient client, Session session) {
        long after = resumePoint(client);
        long from = after > 0 ? after : hub.latestSeq();
        client.keepAlive();
        clients.add(client);
        synchronized (client) {
            client.sendEvent(EventTypes.HELLO, json(new HelloEvent(hub.latestSeq(), after > 0, clock.instant())), null);
        }
        java.util.function.BiPredicate<dev.switchboard.domain.Agent, Long> crew = oversees;
        AutoCloseable subscription = hub.subscribe(session.agentId(), session.isSupervisor(),
                agent -> crew.test(session.agent(), agent), from, new EventHub.Sink() {
                    @Override
                    public boolean deliver(EventHub.Event event) {
                        synchronized (client) {
                            if (client.terminated()) {
                                return false;
                            }
                            if (event == EventHub.KEEP_ALIVE) {
                                client.sendComment("keep-alive");
                                return !client.terminated();
                            }
                            return write(client, event.frame());
                        }
                    }

                    @Override
                    public boolean flush() {
                        synchronized (client) {
                            if (client.terminated()) {
                                return false;
                            }
                            try {
                                client.ctx().res().getOutputStream().flush();
                                return true;
                            } catch (java.io.IOException | RuntimeException e) {
                                client.close();
                                return false;
                            }
                        }
                    }

                    @Override
                    public void dropped() {
                        client.close();
                    }
                });
        String token = session.token();
        client.onClose(() -> {
            clients.remove(client);
            bySession.computeIfPresent(token, (t, open) -> {
                open.remove(client);
                return open.isEmpty() ? null : open;
            });
            try {
                subscription.close();
            } catch (Exception ignored) {
                // removing from a set cannot fail
            }
        });
        bySession.compute(token, (t, open) -> {
            Set<SseClient> streams = open != null ? open : ConcurrentHashMap.newKeySet();
            streams.add(client);
            return streams;
        });
        if (!sessionLive.test(token)) {
            client.close(); // the session ended while this stream opened, before endStreams could see it
        }
    }

    /**
     * Closes the open streams of a session that ended. Their clients reconnect and are refused
     * (401), which is how a desktop learns that it must sign in again.
     */
    public void endStreams(Session session) {
        Set<SseClient> open = bySession.remove(session.token());
        if (open != null) {
            open.forEach(SseClient::close);
        }
    }

    /**
     * Writes an event's frame as the hub encoded it, once for all its subscribers: the stream's own
     * sender would decode and encode the text again for every client, which for a large event (the
     * supervisor's dashboard) to many clients was most of the server's work. The hub flushes after
     * each run of events. A failed write ends the stream, as the sender's would.
     */
    private static boolean write(SseClient client, byte[] frame) {
        try {
            client.ctx().res().getOutputStream().write(frame);
            return true;
        } catch (java.io.IOException | RuntimeException e) {
            client.close();
            return false;
        }
    }

    private static long resumePoint(SseClient client) {
        String raw = client.ctx().header("Last-Event-ID");
        if (raw == null || raw.isBlank()) {
            raw = client.ctx().queryParam("after");
        }
        if (raw == null || raw.isBlank()) {
            return 0;
        }
        try {
            return Math.max(0, Long.parseLong(raw.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private String json(Object o) {
        try {
            return mapper.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public int connected() {
        return clients.size();
    }

    @Override
    public void close() {
        // the open streams end with the HTTP server, which is stopped first
        pinger.shutdownNow();
        clients.clear();
        bySession.clear();
    }
}
