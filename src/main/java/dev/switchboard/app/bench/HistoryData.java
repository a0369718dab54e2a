package dev.switchboard.app.bench;

import dev.switchboard.domain.Channel;
import dev.switchboard.domain.ContactKind;
import dev.switchboard.domain.Direction;
import dev.switchboard.domain.InteractionState;
import dev.switchboard.domain.SearchQuery;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * One customer with a very long history (P8), written straight into a server's H2 file while no
 * server has it open: the demo generator spreads its interactions over every customer, and a
 * million rows through the API would take far longer than a benchmark should. The rows follow the
 * schema of the Flyway migrations (finished contacts on every channel, oldest first so ids grow with
 * time); a {@code setting} row remembers the customer, so later runs find it instead of writing it again.
 */
final class HistoryData {
    static final String EMAIL = "long.history@p8.bench.switchboard.demo";
    static final String FIRST_NAME = "Harriet";
    static final String LAST_NAME = "Longhistory";
    private static final String SETTING = "bench.p8.history";
    private static final int BATCH = 2_000;
    private static final int COMMIT_EVERY = 50_000;
    private static final List<String> TOPICS = List.of("Delivery of order %d", "Invoice %d: a question",
            "Broadband down again (case %d)", "Change of address, account %d", "Refund for order %d",
            "Router replacement %d", "Contract renewal %d", "Direct debit %d failed", "Upgrade offer %d",
            "Complaint about visit %d");

    /** The customer, how many interactions the database holds for them, and their oldest two (for the last page). */
    record History(long customerId, String email, long rows, long oldestId, Instant oldestAt, long secondOldestId,
                   Instant secondOldestAt) {
        /** The timeline cursor whose page is the oldest interaction alone (the end of the history). */
        String cursorBeforeOldest() {
            return secondOldestAt + "_" + secondOldestId;
        }
    }

    private HistoryData() {
    }

    /** JDBC URL of the server's H2 file in {@code dir} (the file name the server uses). */
    static String url(Path dir) {
        return "jdbc:h2:file:" + dir.toAbsolutePath().resolve("switchboard") + ";FILE_LOCK=FILE";
    }

    static boolean databaseExists(Path dir) {
        return Files.exists(dir.resolve("switchboard.mv.db"));
    }

    /** The long-history customer of the database in {@code dir} with its rows counted now, or null if it has none. */
    static History find(Path dir) throws SQLException {
        if (!databaseExists(dir)) {
            return null;
        }
        try (Connection c = DriverManager.getConnection(url(dir), "sa", "")) {
            return find(c);
        }
    }

