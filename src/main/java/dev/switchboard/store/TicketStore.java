package dev.switchboard.store;

import dev.switchboard.domain.CaseFile;
import dev.switchboard.domain.NoteVisibility;
import dev.switchboard.domain.Severity;
import dev.switchboard.domain.Ticket;
import dev.switchboard.domain.TicketKind;
import dev.switchboard.domain.TicketNote;
import dev.switchboard.domain.TicketPriority;
import dev.switchboard.domain.TicketStatus;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Tickets, their notes and the interactions linked to them. */
public final class TicketStore {
    private static final String COLUMNS = "id, customer_id, subject, status, priority, created_at, updated_at, version, "
            + "due_at, first_response_at, kind, sla_started_at, response_target_min, resolve_target_min, paused_ms, "
            + "paused_since, resolved_at, escalation, severity, department, category, promised_at, addressed, merged_into, "
            + "assignee_id";
    /** Earlier than any ticket's SLA clock can have started. */
    private static final Instant BEFORE_ANY_CLOCK = Instant.parse("0001-01-01T00:00:00Z");

    private final Jdbc jdbc;

    public TicketStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** The ticket was changed by someone else since the version the caller saw. */
    public static final class VersionConflict extends RuntimeException {
        private final transient Ticket current;

        public VersionConflict(Ticket current) {
            super("ticket " + current.id() + " is at version " + current.version());
            this.current = current;
        }

        public Ticket current() {
            return current;
        }
    }

    /** Creates a ticket, optionally linked to an interaction and with a first note, in one transaction. */
    public Ticket create(long customerId, String subject, TicketPriority priority, Long interactionId,
                         String note, Long authorId, String authorName, Instant now) {
        return create(customerId, subject, priority, interactionId == null ? List.of() : List.of(interactionId), note,
                authorId, authorName, now, CaseFile.NONE, "Opened");
    }

    /**
     * Creates a ticket with its case details (kind, SLA clocks, complaint), linked to the interactions
     * given and with a first note, and the first line of its history, in one transaction.
     */
    public Ticket create(long customerId, String subject, TicketPriority priority, List<Long> interactionIds,
                         String note, Long authorId, String authorName, Instant now, CaseFile file, String history) {
        long id = jdbc.inTransaction(c -> {
            long ticketId = Jdbc.insert(c, "INSERT INTO ticket (customer_id, subject, status, priority, "
                    + "created_at, updated_at, assignee_id) VALUES (?, ?, 'OPEN', ?, ?, ?, ?)", ps -> {
                        ps.setLong(1, customerId);
                        ps.setString(2, subject);
                        ps.setString(3, priority.name());
                        Jdbc.setInstant(ps, 4, now);
                        Jdbc.setInstant(ps, 5, now);
                        Jdbc.setLongOrNull(ps, 6, file.assigneeId());
                    });
            writeCase(c, ticketId, file);
            for (long interactionId : interactionIds) {
                link(c, ticketId, interactionId);
            }
            if (note != null && !note.isBlank()) {
                insertNote(c, ticketId, authorId, authorName, note, now, NoteVisibility.INTERNAL);
            }
            history(c, ticketId, now, authorId, authorName, history);
            return ticketId;
        });
        return find(id).orElseThrow();
    }

    public Optional<Ticket> find(long id) {
        return jdbc.read(c -> {
            List<Ticket> found = load(c, "SELECT " + COLUMNS + " FROM ticket WHERE id = ?", id, true);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        });
    }

    /** A ticket without its notes: its customer, status, priority and version, for a look before a change. */
    public Optional<Ticket> findHead(long id) {
        return jdbc.read(c -> {
            List<Ticket> found = load(c, "SELECT " + COLUMNS + " FROM ticket WHERE id = ?", id, false);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        });
    }

