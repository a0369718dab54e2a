package dev.switchboard.server.cluster;

import dev.switchboard.api.ScreenPop;
import dev.switchboard.domain.ContactQueue;
import dev.switchboard.domain.Interaction;
import dev.switchboard.domain.InteractionState;
import dev.switchboard.server.EventHub;
import dev.switchboard.server.RoutingService;
import dev.switchboard.server.Scopes;
import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.WorkDistributor;
import dev.switchboard.store.ClusterStore;
import dev.switchboard.store.Database;
import dev.switchboard.store.InteractionStore;
import dev.switchboard.store.RoutingStore;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One server node of several serving one contact centre on one PostgreSQL database.
 *
 * <ul>
 *   <li>Routing: every node keeps every waiting contact in its router and only its own signed-in
 *   agents. Before an offer the node claims the row ({@code QUEUED} to {@code OFFERED}, one
 *   statement, so the row lock lets one node through); a node that loses drops the contact and its
 *   agent is offered something else. A contact that waits again is written back as {@code QUEUED}
 *   first and then announced.</li>
 *   <li>Messages go over LISTEN/NOTIFY on {@value #CHANNEL}, each committed with its change:
 *   {@code c|node|id} (claimed), {@code w|node|id} (waits, read the row), {@code l|node|id} (left
 *   routing), {@code e|node|first:last} (events in {@code cluster_event}; NOTIFY carries at most
 *   8,000 bytes, an offer's screen-pop more), {@code q|node|queueId} (an administrator or
 *   supervisor changed the queue: read it), {@code r|node|codes} (reason codes or dispositions
 *   changed: read them), {@code o|node|people} (people, teams or units changed: forget who is where)
 *   and {@code d|node|gone} (node {@code gone} stopped: keep the contacts its agents hold for them).</li>
 *   <li>Liveness: each node beats in {@code cluster_node}; the contacts a node that stops had offered
 *   go back to their queues, those its agents had accepted stay theirs ({@link NodeLiveness}).</li>
 *   <li>Events: what this node publishes (but queue news and dashboards, which every node makes for
 *   itself) is written in batches every few milliseconds; the other nodes deliver them to their own
 *   subscribers under their own sequence numbers.</li>
 * </ul>
 */
public final class ClusterNode implements ClusterRouting, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterNode.class);
    /** The NOTIFY channel every node listens on. */
    public static final String CHANNEL = "switchboard_cluster";
    /** Events are written for the others this often. */
    static final long SEND_MILLIS = 5;
    /** Events are kept this long for nodes to read, then deleted by the node that wrote them. */
    static final Duration KEEP_EVENTS = Duration.ofMinutes(2);
    private static final int MAX_BATCH = 1_000;

    private final String nodeId;
    private final Database database;
    private final ClusterStore store;
    private final InteractionStore interactions;
    private final RoutingStore routing;
    private final NodeLiveness liveness;
    private final WorkDistributor work;
    private final EventHub hub;
    private final Function<Interaction, ScreenPop> pops;
    private final Clock clock;
    private final ConcurrentLinkedQueue<EventHub.Event> outbox = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "cluster-sender");
        t.setDaemon(true);
        return t;
    });
    private final Thread listener;
    private volatile boolean running = true;
    private volatile Connection listening;
    /** Reads the reason codes and dispositions again; set once the server's routing service exists. */
    private volatile Runnable codes = () -> { };
    private volatile Runnable organisation = () -> { };

    private ClusterNode(ClusterSettings settings, Database database, WorkDistributor work, EventHub hub,
                        Function<Interaction, ScreenPop> pops, Clock clock) {
        String nodeId = settings.nodeId();
        if (!database.isPostgres()) {
            throw new IllegalArgumentException("several nodes need a shared PostgreSQL database (--jdbc-url jdbc:postgresql://...)");
        }
        if (nodeId.isBlank() || nodeId.length() > 64 || nodeId.contains("|")) {
            throw new IllegalArgumentException("a node id is 1 to 64 characters without '|': " + nodeId);
        }
        this.nodeId = nodeId;
        this.database = database;
        this.store = new ClusterStore(database.dataSource());
        this.interactions = new InteractionStore(database.dataSource());
        this.routing = new RoutingStore(database.dataSource());
        this.liveness = new NodeLiveness(settings, store, new NodeLiveness.Sweeps() {
            @Override
            public void waitsAgain(long interactionId) {
                interactions.find(interactionId).ifPresent(work::waitingElsewhere);
            }

            @Override
            public void nodeGone(String gone) {
                keepHeld(gone);
            }
        });
        this.work = work;
        this.hub = hub;
        this.pops = pops;
        this.clock = clock;
        this.listener = new Thread(this::listen, "cluster-listener");
        this.listener.setDaemon(true);
    }

    /**
     * Makes a running server one node of a cluster: listens first (nothing another node says from
     * now on is missed), then takes every contact waiting in the database into its router, then
     * claims before offering and hands its events on.
     *
     * @param nodeId this node's name, unique among the nodes (null: one is made up)
     */
    public static ClusterNode join(SwitchboardServer server, String nodeId) {
        return join(nodeId, server.database(), server.work(), server.events(), server.contacts()::popOf);
    }

    /**
     * As {@link #join(SwitchboardServer, String)}, for a server still starting: called before its
     * distributor recovers what the database holds, so that recovery already knows it shares the
     * contacts (it leaves contacts another node has offered to that node's claim).
     */
    public static ClusterNode join(String nodeId, Database database, WorkDistributor work, EventHub hub,
                                   Function<Interaction, ScreenPop> pops) {
        return join(ClusterSettings.of(nodeId), database, work, hub, pops);
    }

    /** As {@link #join(String, Database, WorkDistributor, EventHub, Function)}, with its liveness settings. */
    public static ClusterNode join(ClusterSettings settings, Database database, WorkDistributor work, EventHub hub,
                                   Function<Interaction, ScreenPop> pops) {
        ClusterSettings named = settings.nodeId() != null ? settings
                : new ClusterSettings(generatedId(), settings.heartbeat(), settings.deadAfter());
        ClusterNode node = new ClusterNode(named, database, work, hub, pops, Clock.systemUTC());
        node.start();
        return node;
    }

    /**
     * Shares changes of the reason codes and dispositions: the other nodes read them again when this
     * node's administrator changes them, and this node when theirs do.
     */
    public void shareCodes(RoutingService routingService) {
        codes = routingService::codesChangedElsewhere;
        routingService.onCodesChanged(() -> announceQuietly(message('r', "codes")));
    }

    /**
     * Shares changes of people, teams and units: the other nodes forget who is where (and read it
     * again) when this node's administrator changes them, and this node when theirs do.
     */
    public void shareOrganisation(Scopes scopes) {
        organisation = scopes::forgetElsewhere;
        scopes.onForget(() -> announceQuietly(message('o', "people")));
    }

    /** e.g. {@code node-3f9c21ab}. */
    public static String generatedId() {
        return "node-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    }

    public String nodeId() {
        return nodeId;
    }

    private void start() {
        try {
            connect();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot listen for the other nodes: " + e.getMessage(), e);
        }
        try {
            liveness.start();
        } catch (RuntimeException e) {
            closeListening();
            throw e;
        }
        work.useCluster(this);
        hub.forwardTo(outbox::add);
        catchUp();
        listener.start();
        sender.scheduleWithFixedDelay(this::sendQuietly, SEND_MILLIS, SEND_MILLIS, TimeUnit.MILLISECONDS);
        sender.scheduleWithFixedDelay(this::pruneQuietly, 10, 10, TimeUnit.SECONDS);
        LOG.info("node {} joined the cluster on {}", nodeId, CHANNEL);
    }

    // ---- ClusterRouting, on the distributor's thread

    @Override
    public boolean shared() {
        return true;
    }

    @Override
    public boolean claim(Interaction offered) {
        return store.claim(offered.id(), offered.agentId(), nodeId, CHANNEL, message('c', String.valueOf(offered.id())));
    }

    @Override
    public boolean waiting(Interaction queued, Long previousAgent) {
        return store.requeue(queued, previousAgent, CHANNEL, message('w', String.valueOf(queued.id())));
    }

    @Override
    public void left(long interactionId) {
        store.announce(CHANNEL, message('l', String.valueOf(interactionId)));
    }

    @Override
    public void queueChanged(long queueId) {
        announceQuietly(message('q', String.valueOf(queueId)));
    }

    /** A change the others should hear of, that this node has made already: a failure is logged, not thrown. */
    private void announceQuietly(String message) {
        try {
            store.announce(CHANNEL, message);
        } catch (RuntimeException e) {
            LOG.warn("could not tell the other nodes {}; they read it when they start: {}", message, e.getMessage());
        }
    }

    @Override
    public ScreenPop popOf(Interaction interaction) {
        try {
            return pops.apply(interaction);
        } catch (RuntimeException e) {
            LOG.warn("no screen-pop for interaction {}: {}", interaction.id(), e.getMessage());
            return null;
        }
    }

    private String message(char kind, String body) {
        return message(kind, nodeId, body);
    }

    /** {@code kind|node|body}: what one node says to the others. */
    static String message(char kind, String node, String body) {
        return kind + "|" + node + "|" + body;
    }

    // ---- sending events

    private void sendQuietly() {
        try {
            send();
        } catch (RuntimeException e) {
            LOG.warn("could not hand events to the other nodes; will retry: {}", e.getMessage());
        }
    }

    /** Writes what waits in the outbox (in publishing order), a batch per transaction. */
    void send() {
        while (!outbox.isEmpty()) {
            List<EventHub.Event> batch = new ArrayList<>();
            for (EventHub.Event e : outbox) {
                batch.add(e);
                if (batch.size() == MAX_BATCH) {
                    break;
                }
            }
            List<ClusterStore.EventRow> rows = new ArrayList<>(batch.size());
            for (EventHub.Event e : batch) {
                rows.add(new ClusterStore.EventRow(0, e.type(), e.agentId(), audience(e.audience()), e.json()));
            }
            store.append(nodeId, rows, clock.instant(), CHANNEL, "e|" + nodeId + "|");
            for (int i = 0; i < batch.size(); i++) {
                outbox.poll();
            }
        }
    }

    private static String audience(Set<Long> audience) {
        if (audience == null) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        for (long a : audience) {
            if (b.length() > 0) {
                b.append(',');
            }
            b.append(a);
        }
        return b.toString();
    }

    private static Set<Long> audience(String text) {
        if (text == null) {
            return null;
        }
        Set<Long> out = new HashSet<>();
        for (String part : text.split(",")) {
            if (!part.isEmpty()) {
                out.add(Long.parseLong(part));
            }
        }
        return Set.copyOf(out);
    }

    private void pruneQuietly() {
        try {
            store.prune(nodeId, clock.instant().minus(KEEP_EVENTS));
        } catch (RuntimeException e) {
            LOG.warn("could not delete old cluster events: {}", e.getMessage());
        }
    }

    // ---- listening

    private void connect() throws SQLException {
        Connection c = database.dedicatedConnection();
        try (Statement s = c.createStatement()) {
            s.execute("LISTEN " + CHANNEL);
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        listening = c;
    }

    /** Every contact waiting in the database joins this node's router (at the start, and after a lost connection). */
    private void catchUp() {
        int n = 0;
        for (Interaction i : interactions.unfinished()) {
            if (i.state() == InteractionState.QUEUED) {
                work.waitingElsewhere(i);
                n++;
            }
        }
        LOG.info("node {} took {} waiting contacts from the database", nodeId, n);
    }

    /**
     * After a lost connection: the queues added and the codes changed meanwhile. (A queue changed
     * meanwhile keeps its old settings here until this node starts again: this node's queues may
     * differ from the stored ones on purpose, by {@code --offer-timeout}.)
     */
    private void catchUpSettings() {
        Set<Long> known = new HashSet<>();
        work.queues().forEach(q -> known.add(q.id()));
        for (ContactQueue q : routing.queues()) {
            if (!known.contains(q.id())) {
                work.queueChangedElsewhere(q);
            }
        }
        codes.run();
    }

    private void listen() {
        while (running) {
            try {
                if (listening == null) {
                    connect();
                    catchUp();
                    catchUpSettings();
                }
                PGNotification[] notes = listening.unwrap(PGConnection.class).getNotifications(500);
                if (notes != null) {
                    for (PGNotification n : notes) {
                        handleQuietly(n.getParameter());
                    }
                }
            } catch (SQLException e) {
                if (!running) {
                    return;
                }
                LOG.warn("lost the connection the other nodes are heard on ({}); connecting again", e.getMessage());
                closeListening();
                sleep(1000);
            }
        }
    }

    private void handleQuietly(String message) {
        try {
            handle(message);
        } catch (RuntimeException e) {
            LOG.error("could not act on cluster message {}", message, e);
        }
    }

    /** Acts on one message of another node (its own are ignored). */
    void handle(String message) {
        String[] parts = message.split("\\|", 3);
        if (parts.length != 3 || parts[1].equals(nodeId)) {
            return;
        }
        switch (parts[0]) {
            case "c" -> work.claimedElsewhere(Long.parseLong(parts[2]));
            case "l" -> work.leftElsewhere(Long.parseLong(parts[2]));
            case "w" -> interactions.find(Long.parseLong(parts[2])).ifPresent(work::waitingElsewhere);
            case "q" -> readQueue(Long.parseLong(parts[2]));
            case "r" -> codes.run();
            case "o" -> organisation.run();
            case "d" -> keepHeld(parts[2]);
            case "e" -> {
                String[] range = parts[2].split(":");
                for (ClusterStore.EventRow row : store.events(parts[1], Long.parseLong(range[0]), Long.parseLong(range[1]))) {
                    hub.publishRemote(row.type(), row.agentId(), audience(row.audience()), row.body());
                }
            }
            default -> LOG.debug("unknown cluster message {}", message);
        }
    }

    /** A queue changed on another node: this node's router and lists take it as the database has it. */
    private void readQueue(long queueId) {
        Optional<ContactQueue> q = routing.queues().stream().filter(x -> x.id() == queueId).findFirst();
        if (q.isPresent()) {
            work.queueChangedElsewhere(q.get());
        } else {
            LOG.warn("queue {} changed on another node is not in the database", queueId);
        }
    }

    /** Node {@code gone} stopped: the contacts its agents hold are kept here too, for when they sign in here. */
    private void keepHeld(String gone) {
        for (long id : store.heldThrough(gone)) {
            interactions.find(id).ifPresent(work::heldElsewhere);
        }
    }

    private void closeListening() {
        Connection c = listening;
        listening = null;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // gone already
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        liveness.close();
        hub.forwardTo(null);
        sender.shutdown();
        try {
            sender.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sendQuietly();
        closeListening();
        try {
            listener.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
