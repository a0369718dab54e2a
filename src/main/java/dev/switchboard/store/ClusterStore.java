package dev.switchboard.store;

import dev.switchboard.domain.Interaction;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;

/**
 * What server nodes sharing one PostgreSQL database write for each other: claims on waiting
 * contacts (a row moves from QUEUED to OFFERED for exactly one node's agent), contacts waiting
 * again, and the events they hand on. Each change and its NOTIFY commit together, so the other
 * nodes hear of a change only once it is there to be read, and in the order of the commits.
 */
public final class ClusterStore {
    private final Jdbc jdbc;

    public ClusterStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** An event one node hands on: its type, who it concerns and its JSON. */
    public record EventRow(long id, String type, Long agentId, String audience, String body) {
    }

    /**
     * Claims a waiting contact for {@code agentId}: true when the row was QUEUED and is now OFFERED
     * to them, in which case {@code payload} is announced on {@code channel} with the same commit.
     * One statement, so concurrent claims on the row queue on its lock and all but one find it taken.
     */
    public boolean claim(long interactionId, long agentId, String channel, String payload) {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("WITH claimed AS (UPDATE interaction SET state = 'OFFERED', "
                    + "agent_id = ? WHERE id = ? AND state = 'QUEUED' RETURNING id) "
                    + "SELECT pg_notify(?, ?) FROM claimed")) {
                ps.setLong(1, agentId);
                ps.setLong(2, interactionId);
                ps.setString(3, channel);
                ps.setString(4, payload);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
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
