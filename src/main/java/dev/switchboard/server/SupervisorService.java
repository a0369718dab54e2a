package dev.switchboard.server;

import dev.switchboard.api.AgentMetricsView;
import dev.switchboard.api.AgentStateEvent;
import dev.switchboard.api.AlertView;
import dev.switchboard.api.CallView;
import dev.switchboard.api.EventTypes;
import dev.switchboard.api.InteractionEvent;
import dev.switchboard.api.InteractionView;
import dev.switchboard.api.IntervalSeriesView;
import dev.switchboard.api.KpiView;
import dev.switchboard.api.QueueEntryView;
import dev.switchboard.api.QueueMetricsView;
import dev.switchboard.api.QueueView;
import dev.switchboard.api.SupervisorIntervalsView;
import dev.switchboard.api.SupervisorView;
import dev.switchboard.domain.Agent;
import dev.switchboard.domain.AgentState;
import dev.switchboard.domain.InteractionState;
import dev.switchboard.metrics.AbandonTreatment;
import dev.switchboard.metrics.AgentStats;
import dev.switchboard.metrics.AgentStats.StateSpan;
import dev.switchboard.metrics.AlertRule;
import dev.switchboard.metrics.Alerts;
import dev.switchboard.metrics.ContactRecord;
import dev.switchboard.metrics.HoldTimes;
import dev.switchboard.metrics.IntervalStats;
import dev.switchboard.metrics.QueueStats;
import dev.switchboard.metrics.ServiceLevelSettings;
import dev.switchboard.store.ContactLegStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The supervisor's numbers, kept up to date from the server's own events: every change of a contact
 * ({@code interaction} events) updates that contact's {@link ContactRecord} in the 15-minute
 * intervals of the centre's zone, and every change of an agent's state ({@code agent_state}) closes
 * one state span and opens the next; the customer's holds ({@code call} events) become the hold time of
 * the pass they fall in. The dashboard is computed from those on request, for the
 * abandon treatment and short-abandon cut-off asked for, so switching them loses nothing.
 *
 * <p>What is kept is what happened since the server started (history across restarts is not stored
 * yet). Safe from several threads: the event tap and the requests synchronise on this object.
 */
public final class SupervisorService {
    /** Abandons sooner than this are not counted at all, unless the request says otherwise. */
    public static final Duration DEFAULT_SHORT_ABANDON = Duration.ofSeconds(5);
    /**
     * How often the event stream carries the whole dashboard; between, only what changed. Clients ask
     * for the whole one when they start and after a gap, so this is only a safety net: with 10,000
     * agents a full dashboard is about 6 MB, and every ten seconds to a hundred supervisors that was
     * about as many bytes as all the partial ones together.
     */
    static final Duration FULL_DASHBOARD_EVERY = Duration.ofSeconds(60);
    private static final List<AlertRule> RULES = List.of(new AlertRule.LongestWaitOver(0.8),
            new AlertRule.ServiceLevelUnder(10), new AlertRule.NotReadyLonger(Duration.ofMinutes(15)));

