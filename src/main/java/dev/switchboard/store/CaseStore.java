package dev.switchboard.store;

import dev.switchboard.domain.TicketKind;
import dev.switchboard.domain.TicketPriority;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What tickets share as cases: SLA policies and holidays, merging, splitting and linking tickets,
 * watchers, the open clocks the escalation looks at, and the figures of the supervisor's reports.
 */
public final class CaseStore {
    private final Jdbc jdbc;

    public CaseStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** SLA targets in business minutes for one ticket kind and priority. */
    public record Policy(TicketKind kind, TicketPriority priority, int responseMinutes, int resolveMinutes) {
    }

    public List<Policy> policies() {
        return jdbc.query("SELECT kind, priority, response_min, resolve_min FROM sla_policy", ps -> { },
                rs -> new Policy(TicketKind.valueOf(rs.getString(1)), TicketPriority.valueOf(rs.getString(2)),
                        rs.getInt(3), rs.getInt(4)));
    }

    /** Sets the targets of one kind and priority. */
    public void savePolicy(Policy p) {
        jdbc.inTransaction(c -> {
            int n = Jdbc.update(c, "UPDATE sla_policy SET response_min = ?, resolve_min = ? WHERE kind = ? AND priority = ?",
                    ps -> {
                        ps.setInt(1, p.responseMinutes());
                        ps.setInt(2, p.resolveMinutes());
                        ps.setString(3, p.kind().name());
                        ps.setString(4, p.priority().name());
                    });
            if (n == 0) {
                Jdbc.update(c, "INSERT INTO sla_policy (kind, priority, response_min, resolve_min) VALUES (?, ?, ?, ?)",
                        ps -> {
                            ps.setString(1, p.kind().name());
                            ps.setString(2, p.priority().name());
                            ps.setInt(3, p.responseMinutes());
                            ps.setInt(4, p.resolveMinutes());
                        });
            }
            return null;
        });
    }

    public record Holiday(LocalDate day, String name) {
    }

    public List<Holiday> holidays() {
        return jdbc.query("SELECT off_day, name FROM holiday ORDER BY off_day", ps -> { },
                rs -> new Holiday(rs.getObject(1, LocalDate.class), rs.getString(2)));
    }

    public void addHoliday(Holiday h) {
        jdbc.inTransaction(c -> {
            Jdbc.update(c, "DELETE FROM holiday WHERE off_day = ?", ps -> ps.setObject(1, h.day()));
            return Jdbc.update(c, "INSERT INTO holiday (off_day, name) VALUES (?, ?)", ps -> {
                ps.setObject(1, h.day());
                ps.setString(2, h.name());
            });
        });
    }

    /** What moved in a merge: for the history and the answer. */
    public record Merged(int interactions, int notes, int watchers, int links) {
    }

    /**
     * Moves everything of {@code duplicateId} to {@code survivorId} in one transaction: its contacts,
     * notes, watchers and links; closes the duplicate, points it at the survivor, and writes both
     * histories. Both tickets' versions move on.
     */
    public Merged merge(long survivorId, long duplicateId, Long actorId, String actorName, Instant now) {
        return jdbc.inTransaction(c -> {
            int interactions = Jdbc.update(c, "INSERT INTO ticket_interaction (ticket_id, interaction_id) "
                    + "SELECT ?, interaction_id FROM ticket_interaction d WHERE d.ticket_id = ? AND NOT EXISTS "
                    + "(SELECT 1 FROM ticket_interaction s WHERE s.ticket_id = ? AND s.interaction_id = d.interaction_id)",
                    ps -> {
                        ps.setLong(1, survivorId);
                        ps.setLong(2, duplicateId);
                        ps.setLong(3, survivorId);
                    });
            int notes = Jdbc.update(c, "UPDATE ticket_note SET ticket_id = ? WHERE ticket_id = ?", ps -> {
                ps.setLong(1, survivorId);
                ps.setLong(2, duplicateId);
            });
            int watchers = Jdbc.update(c, "INSERT INTO ticket_watcher (ticket_id, agent_id) "
                    + "SELECT ?, agent_id FROM ticket_watcher d WHERE d.ticket_id = ? AND NOT EXISTS "
                    + "(SELECT 1 FROM ticket_watcher s WHERE s.ticket_id = ? AND s.agent_id = d.agent_id)", ps -> {
                        ps.setLong(1, survivorId);
                        ps.setLong(2, duplicateId);
                        ps.setLong(3, survivorId);
                    });
            int links = 0;
            for (long other : linkedTo(c, duplicateId)) {
                if (other != survivorId && insertLink(c, survivorId, other)) {
                    links++;
                }
            }
            Jdbc.update(c, "DELETE FROM ticket_link WHERE ticket_id = ? OR linked_id = ?", ps -> {
                ps.setLong(1, duplicateId);
                ps.setLong(2, duplicateId);
            });
            KnowledgeStore.moveHelped(c, survivorId, duplicateId);
            Jdbc.update(c, "UPDATE ticket SET status = 'CLOSED', merged_into = ?, resolved_at = COALESCE(resolved_at, ?), "
                    + "paused_since = NULL, updated_at = ?, version = version + 1 WHERE id = ?", ps -> {
                        ps.setLong(1, survivorId);
                        Jdbc.setInstant(ps, 2, now);
                        Jdbc.setInstant(ps, 3, now);
                        ps.setLong(4, duplicateId);
                    });
            bump(c, survivorId, now);
            Merged m = new Merged(interactions, notes, watchers, links);
            TicketStore.history(c, duplicateId, now, actorId, actorName, "Merged into T-" + survivorId + " as a duplicate");
            TicketStore.history(c, survivorId, now, actorId, actorName, "T-" + duplicateId + " merged in: "
                    + notes + " notes, " + interactions + " contacts, " + watchers + " watchers moved here");
            return m;
        });
    }

