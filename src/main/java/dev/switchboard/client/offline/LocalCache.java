package dev.switchboard.client.offline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.api.ContactPointView;
import dev.switchboard.api.CustomerSummary;
import dev.switchboard.api.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The desktop's copy of what the agent has seen, in an H2 file of its own: records by kind and id
 * (customers, tickets, interactions, timelines, conversations) as their api JSON, and named values
 * (the configuration lists, canned responses, the agent, their open work). Safe from several threads:
 * one connection, one call at a time.
 *
 * <p>H2 writes its commits out within half a second ({@code WRITE_DELAY} left at H2's 500 ms), not one
 * by one: its background writer then also tidies the file, rewriting the few live pages of mostly
 * empty stretches so they are used again. Written at once, a shift's small commits left an agent's copy
 * at 4.4 GB on disk for some tens of MB of records, and H2 kept a description of every stretch in
 * memory. A desktop killed outright loses at most that last half second of its copy: the copy is of
 * what the server holds, and is read again from it; the writes the agent made wait in the outbox, which
 * is written at once.
 */
final class LocalCache implements AutoCloseable {
    static final String CUSTOMER = "customer";
    static final String TICKET = "ticket";
    static final String INTERACTION = "interaction";
    static final String TIMELINE = "timeline";
    static final String CONVERSATION = "conversation";
    /** Records made offline: the server's id for placeholder {@code -n}, kept after the outbox forgets entry n. */
    static final String PLACEHOLDER = "placeholder";

    /**
     * H2's cache of the file's pages, in KB. H2 keeps 16 MB otherwise, whatever the heap;
     * the records the agent works on are read once, into the desktop's own objects, so a smaller one
     * costs little.
     */
    static final int PAGE_CACHE_KB = 8 * 1024;

    private final Connection db;
    private final Clock clock;
    private final ObjectMapper json = Json.lenient();

    private LocalCache(Connection db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Opens (creating if needed) the cache in {@code file} (H2 adds {@code .mv.db}); one process at a time. */
    static LocalCache open(Path file, Clock clock) {
        String name = file.toAbsolutePath().toString();
        if (name.endsWith(".mv.db")) {
            name = name.substring(0, name.length() - ".mv.db".length());
        }
        if (name.indexOf(';') >= 0) {
            throw new IllegalArgumentException("a cache path may not contain ';': " + file);
        }
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the folder of " + file + ": " + e.getMessage(), e);
        }
        try {
            Connection db = DriverManager.getConnection(
                    "jdbc:h2:file:" + name + ";FILE_LOCK=FILE;CACHE_SIZE=" + PAGE_CACHE_KB, "sa", "");
            try (Statement s = db.createStatement()) {
                s.execute("""
                        CREATE TABLE IF NOT EXISTS cached (
                            kind VARCHAR(20) NOT NULL,
                            id BIGINT NOT NULL,
                            owner BIGINT,
                            search VARCHAR(4000),
                            version BIGINT,
                            json CHARACTER LARGE OBJECT NOT NULL,
                            saved_at TIMESTAMP(9) WITH TIME ZONE NOT NULL,
                            PRIMARY KEY (kind, id))""");
                s.execute("CREATE INDEX IF NOT EXISTS cached_owner ON cached(kind, owner)");
                s.execute("""
                        CREATE TABLE IF NOT EXISTS cached_value (
                            name VARCHAR(100) PRIMARY KEY,
                            json CHARACTER LARGE OBJECT NOT NULL,
                            saved_at TIMESTAMP(9) WITH TIME ZONE NOT NULL)""");
            } catch (SQLException e) {
                db.close();
                throw e;
            }
            return new LocalCache(db, clock);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the desktop's cache " + file + ": " + e.getMessage(), e);
        }
    }

    ObjectMapper json() {
        return json;
    }

    /**
     * Runs {@code work} with the writes it makes here committed once, at the end, rather than one
     * commit each (what a batch of answers brings). What was done is committed even when {@code work} throws.
     */
    synchronized void together(Runnable work) {
        try {
            db.setAutoCommit(false);
        } catch (SQLException e) {
            throw failure(e);
        }
        try {
            work.run();
        } finally {
            try {
                db.commit();
                db.setAutoCommit(true);
            } catch (SQLException e) {
                throw failure(e);
            }
        }
    }

    /** Keeps a record; {@code owner} is the customer it belongs to, {@code version} its version (tickets). */
    synchronized void put(String kind, long id, Object value, Long owner, String search, Long version) {
        try (PreparedStatement s = db.prepareStatement(
                "MERGE INTO cached (kind, id, owner, search, version, json, saved_at) KEY (kind, id) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, kind);
            s.setLong(2, id);
            s.setObject(3, owner);
            s.setString(4, search == null ? null : clip(search, 4000));
            s.setObject(5, version);
            s.setString(6, write(value));
            s.setObject(7, now());
            s.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    void putCustomer(CustomerSummary c) {
        put(CUSTOMER, c.id(), c, c.id(), searchText(c), null);
    }

    synchronized <T> Optional<T> get(String kind, long id, Class<T> type) {
        try (PreparedStatement s = db.prepareStatement("SELECT json FROM cached WHERE kind = ? AND id = ?")) {
            s.setString(1, kind);
            s.setLong(2, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(read(r.getString(1), json.constructType(type))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** The records of a kind that belong to a customer, newest saved first. */
    synchronized <T> List<T> byOwner(String kind, long owner, Class<T> type) {
        try (PreparedStatement s = db.prepareStatement(
                "SELECT json FROM cached WHERE kind = ? AND owner = ? ORDER BY id DESC")) {
            s.setString(1, kind);
            s.setLong(2, owner);
            return list(s, json.constructType(type));
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    synchronized void remove(String kind, long id) {
        try (PreparedStatement s = db.prepareStatement("DELETE FROM cached WHERE kind = ? AND id = ?")) {
            s.setString(1, kind);
            s.setLong(2, id);
            s.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** The ids of every record of a kind, in order. */
    synchronized List<Long> ids(String kind) {
        try (PreparedStatement s = db.prepareStatement("SELECT id FROM cached WHERE kind = ? ORDER BY id")) {
            s.setString(1, kind);
            try (ResultSet r = s.executeQuery()) {
                List<Long> ids = new ArrayList<>();
                while (r.next()) {
                    ids.add(r.getLong(1));
                }
                return ids;
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** The versions of the cached tickets of these customers, by ticket id. */
    synchronized Map<Long, Long> ticketVersions(List<Long> customerIds) {
        Map<Long, Long> versions = new LinkedHashMap<>();
        if (customerIds.isEmpty()) {
            return versions;
        }
        try (PreparedStatement s = db.prepareStatement(
                "SELECT id, version FROM cached WHERE kind = 'ticket' AND id > 0 AND owner IN (SELECT * FROM TABLE(x BIGINT = ?))")) {
            s.setObject(1, customerIds.toArray(new Long[0]));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    versions.put(r.getLong(1), r.getLong(2));
                }
            }
            return versions;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /**
     * Customers whose name, company, numbers, e-mail addresses or handles contain every word of
     * {@code text}; a ticket number ({@code T-12} or {@code 12} after a {@code #}) finds its customer.
     */
    synchronized List<CustomerSummary> searchCustomers(String text, int limit) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (t.isEmpty()) {
            return List.of();
        }
        java.util.regex.Matcher ticket = java.util.regex.Pattern.compile("^(?:t-|#)(\\d{1,18})$").matcher(t);
        if (ticket.matches()) {
            return get(TICKET, Long.parseLong(ticket.group(1)), dev.switchboard.api.TicketView.class)
                    .flatMap(tv -> get(CUSTOMER, tv.customerId(), CustomerSummary.class)).stream().toList();
        }
        StringBuilder sql = new StringBuilder("SELECT json FROM cached WHERE kind = 'customer'");
        List<String> words = new ArrayList<>();
        for (String w : t.split("\\s+")) {
            words.add(w);
            String digits = w.replaceAll("[^0-9]", "");
            boolean phoneLike = w.matches("[+0-9 ()\\-.]+") && digits.length() >= 3;
            words.set(words.size() - 1, phoneLike ? digits : w);
            sql.append(" AND search LIKE ? ESCAPE '\\'");
        }
        sql.append(" ORDER BY search LIMIT ?");
        try (PreparedStatement s = db.prepareStatement(sql.toString())) {
            int i = 1;
            for (String w : words) {
                s.setString(i++, "%" + w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            }
            s.setInt(i, Math.max(1, limit));
            return list(s, json.constructType(CustomerSummary.class));
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    synchronized void putValue(String name, Object value) {
        try (PreparedStatement s = db.prepareStatement(
                "MERGE INTO cached_value (name, json, saved_at) KEY (name) VALUES (?, ?, ?)")) {
            s.setString(1, name);
            s.setString(2, write(value));
            s.setObject(3, now());
            s.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    synchronized <T> Optional<T> value(String name, JavaType type) {
        try (PreparedStatement s = db.prepareStatement("SELECT json FROM cached_value WHERE name = ?")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(read(r.getString(1), type)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    <T> Optional<T> value(String name, Class<T> type) {
        return value(name, json.constructType(type));
    }

    <T> Optional<List<T>> values(String name, Class<T> element) {
        return value(name, json.getTypeFactory().constructCollectionType(List.class, element));
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** What a customer is found by: names, company, contact values, and the digits of numbers. */
    static String searchText(CustomerSummary c) {
        StringBuilder b = new StringBuilder();
        b.append(c.displayName() == null ? "" : c.displayName()).append(' ');
        b.append(c.company() == null ? "" : c.company()).append(' ');
        if (c.contactPoints() != null) {
            for (ContactPointView p : c.contactPoints()) {
                if (p.value() != null) {
                    b.append(p.value()).append(' ').append(p.value().replaceAll("[^0-9]", "")).append(' ');
                }
                if (p.display() != null) {
                    b.append(p.display()).append(' ');
                }
            }
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }

    private <T> List<T> list(PreparedStatement s, JavaType type) throws SQLException {
        try (ResultSet r = s.executeQuery()) {
            List<T> out = new ArrayList<>();
            while (r.next()) {
                out.add(read(r.getString(1), type));
            }
            return out;
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private <T> T read(String text, JavaType type) {
        try {
            return json.readValue(text, type);
        } catch (IOException e) {
            throw new IllegalStateException("the desktop's cache holds unreadable JSON: " + e.getMessage(), e);
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private static IllegalStateException failure(SQLException e) {
        return new IllegalStateException("the desktop's cache failed: " + e.getMessage(), e);
    }

    Instant instant() {
        return clock.instant();
    }
}