    /**
     * Open and pending tickets whose SLA clocks run, without their notes, in one read: the escalation's
     * round, every 30 s. One seek of {@code ticket_sla_open} per status: with {@code status IN (...)
     * AND sla_started_at IS NOT NULL} H2 seeks on the status alone and reads the row of every open
     * ticket, clock or none (167,631 rows for 18,091 with clocks in the benchmark's database). A
     * started clock is later than {@link #BEFORE_ANY_CLOCK}, so the range is "not null" in a form both
     * databases seek.
     */
    public List<Ticket> openWithClocks() {
        return jdbc.read(c -> load(c, openWithClocksSql(), ps -> {
            ps.setString(1, TicketStatus.OPEN.name());
            Jdbc.setInstant(ps, 2, BEFORE_ANY_CLOCK);
            ps.setString(3, TicketStatus.PENDING.name());
            Jdbc.setInstant(ps, 4, BEFORE_ANY_CLOCK);
        }, false));
    }

    /** The statement of {@link #openWithClocks}: status, clock start, status, clock start. */
    static String openWithClocksSql() {
        String running = " FROM ticket WHERE status = ? AND sla_started_at > ?";
        return "SELECT " + COLUMNS + running + " UNION ALL SELECT " + COLUMNS + running + " ORDER BY id";
    }

    /** Open and pending tickets of a customer, most urgent first, without their notes. */
    public List<Ticket> openByCustomer(long customerId) {
        return jdbc.read(c -> load(c, "SELECT " + COLUMNS + " FROM ticket WHERE customer_id = ? "
                + "AND status IN ('OPEN', 'PENDING') ORDER BY created_at", customerId, false))
                .stream()
                .sorted((a, b) -> b.priority().compareTo(a.priority()) != 0
                        ? b.priority().compareTo(a.priority()) : a.createdAt().compareTo(b.createdAt()))
                .toList();
    }

    /**
     * Applies a partial update. When {@code expectedVersion} is given and the ticket has moved on,
     * nothing is written and {@link VersionConflict} carries the current ticket.
     */
    public Optional<Ticket> update(long id, Long expectedVersion, String subject, TicketStatus status,
                                   TicketPriority priority, Long linkInteractionId, Instant now) {
        return update(id, expectedVersion, t -> new Change(subject != null ? subject : t.subject(),
                status != null ? status : t.status(), priority != null ? priority : t.priority(), t.caseFile(),
                List.of()), linkInteractionId, null, "", now);
    }

    /** What an update makes of a ticket: its new subject, status, priority and case, and what to add to its history. */
    public record Change(String subject, TicketStatus status, TicketPriority priority, CaseFile caseFile,
                         List<String> history) {
    }

    /**
     * Applies the change {@code change} works out from the ticket as it is, locked, in one transaction.
     * When {@code expectedVersion} is given and the ticket has moved on, nothing is written and
     * {@link VersionConflict} carries the current ticket. Anything {@code change} throws leaves the
     * ticket as it was.
     */
    public Optional<Ticket> update(long id, Long expectedVersion, java.util.function.Function<Ticket, Change> change,
                                   Long linkInteractionId, Long actorId, String actorName, Instant now) {
        Optional<Long> updated = jdbc.inTransaction(c -> {
            List<Ticket> found = load(c, "SELECT " + COLUMNS + " FROM ticket WHERE id = ? FOR UPDATE", id, false);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            Ticket t = found.get(0);
            if (expectedVersion != null && expectedVersion != t.version()) {
                throw new VersionConflict(t);
            }
            Change next = change.apply(t);
            Jdbc.update(c, "UPDATE ticket SET subject = ?, status = ?, priority = ?, updated_at = ?, "
                    + "version = version + 1 WHERE id = ?", ps -> {
                        ps.setString(1, next.subject());
                        ps.setString(2, next.status().name());
                        ps.setString(3, next.priority().name());
                        Jdbc.setInstant(ps, 4, now);
                        ps.setLong(5, id);
                    });
            writeCase(c, id, next.caseFile());
            if (linkInteractionId != null && !t.interactionIds().contains(linkInteractionId)) {
                link(c, id, linkInteractionId);
            }
            for (String line : next.history()) {
                history(c, id, now, actorId, actorName, line);
            }
            return Optional.of(id);
        });
        return updated.isEmpty() ? Optional.empty() : find(id);
    }

