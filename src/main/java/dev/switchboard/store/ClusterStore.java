package dev.switchboard.store;

import dev.switchboard.domain.Interaction;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What server nodes sharing one PostgreSQL database write for each other: claims on waiting
 * contacts (a row moves from QUEUED to OFFERED for exactly one node's agent), contacts waiting
 * again, the events they hand on, and each node's heartbeat. Each change and its NOTIFY commit
 * together, so the other nodes hear of a change only once it is there to be read, and in the order
 * of the commits. Heartbeats are stamped and compared with the database's clock, never a node's.
 */
public final class ClusterStore {
    private final Jdbc jdbc;

    public ClusterStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** An event one node hands on: its type, who it concerns and its JSON. */
    public record EventRow(long id, String type, Long agentId, String audience, String body) {
    }

    /** A contact offered by a node, as its row says (null: by no node named). */
    public record Offered(long interactionId, String nodeId) {
    }

    /**
     * Claims a waiting contact for {@code agentId} of node {@code nodeId}: true when the row was
     * QUEUED and is now OFFERED to them (and names the node), in which case {@code payload} is
     * announced on {@code channel} with the same commit. One statement, so concurrent claims on the
     * row queue on its lock and all but one find it taken.
     */
    public boolean claim(long interactionId, long agentId, String nodeId, String channel, String payload) {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("WITH claimed AS (UPDATE interaction SET state = 'OFFERED', "
                    + "agent_id = ?, claimed_by = ? WHERE id = ? AND state = 'QUEUED' RETURNING id) "
                    + "SELECT pg_notify(?, ?) FROM claimed")) {
                ps.setLong(1, agentId);
                ps.setString(2, nodeId);
                ps.setLong(3, interactionId);
                ps.setString(4, channel);
                ps.setString(5, payload);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    // ---- liveness

    /** Writes the node's heartbeat row afresh (a node starting, or starting again under the same id). */
    public void register(String nodeId) {
        jdbc.inTransaction(c -> Jdbc.update(c, "INSERT INTO cluster_node (node_id, started_at, seen_at) "
                + "VALUES (?, now(), now()) ON CONFLICT (node_id) DO UPDATE SET started_at = now(), seen_at = now()",
                ps -> ps.setString(1, nodeId)));
    }

    /**
     * The node is alive now. False when its row was gone, i.e. another node took it for dead and
     * swept it: the row is written again and the caller should say so loudly.
     */
    public boolean beat(String nodeId) {
        int updated = jdbc.inTransaction(c -> Jdbc.update(c, "UPDATE cluster_node SET seen_at = now() WHERE node_id = ?",
                ps -> ps.setString(1, nodeId)));
        if (updated == 0) {
            register(nodeId);
        }
        return updated == 1;
    }

    /** Nodes other than {@code self} whose last heartbeat is older than {@code deadAfter}. */
    public List<String> silentNodes(String self, Duration deadAfter) {
        return jdbc.query("SELECT node_id FROM cluster_node WHERE node_id <> ? AND seen_at < now() - ? * INTERVAL "
                + "'1 millisecond' ORDER BY node_id", ps -> {
                    ps.setString(1, self);
                    ps.setLong(2, deadAfter.toMillis());
                }, rs -> rs.getString(1));
    }

    /** Contacts whose row says {@code nodeId} offered them. */
    public List<Offered> offeredBy(String nodeId) {
        return jdbc.query("SELECT id, claimed_by FROM interaction WHERE state = 'OFFERED' AND claimed_by = ? ORDER BY id",
                ps -> ps.setString(1, nodeId), rs -> new Offered(rs.getLong(1), rs.getString(2)));
    }

    /**
     * Contacts offered by nodes other than {@code self} that are not alive: silent for longer than
     * {@code deadAfter}, or without a row at all (swept already, or stopped), or by no node named
     * (offered by a server alone, or before nodes named their claims: no node holds those).
     */
    public List<Offered> offeredByGoneNodes(String self, Duration deadAfter) {
        return jdbc.query("SELECT id, claimed_by FROM interaction i WHERE state = 'OFFERED' "
                + "AND claimed_by IS DISTINCT FROM ? AND NOT EXISTS (SELECT 1 FROM cluster_node n "
                + "WHERE n.node_id = i.claimed_by AND n.seen_at >= now() - ? * INTERVAL '1 millisecond') ORDER BY id", ps -> {
                    ps.setString(1, self);
                    ps.setLong(2, deadAfter.toMillis());
                }, rs -> new Offered(rs.getLong(1), rs.getString(2)));
    }

    /**
     * Gives a contact offered by {@code nodeId} back to its queue and announces {@code payload}, in
     * one statement: the row lock lets one sweeper through, and the others find it no longer offered
     * by that node. False when it was not (any more).
     */
    public boolean giveBack(Offered offered, String channel, String payload) {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("WITH back AS (UPDATE interaction SET state = 'QUEUED', "
                    + "agent_id = NULL, claimed_by = NULL WHERE id = ? AND state = 'OFFERED' AND claimed_by IS NOT DISTINCT FROM ? "
                    + "RETURNING id) SELECT pg_notify(?, ?) FROM back")) {
                ps.setLong(1, offered.interactionId());
                ps.setString(2, offered.nodeId());
                ps.setString(3, channel);
                ps.setString(4, payload);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /** The contacts agents took through {@code nodeId}'s claims and still work (active or in wrap-up). */
    public List<Long> heldThrough(String nodeId) {
        return jdbc.query("SELECT id FROM interaction WHERE state IN ('ACTIVE', 'WRAP_UP') AND claimed_by = ? ORDER BY id",
                ps -> ps.setString(1, nodeId), rs -> rs.getLong(1));
    }

    /**
     * Deletes a silent node's row once it is swept, unless it beat again meanwhile (it started
     * again under the same id) and announces {@code payload}; false when the row stayed.
     */
    public boolean forget(String nodeId, Duration deadAfter, String channel, String payload) {
        return jdbc.inTransaction(c -> {
            int gone = Jdbc.update(c, "DELETE FROM cluster_node WHERE node_id = ? AND seen_at < now() - ? * INTERVAL "
                    + "'1 millisecond'", ps -> {
                        ps.setString(1, nodeId);
                        ps.setLong(2, deadAfter.toMillis());
                    });
            if (gone == 1) {
                notify(c, channel, payload);
            }
            return gone == 1;
        });
    }

    /** Deletes this node's row as it stops in order (its offers then count as a gone node's), announcing {@code payload}. */
    public void leave(String nodeId, String channel, String payload) {
        jdbc.inTransaction(c -> {
            Jdbc.update(c, "DELETE FROM cluster_node WHERE node_id = ?", ps -> ps.setString(1, nodeId));
            notify(c, channel, payload);
            return null;
        });
    }

    /**
     * The contact waits again: written (see {@link InteractionStore#requeue}) and announced together;
     * false, with nothing written or announced, when another agent holds it by now.
     */
    public boolean requeue(Interaction queued, Long previousAgent, String channel, String payload) {
        return jdbc.inTransaction(c -> {
            if (!InteractionStore.requeue(c, queued, previousAgent)) {
                return false;
            }
            notify(c, channel, payload);
            return true;
        });
    }

    /** Announces {@code payload} on {@code channel} (delivered to listeners when this commits). */
    public void announce(String channel, String payload) {
        jdbc.inTransaction(c -> {
            notify(c, channel, payload);
            return null;
        });
    }

    /**
     * Appends events for the other nodes and announces the range of their ids as
     * {@code prefix + first + ":" + last}, all in one transaction. Returns the ids, in order.
     */
    public long[] append(String nodeId, List<EventRow> events, Instant at, String channel, String prefix) {
        if (events.isEmpty()) {
            return new long[0];
        }
        return jdbc.inTransaction(c -> {
            long[] ids = new long[events.size()];
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO cluster_event (node_id, event_type, agent_id, "
                    + "audience, body, created_at) VALUES (?, ?, ?, ?, ?, ?)", new String[] {"id"})) {
                for (EventRow e : events) {
                    ps.setString(1, nodeId);
                    ps.setString(2, e.type());
                    Jdbc.setLongOrNull(ps, 3, e.agentId());
                    ps.setString(4, e.audience());
                    ps.setString(5, e.body());
                    Jdbc.setInstant(ps, 6, at);
                    ps.addBatch();
                }
                ps.executeBatch();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    int n = 0;
                    while (keys.next() && n < ids.length) {
                        ids[n++] = keys.getLong(1);
                    }
                }
            }
            long first = java.util.Arrays.stream(ids).min().orElseThrow();
            long last = java.util.Arrays.stream(ids).max().orElseThrow();
            notify(c, channel, prefix + first + ":" + last);
            return ids;
        });
    }

    /** The events {@code nodeId} appended with ids from {@code first} to {@code last}, in order. */
    public List<EventRow> events(String nodeId, long first, long last) {
        return jdbc.query("SELECT id, event_type, agent_id, audience, body FROM cluster_event WHERE id BETWEEN ? AND ? "
                + "AND node_id = ? ORDER BY id", ps -> {
                    ps.setLong(1, first);
                    ps.setLong(2, last);
                    ps.setString(3, nodeId);
                }, rs -> new EventRow(rs.getLong("id"), rs.getString("event_type"), Jdbc.longOrNull(rs, "agent_id"),
                        rs.getString("audience"), rs.getString("body")));
    }

    /** Deletes this node's events older than {@code before} (every node has read them by then). */
    public int prune(String nodeId, Instant before) {
        return jdbc.inTransaction(c -> Jdbc.update(c, "DELETE FROM cluster_event WHERE node_id = ? AND created_at < ?",
                ps -> {
                    ps.setString(1, nodeId);
                    Jdbc.setInstant(ps, 2, before);
                }));
    }

    private static void notify(java.sql.Connection c, String channel, String payload) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_notify(?, ?)")) {
            ps.setString(1, channel);
            ps.setString(2, payload);
            ps.executeQuery().close();
        }
    }
}
