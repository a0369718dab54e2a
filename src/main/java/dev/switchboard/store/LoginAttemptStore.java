package dev.switchboard.store;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Failed sign-ins per user name and the locks they lead to. Every change is one transaction that
 * holds the name's row locked, so two server nodes counting failures for the same name at once
 * neither lose a count nor both decide differently.
 */
public final class LoginAttemptStore {
    private final Jdbc jdbc;

    public LoginAttemptStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /**
     * When the user name is locked until (a moment after {@code now}), or empty when it is not locked.
     */
    public Optional<Instant> lockedUntil(String username, Instant now) {
        return jdbc.queryOne("SELECT locked_until FROM login_attempt WHERE username = ?",
                        ps -> ps.setString(1, key(username)), rs -> Optional.ofNullable(Jdbc.instant(rs, "locked_until")))
                .flatMap(o -> o).filter(until -> until.isAfter(now));
    }

    /**
     * Counts one failed sign-in. Failures older than {@code window} (from the first of a run) no
     * longer count; the {@code limit}-th failure within the window locks the name for {@code lockFor}
     * and starts the count again. Returns the lock's end when this failure locked the name.
     */
    public Optional<Instant> recordFailure(String username, Instant now, Duration window, int limit, Duration lockFor) {
        String name = key(username);
        try {
            return countFailure(name, now, window, limit, lockFor);
        } catch (StoreException e) {
            // another node inserted the name's first row at the same moment: count on that row
            if (e.getCause() instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return countFailure(name, now, window, limit, lockFor);
            }
            throw e;
        }
    }

    private Optional<Instant> countFailure(String name, Instant now, Duration window, int limit, Duration lockFor) {
        return jdbc.inTransaction(c -> {
            record Row(int failures, Instant first) {
            }
            var rows = Jdbc.query(c, "SELECT failures, first_failure FROM login_attempt WHERE username = ? FOR UPDATE",
                    ps -> ps.setString(1, name), rs -> new Row(rs.getInt("failures"), Jdbc.instant(rs, "first_failure")));
            if (rows.isEmpty()) {
                boolean lockNow = limit <= 1;
                Jdbc.update(c, "INSERT INTO login_attempt (username, failures, first_failure, locked_until, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?)", ps -> {
                            ps.setString(1, name);
                            ps.setInt(2, lockNow ? 0 : 1);
                            Jdbc.setInstant(ps, 3, lockNow ? null : now);
                            Jdbc.setInstant(ps, 4, lockNow ? now.plus(lockFor) : null);
                            Jdbc.setInstant(ps, 5, now);
                        });
                return lockNow ? Optional.of(now.plus(lockFor)) : Optional.<Instant>empty();
            }
            Row row = rows.get(0);
            boolean fresh = row.first() == null || row.failures() == 0 || row.first().plus(window).isBefore(now);
            int failures = fresh ? 1 : row.failures() + 1;
            Instant first = fresh ? now : row.first();
            boolean lockNow = failures >= limit;
            Jdbc.update(c, "UPDATE login_attempt SET failures = ?, first_failure = ?, locked_until = ?, updated_at = ? "
                    + "WHERE username = ?", ps -> {
                        ps.setInt(1, lockNow ? 0 : failures);
                        Jdbc.setInstant(ps, 2, lockNow ? null : first);
                        Jdbc.setInstant(ps, 3, lockNow ? now.plus(lockFor) : null);
                        Jdbc.setInstant(ps, 4, now);
                        ps.setString(5, name);
                    });
            return lockNow ? Optional.of(now.plus(lockFor)) : Optional.<Instant>empty();
        });
    }

    /** A successful sign-in: the name's failures are forgotten. */
    public void reset(String username) {
        jdbc.inTransaction(c -> Jdbc.update(c, "DELETE FROM login_attempt WHERE username = ?",
                ps -> ps.setString(1, key(username))));
    }

    /** Forgets names neither locked nor failed since {@code before}; returns how many. */
    public int forgetOlderThan(Instant before) {
        return jdbc.inTransaction(c -> Jdbc.update(c, "DELETE FROM login_attempt WHERE updated_at < ? "
                + "AND (locked_until IS NULL OR locked_until < ?)", ps -> {
                    Jdbc.setInstant(ps, 1, before);
                    Jdbc.setInstant(ps, 2, before);
                }));
    }

    /** User names are compared without case: "Alice" and "alice" share one count. */
    private static String key(String username) {
        String k = username.strip().toLowerCase(Locale.ROOT);
        return k.length() > 64 ? k.substring(0, 64) : k;
    }
}