    public Optional<Ticket> addNote(long ticketId, Long authorId, String authorName, String body, Instant now) {
        return note(ticketId, authorId, authorName, body, now).isPresent() ? find(ticketId) : Optional.empty();
    }

    /**
     * Adds a note that is internal or records a reply to the customer. A reply is the customer's first
     * response when they had none yet.
     */
    public Optional<Ticket> addNote(long ticketId, Long authorId, String authorName, String body, Instant now,
                                    NoteVisibility visibility) {
        boolean done = jdbc.inTransaction(c -> {
            int n = Jdbc.update(c, "UPDATE ticket SET updated_at = ?, version = version + 1 WHERE id = ?", ps -> {
                Jdbc.setInstant(ps, 1, now);
                ps.setLong(2, ticketId);
            });
            if (n == 0) {
                return false;
            }
            insertNote(c, ticketId, authorId, authorName, body, now, visibility);
            if (visibility == NoteVisibility.REPLY) {
                Jdbc.update(c, "UPDATE ticket SET first_response_at = ? WHERE id = ? AND first_response_at IS NULL",
                        ps -> {
                            Jdbc.setInstant(ps, 1, now);
                            ps.setLong(2, ticketId);
                        });
            }
            return true;
        });
        return done ? find(ticketId) : Optional.empty();
    }

    /**
     * Adds a note without reading the ticket back: the version the note moved the ticket to, or
     * empty when there is no such ticket.
     */
    public OptionalLong note(long ticketId, Long authorId, String authorName, String body, Instant now) {
        long version = jdbc.inTransaction(c -> {
            int n = Jdbc.update(c, "UPDATE ticket SET updated_at = ?, version = version + 1 WHERE id = ?", ps -> {
                Jdbc.setInstant(ps, 1, now);
                ps.setLong(2, ticketId);
            });
            if (n == 0) {
                return -1L;
            }
            insertNote(c, ticketId, authorId, authorName, body, now, NoteVisibility.INTERNAL);
            return Jdbc.query(c, "SELECT version FROM ticket WHERE id = ?", ps -> ps.setLong(1, ticketId),
                    rs -> rs.getLong(1)).get(0);
        });
        return version < 0 ? OptionalLong.empty() : OptionalLong.of(version);
    }

    /** Adds a line to the ticket's history (moving its version on, so desktops see it). */
    public void addHistory(long ticketId, Long actorId, String actorName, String what, Instant now) {
        jdbc.inTransaction(c -> {
            Jdbc.update(c, "UPDATE ticket SET updated_at = ?, version = version + 1 WHERE id = ?", ps -> {
                Jdbc.setInstant(ps, 1, now);
                ps.setLong(2, ticketId);
            });
            history(c, ticketId, now, actorId, actorName, what);
            return null;
        });
    }

    /** Links an interaction to a ticket (once). */
    public void link(long ticketId, long interactionId) {
        jdbc.inTransaction(c -> {
            boolean linked = !Jdbc.query(c, "SELECT 1 FROM ticket_interaction WHERE ticket_id = ? AND interaction_id = ?",
                    ps -> {
                        ps.setLong(1, ticketId);
                        ps.setLong(2, interactionId);
                    }, rs -> 1).isEmpty();
            if (!linked) {
                link(c, ticketId, interactionId);
            }
            return null;
        });
    }

    /** The tickets an interaction is linked to, oldest first. */
    public List<Long> ticketsOf(long interactionId) {
        return jdbc.read(c -> Jdbc.query(c, "SELECT ticket_id FROM ticket_interaction WHERE interaction_id = ? "
                + "ORDER BY ticket_id", ps -> ps.setLong(1, interactionId), rs -> rs.getLong(1)));
    }