    static History find(Connection c) throws SQLException {
        Long id = null;
        try (PreparedStatement ps = c.prepareStatement("SELECT setting_value FROM setting WHERE name = ?")) {
            ps.setString(1, SETTING);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    id = Long.parseLong(rs.getString(1));
                }
            }
        }
        if (id == null) {
            return null;
        }
        long rows;
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM interaction WHERE customer_id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                rows = rs.getLong(1);
            }
        }
        long[] ids = new long[2];
        Instant[] times = new Instant[2];
        try (PreparedStatement ps = c.prepareStatement("SELECT id, created_at FROM interaction WHERE customer_id = ? "
                + "ORDER BY created_at, id FETCH FIRST 2 ROWS ONLY")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                for (int i = 0; i < 2 && rs.next(); i++) {
                    ids[i] = rs.getLong(1);
                    times[i] = rs.getObject(2, java.time.OffsetDateTime.class).toInstant();
                }
            }
        }
        return new History(id, EMAIL, rows, ids[0], times[0], ids[1], times[1]);
    }

    /** Up to {@code limit} e-mail addresses of other customers (senders of contacts that are not this customer's). */
    static List<String> otherEmails(Path dir, int limit) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(dir), "sa", "");
             PreparedStatement ps = c.prepareStatement("SELECT address FROM contact_point "
                     + "WHERE kind = ? AND address <> ? ORDER BY customer_id FETCH FIRST ? ROWS ONLY")) {
            ps.setString(1, ContactKind.EMAIL.name());
            ps.setString(2, EMAIL);
            ps.setInt(3, limit);
            List<String> found = new java.util.ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
            return found;
        }
    }

    /** Adds the customer and {@code rows} interactions to the database in {@code dir} (schema already migrated). */
    static History create(Path dir, int rows, Instant newest, Consumer<String> log) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(dir), "sa", "")) {
            return create(c, rows, newest, log);
        }
    }

    static History create(Connection c, int rows, Instant newest, Consumer<String> log) throws SQLException {
        if (find(c) != null) {
            throw new IllegalStateException("the database already has the long-history customer");
        }
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            long t0 = System.nanoTime();
            long customer = insertCustomer(c, newest.minus(Duration.ofDays(3650)));
            // the history spans five years whatever its size, newest a day before the run
            Instant last = newest.minus(Duration.ofDays(1));
            long spacingMillis = Math.max(1, Duration.ofDays(5 * 365).toMillis() / Math.max(1, rows));
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO interaction (customer_id, channel, direction, "
                    + "state, address, subject, body, created_at, answered_at, ended_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < rows; i++) {
                    int age = rows - 1 - i;
                    Instant at = last.minusMillis(age * spacingMillis);
                    Channel channel = Channel.values()[i % 7 % 4];
                    boolean abandoned = i % 23 == 0 && channel == Channel.PHONE;
                    ps.setLong(1, customer);
                    ps.setString(2, channel.name());
                    ps.setString(3, (i % 9 == 0 ? Direction.OUTBOUND : Direction.INBOUND).name());
                    ps.setString(4, (abandoned ? InteractionState.ABANDONED : InteractionState.ENDED).name());
                    ps.setString(5, address(channel));
                    String subject = String.format(Locale.ROOT, TOPICS.get(i % TOPICS.size()), 100_000 + i);
                    ps.setString(6, subject);
                    ps.setString(7, subject + ". Customer asked for an update; explained the next steps and "
                            + "noted it on the account.");
                    ps.setObject(8, at.atOffset(ZoneOffset.UTC));
                    if (abandoned) {
                        ps.setObject(9, null);
                    } else {
                        ps.setObject(9, at.plusSeconds(20).atOffset(ZoneOffset.UTC));
                    }
                    ps.setObject(10, at.plusSeconds(abandoned ? 40 : 300).atOffset(ZoneOffset.UTC));
                    ps.addBatch();
                    if ((i + 1) % BATCH == 0) {
                        ps.executeBatch();
                    }
                    if ((i + 1) % COMMIT_EVERY == 0) {
                        c.commit();
                        log.accept(String.format(Locale.ROOT, "P8: %,d of %,d history rows written", i + 1, rows));
                    }
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO setting (name, setting_value) VALUES (?, ?)")) {
                ps.setString(1, SETTING);
                ps.setString(2, Long.toString(customer));
                ps.executeUpdate();
            }
            c.commit();
            log.accept(String.format(Locale.ROOT, "P8: customer %d with %,d interactions written in %.1f s", customer,
                    rows, (System.nanoTime() - t0) / 1e9));
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
        return find(c);
    }

    private static long insertCustomer(Connection c, Instant created) throws SQLException {
        long id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO customer (first_name, last_name, company, segment, "
                + "lifetime_value, address_line, city, postcode, country, name_key, last_key, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, FIRST_NAME);
            ps.setString(2, LAST_NAME);
            ps.setString(3, "Longhistory Logistics Ltd");
            ps.setString(4, "VIP");
            ps.setBigDecimal(5, new java.math.BigDecimal("250000.00"));
            ps.setString(6, "1 Archive Row");
            ps.setString(7, "Manchester");
            ps.setString(8, "M1 1AA");
            ps.setString(9, "GB");
            ps.setString(10, SearchQuery.nameKey(FIRST_NAME + " " + LAST_NAME));
            ps.setString(11, SearchQuery.nameKey(LAST_NAME + " " + FIRST_NAME));
            ps.setObject(12, created.atOffset(ZoneOffset.UTC));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO contact_point (customer_id, kind, address, label, "
                + "position) VALUES (?, ?, ?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setString(2, ContactKind.EMAIL.name());
            ps.setString(3, EMAIL);
            ps.setString(4, "work");
            ps.setInt(5, 0);
            ps.executeUpdate();
        }
        return id;
    }

    private static String address(Channel channel) {
        return switch (channel) {
            case PHONE -> "+441610000100";
            case EMAIL, CHAT -> EMAIL;
            case SOCIAL -> "@longhistory";
        };
    }
}
