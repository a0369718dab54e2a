package dev.switchboard.store;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Sign-in sessions shared by every server node on one database, each found by the SHA-256 of its
 * token (the caller hashes; the token itself is never stored). A row is ended once, by the
 * database's clock, so that {@link #endedSince} gives every node the same answer whatever its own
 * clock says; sign-in and last use are the server's times, which the session limits are counted in.
 */
public final class SessionStore {
    private final Jdbc jdbc;

    public SessionStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** A session not ended: whose it is, when it was signed in and when it was last written as used. */
    public record Row(long agentId, Instant signedIn, Instant lastSeen) {
    }

    /** The sessions ended at or after a moment, and the database's time when that was asked. */
    public record Ended(Set<String> tokenHashes, Instant asOf) {
    }

    public void insert(String tokenHash, long agentId, Instant signedIn) {
        jdbc.inTransaction(c -> Jdbc.update(c, "INSERT INTO auth_session (token_hash, agent_id, signed_in, last_seen) "
                + "VALUES (?, ?, ?, ?)", ps -> {
                    ps.setString(1, tokenHash);
                    ps.setLong(2, agentId);
                    Jdbc.setInstant(ps, 3, signedIn);
                    Jdbc.setInstant(ps, 4, signedIn);
                }));
    }

    /** The session with this hash, unless it ended or is unknown (whether it is past its limits is the caller's call). */
    public Optional<Row> find(String tokenHash) {
        return jdbc.queryOne("SELECT agent_id, signed_in, last_seen FROM auth_session "
                        + "WHERE token_hash = ? AND ended_at IS NULL", ps -> ps.setString(1, tokenHash),
                rs -> new Row(rs.getLong("agent_id"), Jdbc.instant(rs, "signed_in"), Jdbc.instant(rs, "last_seen")));
    }

    /** Ends one session; true when it had not ended and was signed in after {@code signedInAfter}. */
    public boolean end(String tokenHash, Instant signedInAfter) {
        return jdbc.inTransaction(c -> Jdbc.update(c, "UPDATE auth_session SET ended_at = CURRENT_TIMESTAMP "
                + "WHERE token_hash = ? AND ended_at IS NULL AND signed_in > ?", ps -> {
                    ps.setString(1, tokenHash);
                    Jdbc.setInstant(ps, 2, signedInAfter);
                })) > 0;
    }

    /** Ends every session of an agent signed in after {@code signedInAfter}; returns how many. */
    public int endAll(long agentId, Instant signedInAfter) {
        return jdbc.inTransaction(c -> Jdbc.update(c, "UPDATE auth_session SET ended_at = CURRENT_TIMESTAMP "
                + "WHERE agent_id = ? AND ended_at IS NULL AND signed_in > ?", ps -> {
                    ps.setLong(1, agentId);
                    Jdbc.setInstant(ps, 2, signedInAfter);
                }));
    }

    /**
     * Writes when sessions were last used, all in one batch; a row another node wrote a later time
     * to, or that ended meanwhile, keeps what it has.
     */
    public void touch(Map<String, Instant> lastSeenByHash) {
        if (lastSeenByHash.isEmpty()) {
            return;
        }
        jdbc.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE auth_session SET last_seen = ? "
                    + "WHERE token_hash = ? AND last_seen < ? AND ended_at IS NULL")) {
                for (Map.Entry<String, Instant> e : lastSeenByHash.entrySet()) {
                    Jdbc.setInstant(ps, 1, e.getValue());
                    ps.setString(2, e.getKey());
                    Jdbc.setInstant(ps, 3, e.getValue());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** The database's clock now: where a first {@link #endedSince} starts from. */
    public Instant now() {
        return jdbc.read(SessionStore::databaseNow);
    }

    /**
     * The sessions ended at or after {@code since} (the database's clock), with the database's time
     * read just before them: asking again from a little before that time misses no row, even one
     * whose transaction was still committing.
     */
    public Ended endedSince(Instant since) {
        return jdbc.read(c -> {
            Instant asOf = databaseNow(c);
            List<String> hashes = Jdbc.query(c, "SELECT token_hash FROM auth_session WHERE ended_at >= ?",
                    ps -> Jdbc.setInstant(ps, 1, since), rs -> rs.getString("token_hash"));
            return new Ended(Set.copyOf(hashes), asOf);
        });
    }

    /**
     * Deletes sessions ended before {@code endedBefore} (the database's clock), signed in before
     * {@code signedInBefore} or last used before {@code seenBefore}; returns how many.
     */
    public int deleteExpired(Instant endedBefore, Instant signedInBefore, Instant seenBefore) {
        return jdbc.inTransaction(c -> Jdbc.update(c, "DELETE FROM auth_session WHERE ended_at < ? OR signed_in < ? "
                + "OR last_seen < ?", ps -> {
                    Jdbc.setInstant(ps, 1, endedBefore);
                    Jdbc.setInstant(ps, 2, signedInBefore);
                    Jdbc.setInstant(ps, 3, seenBefore);
                }));
    }

    private static Instant databaseNow(Connection c) throws SQLException {
        return Jdbc.query(c, "SELECT CURRENT_TIMESTAMP AS db_now", ps -> { }, rs -> Jdbc.instant(rs, "db_now")).get(0);
    }
}