    /** Sets the e-mail SLA deadline (when a customer's mail is waiting for an answer). */
    public void setDue(long ticketId, Instant dueAt) {
        jdbc.inTransaction(c -> Jdbc.update(c, "UPDATE ticket SET due_at = ? WHERE id = ?", ps -> {
            Jdbc.setInstant(ps, 1, dueAt);
            ps.setLong(2, ticketId);
        }));
    }

    /** Records the first answer to the customer; later answers leave it as it is. */
    public void markFirstResponse(long ticketId, Instant at) {
        jdbc.inTransaction(c -> Jdbc.update(c, "UPDATE ticket SET first_response_at = ? WHERE id = ? "
                + "AND first_response_at IS NULL", ps -> {
                    Jdbc.setInstant(ps, 1, at);
                    ps.setLong(2, ticketId);
                }));
    }

    private static void link(Connection c, long ticketId, long interactionId) throws SQLException {
        Jdbc.update(c, "INSERT INTO ticket_interaction (ticket_id, interaction_id) VALUES (?, ?)", ps -> {
            ps.setLong(1, ticketId);
            ps.setLong(2, interactionId);
        });
    }

    private static void insertNote(Connection c, long ticketId, Long authorId, String authorName, String body,
                                   Instant now, NoteVisibility visibility) throws SQLException {
        Jdbc.update(c, "INSERT INTO ticket_note (ticket_id, author_id, author_name, body, created_at, visibility) "
                + "VALUES (?, ?, ?, ?, ?, ?)", ps -> {
                    ps.setLong(1, ticketId);
                    Jdbc.setLongOrNull(ps, 2, authorId);
                    ps.setString(3, authorName == null ? "" : authorName);
                    ps.setString(4, body);
                    Jdbc.setInstant(ps, 5, now);
                    ps.setString(6, visibility.name());
                });
    }

    /**
     * Hands the ticket from {@code fromId} (null: nobody) to another person, with a line in its history,
     * in one transaction; the version moves on, so an editor open on the old one is told it changed.
     * Empty, and nothing written, when the ticket is gone or someone else has it by now (another node's
     * round got there first).
     */
    public Optional<Ticket> reassign(long ticketId, Long fromId, Long assigneeId, Long actorId, String actorName,
                                     String what, Instant now) {
        boolean moved = jdbc.inTransaction(c -> {
            int n = Jdbc.update(c, "UPDATE ticket SET assignee_id = ?, updated_at = ?, version = version + 1 WHERE id = ? "
                    + (fromId == null ? "AND assignee_id IS NULL" : "AND assignee_id = ?"), ps -> {
                        Jdbc.setLongOrNull(ps, 1, assigneeId);
                        Jdbc.setInstant(ps, 2, now);
                        ps.setLong(3, ticketId);
                        if (fromId != null) {
                            ps.setLong(4, fromId);
                        }
                    });
            if (n == 1) {
                history(c, ticketId, now, actorId, actorName, what);
            }
            return n == 1;
        });
        return moved ? find(ticketId) : Optional.empty();
    }

    static void history(Connection c, long ticketId, Instant at, Long actorId, String actorName, String what)
            throws SQLException {
        Jdbc.update(c, "INSERT INTO ticket_history (ticket_id, at, actor_id, actor_name, what) VALUES (?, ?, ?, ?, ?)",
                ps -> {
                    ps.setLong(1, ticketId);
                    Jdbc.setInstant(ps, 2, at);
                    Jdbc.setLongOrNull(ps, 3, actorId);
                    ps.setString(4, actorName == null ? "" : actorName);
                    ps.setString(5, what.length() > 1000 ? what.substring(0, 1000) : what);
                });
    }