    /**
     * Creates a new ticket for the same customer, kind and priority, moves the notes and contacts named
     * to it, links the two, and writes both histories, in one transaction. Returns the new ticket's id.
     */
    public long split(long fromId, String subject, List<Long> noteIds, List<Long> interactionIds, Long actorId,
                      String actorName, Instant now) {
        return jdbc.inTransaction(c -> {
            long newId = Jdbc.insert(c, "INSERT INTO ticket (customer_id, subject, status, priority, kind, created_at, "
                    + "updated_at) SELECT customer_id, ?, 'OPEN', priority, kind, ?, ? FROM ticket WHERE id = ?", ps -> {
                        ps.setString(1, subject);
                        Jdbc.setInstant(ps, 2, now);
                        Jdbc.setInstant(ps, 3, now);
                        ps.setLong(4, fromId);
                    });
            for (long noteId : noteIds) {
                Jdbc.update(c, "UPDATE ticket_note SET ticket_id = ? WHERE id = ? AND ticket_id = ?", ps -> {
                    ps.setLong(1, newId);
                    ps.setLong(2, noteId);
                    ps.setLong(3, fromId);
                });
            }
            for (long interactionId : interactionIds) {
                Jdbc.update(c, "UPDATE ticket_interaction SET ticket_id = ? WHERE ticket_id = ? AND interaction_id = ?",
                        ps -> {
                            ps.setLong(1, newId);
                            ps.setLong(2, fromId);
                            ps.setLong(3, interactionId);
                        });
            }
            insertLink(c, fromId, newId);
            bump(c, fromId, now);
            TicketStore.history(c, newId, now, actorId, actorName, "Split from T-" + fromId + " with "
                    + noteIds.size() + " notes and " + interactionIds.size() + " contacts");
            TicketStore.history(c, fromId, now, actorId, actorName, "Split: " + noteIds.size() + " notes and "
                    + interactionIds.size() + " contacts moved to T-" + newId);
            return newId;
        });
    }

    /** Links two tickets as related; false when they were already. */
    public boolean link(long a, long b, Long actorId, String actorName, Instant now) {
        return jdbc.inTransaction(c -> {
            if (!insertLink(c, a, b)) {
                return false;
            }
            bump(c, a, now);
            bump(c, b, now);
            TicketStore.history(c, a, now, actorId, actorName, "Linked to T-" + b);
            TicketStore.history(c, b, now, actorId, actorName, "Linked to T-" + a);
            return true;
        });
    }

    /** Removes the link between two tickets; false when there was none. */
    public boolean unlink(long a, long b, Long actorId, String actorName, Instant now) {
        return jdbc.inTransaction(c -> {
            int n = Jdbc.update(c, "DELETE FROM ticket_link WHERE ticket_id = ? AND linked_id = ?", ps -> {
                ps.setLong(1, Math.min(a, b));
                ps.setLong(2, Math.max(a, b));
            });
            if (n == 0) {
                return false;
            }
            bump(c, a, now);
            bump(c, b, now);
            TicketStore.history(c, a, now, actorId, actorName, "Link to T-" + b + " removed");
            TicketStore.history(c, b, now, actorId, actorName, "Link to T-" + a + " removed");
            return true;
        });
    }

