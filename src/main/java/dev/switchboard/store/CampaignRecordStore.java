package dev.switchboard.store;

import dev.switchboard.domain.Channel;
import dev.switchboard.domain.outbound.AttemptResult;
import dev.switchboard.domain.outbound.CallRecord;
import dev.switchboard.domain.outbound.Callback;
import dev.switchboard.domain.outbound.CloseReason;
import dev.switchboard.domain.outbound.Consent;
import dev.switchboard.domain.outbound.Purpose;
import dev.switchboard.domain.outbound.RecordStatus;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The campaigns' call lists and the dial log. Records change only through {@link #update}, which
 * writes the new state, its log lines and any do-not-call entry in one transaction, and only when
 * the record is still the version the caller read (so two agents never both take one record).
 */
public final class CampaignRecordStore {
    private static final int CHUNK = 500;

    private final Jdbc jdbc;

    /**
     * A stored record: the rules' view of it ({@code record}, whose id is the row's id as text) and the
     * dialler's bookkeeping: the customer it is linked to, the line it came from, why it is blocked
     * (never offered again), who holds it and since when, when the holder dialled it and the call's
     * interaction, and the row's version.
     */
    public record Stored(long id, long campaignId, CallRecord record, Long customerId, int sourceLine,
                         String blockedReason, Long lockedBy, Instant lockedAt, Instant dialledAt, Long interactionId,
                         long version) {

        public Stored withRecord(CallRecord r) {
            return new Stored(id, campaignId, r, customerId, sourceLine, blockedReason, lockedBy, lockedAt, dialledAt,
                    interactionId, version);
        }

        public Stored lockedTo(Long agentId, Instant at) {
            return new Stored(id, campaignId, record, customerId, sourceLine, blockedReason, agentId, at, dialledAt,
                    interactionId, version);
        }

        public Stored released() {
            return new Stored(id, campaignId, record, customerId, sourceLine, blockedReason, null, null, null,
                    interactionId, version);
        }

        public Stored blocked(String reason) {
            return new Stored(id, campaignId, record, customerId, sourceLine, reason, null, null, null, interactionId,
                    version);
        }

        public Stored dialling(Instant at) {
            return new Stored(id, campaignId, record, customerId, sourceLine, blockedReason, lockedBy, lockedAt, at,
                    interactionId, version);
        }

        public Stored onCall(Long interaction) {
            return new Stored(id, campaignId, record, customerId, sourceLine, blockedReason, lockedBy, lockedAt,
                    dialledAt, interaction, version);
        }

        /** The same record due at another time, nothing else changed. */
        public Stored dueAt(Instant at) {
            CallRecord r = record;
            return withRecord(new CallRecord(r.id(), r.customerRef(), r.name(), r.number(), r.zone(), r.region(),
                    r.consents(), r.attempts(), r.lastResult(), Optional.ofNullable(at), r.status(), r.callback(),
                    r.closeReason(), r.dispositionCode()));
        }
    }

    /** A record read from a list, with the file line it came from. */
    public record NewRecord(int line, CallRecord record, String email) {
        /** A record with no e-mail address to find its customer by. */
        public NewRecord(int line, CallRecord record) {
            this(line, record, null);
        }
    }

    /** What an import saved: how many rows, how many linked to a customer, and the lines already on the list. */
    public record Saved(int saved, int linked, Map<Integer, String> alreadyListed) {
    }

    /** One line of the dial log. */
    public record LogEntry(long campaignId, long recordId, String number, Long agentId, String action, String reason,
                           String message, Long interactionId, Instant at) {
    }

    /** A stored dial-log line. */
    public record Logged(long id, LogEntry entry) {
    }

    /** A campaign's counts: records, records tried, attempts, attempts connected or abandoned, open, blocked, closed. */
    public record Progress(int records, int attempted, int attempts, int connected, int abandoned, int remaining,
                           int blocked, int closed) {
        public static final Progress NONE = new Progress(0, 0, 0, 0, 0, 0, 0, 0);
    }

