package dev.switchboard.store;

import dev.switchboard.domain.Channel;
import dev.switchboard.domain.Direction;
import dev.switchboard.domain.Interaction;
import dev.switchboard.domain.InteractionState;
import dev.switchboard.domain.Routing;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Interactions on every channel, and each customer's timeline of them. */
public final class InteractionStore {
    private static final String COLUMNS = "id, customer_id, channel, direction, state, address, subject, body, "
            + "created_at, answered_at, ended_at, agent_id, queue_id, priority, queued_at, target_agent_id, "
            + "transfer_note, callback_number, due_at, wrap_up_deadline, disposition, wrap_up_notes";

    private final Jdbc jdbc;
    private volatile java.util.function.LongFunction<Optional<Interaction>> unwritten = id -> Optional.empty();

    public InteractionStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /**
     * Where progress that is recorded but not written yet can be found (a write-behind buffer):
     * {@link #find} answers with it, so a reader always sees the latest state.
     */
    public void unwrittenFrom(java.util.function.LongFunction<Optional<Interaction>> source) {
        this.unwritten = source;
    }

    /** Stores a new interaction (its id is ignored) and returns it with the id given to it. */
    public Interaction insert(Interaction draft) {
        long id = jdbc.inTransaction(c -> Jdbc.insert(c, "INSERT INTO interaction (customer_id, channel, "
                + "direction, state, address, subject, body, created_at, answered_at, ended_at, agent_id, queue_id, "
                + "priority, queued_at, target_agent_id, transfer_note, callback_number, due_at, wrap_up_deadline, "
                + "disposition, wrap_up_notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                ps -> {
                    Jdbc.setLongOrNull(ps, 1, draft.customerId());
                    ps.setString(2, draft.channel().name());
                    ps.setString(3, draft.direction().name());
                    ps.setString(4, draft.state().name());
                    ps.setString(5, draft.address());
                    ps.setString(6, draft.subject());
                    ps.setString(7, draft.body());
                    Jdbc.setInstant(ps, 8, draft.createdAt());
                    Jdbc.setInstant(ps, 9, draft.answeredAt());
                    Jdbc.setInstant(ps, 10, draft.endedAt());
                    Jdbc.setLongOrNull(ps, 11, draft.agentId());
                    bindRouting(ps, 12, draft.routing());
                }));
        return new Interaction(id, draft.customerId(), draft.channel(), draft.direction(), draft.state(),
                draft.address(), draft.subject(), draft.body(), draft.createdAt(), draft.answeredAt(),
                draft.endedAt(), draft.agentId(), draft.routing());
    }

    public Optional<Interaction> find(long id) {
        // progress not yet on the disk is looked up before the row: it leaves the writer's hands only
        // once committed, so a row read after finding none there is at least as new
        Optional<Interaction> unwrittenBefore = unwritten.apply(id);
        Optional<Interaction> stored = jdbc.queryOne("SELECT " + COLUMNS + " FROM interaction WHERE id = ?",
                ps -> ps.setLong(1, id), InteractionStore::row);
        // the customer is always the stored one (only setCustomer changes it)
        return stored.map(s -> unwrittenBefore.or(() -> unwritten.apply(id))
                .map(p -> p.withCustomer(s.customerId())).orElse(s));
    }

    /**
     * Writes how far an interaction has got: state, times, agent and routing. The customer is left
     * alone; it changes only through {@link #setCustomer}, so an agent's pick is never overwritten.
     */
    public void updateProgress(Interaction i) {
        jdbc.inTransaction(c -> updateProgress(c, i));
    }

    /** Writes the progress of many interactions in one transaction (one batch). */
    public void updateProgress(java.util.Collection<Interaction> batch) {
        if (batch.isEmpty()) {
            return;
        }
        jdbc.inTransaction(c -> {
            try (java.sql.PreparedStatement ps = c.prepareStatement(PROGRESS)) {
                for (Interaction i : batch) {
                    bindProgress(ps, i);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** As {@link #updateProgress(Interaction)}, inside the caller's transaction. */
    public static int updateProgress(Connection c, Interaction i) throws SQLException {
        return Jdbc.update(c, PROGRESS, ps -> bindProgress(ps, i));
    }

    /**
     * Writes {@code queued} over the row unless someone else holds it: the row must still wait (or be
     * scheduled), or be with {@code previousAgent}. For nodes sharing the database, where another
     * node may have claimed the contact since. False when nothing was written.
     */
    public static boolean requeue(Connection c, Interaction queued, Long previousAgent) throws SQLException {
        return Jdbc.update(c, PROGRESS + " AND state IN ('QUEUED', 'SCHEDULED', 'OFFERED', 'ACTIVE', 'WRAP_UP')"
                + " AND (state IN ('QUEUED', 'SCHEDULED') OR agent_id = ?)", ps -> {
                    bindProgress(ps, queued);
                    ps.setLong(16, previousAgent == null ? -1 : previousAgent);
                }) == 1;
    }

    private static final String PROGRESS = "UPDATE interaction SET state = ?, answered_at = ?, ended_at = ?, "
            + "agent_id = ?, queue_id = ?, priority = ?, queued_at = ?, target_agent_id = ?, transfer_note = ?, "
            + "callback_number = ?, due_at = ?, wrap_up_deadline = ?, disposition = ?, wrap_up_notes = ? WHERE id = ?";

    private static void bindProgress(java.sql.PreparedStatement ps, Interaction i) throws SQLException {
        ps.setString(1, i.state().name());
        Jdbc.setInstant(ps, 2, i.answeredAt());
        Jdbc.setInstant(ps, 3, i.endedAt());
        Jdbc.setLongOrNull(ps, 4, i.agentId());
        bindRouting(ps, 5, i.routing());
        ps.setLong(15, i.id());
    }

    private static void bindRouting(java.sql.PreparedStatement ps, int from, Routing r) throws SQLException {
        Jdbc.setLongOrNull(ps, from, r.queueId());
        ps.setInt(from + 1, r.priority());
        Jdbc.setInstant(ps, from + 2, r.queuedAt());
        Jdbc.setLongOrNull(ps, from + 3, r.targetAgentId());
        ps.setString(from + 4, r.transferNote());
        ps.setString(from + 5, r.callbackNumber());
        Jdbc.setInstant(ps, from + 6, r.dueAt());
        Jdbc.setInstant(ps, from + 7, r.wrapUpDeadline());
        ps.setString(from + 8, r.disposition());
        ps.setString(from + 9, r.wrapUpNotes());
    }

    /** Sets only the customer of an interaction; false when there is no such interaction. */
    public boolean setCustomer(long interactionId, long customerId) {
        return jdbc.inTransaction(c -> setCustomer(c, interactionId, customerId)) == 1;
    }

    static int setCustomer(Connection c, long interactionId, long customerId) throws SQLException {
        return Jdbc.update(c, "UPDATE interaction SET customer_id = ? WHERE id = ?", ps -> {
            ps.setLong(1, customerId);
            ps.setLong(2, interactionId);
        });
    }

    /**
     * A page of the customer's timeline, newest first, strictly older than the cursor
     * ({@code beforeTime}, {@code beforeId}); pass nulls for the first page.
     */
    public List<Interaction> timeline(long customerId, Instant beforeTime, Long beforeId, int limit) {
        // ordered and bounded as index interaction_customer_time is, so a page reads its rows and no
        // more: without customer_id in ORDER BY, and with the cursor as an OR alone, H2 read and sorted
        // every one of the customer's rows for each page (seconds for a customer with a long history)
        if (beforeTime == null) {
            return jdbc.query("SELECT " + COLUMNS + " FROM interaction WHERE customer_id = ? "
                            + "ORDER BY customer_id, created_at DESC, id DESC FETCH FIRST ? ROWS ONLY",
                    ps -> {
                        ps.setLong(1, customerId);
                        ps.setInt(2, limit);
                    }, InteractionStore::row);
        }
        return jdbc.query("SELECT " + COLUMNS + " FROM interaction WHERE customer_id = ? "
                        + "AND created_at <= ? AND (created_at < ? OR id < ?) "
                        + "ORDER BY customer_id, created_at DESC, id DESC FETCH FIRST ? ROWS ONLY",
                ps -> {
                    ps.setLong(1, customerId);
                    Jdbc.setInstant(ps, 2, beforeTime);
                    Jdbc.setInstant(ps, 3, beforeTime);
                    ps.setLong(4, beforeId);
                    ps.setInt(5, limit);
                }, InteractionStore::row);
    }

    /** Interactions not finished yet (queued, offered, active): what a restarted server picks up. */
    public List<Interaction> unfinished() {
        return jdbc.query("SELECT " + COLUMNS + " FROM interaction "
                + "WHERE state IN ('SCHEDULED', 'QUEUED', 'OFFERED', 'ACTIVE', 'WRAP_UP') "
                + "ORDER BY created_at, id", ps -> { }, InteractionStore::row);
    }

    static Interaction row(ResultSet rs) throws SQLException {
        return new Interaction(rs.getLong("id"), Jdbc.longOrNull(rs, "customer_id"),
                Channel.valueOf(rs.getString("channel")), Direction.valueOf(rs.getString("direction")),
                InteractionState.valueOf(rs.getString("state")), rs.getString("address"),
                rs.getString("subject"), rs.getString("body"), Jdbc.instant(rs, "created_at"),
                Jdbc.instant(rs, "answered_at"), Jdbc.instant(rs, "ended_at"),
                Jdbc.longOrNull(rs, "agent_id"), new Routing(Jdbc.longOrNull(rs, "queue_id"), rs.getInt("priority"),
                        Jdbc.instant(rs, "queued_at"), Jdbc.longOrNull(rs, "target_agent_id"),
                        rs.getString("transfer_note"), rs.getString("callback_number"), Jdbc.instant(rs, "due_at"),
                        Jdbc.instant(rs, "wrap_up_deadline"), rs.getString("disposition"),
                        rs.getString("wrap_up_notes")));
    }
}
