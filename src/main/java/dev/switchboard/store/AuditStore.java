package dev.switchboard.store;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.List;

/** The audit log: what a supervisor (or administrator) did, to what, when, with the value before and after. */
public final class AuditStore {
    private final Jdbc jdbc;

    /** One entry; {@code before} and {@code after} are short descriptions (null when there is none). */
    public record Entry(long id, long actorId, String action, String subject, String before, String after, Instant at) {
    }

    public AuditStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    public void add(long actorId, String action, String subject, String before, String after, Instant at) {
        jdbc.inTransaction(c -> Jdbc.update(c, "INSERT INTO audit_entry (actor_id, action, subject, before_value, "
                + "after_value, at) VALUES (?, ?, ?, ?, ?, ?)", ps -> {
                    ps.setLong(1, actorId);
                    ps.setString(2, action);
                    ps.setString(3, clip(subject, 200));
                    ps.setString(4, clip(before, 4000));
                    ps.setString(5, clip(after, 4000));
                    Jdbc.setInstant(ps, 6, at);
                }));
    }

    /** The newest {@code limit} entries, newest first. */
    public List<Entry> latest(int limit) {
        return jdbc.query("SELECT id, actor_id, action, subject, before_value, after_value, at FROM audit_entry "
                        + "ORDER BY at DESC, id DESC LIMIT ?", ps -> ps.setInt(1, limit),
                rs -> new Entry(rs.getLong("id"), rs.getLong("actor_id"), rs.getString("action"), rs.getString("subject"),
                        rs.getString("before_value"), rs.getString("after_value"), Jdbc.instant(rs, "at")));
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
