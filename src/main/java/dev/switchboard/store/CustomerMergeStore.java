package dev.switchboard.store;

import dev.switchboard.domain.ContactKind;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Duplicate customers: the reads that find them (customers merged away are never among them) and the
 * merge of one customer into another, in one transaction that either carries every row over or
 * changes nothing.
 */
public final class CustomerMergeStore {
    /**
     * Every table with a column referencing {@code customer (id)}, each of which {@link #merge} carries
     * over; a test compares this with the schema, so a new table cannot be forgotten.
     */
    static final Set<String> CARRIED = Set.of("customer", "contact_point", "interaction", "ticket", "customer_unit",
            "customer_restricted", "call_record", "customer_purchase", "contact_permission");
    /** The longest billing note the schema keeps. */
    static final int MAX_BILLING_NOTE = 2000;

    private final Jdbc jdbc;

    public CustomerMergeStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** A customer holding one of the contact values looked for, and which one. */
    public record Holder(long customerId, String value) {
    }

    /** A customer's name and postcode, for comparing names at one postcode. */
    public record Named(long id, String firstName, String lastName, String postcode, String country) {
    }

    /** What a merge carried over from the duplicate; the counts are of rows. */
    public record Moved(int contactPoints, int contactPointsAlreadyHeld, int interactions, int tickets,
                        int ticketNotes, int purchases, int permissions, int permissionsCombined, int callRecords,
                        boolean billingNote, List<String> fieldsFilled) {
    }

    /** Why a merge was refused; nothing was changed. */
    public static final class Refusal extends RuntimeException {
        public enum Reason { UNKNOWN, SAME, ALREADY_MERGED, NOTE_TOO_LONG }

        private final Reason reason;
        private final long customerId;
        private final Long mergedInto;

        Refusal(Reason reason, long customerId, Long mergedInto, String message) {
            super(message);
            this.reason = reason;
            this.customerId = customerId;
            this.mergedInto = mergedInto;
        }

        public Reason reason() {
            return reason;
        }

        /** The customer the refusal is about. */
        public long customerId() {
            return customerId;
        }

        /** For {@link Reason#ALREADY_MERGED}: the customer it was merged into. */
        public Long mergedInto() {
            return mergedInto;
        }
    }

    /** The customer this one was merged into, or null while it stands on its own (or does not exist). */
    public Long mergedInto(long customerId) {
        List<Long> found = jdbc.query("SELECT merged_into FROM customer WHERE id = ?", ps -> ps.setLong(1, customerId),
                rs -> Jdbc.longOrNull(rs, "merged_into"));
        return found.isEmpty() ? null : found.get(0);
    }

    /**
     * Customers not merged away, other than {@code exceptId}, holding any of {@code values} (normalised
     * keys) as a contact point of {@code kind}; at most {@code limit} rows, by customer id.
     */
    public List<Holder> holders(ContactKind kind, Collection<String> values, long exceptId, int limit) {
        if (values.isEmpty()) {
            return List.of();
        }
        List<String> list = List.copyOf(values);
        return jdbc.query(holdersSql(list.size()), ps -> {
            int i = 1;
            for (String v : list) {
                ps.setString(i++, kind.name());
                ps.setString(i++, v);
                ps.setLong(i++, exceptId);
                ps.setInt(i++, limit);
            }
            ps.setInt(i, limit);
        }, rs -> new Holder(rs.getLong(1), rs.getString(2)));
    }

    /**
     * One branch per value, each an equality on {@code (kind, address)} that H2 finds in the key
     * index: given {@code address IN (...)} H2 seeks on the kind alone and reads every point of that
     * kind (a million and more in a large centre), and the duplicate check runs for every card shown.
     */
    static String holdersSql(int values) {
        String one = "(SELECT p.customer_id, p.address FROM contact_point p JOIN customer c ON c.id = p.customer_id "
                + "WHERE p.kind = ? AND p.address = ? AND p.customer_id <> ? AND c.merged_into IS NULL "
                + "ORDER BY p.customer_id FETCH FIRST ? ROWS ONLY)";
        return "SELECT customer_id, address FROM (" + String.join(" UNION ALL ", java.util.Collections.nCopies(values, one))
                + ") holders ORDER BY customer_id FETCH FIRST ? ROWS ONLY";
    }

