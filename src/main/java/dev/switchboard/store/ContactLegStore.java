package dev.switchboard.store;

import dev.switchboard.domain.Channel;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Each pass of a contact through a queue, kept as it was counted (table {@code contact_leg}): the raw
 * data the supervisor's numbers are recomputed from, for the live dashboard after a restart and for
 * reports over any range of days.
 */
public final class ContactLegStore {
    private final Jdbc jdbc;

    /** One pass; see the supervisor's metrics for what each time means. */
    public record Leg(long legId, long interactionId, long queueId, Channel channel, Instant queuedAt,
                      Instant answeredAt, Instant abandonedAt, Instant talkEndAt, Instant wrapEndAt, long holdMillis,
                      Long agentId, boolean transferredOut) {
    }

    public ContactLegStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** Stores the pass, or replaces what was stored under its id. */
    public void save(Leg l) {
        saveAll(List.of(l));
    }

    /** Stores each pass (or replaces what was stored under its id), all in one transaction. */
    public void saveAll(java.util.Collection<Leg> all) {
        if (all.isEmpty()) {
            return;
        }
        jdbc.inTransaction(c -> {
            for (Leg l : all) {
                saveIn(c, l);
            }
            return null;
        });
    }

    private static void saveIn(java.sql.Connection c, Leg l) throws SQLException {
        {
            int updated = Jdbc.update(c, "UPDATE contact_leg SET interaction_id = ?, queue_id = ?, channel = ?, "
                    + "queued_at = ?, answered_at = ?, abandoned_at = ?, talk_end_at = ?, wrap_end_at = ?, hold_ms = ?, "
                    + "agent_id = ?, transferred_out = ? WHERE leg_id = ?", ps -> {
                        bind(ps, l, 1);
                        ps.setLong(12, l.legId());
                    });
            if (updated == 0) {
                Jdbc.update(c, "INSERT INTO contact_leg (interaction_id, queue_id, channel, queued_at, answered_at, "
                        + "abandoned_at, talk_end_at, wrap_end_at, hold_ms, agent_id, transferred_out, leg_id) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
                            bind(ps, l, 1);
                            ps.setLong(12, l.legId());
                        });
            }
        }
    }

    /** The passes that joined their queue in [from, to), oldest first. */
    public List<Leg> queuedBetween(Instant from, Instant to) {
        return jdbc.query("SELECT leg_id, interaction_id, queue_id, channel, queued_at, answered_at, abandoned_at, "
                        + "talk_end_at, wrap_end_at, hold_ms, agent_id, transferred_out FROM contact_leg "
                        + "WHERE queued_at >= ? AND queued_at < ? ORDER BY queued_at, leg_id", ps -> {
                    Jdbc.setInstant(ps, 1, from);
                    Jdbc.setInstant(ps, 2, to);
                }, rs -> new Leg(rs.getLong("leg_id"), rs.getLong("interaction_id"), rs.getLong("queue_id"),
                        Channel.valueOf(rs.getString("channel")), Jdbc.instant(rs, "queued_at"),
                        Jdbc.instant(rs, "answered_at"), Jdbc.instant(rs, "abandoned_at"), Jdbc.instant(rs, "talk_end_at"),
                        Jdbc.instant(rs, "wrap_end_at"), rs.getLong("hold_ms"),
                        rs.getObject("agent_id") == null ? null : rs.getLong("agent_id"), rs.getBoolean("transferred_out")));
    }

    private static void bind(java.sql.PreparedStatement ps, Leg l, int at) throws SQLException {
        ps.setLong(at, l.interactionId());
        ps.setLong(at + 1, l.queueId());
        ps.setString(at + 2, l.channel().name());
        Jdbc.setInstant(ps, at + 3, l.queuedAt());
        Jdbc.setInstant(ps, at + 4, l.answeredAt());
        Jdbc.setInstant(ps, at + 5, l.abandonedAt());
        Jdbc.setInstant(ps, at + 6, l.talkEndAt());
        Jdbc.setInstant(ps, at + 7, l.wrapEndAt());
        ps.setLong(at + 8, l.holdMillis());
        if (l.agentId() == null) {
            ps.setNull(at + 9, java.sql.Types.BIGINT);
        } else {
            ps.setLong(at + 9, l.agentId());
        }
        ps.setBoolean(at + 10, l.transferredOut());
    }
}