    /** Adds or removes a watcher; false when nothing changed. */
    public boolean watch(long ticketId, long agentId, String agentName, boolean watch, Long actorId, String actorName,
                         Instant now) {
        return jdbc.inTransaction(c -> {
            boolean watching = !Jdbc.query(c, "SELECT 1 FROM ticket_watcher WHERE ticket_id = ? AND agent_id = ?", ps -> {
                ps.setLong(1, ticketId);
                ps.setLong(2, agentId);
            }, rs -> 1).isEmpty();
            if (watching == watch) {
                return false;
            }
            Jdbc.update(c, watch ? "INSERT INTO ticket_watcher (ticket_id, agent_id) VALUES (?, ?)"
                    : "DELETE FROM ticket_watcher WHERE ticket_id = ? AND agent_id = ?", ps -> {
                        ps.setLong(1, ticketId);
                        ps.setLong(2, agentId);
                    });
            bump(c, ticketId, now);
            TicketStore.history(c, ticketId, now, actorId, actorName, (watch ? "Watched by " : "No longer watched by ")
                    + agentName);
            return true;
        });
    }

    /** A ticket's first response against its target, for the reports. */
    public record FirstResponse(long ticketId, TicketKind kind, Instant startedAt, Instant respondedAt,
                                Integer targetMinutes, long pausedMillis) {
    }

    /** Tickets with an SLA clock opened since {@code since}. */
    public List<FirstResponse> firstResponses(Instant since) {
        return jdbc.query("SELECT id, kind, sla_started_at, first_response_at, response_target_min, paused_ms "
                + "FROM ticket WHERE sla_started_at IS NOT NULL AND created_at >= ? AND merged_into IS NULL ORDER BY id",
                ps -> Jdbc.setInstant(ps, 1, since),
                rs -> new FirstResponse(rs.getLong(1), TicketKind.valueOf(rs.getString(2)),
                        Jdbc.instant(rs, "sla_started_at"), Jdbc.instant(rs, "first_response_at"),
                        rs.getInt("response_target_min"), rs.getLong("paused_ms")));
    }

    /** One complaint, for the counts by category and segment. */
    public record ComplaintRow(Instant openedAt, String category, String segment, String severity) {
    }

    public List<ComplaintRow> complaints(Instant since) {
        return jdbc.query("SELECT t.created_at, t.category, c.segment, t.severity FROM ticket t JOIN customer c "
                + "ON c.id = t.customer_id WHERE t.kind = 'COMPLAINT' AND t.created_at >= ? AND t.merged_into IS NULL "
                + "ORDER BY t.created_at", ps -> Jdbc.setInstant(ps, 1, since),
                rs -> new ComplaintRow(Jdbc.instant(rs, "created_at"), rs.getString(2), rs.getString(3),
                        rs.getString(4)));
    }

    private static List<Long> linkedTo(Connection c, long id) throws SQLException {
        Set<Long> out = new HashSet<>(Jdbc.query(c, "SELECT linked_id FROM ticket_link WHERE ticket_id = ? "
                + "UNION SELECT ticket_id FROM ticket_link WHERE linked_id = ?", ps -> {
                    ps.setLong(1, id);
                    ps.setLong(2, id);
                }, rs -> rs.getLong(1)));
        return new ArrayList<>(out);
    }

    private static boolean insertLink(Connection c, long a, long b) throws SQLException {
        long lo = Math.min(a, b);
        long hi = Math.max(a, b);
        boolean exists = !Jdbc.query(c, "SELECT 1 FROM ticket_link WHERE ticket_id = ? AND linked_id = ?", ps -> {
            ps.setLong(1, lo);
            ps.setLong(2, hi);
        }, rs -> 1).isEmpty();
        if (exists) {
            return false;
        }
        Jdbc.update(c, "INSERT INTO ticket_link (ticket_id, linked_id) VALUES (?, ?)", ps -> {
            ps.setLong(1, lo);
            ps.setLong(2, hi);
        });
        return true;
    }

    private static void bump(Connection c, long id, Instant now) throws SQLException {
        Jdbc.update(c, "UPDATE ticket SET updated_at = ?, version = version + 1 WHERE id = ?", ps -> {
            Jdbc.setInstant(ps, 1, now);
            ps.setLong(2, id);
        });
    }
}