    private static void writeCase(Connection c, long ticketId, CaseFile f) throws SQLException {
        Jdbc.update(c, "UPDATE ticket SET kind = ?, sla_started_at = ?, response_target_min = ?, resolve_target_min = ?, "
                + "paused_ms = ?, paused_since = ?, resolved_at = ?, escalation = ?, severity = ?, department = ?, "
                + "category = ?, promised_at = ?, addressed = ?, merged_into = ? WHERE id = ?", ps -> {
                    ps.setString(1, f.kind().name());
                    Jdbc.setInstant(ps, 2, f.slaStartedAt());
                    setIntOrNull(ps, 3, f.responseTargetMin());
                    setIntOrNull(ps, 4, f.resolveTargetMin());
                    ps.setLong(5, f.pausedMillis());
                    Jdbc.setInstant(ps, 6, f.pausedSince());
                    Jdbc.setInstant(ps, 7, f.resolvedAt());
                    ps.setInt(8, f.escalation());
                    ps.setString(9, f.severity() == null ? null : f.severity().name());
                    ps.setString(10, f.department());
                    ps.setString(11, f.category());
                    Jdbc.setInstant(ps, 12, f.promisedAt());
                    if (f.addressed() == null) {
                        ps.setNull(13, java.sql.Types.BOOLEAN);
                    } else {
                        ps.setBoolean(13, f.addressed());
                    }
                    Jdbc.setLongOrNull(ps, 14, f.mergedInto());
                    ps.setLong(15, ticketId);
                });
    }

    private static void setIntOrNull(java.sql.PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, java.sql.Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }

