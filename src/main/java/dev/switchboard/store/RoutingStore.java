package dev.switchboard.store;

import dev.switchboard.domain.Capacity;
import dev.switchboard.domain.Channel;
import dev.switchboard.domain.ContactQueue;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Routing's configuration and history: queues, agents' skills and capacity, the not-ready reasons
 * and dispositions agents choose from, and the log of agent states.
 */
public final class RoutingStore {
    private final Jdbc jdbc;

    public RoutingStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** A configured choice: a stable code and the label people see. */
    public record Code(String code, String label) {
    }

    public List<ContactQueue> queues() {
        return jdbc.query("SELECT id, name, required_skills, priority, sl_percent, sl_seconds, offer_timeout_seconds, "
                + "wrap_up_required, wrap_up_seconds FROM contact_queue ORDER BY id", ps -> { }, RoutingStore::queue);
    }

    /** Adds a queue (configuration work: the benchmark's centre, an operator's script). */
    public long insertQueue(String name, Set<String> requiredSkills, int priority, int slPercent, int slSeconds,
                            int offerTimeoutSeconds, boolean wrapUpRequired, int wrapUpSeconds) {
        return jdbc.inTransaction(c -> Jdbc.insert(c, "INSERT INTO contact_queue (name, required_skills, priority, "
                + "sl_percent, sl_seconds, offer_timeout_seconds, wrap_up_required, wrap_up_seconds) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
                    ps.setString(1, name);
                    ps.setString(2, String.join(",", new java.util.TreeSet<>(requiredSkills)));
                    ps.setInt(3, priority);
                    ps.setInt(4, slPercent);
                    ps.setInt(5, slSeconds);
                    ps.setInt(6, offerTimeoutSeconds);
                    ps.setBoolean(7, wrapUpRequired);
                    ps.setInt(8, wrapUpSeconds);
                }));
    }

    /** Writes every setting of a queue but its channel default; false when there is no such queue. */
    public boolean updateQueue(ContactQueue q) {
        return jdbc.inTransaction(c -> Jdbc.update(c, "UPDATE contact_queue SET name = ?, required_skills = ?, "
                + "priority = ?, sl_percent = ?, sl_seconds = ?, offer_timeout_seconds = ?, wrap_up_required = ?, "
                + "wrap_up_seconds = ? WHERE id = ?", ps -> {
                    ps.setString(1, q.name());
                    ps.setString(2, String.join(",", new java.util.TreeSet<>(q.requiredSkills())));
                    ps.setInt(3, q.priority());
                    ps.setInt(4, q.slPercent());
                    ps.setInt(5, (int) q.slThreshold().toSeconds());
                    ps.setInt(6, (int) q.offerTimeout().toSeconds());
                    ps.setBoolean(7, q.wrapUpRequired());
                    ps.setInt(8, (int) q.wrapUpTimeout().toSeconds());
                    ps.setLong(9, q.id());
                }) == 1);
    }

    /** Sets a queue's priority; false when there is no such queue. */
    public boolean setQueuePriority(long queueId, int priority) {
        return jdbc.inTransaction(c -> Jdbc.update(c, "UPDATE contact_queue SET priority = ? WHERE id = ?", ps -> {
            ps.setInt(1, priority);
            ps.setLong(2, queueId);
        })) == 1;
    }

    /** The queue a channel's contacts go to when they name none. */
    public Optional<Long> defaultQueue(Channel channel) {
        return jdbc.queryOne("SELECT id FROM contact_queue WHERE default_for_channel = ?",
                ps -> ps.setString(1, channel.name()), rs -> rs.getLong(1));
    }

    public List<Code> reasonCodes() {
        return jdbc.query("SELECT code, label FROM reason_code ORDER BY position, code", ps -> { },
                rs -> new Code(rs.getString(1), rs.getString(2)));
    }

    public List<Code> dispositions() {
        return jdbc.query("SELECT code, label FROM disposition ORDER BY position, code", ps -> { },
                rs -> new Code(rs.getString(1), rs.getString(2)));
    }

    /** Skill → level for the agent. */
    public Map<String, Integer> skills(long agentId) {
        Map<String, Integer> out = new LinkedHashMap<>();
        jdbc.query("SELECT skill, level FROM agent_skill WHERE agent_id = ? ORDER BY skill",
                ps -> ps.setLong(1, agentId), rs -> out.put(rs.getString(1), rs.getInt(2)));
        return out;
    }

    public void setSkills(long agentId, Map<String, Integer> skills) {
        jdbc.inTransaction(c -> {
            Jdbc.update(c, "DELETE FROM agent_skill WHERE agent_id = ?", ps -> ps.setLong(1, agentId));
            for (Map.Entry<String, Integer> e : skills.entrySet()) {
                Jdbc.update(c, "INSERT INTO agent_skill (agent_id, skill, level) VALUES (?, ?, ?)", ps -> {
                    ps.setLong(1, agentId);
                    ps.setString(2, e.getKey());
                    ps.setInt(3, e.getValue());
                });
            }
            return null;
        });
    }

    /** The agent's capacity: the default, with the channels configured for them changed. */
    public Capacity capacity(long agentId) {
        EnumMap<Channel, Integer> max = new EnumMap<>(Capacity.DEFAULT.max());
        jdbc.query("SELECT channel, max_count FROM agent_capacity WHERE agent_id = ?", ps -> ps.setLong(1, agentId),
                rs -> max.put(Channel.valueOf(rs.getString(1)), rs.getInt(2)));
        return new Capacity(max);
    }

    /** One agent state change, for {@link #logStates}. */
    public record StateChange(long agentId, String state, String reason, Instant at) {
    }

    /** Logs many state changes, in order, in one transaction. */
    public void logStates(List<StateChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        jdbc.inTransaction(c -> {
            for (StateChange s : changes) {
                closeAndOpen(c, s.agentId(), s.state(), s.reason(), s.at());
            }
            return null;
        });
    }

    /** Closes the agent's current state row (if any) and opens one for the new state. */
    public void logState(long agentId, String state, String reason, Instant at) {
        jdbc.inTransaction(c -> {
            closeAndOpen(c, agentId, state, reason, at);
            return null;
        });
    }

    /**
     * Closes the agent's open state row. The open row is found in a sub-select: H2 plans an UPDATE
     * without index conditions on the column it sets, so {@code WHERE agent_id = ? AND ended_at IS
     * NULL} read every row the agent ever had, which grows all shift; the sub-select seeks
     * {@code agent_state_log_open} and the UPDATE goes by primary key.
     */
    static final String CLOSE_OPEN_STATE = "UPDATE agent_state_log SET ended_at = ? WHERE id IN "
            + "(SELECT id FROM agent_state_log WHERE agent_id = ? AND ended_at IS NULL)";

    private static void closeAndOpen(java.sql.Connection c, long agentId, String state, String reason, Instant at)
            throws SQLException {
        Jdbc.update(c, CLOSE_OPEN_STATE, ps -> {
            Jdbc.setInstant(ps, 1, at);
            ps.setLong(2, agentId);
        });
        Jdbc.update(c, "INSERT INTO agent_state_log (agent_id, state, reason, started_at) VALUES (?, ?, ?, ?)",
                ps -> {
                    ps.setLong(1, agentId);
                    ps.setString(2, state);
                    ps.setString(3, reason);
                    Jdbc.setInstant(ps, 4, at);
                });
    }

    /** Seconds spent in each state since {@code from} (the open row counts up to {@code now}). */
    public Map<String, Long> secondsInStates(long agentId, Instant from, Instant now) {
        Map<String, Long> out = new LinkedHashMap<>();
        jdbc.query("SELECT state, started_at, ended_at FROM agent_state_log WHERE agent_id = ? "
                        + "AND (ended_at IS NULL OR ended_at > ?) ORDER BY started_at",
                ps -> {
                    ps.setLong(1, agentId);
                    Jdbc.setInstant(ps, 2, from);
                }, rs -> {
                    Instant start = Jdbc.instant(rs, "started_at");
                    Instant end = Jdbc.instant(rs, "ended_at");
                    Instant s = start.isBefore(from) ? from : start;
                    Instant e = end == null ? now : end;
                    return out.merge(rs.getString("state"), Math.max(0, Duration.between(s, e).toSeconds()), Long::sum);
                });
        return out;
    }

    private static ContactQueue queue(ResultSet rs) throws SQLException {
        String skills = rs.getString("required_skills");
        Set<String> required = skills.isBlank() ? Set.of()
                : Arrays.stream(skills.split(",")).map(String::trim).filter(x -> !x.isEmpty()).collect(Collectors.toSet());
        return new ContactQueue(rs.getLong("id"), rs.getString("name"), required, rs.getInt("priority"),
                rs.getInt("sl_percent"), Duration.ofSeconds(rs.getInt("sl_seconds")),
                Duration.ofSeconds(rs.getInt("offer_timeout_seconds")), rs.getBoolean("wrap_up_required"),
                Duration.ofSeconds(rs.getInt("wrap_up_seconds")));
    }
}
