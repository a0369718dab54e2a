package dev.switchboard.cluster;

import dev.switchboard.domain.Role;
import dev.switchboard.server.AuthService;
import dev.switchboard.server.ServerOptions;
import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.cluster.ClusterSettings;
import dev.switchboard.server.security.SecurityOptions;
import dev.switchboard.store.AgentStore;
import dev.switchboard.store.RoutingStore;
import dev.switchboard.store.pg.PgDatabases;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Servers on loopback sharing one fresh PostgreSQL database, and agents for them. */
final class PgNodes implements AutoCloseable {
    static final String PASSWORD = "Cluster-test-pass-1";

    private final PgDatabases.Created pg = PgDatabases.create();
    private final List<AutoCloseable> open = new ArrayList<>();

    /** A server on the shared database, alone. */
    SwitchboardServer server(Duration offerTimeout) {
        return start(offerTimeout, (ClusterSettings) null);
    }

    /** A server that is one node of the cluster: it joins while it starts, before it recovers. */
    SwitchboardServer node(String nodeId, Duration offerTimeout) {
        return start(offerTimeout, ClusterSettings.of(nodeId));
    }

    /** A node with its own liveness settings (e.g. a shorter silence before it takes another node for dead). */
    SwitchboardServer node(ClusterSettings settings, Duration offerTimeout) {
        return start(offerTimeout, settings);
    }

    /** A node in a JVM of its own on the shared database (default liveness settings), to be killed. */
    NodeProcess process(String nodeId, Duration offerTimeout, Consumer<String> log) throws Exception {
        NodeProcess p = NodeProcess.start(pg.url(), PgDatabases.user(), PgDatabases.password(), nodeId, offerTimeout, log);
        open.add(p);
        return p;
    }

    private SwitchboardServer start(Duration offerTimeout, ClusterSettings cluster) {
        SwitchboardServer s = SwitchboardServer.start(new ServerOptions("127.0.0.1", 0, null, pg.url(), PgDatabases.user(),
                PgDatabases.password(), null, 0, 1, 0, "GB", offerTimeout, null, 0, 0, 0, null, null, false, null,
                Clock.systemUTC()), (phase, done, total) -> { }, SecurityOptions.UNLIMITED, cluster);
        open.add(s);
        return s;
    }

    /** Adds an inbound agent with the General queue's skill (phone contacts go there); returns the username. */
    static String agent(SwitchboardServer any, String username) {
        return agent(any, username, Map.of("general", 5));
    }

    /** Adds an inbound agent with these skills; returns the username. */
    static String agent(SwitchboardServer any, String username, Map<String, Integer> skills) {
        AgentStore agents = new AgentStore(any.database().dataSource());
        long id = agents.insert(username, "Agent " + username, Role.AGENT, AuthService.hash(PASSWORD), false).id();
        new RoutingStore(any.database().dataSource()).setSkills(id, skills);
        return username;
    }

    @Override
    public void close() {
        for (int i = open.size() - 1; i >= 0; i--) {
            try {
                open.get(i).close();
            } catch (Exception ignored) {
                // closing the rest matters more
            }
        }
        pg.close();
    }
}
