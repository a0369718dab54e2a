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

    /** A new entry, not yet written. */
    public record NewEntry(long actorId, String action, String subject, String before, String after, Instant at) {
    }

    /** Writes many entries in one transaction (the audit of every write is batched behind the requests). */
    public void addAll(List<NewEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        jdbc.inTransaction(c -> {
            try (var ps = c.prepareStatement("INSERT INTO audit_entry (actor_id, action, subject, before_value, "
                    + "after_value, at) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (NewEntry e : entries) {
                    ps.setLong(1, e.actorId());
                    ps.setString(2, clip(e.action(), 60));
                    ps.setString(3, clip(e.subject(), 200));
                    ps.setString(4, clip(e.before(), 4000));
                    ps.setString(5, clip(e.after(), 4000));
                    Jdbc.setInstant(ps, 6, e.at());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** What an administrator asks of the log; null fields do not narrow it. */
    public record Filter(Long actorId, String actionPrefix, String subjectContains, Instant from, Instant to, int limit) {
    }

    /** The entries matching {@code f}, newest first, at most {@code f.limit()}. */
    public List<Entry> query(Filter f) {
        StringBuilder sql = new StringBuilder("SELECT id, actor_id, action, subject, before_value, after_value, at "
                + "FROM audit_entry WHERE 1 = 1");
        List<Object> args = new java.util.ArrayList<>();
        if (f.actorId() != null) {
            sql.append(" AND actor_id = ?");
            args.add(f.actorId());
        }
        if (f.actionPrefix() != null) {
            sql.append(" AND action LIKE ? ESCAPE '!'");
            args.add(like(f.actionPrefix()) + "%");
        }
        if (f.subjectContains() != null) {
            sql.append(" AND LOWER(subject) LIKE ? ESCAPE '!'");
            args.add("%" + like(f.subjectContains().toLowerCase(java.util.Locale.ROOT)) + "%");
        }
        if (f.from() != null) {
            sql.append(" AND at >= ?");
            args.add(f.from());
        }
        if (f.to() != null) {
            sql.append(" AND at < ?");
            args.add(f.to());
        }
        sql.append(" ORDER BY at DESC, id DESC LIMIT ?");
        args.add(f.limit());
        return jdbc.query(sql.toString(), ps -> {
            for (int i = 0; i < args.size(); i++) {
                Object a = args.get(i);
                if (a instanceof Instant at) {
                    Jdbc.setInstant(ps, i + 1, at);
                } else if (a instanceof Long l) {
                    ps.setLong(i + 1, l);
                } else if (a instanceof Integer n) {
                    ps.setInt(i + 1, n);
                } else {
                    ps.setString(i + 1, (String) a);
                }
            }
        }, AuditStore::entry);
    }

    private static String like(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private static Entry entry(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Entry(rs.getLong("id"), rs.getLong("actor_id"), rs.getString("action"), rs.getString("subject"),
                rs.getString("before_value"), rs.getString("after_value"), Jdbc.instant(rs, "at"));
    }

    /** The newest {@code limit} entries, newest first. */
    public List<Entry> latest(int limit) {
        return jdbc.query("SELECT id, actor_id, action, subject, before_value, after_value, at FROM audit_entry "
                        + "ORDER BY at DESC, id DESC LIMIT ?", ps -> ps.setInt(1, limit), AuditStore::entry);
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
