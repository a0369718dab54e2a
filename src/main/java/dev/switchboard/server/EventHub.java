package dev.switchboard.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.api.EventTypes;
import dev.switchboard.api.ResyncEvent;
import dev.switchboard.routing.AgentIdSet;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongPredicate;
import java.util.function.LongSupplier;

/**
 * The event stream: every change gets the next sequence number, is kept in a bounded ring for
 * replay, and is delivered in order to each subscriber it concerns. A subscriber that resumes from a
 * sequence still in the ring gets exactly the events it missed; one that is too far behind gets a
 * {@code resync} event first.
 *
 * <p>Delivery runs on a pool, never on the publisher's thread, so a slow client cannot hold up
 * routing; each subscriber has its own queue, drained by one task at a time, which keeps its order.
 * A subscriber that falls {@link #MAX_BACKLOG} events behind (a client that stopped reading) is
 * dropped; it reconnects and resumes from the ring like any other.
 *
 * <p>When several nodes serve one contact centre, each hub hands what it publishes to the others
 * ({@link #forwardTo}) and delivers what they hand back ({@link #publishRemote}) under a number of
 * its own: numbers come from blocks reserved in the shared database, so they never repeat across
 * nodes, and each node's stream stays in order for the clients following it. Queue news and
 * dashboards stay on their node: every node keeps all waiting contacts and computes those itself.
 */
public final class EventHub implements AutoCloseable {

    /** Events a subscriber may have waiting before it is dropped. */
    static final int MAX_BACKLOG = 10_000;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(EventHub.class);

    /** Not an event: tells a sink to write a keep-alive (an SSE comment). Never numbered, never held. */
    public static final Event KEEP_ALIVE = new Event(-1, "keep-alive", null, null, null, "");

    /**
     * One published event; {@code json} is serialised once and shared by every subscriber, and so is
     * its server-sent-event frame, encoded to bytes once ({@link #frame()}). With {@code onlyAudience}
     * it reaches the people of {@code audience} alone, even among those who see everything.
     */
    public record Event(long seq, String type, Long agentId, Set<Long> audience, Object payload, String json,
                        byte[] frame, boolean onlyAudience) {
        Event(long seq, String type, Long agentId, Set<Long> audience, Object payload, String json) {
            this(seq, type, agentId, audience, payload, json, false);
        }

        Event(long seq, String type, Long agentId, Set<Long> audience, Object payload, String json,
              boolean onlyAudience) {
            this(seq, type, agentId, audience, payload, json, frameOf(seq, type, json), onlyAudience);
        }

        /** The event as written on the stream: {@code id}, {@code event} and one {@code data} line, UTF-8. */
        private static byte[] frameOf(long seq, String type, String json) {
            if (json == null) {
                return null;
            }
            // the compact JSON the mapper writes holds no raw line breaks: one data line carries it
            StringBuilder frame = new StringBuilder(json.length() + type.length() + 40);
            if (seq > 0) {
                frame.append("id: ").append(seq).append('\n');
            }
            frame.append("event: ").append(type).append('\n').append("data: ").append(json).append("\n\n");
            return frame.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }

        boolean concerns(long subscriberAgentId, boolean seesAll, LongPredicate oversees) {
            if (onlyAudience) {
                return inAudience(subscriberAgentId);
            }
            if (seesAll) {
                return oversees == null || overseenBy(subscriberAgentId, oversees);
            }
            if (audience != null) {
                return inAudience(subscriberAgentId);
            }
            return agentId == null || agentId == subscriberAgentId;
        }

        /**
         * Whether a supervisor who oversees the agents {@code oversees} accepts is concerned: an event for
         * everyone or for supervisors alone (an empty audience), their own, or one for an agent they oversee.
         */
        boolean overseenBy(long supervisorId, LongPredicate oversees) {
            if (agentId == null && (audience == null || audience.isEmpty())) {
                return true;
            }
            if (agentId != null) {
                return agentId == supervisorId || oversees.test(agentId);
            }
            LongPredicate concerned = agent -> agent == supervisorId || oversees.test(agent);
            if (audience instanceof AgentIdSet ids) {
                return ids.anyMatch(concerned);
            }
            for (long agent : audience) {
                if (concerned.test(agent)) {
                    return true;
                }
            }
            return false;
        }

        /** Whether the agent is in the audience; a queue's audience is checked without boxing the id. */
        private boolean inAudience(long agent) {
            return audience instanceof AgentIdSet ids ? ids.contains(agent) : audience.contains(agent);
        }
    }