    private static Integer intOrNull(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    private static List<Ticket> load(Connection c, String sql, long key, boolean withNotes) throws SQLException {
        return load(c, sql, ps -> ps.setLong(1, key), withNotes);
    }

    /**
     * The tickets the statement picks, with what belongs to them read by their ids in lists of at most
     * {@value #IDS_PER_READ}: H2 compares each row it finds against a whole list of parameters in turn,
     * so one list of every open ticket's id cost the escalation round time in the square of their
     * number, and PostgreSQL refuses a statement with more than 32,767 parameters.
     */
    private static List<Ticket> load(Connection c, String sql, Jdbc.Binder binder, boolean withNotes)
            throws SQLException {
        List<Ticket> bare = Jdbc.query(c, sql, binder, TicketStore::row);
        Belongings belongings = new Belongings();
        for (int from = 0; from < bare.size(); from += IDS_PER_READ) {
            belongings.read(c, bare.subList(from, Math.min(bare.size(), from + IDS_PER_READ)).stream()
                    .map(Ticket::id).toList(), withNotes);
        }
        return bare.stream().map(belongings::complete).toList();
    }

    private static final int IDS_PER_READ = 500;

    /** What belongs to tickets, read by their ids: linked interactions, and notes, links, watchers and history. */
    private static final class Belongings {
        private final Map<Long, List<Long>> links = new HashMap<>();
        private final Map<Long, List<TicketNote>> notes = new HashMap<>();
        private final Map<Long, List<Long>> related = new HashMap<>();
        private final Map<Long, List<Long>> watchers = new HashMap<>();
        private final Map<Long, List<CaseFile.HistoryEntry>> history = new HashMap<>();

        /** Reads the linked interactions of these tickets, and with {@code withNotes} the rest. */
        void read(Connection c, List<Long> ids, boolean withNotes) throws SQLException {
            String in = Jdbc.placeholders(ids.size());
            Jdbc.query(c, "SELECT ticket_id, interaction_id FROM ticket_interaction WHERE ticket_id IN (" + in
                            + ") ORDER BY interaction_id", ps -> bind(ps, ids),
                    rs -> links.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2)));
            if (withNotes) {
                Jdbc.query(c, "SELECT id, ticket_id, author_id, author_name, body, created_at, visibility "
                                + "FROM ticket_note WHERE ticket_id IN (" + in + ") ORDER BY id", ps -> bind(ps, ids),
                        rs -> notes.computeIfAbsent(rs.getLong("ticket_id"), k -> new ArrayList<>())
                                .add(new TicketNote(rs.getLong("id"), rs.getLong("ticket_id"),
                                        Jdbc.longOrNull(rs, "author_id"), rs.getString("author_name"),
                                        rs.getString("body"), Jdbc.instant(rs, "created_at"),
                                        NoteVisibility.valueOf(rs.getString("visibility")))));
                Jdbc.query(c, "SELECT ticket_id, linked_id FROM ticket_link WHERE ticket_id IN (" + in + ") "
                        + "UNION SELECT linked_id, ticket_id FROM ticket_link WHERE linked_id IN (" + in + ")", ps -> {
                            bind(ps, ids);
                            for (int i = 0; i < ids.size(); i++) {
                                ps.setLong(ids.size() + i + 1, ids.get(i));
                            }
                        }, rs -> related.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2)));
                Jdbc.query(c, "SELECT ticket_id, agent_id FROM ticket_watcher WHERE ticket_id IN (" + in + ") "
                                + "ORDER BY agent_id", ps -> bind(ps, ids),
                        rs -> watchers.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2)));
                Jdbc.query(c, "SELECT ticket_id, at, actor_id, actor_name, what FROM ticket_history "
                                + "WHERE ticket_id IN (" + in + ") ORDER BY id", ps -> bind(ps, ids),
                        rs -> history.computeIfAbsent(rs.getLong("ticket_id"), k -> new ArrayList<>())
                                .add(new CaseFile.HistoryEntry(Jdbc.instant(rs, "at"), Jdbc.longOrNull(rs, "actor_id"),
                                        rs.getString("actor_name"), rs.getString("what"))));
            }
        }

        /** The ticket with what belongs to it. */
        Ticket complete(Ticket t) {
            return new Ticket(t.id(), t.customerId(), t.subject(), t.status(), t.priority(), t.createdAt(),
                    t.updatedAt(), t.version(), links.getOrDefault(t.id(), List.of()),
                    notes.getOrDefault(t.id(), List.of()), t.dueAt(), t.firstResponseAt(),
                    t.caseFile().withRelations(related.getOrDefault(t.id(), List.of()).stream().sorted().toList(),
                            watchers.getOrDefault(t.id(), List.of()), history.getOrDefault(t.id(), List.of())));
        }
    }

    private static void bind(java.sql.PreparedStatement ps, List<Long> ids) throws SQLException {
        for (int i = 0; i < ids.size(); i++) {
            ps.setLong(i + 1, ids.get(i));
        }
    }

    private static Ticket row(ResultSet rs) throws SQLException {
        String severity = rs.getString("severity");
        boolean addressedValue = rs.getBoolean("addressed");
        Boolean addressed = rs.wasNull() ? null : addressedValue;
        CaseFile file = new CaseFile(TicketKind.valueOf(rs.getString("kind")), Jdbc.instant(rs, "sla_started_at"),
                intOrNull(rs, "response_target_min"), intOrNull(rs, "resolve_target_min"), rs.getLong("paused_ms"),
                Jdbc.instant(rs, "paused_since"), Jdbc.instant(rs, "resolved_at"), rs.getInt("escalation"),
                severity == null ? null : Severity.valueOf(severity), rs.getString("department"),
                rs.getString("category"), Jdbc.instant(rs, "promised_at"), addressed,
                Jdbc.longOrNull(rs, "merged_into"), List.of(), List.of(), List.of(), Jdbc.longOrNull(rs, "assignee_id"));
        return new Ticket(rs.getLong("id"), rs.getLong("customer_id"), rs.getString("subject"),
                TicketStatus.valueOf(rs.getString("status")), TicketPriority.valueOf(rs.getString("priority")),
                Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "updated_at"), rs.getLong("version"),
                List.of(), List.of(), Jdbc.instant(rs, "due_at"), Jdbc.instant(rs, "first_response_at"), file);
    }
}