    public CampaignRecordStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /**
     * Saves a list's records in one transaction. A number already on the campaign's list is not saved
     * (its line is in the answer); a number held by exactly one customer's phone contact point is
     * linked to that customer, and otherwise an e-mail address given on the row and held by exactly
     * one customer links it to them.
     */
    public Saved importRecords(long campaignId, List<NewRecord> rows, Instant at) {
        return jdbc.inTransaction(c -> {
            Set<String> numbers = new HashSet<>();
            rows.forEach(r -> numbers.add(r.record().number()));
            Set<String> existing = existingNumbers(c, campaignId, numbers);
            Map<String, Long> owners = soleOwners(c, "PHONE", numbers);
            Set<String> emails = new HashSet<>();
            rows.stream().filter(r -> r.email() != null && !owners.containsKey(r.record().number()))
                    .forEach(r -> emails.add(r.email()));
            Map<String, Long> byEmail = emails.isEmpty() ? Map.of() : soleOwners(c, "EMAIL", emails);
            Map<Integer, String> already = new LinkedHashMap<>();
            int saved = 0;
            int linked = 0;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO call_record (campaign_id, customer_id, "
                    + "customer_ref, name, number, time_zone, region, consents, source_line, status, imported_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (NewRecord row : rows) {
                    CallRecord r = row.record();
                    if (existing.contains(r.number())) {
                        already.put(row.line(), r.number());
                        continue;
                    }
                    // the number's sole owner, else the sole owner of the row's e-mail address
                    Long customer = owners.containsKey(r.number()) ? owners.get(r.number())
                            : row.email() == null ? null : byEmail.get(row.email());
                    ps.setLong(1, campaignId);
                    Jdbc.setLongOrNull(ps, 2, customer);
                    ps.setString(3, r.customerRef().orElse(null));
                    ps.setString(4, r.name());
                    ps.setString(5, r.number());
                    ps.setString(6, r.zone().map(ZoneId::getId).orElse(null));
                    ps.setString(7, r.region().orElse(null));
                    ps.setString(8, consents(r.consents()));
                    ps.setInt(9, row.line());
                    ps.setString(10, RecordStatus.PENDING.name());
                    Jdbc.setInstant(ps, 11, at);
                    ps.addBatch();
                    saved++;
                    linked += customer != null ? 1 : 0;
                }
                if (saved > 0) {
                    ps.executeBatch();
                }
            }
            return new Saved(saved, linked, already);
        });
    }

    public Optional<Stored> find(long id) {
        return jdbc.queryOne(SELECT + " WHERE id = ?", ps -> ps.setLong(1, id), CampaignRecordStore::stored);
    }

    /** The record this agent holds on the campaign (previewing or calling it), if any. */
    public Optional<Stored> heldBy(long agentId, long campaignId) {
        return jdbc.queryOne(SELECT + " WHERE locked_by = ? AND campaign_id = ? AND status <> 'CLOSED' ORDER BY id",
                ps -> {
                    ps.setLong(1, agentId);
                    ps.setLong(2, campaignId);
                }, CampaignRecordStore::stored);
    }

    /**
     * Records the agent may be offered now, most urgent first: due callbacks (the agent's own or the
     * campaign's), then records in the order they became due. A lock older than {@code staleBefore}
     * that never led to a dial is treated as let go; a record being dialled (by an agent, or by the
     * dialler, which holds it with no agent) is never a candidate. An {@code agentId} that names no
     * agent (the dialler's -1) leaves out the callbacks promised to an agent.
     */
    public List<Stored> candidates(long campaignId, long agentId, Instant now, Instant staleBefore, int limit) {
        return jdbc.query(SELECT + " WHERE campaign_id = ? AND status = 'PENDING' AND blocked_reason IS NULL"
                        + " AND dialled_at IS NULL AND (locked_by IS NULL OR locked_at < ?)"
                        + " AND (next_attempt_at IS NULL OR next_attempt_at <= ?)"
                        + " AND (callback_agent_id IS NULL OR callback_agent_id = ?)"
                        + " ORDER BY CASE WHEN callback_at IS NULL THEN 1 ELSE 0 END,"
                        + " COALESCE(next_attempt_at, imported_at), id FETCH FIRST ? ROWS ONLY",
                ps -> {
                    ps.setLong(1, campaignId);
                    Jdbc.setInstant(ps, 2, staleBefore);
                    Jdbc.setInstant(ps, 3, now);
                    ps.setLong(4, agentId);
                    ps.setInt(5, limit);
                }, CampaignRecordStore::stored);
    }

    /**
     * Records the dialler was calling when the server stopped: dialled, held by no agent, not closed.
     * Their calls are gone; the dialler lets them go on start.
     */
    public List<Stored> dialledByNobody() {
        return jdbc.query(SELECT + " WHERE dialled_at IS NOT NULL AND locked_by IS NULL AND status <> 'CLOSED'",
                ps -> { }, CampaignRecordStore::stored);
    }

    /** When the campaign's next open record falls due, if one is waiting for a time. */
    public Optional<Instant> nextDue(long campaignId, long agentId) {
        return jdbc.query("SELECT MIN(next_attempt_at) AS next FROM call_record WHERE campaign_id = ?"
                + " AND status = 'PENDING' AND blocked_reason IS NULL AND next_attempt_at IS NOT NULL"
                + " AND (callback_agent_id IS NULL OR callback_agent_id = ?)", ps -> {
                    ps.setLong(1, campaignId);
                    ps.setLong(2, agentId);
                }, rs -> Optional.ofNullable(Jdbc.instant(rs, "next"))).stream().flatMap(Optional::stream).findFirst();
    }

    /**
     * Writes {@code after} over {@code before} if the row is still at {@code before}'s version, with
     * the log lines and do-not-call entries, all in one transaction. False (and nothing written) when
     * someone changed the record first.
     */
    public boolean update(Stored before, Stored after, List<LogEntry> log) {
        return update(before, after, log, List.of(), null, null);
    }

    /** As {@link #update(Stored, Stored, List)}, listing {@code dnc}'s numbers by {@code actor} at {@code at} too. */
    public boolean update(Stored before, Stored after, List<LogEntry> log, List<DoNotCallStore.Add> dnc, Long actor,
                          Instant at) {
        return jdbc.inTransaction(c -> {
            CallRecord r = after.record();
            int n = Jdbc.update(c, "UPDATE call_record SET attempts = ?, last_result = ?, next_attempt_at = ?, "
                    + "status = ?, callback_at = ?, callback_agent_id = ?, close_reason = ?, disposition_code = ?, "
                    + "blocked_reason = ?, locked_by = ?, locked_at = ?, dialled_at = ?, interaction_id = ?, "
                    + "version = version + 1 WHERE id = ? AND version = ?", ps -> {
                        ps.setInt(1, r.attempts());
                        ps.setString(2, r.lastResult().map(Enum::name).orElse(null));
                        Jdbc.setInstant(ps, 3, r.nextAttemptAt().orElse(null));
                        ps.setString(4, r.status().name());
                        Jdbc.setInstant(ps, 5, r.callback().map(Callback::at).orElse(null));
                        Jdbc.setLongOrNull(ps, 6, r.callback().flatMap(Callback::agentId).orElse(null));
                        ps.setString(7, r.closeReason().map(Enum::name).orElse(null));
                        ps.setString(8, r.dispositionCode().orElse(null));
                        ps.setString(9, after.blockedReason());
                        Jdbc.setLongOrNull(ps, 10, after.lockedBy());
                        Jdbc.setInstant(ps, 11, after.lockedAt());
                        Jdbc.setInstant(ps, 12, after.dialledAt());
                        Jdbc.setLongOrNull(ps, 13, after.interactionId());
                        ps.setLong(14, before.id());
                        ps.setLong(15, before.version());
                    });
            if (n == 0) {
                return false;
            }
            for (LogEntry e : log) {
                insertLog(c, e);
            }
            for (DoNotCallStore.Add a : dnc) {
                DoNotCallStore.insertIfAbsent(c, a, actor, at);
            }
            return true;
        });
    }

    /** Writes one dial-log line on its own (an event that changes no record, e.g. a dial the phone system refused). */
    public void log(LogEntry entry) {
        jdbc.inTransaction(c -> {
            insertLog(c, entry);
            return null;
        });
    }

    /** The newest dial-log lines of a campaign (of one record when {@code recordId} is set), newest first. */
    public List<Logged> log(long campaignId, Long recordId, int limit) {
        return jdbc.query("SELECT id, campaign_id, record_id, number, agent_id, action, reason, message, "
                        + "interaction_id, at FROM dial_log WHERE campaign_id = ?"
                        + (recordId != null ? " AND record_id = ?" : "") + " ORDER BY at DESC, id DESC FETCH FIRST ? ROWS ONLY",
                ps -> {
                    ps.setLong(1, campaignId);
                    int i = 2;
                    if (recordId != null) {
                        ps.setLong(i++, recordId);
                    }
                    ps.setInt(i, limit);
                }, rs -> new Logged(rs.getLong("id"), new LogEntry(rs.getLong("campaign_id"), rs.getLong("record_id"),
                        rs.getString("number"), Jdbc.longOrNull(rs, "agent_id"), rs.getString("action"),
                        rs.getString("reason"), rs.getString("message"), Jdbc.longOrNull(rs, "interaction_id"),
                        Jdbc.instant(rs, "at"))));
    }

    /** Every campaign's counts, by campaign id (a campaign without records is absent). */
    public Map<Long, Progress> progress() {
        return jdbc.read(c -> {
            Map<Long, int[]> results = new HashMap<>();
            Jdbc.query(c, "SELECT campaign_id, reason, COUNT(*) AS n FROM dial_log WHERE action = 'RESULT' "
                    + "AND reason IN ('CONNECTED', 'ABANDONED') GROUP BY campaign_id, reason", ps -> { }, rs -> {
                        int[] counts = results.computeIfAbsent(rs.getLong("campaign_id"), k -> new int[2]);
                        counts["CONNECTED".equals(rs.getString("reason")) ? 0 : 1] = rs.getInt("n");
                        return null;
                    });
            Map<Long, Progress> out = new HashMap<>();
            Jdbc.query(c, "SELECT campaign_id, COUNT(*) AS records,"
                    + " SUM(CASE WHEN attempts > 0 THEN 1 ELSE 0 END) AS attempted,"
                    + " SUM(attempts) AS attempts,"
                    + " SUM(CASE WHEN status <> 'CLOSED' AND blocked_reason IS NULL THEN 1 ELSE 0 END) AS remaining,"
                    + " SUM(CASE WHEN status <> 'CLOSED' AND blocked_reason IS NOT NULL THEN 1 ELSE 0 END) AS blocked,"
                    + " SUM(CASE WHEN status = 'CLOSED' THEN 1 ELSE 0 END) AS closed"
                    + " FROM call_record GROUP BY campaign_id", ps -> { }, rs -> {
                        int[] r = results.getOrDefault(rs.getLong("campaign_id"), new int[2]);
                        out.put(rs.getLong("campaign_id"), new Progress(rs.getInt("records"), rs.getInt("attempted"),
                                rs.getInt("attempts"), r[0], r[1], rs.getInt("remaining"), rs.getInt("blocked"),
                                rs.getInt("closed")));
                        return null;
                    });
            return out;
        });
    }

    private static void insertLog(Connection c, LogEntry e) throws SQLException {
        Jdbc.update(c, "INSERT INTO dial_log (campaign_id, record_id, number, agent_id, action, reason, message, "
                + "interaction_id, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
                    ps.setLong(1, e.campaignId());
                    ps.setLong(2, e.recordId());
                    ps.setString(3, e.number());
                    Jdbc.setLongOrNull(ps, 4, e.agentId());
                    ps.setString(5, e.action());
                    ps.setString(6, e.reason());
                    String m = e.message() == null ? "" : e.message();
                    ps.setString(7, m.length() > 1000 ? m.substring(0, 1000) : m);
                    Jdbc.setLongOrNull(ps, 8, e.interactionId());
                    Jdbc.setInstant(ps, 9, e.at());
                });
    }

    private static Set<String> existingNumbers(Connection c, long campaignId, Set<String> numbers) throws SQLException {
        Set<String> out = new HashSet<>();
        for (List<String> chunk : chunks(numbers)) {
            out.addAll(Jdbc.query(c, "SELECT number FROM call_record WHERE campaign_id = ? AND number IN ("
                    + Jdbc.placeholders(chunk.size()) + ")", ps -> {
                        ps.setLong(1, campaignId);
                        for (int i = 0; i < chunk.size(); i++) {
                            ps.setString(i + 2, chunk.get(i));
                        }
                    }, rs -> rs.getString(1)));
        }
        return out;
    }

    /** Numbers held by exactly one customer's phone contact point, with that customer. */
    private static Map<String, Long> soleOwners(Connection c, String kind, Set<String> addresses) throws SQLException {
        Map<String, Set<Long>> owners = new HashMap<>();
        for (List<String> chunk : chunks(addresses)) {
            Jdbc.query(c, "SELECT address, customer_id FROM contact_point WHERE kind = ? AND address IN ("
                    + Jdbc.placeholders(chunk.size()) + ")", ps -> {
                        ps.setString(1, kind);
                        for (int i = 0; i < chunk.size(); i++) {
                            ps.setString(i + 2, chunk.get(i));
                        }
                    }, rs -> owners.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getLong(2)));
        }
        Map<String, Long> sole = new HashMap<>();
        owners.forEach((number, ids) -> {
            if (ids.size() == 1) {
                sole.put(number, ids.iterator().next());
            }
        });
        return sole;
    }

    private static List<List<String>> chunks(Set<String> values) {
        List<String> all = new ArrayList<>(new TreeSet<>(values));
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            out.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        }
        return out;
    }

    private static final String SELECT = "SELECT id, campaign_id, customer_id, customer_ref, name, number, time_zone, "
            + "region, consents, source_line, attempts, last_result, next_attempt_at, status, callback_at, "
            + "callback_agent_id, close_reason, disposition_code, blocked_reason, locked_by, locked_at, dialled_at, "
            + "interaction_id, version FROM call_record";

    private static Stored stored(ResultSet rs) throws SQLException {
        Instant callbackAt = Jdbc.instant(rs, "callback_at");
        Optional<Callback> callback = callbackAt == null ? Optional.empty()
                : Optional.of(new Callback(callbackAt, Optional.ofNullable(Jdbc.longOrNull(rs, "callback_agent_id"))));
        String zone = rs.getString("time_zone");
        CallRecord record = new CallRecord(Long.toString(rs.getLong("id")),
                Optional.ofNullable(rs.getString("customer_ref")), rs.getString("name"), rs.getString("number"),
                Optional.ofNullable(zone).map(ZoneId::of), Optional.ofNullable(rs.getString("region")),
                consents(rs.getString("consents")), rs.getInt("attempts"),
                Optional.ofNullable(rs.getString("last_result")).map(AttemptResult::valueOf),
                Optional.ofNullable(Jdbc.instant(rs, "next_attempt_at")), RecordStatus.valueOf(rs.getString("status")),
                callback, Optional.ofNullable(rs.getString("close_reason")).map(CloseReason::valueOf),
                Optional.ofNullable(rs.getString("disposition_code")));
        return new Stored(rs.getLong("id"), rs.getLong("campaign_id"), record, Jdbc.longOrNull(rs, "customer_id"),
                rs.getInt("source_line"), rs.getString("blocked_reason"), Jdbc.longOrNull(rs, "locked_by"),
                Jdbc.instant(rs, "locked_at"), Jdbc.instant(rs, "dialled_at"), Jdbc.longOrNull(rs, "interaction_id"),
                rs.getLong("version"));
    }

    /** {@code PHONE:MARKETING PHONE:SERVICE}, sorted. */
    static String consents(Set<Consent> consents) {
        return String.join(" ", new TreeSet<>(consents.stream().map(c -> c.channel() + ":" + c.purpose()).toList()));
    }

    static Set<Consent> consents(String text) {
        Set<Consent> out = new HashSet<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String part : text.trim().split(" +")) {
            int colon = part.indexOf(':');
            out.add(new Consent(Channel.valueOf(part.substring(0, colon)), Purpose.valueOf(part.substring(colon + 1))));
        }
        return out;
    }
}