    /**
     * Receives events; called on a delivery thread, in sequence order, one call at a time, with a
     * {@link #flush()} after each run of events that were waiting together.
     */
    public interface Sink {
        /** @return false when the sink is closed and should be dropped */
        boolean deliver(Event event);

        /** The events delivered so far should reach the client now. @return false when the sink is closed */
        default boolean flush() {
            return true;
        }

        /** The hub gave up on this sink (too far behind): close the connection. */
        default void dropped() {
        }
    }

    private final ObjectMapper mapper;
    private final int capacity;
    private final Executor delivery;
    private final LongSupplier sequenceBlock;
    private final long blockSize;
    private final ArrayDeque<Event> ring;
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    /** The same subscribers by agent, and those who see everything, so an event finds its own in O(audience). */
    private final Map<Long, Set<Subscriber>> byAgent = new ConcurrentHashMap<>();
    private final Set<Subscriber> seeingAll = ConcurrentHashMap.newKeySet();
    private long nextSeq;
    private long blockEnd;
    private volatile Forwarder forwarder;

    /** Event types every node publishes for its own clients, never handed to the other nodes. */
    static final Set<String> NODE_LOCAL = Set.of(EventTypes.QUEUE, EventTypes.QUEUE_LEFT, EventTypes.DASHBOARD,
            EventTypes.RESYNC, EventTypes.HELLO);

    /** Hands published events to the other nodes; called on the publishing thread, so it only queues. */
    public interface Forwarder {
        void forward(Event event);
    }

    /** From now on, every event published here (but node-local ones) also goes to {@code forwarder}. */
    public void forwardTo(Forwarder to) {
        this.forwarder = to;
    }

    /**
     * Delivers an event another node published, numbered here, to the subscribers here it concerns.
     * Not handed on again, and not shown to taps (they see this node's own events).
     */
    public Event publishRemote(String type, Long agentId, Set<Long> audience, String json) {
        Event event;
        synchronized (this) {
            event = new Event(number(), type, agentId, audience, null, json);
            keep(event);
            deliverToConcerned(event);
        }
        RemoteTap tap = remoteTap;
        if (tap != null && tap.types().containsKey(type)) {
            try {
                tap.tap().accept(type, mapper.readValue(json, tap.types().get(type)));
            } catch (JsonProcessingException | RuntimeException e) {
                LOG.warn("an event of type {} from another node cannot be read: {}", type, e.getMessage());
            }
        }
        return event;
    }

    private record RemoteTap(Map<String, Class<?>> types, java.util.function.BiConsumer<String, Object> tap) {
    }

    private volatile RemoteTap remoteTap;

    /**
     * Shows {@code tap} the events of the given types that other nodes published, read back into their
     * payload's class (the supervisor's figures count every node's contacts). Called on the thread
     * that hands in other nodes' events, so it only queues.
     */
    public void tapRemote(Map<String, Class<?>> types, java.util.function.BiConsumer<String, Object> tap) {
        this.remoteTap = new RemoteTap(Map.copyOf(types), tap);
    }

    private long number() {
        if (nextSeq >= blockEnd) {
            nextSeq = sequenceBlock.getAsLong();
            blockEnd = nextSeq + blockSize;
        }
        return nextSeq++;
    }

    private void keep(Event event) {
        ring.addLast(event);
        if (ring.size() > capacity) {
            ring.removeFirst();
        }
    }

    /**
     * @param sequenceBlock reserves {@code blockSize} new numbers and returns the first (persisted, so
     *                      numbers keep growing across restarts)
     */
    public EventHub(ObjectMapper mapper, int capacity, Executor delivery, LongSupplier sequenceBlock,
                    long blockSize) {
        this.mapper = mapper;
        this.capacity = capacity;
        this.delivery = delivery;
        this.sequenceBlock = sequenceBlock;
        this.blockSize = blockSize;
        this.ring = new ArrayDeque<>(Math.min(capacity, 4096));
        this.nextSeq = sequenceBlock.getAsLong();
        this.blockEnd = nextSeq + blockSize;
    }