    /**
     * Customers not merged away, other than {@code exceptId}, whose postcode is stored in one of
     * {@code spellings} exactly (the index on postcode finds them); at most {@code limit}, by id.
     */
    public List<Named> atPostcode(Collection<String> spellings, long exceptId, int limit) {
        if (spellings.isEmpty()) {
            return List.of();
        }
        List<String> list = List.copyOf(spellings);
        return jdbc.query("SELECT id, first_name, last_name, postcode, country FROM customer "
                        + "WHERE postcode IN (" + Jdbc.placeholders(list.size()) + ") AND id <> ? "
                        + "AND merged_into IS NULL ORDER BY id FETCH FIRST ? ROWS ONLY",
                ps -> {
                    int i = 1;
                    for (String s : list) {
                        ps.setString(i++, s);
                    }
                    ps.setLong(i++, exceptId);
                    ps.setInt(i, limit);
                }, rs -> new Named(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)));
    }

    /**
     * Merges {@code duplicateId} into {@code survivorId} in one transaction: every row referencing the
     * duplicate moves to the survivor (contact points the survivor holds already are not doubled;
     * contact permissions for one channel and purpose combine, not allowed winning, with the later
     * time); the survivor's empty fields take the duplicate's values and its version moves on; the
     * duplicate is marked merged and can no longer be found by name or contact.
     *
     * @throws Refusal when either customer does not exist or is merged already, when they are the same,
     *                 or when their billing notes together do not fit; nothing is changed then
     */
    public Moved merge(long survivorId, long duplicateId) {
        if (survivorId == duplicateId) {
            throw new Refusal(Refusal.Reason.SAME, survivorId, null, "a customer cannot be merged into itself");
        }
        return jdbc.inTransaction(c -> {
            lockBoth(c, survivorId, duplicateId);
            int ticketNotes = count(c, "SELECT COUNT(*) FROM ticket_note n JOIN ticket t ON t.id = n.ticket_id "
                    + "WHERE t.customer_id = ?", duplicateId);
            int[] points = contactPoints(c, survivorId, duplicateId);
            int interactions = move(c, "UPDATE interaction SET customer_id = ? WHERE customer_id = ?", survivorId, duplicateId);
            // a desktop holding one of these tickets sees it changed at its next resync
            int tickets = move(c, "UPDATE ticket SET customer_id = ?, version = version + 1 WHERE customer_id = ?",
                    survivorId, duplicateId);
            int purchases = move(c, "UPDATE customer_purchase SET customer_id = ? WHERE customer_id = ?",
                    survivorId, duplicateId);
            int[] permissions = permissions(c, survivorId, duplicateId);
            int callRecords = move(c, "UPDATE call_record SET customer_id = ? WHERE customer_id = ?", survivorId, duplicateId);
            // the survivor stays in its own business unit: the person merging chose it
            Jdbc.update(c, "DELETE FROM customer_unit WHERE customer_id = ?", ps -> ps.setLong(1, duplicateId));
            boolean note = billingNote(c, survivorId, duplicateId);
            List<String> filled = fields(c, survivorId, duplicateId);
            return new Moved(points[0], points[1], interactions, tickets, ticketNotes, purchases, permissions[0],
                    permissions[1], callRecords, note, filled);
        });
    }

    private static void lockBoth(Connection c, long survivorId, long duplicateId) throws SQLException {
        Map<Long, Long> found = new HashMap<>();
        Jdbc.query(c, "SELECT id, merged_into FROM customer WHERE id IN (?, ?) FOR UPDATE", ps -> {
            ps.setLong(1, Math.min(survivorId, duplicateId));
            ps.setLong(2, Math.max(survivorId, duplicateId));
        }, rs -> found.put(rs.getLong("id"), Jdbc.longOrNull(rs, "merged_into")));
        for (long id : new long[] {survivorId, duplicateId}) {
            if (!found.containsKey(id)) {
                throw new Refusal(Refusal.Reason.UNKNOWN, id, null, "customer " + id + " does not exist");
            }
            Long into = found.get(id);
            if (into != null) {
                throw new Refusal(Refusal.Reason.ALREADY_MERGED, id, into,
                        "customer " + id + " was already merged into customer " + into);
            }
        }
    }

    /** Moves the duplicate's contact points; returns {moved, already held by the survivor}. */
    private static int[] contactPoints(Connection c, long survivorId, long duplicateId) throws SQLException {
        record Point(String kind, String address, String label, int position) {
        }
        String select = "SELECT kind, address, label, position FROM contact_point WHERE customer_id = ? ORDER BY position";
        Jdbc.RowMapper<Point> row = rs -> new Point(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4));
        Map<String, String> held = new HashMap<>();
        int next = 0;
        for (Point p : Jdbc.query(c, select, ps -> ps.setLong(1, survivorId), row)) {
            held.put(p.kind() + " " + p.address(), p.label());
            next = Math.max(next, p.position() + 1);
        }
        List<Point> theirs = Jdbc.query(c, select, ps -> ps.setLong(1, duplicateId), row);
        int moved = 0;
        int doubled = 0;
        for (Point p : theirs) {
            String ours = held.get(p.kind() + " " + p.address());
            if (ours == null) {
                int position = next++;
                Jdbc.update(c, "UPDATE contact_point SET customer_id = ?, position = ? "
                        + "WHERE customer_id = ? AND kind = ? AND address = ?", ps -> {
                            ps.setLong(1, survivorId);
                            ps.setInt(2, position);
                            ps.setLong(3, duplicateId);
                            ps.setString(4, p.kind());
                            ps.setString(5, p.address());
                        });
                moved++;
                continue;
            }
            if (ours.isBlank() && !p.label().isBlank()) {
                Jdbc.update(c, "UPDATE contact_point SET label = ? WHERE customer_id = ? AND kind = ? AND address = ?",
                        ps -> {
                            ps.setString(1, p.label());
                            ps.setLong(2, survivorId);
                            ps.setString(3, p.kind());
                            ps.setString(4, p.address());
                        });
            }
            Jdbc.update(c, "DELETE FROM contact_point WHERE customer_id = ? AND kind = ? AND address = ?", ps -> {
                ps.setLong(1, duplicateId);
                ps.setString(2, p.kind());
                ps.setString(3, p.address());
            });
            doubled++;
        }
        return new int[] {moved, doubled};
    }

    /**
     * Moves the duplicate's contact permissions; where both have one for a channel and purpose, the
     * survivor's becomes the stricter answer with the later time. Returns {moved, combined}.
     */
    private static int[] permissions(Connection c, long survivorId, long duplicateId) throws SQLException {
        record Permission(String channel, String purpose, boolean allowed, Instant at) {
        }
        Jdbc.RowMapper<Permission> row = rs -> new Permission(rs.getString("channel"), rs.getString("purpose"),
                rs.getBoolean("allowed"), Jdbc.instant(rs, "updated_at"));
        String select = "SELECT channel, purpose, allowed, updated_at FROM contact_permission WHERE customer_id = ?";
        Map<String, Permission> ours = new HashMap<>();
        for (Permission p : Jdbc.query(c, select, ps -> ps.setLong(1, survivorId), row)) {
            ours.put(p.channel() + " " + p.purpose(), p);
        }
        int combined = 0;
        for (Permission theirs : Jdbc.query(c, select, ps -> ps.setLong(1, duplicateId), row)) {
            Permission mine = ours.get(theirs.channel() + " " + theirs.purpose());
            if (mine == null) {
                continue;
            }
            boolean allowed = mine.allowed() && theirs.allowed();
            Instant at = mine.at().isAfter(theirs.at()) ? mine.at() : theirs.at();
            Jdbc.update(c, "UPDATE contact_permission SET allowed = ?, updated_at = ? "
                    + "WHERE customer_id = ? AND channel = ? AND purpose = ?", ps -> {
                        ps.setBoolean(1, allowed);
                        Jdbc.setInstant(ps, 2, at);
                        ps.setLong(3, survivorId);
                        ps.setString(4, mine.channel());
                        ps.setString(5, mine.purpose());
                    });
            Jdbc.update(c, "DELETE FROM contact_permission WHERE customer_id = ? AND channel = ? AND purpose = ?", ps -> {
                ps.setLong(1, duplicateId);
                ps.setString(2, theirs.channel());
                ps.setString(3, theirs.purpose());
            });
            combined++;
        }
        int moved = move(c, "UPDATE contact_permission SET customer_id = ? WHERE customer_id = ?", survivorId, duplicateId);
        return new int[] {moved, combined};
    }

    /**
     * Carries the duplicate's billing note over: taken as it is when the survivor has none, added
     * under the survivor's otherwise. Returns whether the duplicate had one.
     */
    private static boolean billingNote(Connection c, long survivorId, long duplicateId) throws SQLException {
        String select = "SELECT billing_note FROM customer_restricted WHERE customer_id = ?";
        List<String> theirs = Jdbc.query(c, select, ps -> ps.setLong(1, duplicateId), rs -> rs.getString(1));
        if (theirs.isEmpty()) {
            return false;
        }
        String note = theirs.get(0) == null ? "" : theirs.get(0).strip();
        List<String> mine = Jdbc.query(c, select, ps -> ps.setLong(1, survivorId), rs -> rs.getString(1));
        String own = mine.isEmpty() || mine.get(0) == null ? "" : mine.get(0).strip();
        Jdbc.update(c, "DELETE FROM customer_restricted WHERE customer_id = ?", ps -> ps.setLong(1, duplicateId));
        if (note.isEmpty() || note.equals(own)) {
            return false;
        }
        String combined = own.isEmpty() ? note : own + "\n\n" + note;
        if (combined.length() > MAX_BILLING_NOTE) {
            throw new Refusal(Refusal.Reason.NOTE_TOO_LONG, duplicateId, null, "the billing notes of both customers "
                    + "together are longer than " + MAX_BILLING_NOTE + " characters: shorten one of them first");
        }
        Jdbc.update(c, "DELETE FROM customer_restricted WHERE customer_id = ?", ps -> ps.setLong(1, survivorId));
        Jdbc.update(c, "INSERT INTO customer_restricted (customer_id, billing_note) VALUES (?, ?)", ps -> {
            ps.setLong(1, survivorId);
            ps.setString(2, combined);
        });
        return true;
    }

    private static final List<String> OWN_FIELDS = List.of("company", "segment", "salutation");
    private static final List<String> ADDRESS = List.of("address_line", "city", "postcode", "country");

    /**
     * Fills the survivor's empty fields from the duplicate, adds the duplicate's value to the
     * survivor's, moves the survivor's version on and marks the duplicate merged. Address parts are
     * taken only where the two addresses do not disagree, so no address is made of two. Returns the
     * columns filled.
     */
    private static List<String> fields(Connection c, long survivorId, long duplicateId) throws SQLException {
        String select = "SELECT company, segment, salutation, address_line, city, postcode, country, lifetime_value "
                + "FROM customer WHERE id = ?";
        Jdbc.RowMapper<Map<String, Object>> row = rs -> {
            Map<String, Object> values = new LinkedHashMap<>();
            for (String column : OWN_FIELDS) {
                values.put(column, rs.getString(column));
            }
            for (String column : ADDRESS) {
                values.put(column, rs.getString(column));
            }
            values.put("lifetime_value", rs.getBigDecimal("lifetime_value"));
            return values;
        };
        Map<String, Object> mine = Jdbc.query(c, select, ps -> ps.setLong(1, survivorId), row).get(0);
        Map<String, Object> theirs = Jdbc.query(c, select, ps -> ps.setLong(1, duplicateId), row).get(0);
        List<String> filled = new ArrayList<>();
        for (String column : OWN_FIELDS) {
            fill(mine, theirs, column, filled);
        }
        boolean agree = ADDRESS.stream().allMatch(column -> blank(mine.get(column)) || blank(theirs.get(column))
                || ((String) mine.get(column)).strip().equalsIgnoreCase(((String) theirs.get(column)).strip()));
        if (agree) {
            for (String column : ADDRESS) {
                fill(mine, theirs, column, filled);
            }
        }
        BigDecimal value = ((BigDecimal) mine.get("lifetime_value")).add((BigDecimal) theirs.get("lifetime_value"));
        Jdbc.update(c, "UPDATE customer SET company = ?, segment = ?, salutation = ?, address_line = ?, city = ?, "
                + "postcode = ?, country = ?, lifetime_value = ?, version = version + 1 WHERE id = ?", ps -> {
                    int i = 1;
                    for (String column : OWN_FIELDS) {
                        ps.setString(i++, (String) mine.get(column));
                    }
                    for (String column : ADDRESS) {
                        ps.setString(i++, (String) mine.get(column));
                    }
                    ps.setBigDecimal(i++, value);
                    ps.setLong(i, survivorId);
                });
        // the name keys are only for search: emptied, the duplicate is no longer found by its name
        Jdbc.update(c, "UPDATE customer SET merged_into = ?, name_key = '', last_key = '', lifetime_value = 0, "
                + "version = version + 1 WHERE id = ?", ps -> {
                    ps.setLong(1, survivorId);
                    ps.setLong(2, duplicateId);
                });
        return filled.stream().map(CustomerMergeStore::fieldName).toList();
    }

    private static void fill(Map<String, Object> mine, Map<String, Object> theirs, String column, List<String> filled) {
        if (blank(mine.get(column)) && !blank(theirs.get(column))) {
            mine.put(column, theirs.get(column));
            filled.add(column);
        }
    }

    private static boolean blank(Object value) {
        return value == null || value.toString().isBlank();
    }

    /** A column as the wire names it (the address parts as in {@code AddressView}). */
    private static String fieldName(String column) {
        return switch (column) {
            case "address_line" -> "address.line1";
            case "city", "postcode", "country" -> "address." + column;
            default -> column;
        };
    }

    private static int move(Connection c, String sql, long survivorId, long duplicateId) throws SQLException {
        return Jdbc.update(c, sql, ps -> {
            ps.setLong(1, survivorId);
            ps.setLong(2, duplicateId);
        });
    }

    private static int count(Connection c, String sql, long id) throws SQLException {
        return Jdbc.query(c, sql, ps -> ps.setLong(1, id), rs -> rs.getInt(1)).get(0);
    }
}
