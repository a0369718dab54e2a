package dev.switchboard.store;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** The answers to requests that carried an idempotency key, per agent. */
public final class IdempotencyStore {
    private final Jdbc jdbc;

    public IdempotencyStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** A request as first made, and its answer ({@code status} 0 while it is still running). */
    public record Entry(String method, String path, int status, String body) {
        public boolean running() {
            return status == 0;
        }
    }

    /**
     * Claims a key for a request about to run: true when this is the first time the agent used it;
     * false when a request with this key exists (read it with {@link #find}).
     */
    public boolean claim(long agentId, String key, String method, String path, Instant now) {
        try {
            return jdbc.inTransaction(c -> {
                if (!Jdbc.query(c, "SELECT 1 FROM idempotent_request WHERE agent_id = ? AND request_key = ?", ps -> {
                    ps.setLong(1, agentId);
                    ps.setString(2, key);
                }, rs -> 1).isEmpty()) {
                    return false;
                }
                Jdbc.update(c, "INSERT INTO idempotent_request (agent_id, request_key, method, path, status, created_at) "
                        + "VALUES (?, ?, ?, ?, 0, ?)", ps -> {
                            ps.setLong(1, agentId);
                            ps.setString(2, key);
                            ps.setString(3, method);
                            ps.setString(4, path);
                            Jdbc.setInstant(ps, 5, now);
                        });
                return true;
            });
        } catch (StoreException e) {
            // a concurrent request with the same key inserted it first
            if (e.getCause() instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return false;
            }
            throw e;
        }
    }

    public Optional<Entry> find(long agentId, String key) {
        return jdbc.queryOne("SELECT method, path, status, body FROM idempotent_request WHERE agent_id = ? "
                + "AND request_key = ?", ps -> {
                    ps.setLong(1, agentId);
                    ps.setString(2, key);
                }, rs -> new Entry(rs.getString("method"), rs.getString("path"), rs.getInt("status"), rs.getString("body")));
    }

    /** Keeps the answer of a claimed request. */
    public void complete(long agentId, String key, int status, String body) {
        jdbc.inTransaction(c -> Jdbc.update(c, "UPDATE idempotent_request SET status = ?, body = ? WHERE agent_id = ? "
                + "AND request_key = ?", ps -> {
                    ps.setInt(1, status);
                    ps.setString(2, body);
                    ps.setLong(3, agentId);
                    ps.setString(4, key);
                }));
    }

    /** Lets a key be used again (its request failed on the server's side and changed nothing). */
    public void release(long agentId, String key) {
        jdbc.inTransaction(c -> Jdbc.update(c, "DELETE FROM idempotent_request WHERE agent_id = ? AND request_key = ?",
                ps -> {
                    ps.setLong(1, agentId);
                    ps.setString(2, key);
                }));
    }

    /** Forgets answers older than {@code before}. */
    /**
     * Lets go of every key whose request was still running: called at start, when none can be (the
     * server stopped in the middle of it and its transaction did not commit), so a client's retry runs.
     */
    public int releaseUnfinished() {
        return jdbc.inTransaction(c -> Jdbc.update(c, "DELETE FROM idempotent_request WHERE status = 0", ps -> { }));
    }

    public int forget(Instant before) {
        return jdbc.inTransaction(c -> Jdbc.update(c, "DELETE FROM idempotent_request WHERE created_at < ?",
                ps -> Jdbc.setInstant(ps, 1, before)));
    }
}