    private final java.util.List<java.util.function.BiConsumer<String, Object>> taps =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * Lets a part of the server see every event as it is published (type and payload), on the
     * publishing thread: it must hand the work on, not do it there. A tap is not a subscriber: it
     * never counts as a supervisor listening ({@link #supervisorListening}), and nothing is queued
     * or delivered for it.
     *
     * @return closing it removes the tap
     */
    public AutoCloseable tap(java.util.function.BiConsumer<String, Object> tap) {
        taps.add(tap);
        return () -> taps.remove(tap);
    }

    /** Whether a supervisor follows the stream now (events meant for supervisors only would reach someone). */
    public boolean supervisorListening() {
        return !seeingAll.isEmpty();
    }

    /** The people who follow the stream now seeing everything (supervisors, administrators). */
    public Set<Long> supervisorsListening() {
        Set<Long> out = new java.util.HashSet<>();
        seeingAll.forEach(s -> out.add(s.agentId));
        return out;
    }

    /** Publishes an event for one agent ({@code agentId}) or for everyone ({@code null}). */
    public Event publish(String type, Object payload, Long agentId) {
        return publish(type, payload, agentId, null);
    }

    /** Publishes an event for the agents in {@code audience} (and supervisors). */
    public Event publish(String type, Object payload, Set<Long> audience) {
        return publish(type, payload, null, audience);
    }

    /**
     * Publishes an event for the people in {@code people} alone: those of them who see everything get
     * it, other supervisors do not (a team's dashboard is for that team's supervisors).
     */
    public Event publishOnlyTo(String type, Object payload, Set<Long> people) {
        return publish(type, payload, null, Set.copyOf(people), true);
    }

    private Event publish(String type, Object payload, Long agentId, Set<Long> audience) {
        return publish(type, payload, agentId, audience, false);
    }

    private Event publish(String type, Object payload, Long agentId, Set<Long> audience, boolean onlyAudience) {
        String json;
        try {
            json = mapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event payload cannot be written as JSON: " + type, e);
        }
        Event event;
        synchronized (this) {
            event = new Event(number(), type, agentId, audience, payload, json, onlyAudience);
            keep(event);
            deliverToConcerned(event);
        }
        Forwarder to = forwarder;
        if (to != null && !NODE_LOCAL.contains(type)) {
            to.forward(event);
        }
        for (java.util.function.BiConsumer<String, Object> tap : taps) {
            tap.accept(type, payload);
        }
        return event;
    }

    /**
     * Queues the event for every subscriber it concerns: an event for everyone goes to all; one for an
     * agent or an audience goes to those agents' subscribers and to those who see everything, without
     * looking at anyone else (10,000 open streams must not cost 10,000 checks per event).
     */
    private void deliverToConcerned(Event event) {
        if (event.agentId() == null && event.audience() == null) {
            for (Subscriber s : subscribers) {
                enqueue(s, event);
            }
            return;
        }
        if (event.onlyAudience()) {
            forEachOwn(event.audience(), own -> own.forEach(s -> enqueue(s, event)));
            return;
        }
        for (Subscriber s : seeingAll) {
            if (s.oversees == null || event.overseenBy(s.agentId, s.oversees)) {
                enqueue(s, event);
            }
        }
        if (event.audience() != null) {
            forEachOwn(event.audience(), own -> enqueueForAgent(own, event));
        } else {
            Set<Subscriber> own = byAgent.get(event.agentId());
            if (own != null) {
                enqueueForAgent(own, event);
            }
        }
    }

    /**
     * The subscribers of each agent in {@code audience} who has any, one agent's at a time. A queue's
     * audience is hundreds of agents, often more than are connected: then the connected agents are
     * looked up in the audience instead (no id boxed). Either way the work is the smaller side's.
     */
    private void forEachOwn(Set<Long> audience, java.util.function.Consumer<Set<Subscriber>> action) {
        if (audience.size() > byAgent.size()) {
            byAgent.forEach((agent, own) -> {
                if (audience.contains(agent)) {
                    action.accept(own);
                }
            });
            return;
        }
        for (Long agent : audience) {
            Set<Subscriber> own = byAgent.get(agent);
            if (own != null) {
                action.accept(own);
            }
        }
    }

    private void enqueueForAgent(Set<Subscriber> own, Event event) {
        for (Subscriber s : own) {
            if (!s.seesAll) { // already given the event as one who sees everything
                enqueue(s, event);
            }
        }
    }

    /** Asks every subscriber's connection for a keep-alive, in order with its events. */
    public void keepAlive() {
        for (Subscriber s : subscribers) {
            enqueue(s, KEEP_ALIVE);
        }
    }

    private void enqueue(Subscriber s, Event event) {
        if (s.backlog.incrementAndGet() > MAX_BACKLOG) {
            if (remove(s)) {
                s.queue.clear();
                delivery.execute(s.sink::dropped);
            }
            return;
        }
        s.queue.add(event);
        schedule(s);
    }

    /** The sequence number of the latest event, or one less than the next when none was published yet. */
    public synchronized long latestSeq() {
        return nextSeq - 1;
    }

    /**
     * Subscribes a sink for the events of {@code agentId} (or all events when {@code seesAll}).
     * With {@code afterSeq} > 0 the missed events after it are delivered first; if some of them are
     * no longer held, a {@code resync} event (seq 0, not to be remembered) comes first instead.
     *
     * @return a handle to unsubscribe
     */
    public AutoCloseable subscribe(long agentId, boolean seesAll, long afterSeq, Sink sink) {
        return subscribe(agentId, seesAll, null, afterSeq, sink);
    }

    /**
     * Subscribes a supervisor's sink ({@code seesAll}) for the events of the agents {@code oversees}
     * accepts (null: every agent), with the events for everyone or for supervisors alone; otherwise as
     * {@link #subscribe(long, boolean, long, Sink)}.
     */
    public AutoCloseable subscribe(long agentId, boolean seesAll, LongPredicate oversees, long afterSeq, Sink sink) {
        Subscriber s = new Subscriber(agentId, seesAll, seesAll ? oversees : null, sink);
        synchronized (this) {
            if (afterSeq > 0 && afterSeq < latestSeq()) {
                long oldest = ring.isEmpty() ? nextSeq : ring.peekFirst().seq();
                if (afterSeq + 1 < oldest) {
                    s.queue.add(new Event(0, EventTypes.RESYNC, (long) agentId, null,
                            new ResyncEvent(afterSeq, oldest), toJson(new ResyncEvent(afterSeq, oldest))));
                    s.backlog.incrementAndGet();
                } else {
                    for (Event e : ring) {
                        if (e.seq() > afterSeq && e.concerns(agentId, seesAll, s.oversees)) {
                            s.queue.add(e);
                            s.backlog.incrementAndGet();
                        }
                    }
                }
            }
            subscribers.add(s);
            byAgent.compute(agentId, (agent, own) -> {
                Set<Subscriber> set = own != null ? own : ConcurrentHashMap.newKeySet();
                set.add(s);
                return set;
            });
            if (seesAll) {
                seeingAll.add(s);
            }
            schedule(s);
        }
        return () -> remove(s);
    }

    /** Takes a subscriber off every index; whether it was still subscribed. */
    private boolean remove(Subscriber s) {
        boolean was = subscribers.remove(s);
        seeingAll.remove(s);
        byAgent.computeIfPresent(s.agentId, (agent, own) -> {
            own.remove(s);
            return own.isEmpty() ? null : own;
        });
        return was;
    }

    public int subscriberCount() {
        return subscribers.size();
    }

    /** Events concerning an agent still held in the ring after {@code afterSeq} (for tests and tools). */
    public synchronized List<Event> since(long afterSeq) {
        List<Event> out = new ArrayList<>();
        for (Event e : ring) {
            if (e.seq() > afterSeq) {
                out.add(e);
            }
        }
        return out;
    }

    private String toJson(Object o) {
        try {
            return mapper.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void schedule(Subscriber s) {
        if (s.draining.compareAndSet(false, true)) {
            delivery.execute(() -> drain(s));
        }
    }

    private void drain(Subscriber s) {
        try {
            Event e;
            while ((e = s.queue.poll()) != null) {
                s.backlog.decrementAndGet();
                if (!s.sink.deliver(e)) {
                    remove(s);
                    s.queue.clear();
                    return;
                }
            }
            // one flush for everything that was waiting: under load, one write to the client, not one per event
            if (!s.sink.flush()) {
                remove(s);
                s.queue.clear();
                return;
            }
        } catch (RuntimeException ex) {
            remove(s);
            s.queue.clear();
            return;
        } finally {
            s.draining.set(false);
        }
        // an event may have arrived between the last poll and releasing the flag
        if (!s.queue.isEmpty() && subscribers.contains(s)) {
            schedule(s);
        }
    }

    @Override
    public void close() {
        subscribers.clear();
        byAgent.clear();
        seeingAll.clear();
    }

    private static final class Subscriber {
        final long agentId;
        final boolean seesAll;
        /** For a supervisor: the agents whose events they get (null: everyone's). */
        final LongPredicate oversees;
        final Sink sink;
        final Queue<Event> queue = new ConcurrentLinkedQueue<>();
        final AtomicInteger backlog = new AtomicInteger();
        final AtomicBoolean draining = new AtomicBoolean();

        Subscriber(long agentId, boolean seesAll, LongPredicate oversees, Sink sink) {
            this.agentId = agentId;
            this.seesAll = seesAll;
            this.oversees = oversees;
            this.sink = sink;
        }
    }
}