    /** Alerts that other parts raise (tickets near or past their SLA targets), shown after the queues' and agents'. */
    private volatile java.util.function.Supplier<List<AlertView>> moreAlerts = List::of;
    private final Clock clock;
    private final ZoneId zone;
    private final Supplier<List<QueueView>> queues;
    private final Supplier<List<QueueEntryView>> waiting;
    private final Supplier<List<Agent>> agents;
    /** Each person's team (absent: none), for the dashboards of team supervisors. */
    private final Supplier<Map<Long, Long>> teams;
    /**
     * The teams as last read, every {@link #READ_TEAMS_EVERY} on the ticker: asked for each event a
     * supervisor's stream might carry, so never a read of the database there.
     */
    private volatile Map<Long, Long> teamOf = Map.of();
    static final Duration READ_TEAMS_EVERY = Duration.ofSeconds(5);
    private final Function<Long, AgentPresence.Entry> presence;
    /** Every signed-in agent's contact in hand and queues; nothing until the distributor is followed. */
    private final Supplier<Map<Long, AgentAtWork>> atWork;
    private final IntervalStats intervals;
    private final HoldTimes holds = new HoldTimes();
    private final ContactLegStore store;
    private final SupervisorReports reports;
    /** Per interaction: which pass through a queue it is on (a transfer starts another), and its record. */
    private final Map<Long, Leg> legs = new HashMap<>();
    /** Each agent's closed state spans of the last day, oldest first (kept per agent: 1,000 changes a second). */
    private final Map<Long, java.util.ArrayDeque<StateSpan>> spans = new HashMap<>();
    private final Map<Long, Open> openSpans = new HashMap<>();
    /** The last state of each agent signed in on another node of a cluster, as that node told it. */
    private final Map<Long, AgentStateEvent> elsewhere = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.ExecutorService worker = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "supervisor-metrics");
        t.setDaemon(true);
        return t;
    });
    private final java.util.concurrent.ScheduledExecutorService ticker =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "supervisor-dashboard");
                t.setDaemon(true);
                return t;
            });
    private final java.util.concurrent.atomic.AtomicBoolean dirty = new java.util.concurrent.atomic.AtomicBoolean();
    /**
     * The last dashboard the stream carried to each crew's supervisors, and when the last full one
     * (touched by the ticker thread only): the base of the next partial one.
     */
    private final Map<Crew, Published> published = new HashMap<>();
    private static final System.Logger LOG = System.getLogger(SupervisorService.class.getName());
    private volatile EventHub hub;
    private Instant lastTrim = Instant.MIN;
    /** Passes counted and not yet written, by pass id (guarded by this). */
    private final Map<Long, ContactLegStore.Leg> unsaved = new LinkedHashMap<>();

    private record Leg(int number, ContactRecord record) {
    }

    private record Published(SupervisorView view, long fullAt) {
    }

    private record Open(AgentState state, Instant since) {
    }

    /** One dashboard put on the stream, for a flight recording (costs nothing when none is running). */
    @jdk.jfr.Name("dev.switchboard.DashboardPublished")
    @jdk.jfr.Label("Dashboard published")
    @jdk.jfr.Category("Switchboard")
    static final class DashboardPublished extends jdk.jfr.Event {
        @jdk.jfr.Label("Compute (ms)")
        double computeMillis;
        @jdk.jfr.Label("Delta (ms)")
        double deltaMillis;
        @jdk.jfr.Label("Full")
        boolean full;
        @jdk.jfr.Label("Agent rows")
        int agents;
        @jdk.jfr.Label("Frame bytes")
        int bytes;
    }

    private record SettledOccupancy(Instant midnight, Instant minute, KpiView kpi) {
    }

    /**
     * Each agent's occupancy as last computed, until its state changes or its minute mark moves on
     * (guarded by this).
     */
    private final Map<Long, SettledOccupancy> occupancies = new HashMap<>();
    /** The grid's rows of the last dashboard computed, by agent (guarded by this). */
    private Map<Long, AgentMetricsView> lastRows = Map.of();

    /**
     * Where the service reads what it does not keep itself, each read once per dashboard: the queues,
     * who waits, the agents, each agent's presence, and each signed-in agent's contact in hand and
     * queues as routing sees them (one look for all agents), and each person's team.
     */
    public record Sources(Supplier<List<QueueView>> queues, Supplier<List<QueueEntryView>> waiting,
                          Supplier<List<Agent>> agents, Function<Long, AgentPresence.Entry> presence,
                          Supplier<Map<Long, AgentAtWork>> atWork, Supplier<Map<Long, Long>> teams) {
        /** Sources of a centre without teams. */
        public Sources(Supplier<List<QueueView>> queues, Supplier<List<QueueEntryView>> waiting,
                       Supplier<List<Agent>> agents, Function<Long, AgentPresence.Entry> presence,
                       Supplier<Map<Long, AgentAtWork>> atWork) {
            this(queues, waiting, agents, presence, atWork, Map::of);
        }
    }

    public SupervisorService(Sources sources, ContactLegStore store, ZoneId zone, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.zone = zone;
        this.queues = sources.queues();
        this.waiting = sources.waiting();
        this.agents = sources.agents();
        this.teams = sources.teams();
        this.presence = sources.presence();
        this.atWork = sources.atWork();
        this.intervals = new IntervalStats(zone);
        this.reports = new SupervisorReports(store, zone, queues, agents);
        load();
        readTeams();
        ticker.scheduleWithFixedDelay(this::flush, 1, 1, java.util.concurrent.TimeUnit.SECONDS);
        ticker.scheduleWithFixedDelay(this::readTeams, READ_TEAMS_EVERY.toMillis(), READ_TEAMS_EVERY.toMillis(),
                java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** Since yesterday's start, what was counted before this start: the dashboard goes on where it was. */
    private synchronized void load() {
        Instant now = clock.instant();
        Instant from = now.atZone(zone).toLocalDate().minusDays(1).atStartOfDay(zone).toInstant();
        for (ContactLegStore.Leg l : store.queuedBetween(from, now.plus(Duration.ofDays(1)))) {
            ContactRecord r = record(l);
            intervals.add(r);
            int pass = (int) (l.legId() % 64);
            Leg known = legs.get(l.interactionId());
            if (known == null || known.number < pass) {
                legs.put(l.interactionId(), new Leg(pass, r));
            }
        }
    }

    /** Something the dashboard shows changed outside the events (a queue's priority): publish it again. */
    public void changed() {
        dirty.set(true);
    }

    static ContactRecord record(ContactLegStore.Leg l) {
        return new ContactRecord(l.legId(), l.queueId(), l.channel(), l.queuedAt(), l.answeredAt(), l.abandonedAt(),
                l.talkEndAt(), l.wrapEndAt(), l.holdMillis(), l.agentId(), l.transferredOut());
    }

    private static ContactLegStore.Leg leg(long interactionId, ContactRecord r) {
        return new ContactLegStore.Leg(r.interactionId(), interactionId, r.queueId(), r.channel(), r.queuedAt(),
                r.answeredAt(), r.abandonedAt(), r.talkEndAt(), r.wrapEndAt(), r.holdMillis(), r.agentId(),
                r.transferredOut());
    }

    /**
     * Everything the event hub publishes passes here; only contacts and agent states matter. The work
     * is done on the service's own thread, so the thread that published (the distributor's) never waits.
     */
    public void onEvent(String type, Object payload) {
        if (EventTypes.INTERACTION.equals(type) && payload instanceof InteractionEvent e && e.interaction() != null) {
            submit(() -> onInteraction(e.interaction()));
        } else if (EventTypes.AGENT_STATE.equals(type) && payload instanceof AgentStateEvent e) {
            submit(() -> {
                onAgentState(e);
                elsewhere.remove(e.agentId()); // signed in here now
            });
        } else if (EventTypes.CALL.equals(type) && payload instanceof CallView c) {
            Instant at = clock.instant(); // when it happened, not when the worker gets to it
            submit(() -> onHold(c.interactionId(), c.onHold(), at, true));
        } else if (EventTypes.QUEUE.equals(type) || EventTypes.QUEUE_LEFT.equals(type)) {
            dirty.set(true); // who waits changed
        }
    }

    /**
     * The same events published by another node of a cluster: the figures count every node's contacts,
     * and the grid shows the states of agents signed in there. What they count is written by the node
     * that published them, not again here.
     */
    public void onRemoteEvent(String type, Object payload) {
        if (EventTypes.INTERACTION.equals(type) && payload instanceof InteractionEvent e && e.interaction() != null) {
            submit(() -> onInteraction(e.interaction(), false));
        } else if (EventTypes.AGENT_STATE.equals(type) && payload instanceof AgentStateEvent e) {
            submit(() -> {
                onAgentState(e);
                elsewhere.put(e.agentId(), e);
            });
        } else if (EventTypes.CALL.equals(type) && payload instanceof CallView c) {
            Instant at = clock.instant();
            submit(() -> onHold(c.interactionId(), c.onHold(), at, false));
        }
    }

    /** The event types {@link #onRemoteEvent} counts, with their payloads' classes. */
    public static Map<String, Class<?>> remoteEventTypes() {
        return Map.of(EventTypes.INTERACTION, InteractionEvent.class, EventTypes.AGENT_STATE, AgentStateEvent.class,
                EventTypes.CALL, CallView.class);
    }

    private void submit(Runnable r) {
        try {
            worker.execute(() -> {
                r.run();
                dirty.set(true);
            });
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // stopping
        }
    }

    /**
     * Publishes the dashboard to supervisors ({@code dashboard} events) whenever something changed,
     * at most every {@code every}; started once the hub is there.
     */
    public void publishTo(EventHub hub, Duration every) {
        this.hub = hub;
        long period = every.toNanos();
        ticker.schedule(() -> tick(period), period, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    /**
     * One dashboard, then the next one {@code period} after this one began: the time spent computing
     * does not add to how old a change can be when it reaches the stream. Never back to back, though:
     * at least a fifth of the period between two, for the threads that deliver them.
     */
    private void tick(long period) {
        long started = System.nanoTime();
        try {
            publishIfChanged();
        } finally {
            long next = Math.max(period - (System.nanoTime() - started), period / 5);
            try {
                ticker.schedule(() -> tick(period), next, java.util.concurrent.TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.RejectedExecutionException stopped) {
                // closing
            }
        }
    }

    private void publishIfChanged() {
        if (hub == null || !hub.supervisorListening()) {
            published.clear(); // the next one after a pause is full
            return; // nobody to tell: the dashboard is computed when a supervisor asks or listens
        }
        if (!dirty.getAndSet(false)) {
            return;
        }
        DashboardPublished timing = new DashboardPublished();
        timing.begin();
        try {
            long t0 = System.nanoTime();
            SupervisorView full = dashboard(AbandonTreatment.AGAINST, DEFAULT_SHORT_ABANDON);
            Map<Long, Long> teamOf = this.teamOf;
            Map<Crew, Set<Long>> crews = listeningCrews(teamOf);
            long now = System.nanoTime();
            published.keySet().retainAll(crews.keySet()); // a crew whose supervisors return starts with a full one
            int agents = 0;
            int bytes = 0;
            boolean anyFull = false;
            for (Map.Entry<Crew, Set<Long>> crew : crews.entrySet()) {
                SupervisorView theirs = crew.getKey().view(full, teamOf);
                Published before = published.get(crew.getKey());
                boolean sendFull = before == null || now - before.fullAt() >= FULL_DASHBOARD_EVERY.toNanos();
                SupervisorView sent = sendFull ? theirs : DashboardDelta.between(before.view(), theirs);
                EventHub.Event event = crew.getValue() == null
                        ? hub.publish(EventTypes.DASHBOARD, sent, Set.of())
                        : hub.publishOnlyTo(EventTypes.DASHBOARD, sent, crew.getValue());
                published.put(crew.getKey(), new Published(theirs, sendFull ? now : before.fullAt()));
                anyFull |= sendFull;
                agents += sent.agents().size() + sent.agentChanges().size();
                bytes += event.frame() == null ? 0 : event.frame().length;
            }
            timing.computeMillis = (now - t0) / 1e6;
            timing.deltaMillis = (System.nanoTime() - now) / 1e6;
            timing.full = anyFull;
            timing.agents = agents;
            timing.bytes = bytes;
            timing.commit();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot publish the supervisor's dashboard", e);
        }
    }

    private void readTeams() {
        try {
            teamOf = Map.copyOf(teams.get());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot read the teams: " + e.getMessage()); // the last ones stand
        }
    }

    /**
     * The crews of the supervisors listening now, each with who is to get its dashboard; while nobody
     * has a team, one crew, everyone, whose dashboard goes to every supervisor ({@code null}: one
     * event for all who see everything, however many supervisors there are).
     */
    private Map<Crew, Set<Long>> listeningCrews(Map<Long, Long> teamOf) {
        Map<Crew, Set<Long>> crews = new HashMap<>();
        if (teamOf.isEmpty()) {
            crews.put(Crew.EVERYONE, null);
            return crews;
        }
        Map<Long, Agent> people = new HashMap<>();
        agents.get().forEach(a -> people.put(a.id(), a));
        for (long id : hub.supervisorsListening()) {
            Agent viewer = people.get(id);
            if (viewer == null) {
                continue; // not known yet (the list is read every few seconds): their first comes next time
            }
            crews.computeIfAbsent(Crew.of(viewer, teamOf), c -> new java.util.HashSet<>()).add(id);
        }
        return crews;
    }

    /** Writes the passes counted since the last write, in one transaction. */
    void flush() {
        List<ContactLegStore.Leg> batch;
        synchronized (this) {
            if (unsaved.isEmpty()) {
                return;
            }
            batch = new ArrayList<>(unsaved.values());
            unsaved.clear();
        }
        try {
            store.saveAll(batch);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot keep " + batch.size() + " contacts for reports: " + e.getMessage());
            synchronized (this) {
                batch.forEach(l -> unsaved.putIfAbsent(l.legId(), l)); // tried again with the next ones
            }
        }
    }

    /** Stops taking events; what was counted is written. */
    public void close() {
        ticker.shutdownNow();
        worker.shutdown();
        try {
            worker.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
    }

    synchronized void onInteraction(InteractionView v) {
        onInteraction(v, true);
    }

    /** {@code own}: published by this node, which writes what it counts. */
    private synchronized void onInteraction(InteractionView v, boolean own) {
        if (v.routing() == null || v.routing().queueId() == null || v.routing().queuedAt() == null) {
            return; // never went through a queue (a dialled call): not a queue's number
        }
        Instant now = clock.instant();
        Instant queuedAt = v.routing().queuedAt();
        Leg leg = legs.get(v.id());
        if (leg != null && leg.record != null && (queuedAt.isAfter(leg.record.queuedAt())
                || v.routing().queueId() != leg.record.queueId())) {
            // queued again (a transfer): the last pass ends here, transferred out
            ContactRecord last = leg.record;
            add(v.id(), withHold(v.id(), new ContactRecord(last.interactionId(), last.queueId(), last.channel(),
                    last.queuedAt(), last.answeredAt(), last.abandonedAt(), last.answeredAt() == null ? null
                    : orLater(last.talkEndAt(), last.answeredAt(), queuedAt),
                    null, 0, last.agentId(), true), last.holdMillis()), own);
            leg = new Leg(leg.number + 1, null);
        } else if (leg == null) {
            leg = new Leg(1, null);
        }
        Instant answeredAt = v.answeredAt() != null && !v.answeredAt().isBefore(queuedAt) ? v.answeredAt() : null;
        Instant abandonedAt = answeredAt == null && v.state() == InteractionState.ABANDONED
                ? notBefore(v.endedAt() != null ? v.endedAt() : now, queuedAt) : null;
        Instant talkEnd = answeredAt != null && (v.state() == InteractionState.WRAP_UP || v.state() == InteractionState.ENDED)
                ? notBefore(v.endedAt() != null ? v.endedAt() : now, answeredAt) : null;
        Instant wrapEnd = talkEnd != null && v.state() == InteractionState.ENDED
                ? notBefore(leg.record != null && leg.record.wrapEndAt() != null ? leg.record.wrapEndAt() : now, talkEnd)
                : null;
        ContactRecord r = withHold(v.id(), new ContactRecord(legId(v.id(), leg.number), v.routing().queueId(),
                v.channel(), queuedAt, answeredAt, abandonedAt, talkEnd, wrapEnd, 0,
                answeredAt != null ? v.agentId() : null, false), leg.record == null ? 0 : leg.record.holdMillis());
        legs.put(v.id(), new Leg(leg.number, r));
        add(v.id(), r, own);
        if (v.state() == InteractionState.ENDED || v.state() == InteractionState.ABANDONED) {
            holds.forget(v.id());
        }
    }

    /** The customer went on hold or came off it: the pass being talked counts it. */
    synchronized void onHold(long interactionId, boolean onHold, Instant at) {
        onHold(interactionId, onHold, at, true);
    }

    private synchronized void onHold(long interactionId, boolean onHold, Instant at, boolean own) {
        if (!holds.set(interactionId, onHold, at)) {
            return;
        }
        Leg leg = legs.get(interactionId);
        if (leg != null && leg.record != null && leg.record.answered()) {
            ContactRecord r = withHold(interactionId, leg.record, leg.record.holdMillis());
            if (r != leg.record) {
                legs.put(interactionId, new Leg(leg.number, r));
                add(interactionId, r, own);
            }
        }
    }

    /**
     * The record with the hold within its talk (up to now while it lasts). {@code known} stands when
     * no hold of the interaction was seen since this start (a pass counted before a restart).
     */
    private ContactRecord withHold(long interactionId, ContactRecord r, long known) {
        if (r.answeredAt() == null) {
            return r;
        }
        Instant talkEnd = r.talkEndAt() != null ? r.talkEndAt() : clock.instant();
        long hold = holds.knows(interactionId) ? holds.heldMillis(interactionId, r.answeredAt(), talkEnd) : known;
        if (r.talkEndAt() != null) {
            hold = Math.min(hold, r.talkTime().toMillis());
        }
        return hold == r.holdMillis() ? r : new ContactRecord(r.interactionId(), r.queueId(), r.channel(),
                r.queuedAt(), r.answeredAt(), r.abandonedAt(), r.talkEndAt(), r.wrapEndAt(), hold, r.agentId(),
                r.transferredOut());
    }

    /** A pass through a queue is counted under its own id: the interaction's id and the pass's number. */
    private static long legId(long interactionId, int leg) {
        return interactionId * 64 + Math.min(leg, 63);
    }

    private void add(long interactionId, ContactRecord r, boolean own) {
        intervals.add(r);
        if (own) {
            unsaved.put(r.interactionId(), leg(interactionId, r)); // written with the others within a second
        }
        Instant now = clock.instant();
        if (now.isAfter(lastTrim.plus(Duration.ofMinutes(5)))) {
            // nothing older than yesterday is asked for: keep memory bounded
            lastTrim = now;
            intervals.dropBefore(now.atZone(zone).toLocalDate().minusDays(1).atStartOfDay(zone).toInstant());
            legs.values().removeIf(l -> l.record.queuedAt().isBefore(now.minus(Duration.ofDays(2))));
            holds.dropBefore(now.minus(Duration.ofDays(2)));
        }
    }

    synchronized void onAgentState(AgentStateEvent e) {
        Instant at = e.since() != null ? e.since() : clock.instant();
        Open open = openSpans.get(e.agentId());
        java.util.ArrayDeque<StateSpan> own = spans.computeIfAbsent(e.agentId(), k -> new java.util.ArrayDeque<>());
        if (open != null && at.isAfter(open.since)) {
            own.addLast(new StateSpan(e.agentId(), open.state, open.since, at));
        }
        openSpans.put(e.agentId(), new Open(e.state(), at));
        // its spans changed: computed again next time (the figures kept, to be reused should they be the same)
        occupancies.computeIfPresent(e.agentId(), (k, o) -> new SettledOccupancy(null, null, o.kpi));
        Instant yesterday = at.minus(Duration.ofDays(1));
        while (!own.isEmpty() && own.peekFirst().to().isBefore(yesterday)) {
            own.pollFirst();
        }
    }

    /**
     * The agent's occupancy today up to the agent's last minute mark (see {@link #minuteMark}): it only
     * changes when the mark moves on or the agent's state changes, so it is computed once per agent and
     * minute (the spans of a busy agent number hundreds a day, the grid thousands of agents).
     */
    private KpiView settledOccupancy(long agentId, Instant midnight, Instant now) {
        Instant mark = minuteMark(agentId, now);
        Instant minute = mark.isBefore(midnight) ? midnight : mark;
        SettledOccupancy known = occupancies.get(agentId);
        if (known != null && minute.equals(known.minute) && midnight.equals(known.midnight)) {
            return known.kpi;
        }
        // occupancy up to the last mark: otherwise every busy agent's row would change with every
        // dashboard, and the stream would carry the whole grid each time
        AgentStats settled = AgentStats.of(agentId, spansUntil(agentId, now), List.of(), midnight, minute);
        KpiView kpi = occupancyToTheMark(settled.occupancyKpi());
        if (known != null && known.kpi.equals(kpi)) {
            kpi = known.kpi; // the same figures: the same object, so the row can stay the same object too
        }
        occupancies.put(agentId, new SettledOccupancy(midnight, minute, kpi));
        return kpi;
    }

    /**
     * The last instant at or before {@code now} that is a whole number of minutes and the agent's own
     * offset of 0 to 59 seconds (by id) past the epoch. Were every agent's occupancy counted to the whole
     * minute, every row of the grid would change at once each minute: a partial dashboard as large as a
     * full one, to every supervisor in the same instant. Spread over the minute, about a sixtieth of the
     * rows change each second.
     */
    static Instant minuteMark(long agentId, Instant now) {
        long offset = Math.floorMod(agentId, 60L);
        return Instant.ofEpochSecond(Math.floorDiv(now.getEpochSecond() - offset, 60L) * 60L + offset);
    }

    /**
     * {@code last} when {@code row} shows the same, else {@code row}: a row that did not change is the
     * very object of the last dashboard, which tells {@link DashboardDelta} so at the cost of a reference
     * comparison.
     */
    static AgentMetricsView rowLike(AgentMetricsView last, AgentMetricsView row) {
        return last != null && last.equals(row) ? last : row;
    }

    private static KpiView occupancyToTheMark(dev.switchboard.metrics.Kpi k) {
        return new KpiView(k.name(), k.value(), k.unit(), k.formula() + ", today up to at most a minute ago",
                k.parameters());
    }

    /** The dashboard now as {@code viewer} sees it: their crew's agents (see {@link Crew}). */
    public SupervisorView dashboard(Agent viewer, AbandonTreatment treatment, Duration shortAbandon) {
        Map<Long, Long> teamOf = this.teamOf;
        return Crew.of(viewer, teamOf).view(dashboard(treatment, shortAbandon), teamOf);
    }

    /**
     * The dashboard now: each queue's live waiting and its last-30-minutes and today numbers under
     * {@code treatment} and {@code shortAbandon}, each agent's state and day, and the alerts.
     */
    public SupervisorView dashboard(AbandonTreatment treatment, Duration shortAbandon) {
        // asked of the distributor before taking this service's lock, which the event worker needs
        List<QueueEntryView> waitingNow = waiting.get();
        Map<Long, AgentAtWork> working = atWork.get();
        return dashboard(treatment, shortAbandon, waitingNow, working);
    }

    private synchronized SupervisorView dashboard(AbandonTreatment treatment, Duration shortAbandon,
                                                  List<QueueEntryView> waitingNow, Map<Long, AgentAtWork> working) {
        Instant now = clock.instant();
        Instant midnight = now.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
        Map<Long, List<QueueEntryView>> waitingByQueue = new HashMap<>();
        for (QueueEntryView w : waitingNow) {
            waitingByQueue.computeIfAbsent(w.queueId(), k -> new ArrayList<>()).add(w);
        }
        List<Agent> people = agents.get().stream().filter(a -> a.role().takesContacts()).toList();
        Map<Long, AgentPresence.Entry> states = new HashMap<>();
        people.forEach(a -> states.put(a.id(), presenceOf(a)));
        Map<Long, Integer> servedBy = new HashMap<>();
        working.forEach((agent, w) -> {
            if (states.containsKey(agent) && states.get(agent).state() != AgentState.LOGGED_OUT) {
                w.queueIds().forEach(q -> servedBy.merge(q, 1, Integer::sum));
            }
        });
        List<QueueMetricsView> tiles = new ArrayList<>();
        List<Alerts.QueueLive> live = new ArrayList<>();
        for (QueueView q : queues.get()) {
            ServiceLevelSettings settings = SupervisorFigures.settings(q.slSeconds(), q.slPercent(), treatment,
                    shortAbandon);
            List<QueueEntryView> here = waitingByQueue.getOrDefault(q.id(), List.of());
            long longest = here.stream().map(QueueEntryView::queuedAt).min(Comparator.naturalOrder())
                    .map(t -> Math.max(0, Duration.between(t, now).toSeconds())).orElse(0L);
            QueueStats recent = intervals.lastThirtyMinutes(q.id(), now);
            QueueStats today = intervals.today(q.id(), now);
            int signedIn = servedBy.getOrDefault(q.id(), 0);
            Map<String, KpiView> recentKpis = SupervisorFigures.kpis(recent, settings);
            tiles.add(new QueueMetricsView(q.id(), q.name(), q.priority(), here.size(), longest, q.slSeconds(),
                    q.slPercent(), treatment.name(), (int) settings.shortAbandon().toSeconds(), recentKpis,
                    SupervisorFigures.kpis(today, settings), signedIn,
                    SupervisorFigures.agentsNeeded(recent, today, settings)));
            live.add(new Alerts.QueueLive(q.id(), q.name(), Duration.ofSeconds(longest),
                    recentKpis.get("service-level").value(), settings));
        }
        List<AgentMetricsView> grid = new ArrayList<>();
        List<Alerts.AgentLive> agentsLive = new ArrayList<>();
        Map<Long, List<ContactRecord>> todays = new HashMap<>();
        for (ContactRecord r : todaysRecords(now)) {
            if (r.agentId() != null) {
                todays.computeIfAbsent(r.agentId(), k -> new ArrayList<>()).add(r);
            }
        }
        KpiView nothingHandled = null;
        Map<Long, AgentMetricsView> rows = new HashMap<>(Math.max(16, people.size() * 2));
        for (Agent a : people) {
            AgentPresence.Entry p = states.get(a.id());
            // handled and AHT come from today's contacts alone; most agents' rows are the same as in the
            // last dashboard, and then the very same row object is used again (see rowLike)
            List<ContactRecord> handledToday = todays.getOrDefault(a.id(), List.of());
            long handled;
            KpiView aht;
            if (handledToday.isEmpty()) {
                if (nothingHandled == null) {
                    nothingHandled = SupervisorFigures.view(
                            AgentStats.of(a.id(), List.of(), List.of(), midnight, now).averageHandleTimeKpi());
                }
                handled = 0;
                aht = nothingHandled;
            } else {
                AgentStats stats = AgentStats.of(a.id(), List.of(), handledToday, midnight, now);
                handled = stats.handled();
                aht = SupervisorFigures.view(stats.averageHandleTimeKpi());
            }
            KpiView occupancy = settledOccupancy(a.id(), midnight, now);
            AgentAtWork w = p.state() == AgentState.LOGGED_OUT ? null : working.get(a.id());
            AgentMetricsView row = rowLike(lastRows.get(a.id()), new AgentMetricsView(a.id(), a.displayName(),
                    p.state(), p.reason(), p.since(), w == null ? null : w.current(),
                    w == null ? List.of() : w.queueIds(), handled, aht, occupancy));
            rows.put(a.id(), row);
            grid.add(row);
            if (p.since() != null) {
                agentsLive.add(new Alerts.AgentLive(a.id(), a.displayName(), p.state(), p.since()));
            }
        }
        lastRows = rows;
        List<AlertView> alerts = new ArrayList<>(Alerts.evaluate(RULES, live, agentsLive, now).stream()
                .map(x -> new AlertView(x.kind().name(), x.severity().name(), x.queueId(), x.agentId(), x.message()))
                .toList());
        alerts.addAll(moreAlerts.get());
        return new SupervisorView(now, tiles, grid, alerts);
    }

    /** Shows the alerts {@code alerts} gives on every dashboard, after the queues' and agents' own. */
    public void alsoAlert(java.util.function.Supplier<List<AlertView>> alerts) {
        moreAlerts = alerts;
    }

    /** The agent's state here, or where they are signed in when that is another node. */
    private AgentPresence.Entry presenceOf(Agent a) {
        AgentPresence.Entry here = presence.apply(a.id());
        AgentStateEvent there = here.state() == AgentState.LOGGED_OUT ? elsewhere.get(a.id()) : null;
        return there == null ? here : new AgentPresence.Entry(a, there.state(), there.reasonCode(), there.since());
    }

    /**
     * Today's chart: every queue's 15-minute intervals from the day's start (in the centre's zone) up
     * to and including the current one, empty ones too (zeros, no service level) so the axis has no
     * gaps, counted as the dashboard counts them under {@code treatment} and {@code shortAbandon}.
     */
    public synchronized SupervisorIntervalsView intervals(AbandonTreatment treatment, Duration shortAbandon) {
        Instant now = clock.instant();
        LocalDate day = now.atZone(zone).toLocalDate();
        Instant midnight = day.atStartOfDay(zone).toInstant();
        Instant current = IntervalStats.intervalStart(now, zone);
        TreeSet<Instant> axis = new TreeSet<>();
        for (Instant t = midnight; !t.isAfter(current); t = t.plus(IntervalStats.INTERVAL)) {
            axis.add(t);
        }
        List<IntervalSeriesView> series = new ArrayList<>();
        for (QueueView q : queues.get()) {
            NavigableMap<Instant, QueueStats> today = intervals.intervals(q.id())
                    .subMap(midnight, true, current, true);
            series.add(SupervisorFigures.series(q, axis, today, treatment, shortAbandon));
        }
        return new SupervisorIntervalsView(day, now, treatment.name(), (int) shortAbandon.toSeconds(), series);
    }

    /**
     * The interval report as CSV: one row per queue and 15-minute interval of the days from
     * {@code from} to {@code to} (both included) in the centre's zone, recomputed from the stored
     * passes with the treatment of abandons and the cut-off asked for.
     */
    public String intervalReport(LocalDate from, LocalDate to, AbandonTreatment treatment, Duration shortAbandon) {
        flush();
        return reports.intervals(from, to, treatment, shortAbandon);
    }

    /** The agent report as CSV: per agent over the days from {@code from} to {@code to}, what they answered and handled. */
    public String agentReport(Agent viewer, LocalDate from, LocalDate to) {
        flush();
        Map<Long, Long> teamOf = this.teamOf;
        Crew crew = Crew.of(viewer, teamOf);
        return reports.agents(from, to, agent -> crew.includes(agent, teamOf));
    }

    /**
     * Whether {@code agentId} is in {@code supervisor}'s crew: their dashboard shows the agent, and
     * their actions may reach them. Team changes count from the next read of the teams (seconds).
     */
    public boolean oversees(Agent supervisor, long agentId) {
        Map<Long, Long> teamOf = this.teamOf;
        return Crew.of(supervisor, teamOf).includes(agentId, teamOf);
    }

    /** An agent's state spans of the last day, the one still open ending now. */
    private List<StateSpan> spansUntil(long agentId, Instant now) {
        java.util.ArrayDeque<StateSpan> closed = spans.get(agentId);
        List<StateSpan> all = closed == null ? new ArrayList<>(1) : new ArrayList<>(closed);
        Open open = openSpans.get(agentId);
        if (open != null && now.isAfter(open.since)) {
            all.add(new StateSpan(agentId, open.state, open.since, now));
        }
        return all;
    }

    private List<ContactRecord> todaysRecords(Instant now) {
        List<ContactRecord> all = new ArrayList<>();
        for (long queue : intervals.queueIds()) {
            all.addAll(intervals.today(queue, now).records());
        }
        return all;
    }

    private static Instant notBefore(Instant t, Instant floor) {
        return t.isBefore(floor) ? floor : t;
    }

    private static Instant orLater(Instant talkEnd, Instant answeredAt, Instant requeuedAt) {
        Instant end = talkEnd != null ? talkEnd : requeuedAt;
        return notBefore(end, answeredAt);
    }
}
