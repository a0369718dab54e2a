package dev.switchboard.store.demo;

import dev.switchboard.store.Database;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The generator's contract: deterministic, refuses to mix with existing data, leaves the database usable. */
class DemoDataTest {
    static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");
    /** Every table the generator writes, each with an order that makes its dump deterministic. */
    private static final Map<String, String> TABLES = Map.of(
            "customer", "id",
            "contact_point", "customer_id, position",
            "customer_purchase", "id",
            "interaction", "id",
            "ticket", "id",
            "ticket_interaction", "ticket_id, interaction_id",
            "ticket_note", "id",
            "setting", "name");

    @Test
    void sameSeedGivesTheSameRowsAndAnotherSeedDoesNot() throws Exception {
        Map<String, String> first = dumpAfterGenerating(7, 1_500);
        Map<String, String> again = dumpAfterGenerating(7, 1_500);
        Map<String, String> other = dumpAfterGenerating(8, 1_500);

        assertThat(again).isEqualTo(first);
        assertThat(other.get("customer")).isNotEqualTo(first.get("customer"));
        assertThat(other.get("interaction")).isNotEqualTo(first.get("interaction"));
        assertThat(other.get("customer_purchase")).isNotEqualTo(first.get("customer_purchase"));
    }

    @Test
    void refusesADatabaseThatAlreadyHasCustomers() throws Exception {
        try (Database db = Database.h2Memory(unique())) {
            DemoData demo = new DemoData(db.dataSource());
            demo.generate(DemoData.Options.of(1, 50, NOW), DemoData.Progress.NONE);
            long before = count(db, "interaction");

            assertThatThrownBy(() -> demo.generate(DemoData.Options.of(2, 50, NOW), DemoData.Progress.NONE))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("customer");
            assertThat(count(db, "customer")).isEqualTo(50);
            assertThat(count(db, "interaction")).isEqualTo(before);
        }
    }

    @Test
    void recordsItsSettingsAndLetsLaterInsertsContinueAfterTheGeneratedIds() throws Exception {
        try (Database db = Database.h2Memory(unique())) {
            DemoData.Report report = new DemoData(db.dataSource())
                    .generate(DemoData.Options.of(99, 300, NOW), DemoData.Progress.NONE);

            assertThat(setting(db, DemoData.SEED_SETTING)).isEqualTo("99");
            assertThat(setting(db, DemoData.CUSTOMERS_SETTING)).isEqualTo("300");
            try (Connection c = db.connection(); Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO customer (first_name, last_name, name_key, last_key, created_at) "
                        + "VALUES ('New', 'Person', 'new person', 'person new', CURRENT_TIMESTAMP)", new String[] {"id"});
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    assertThat(keys.getLong(1)).isEqualTo(301);
                }
                s.executeUpdate("INSERT INTO interaction (customer_id, channel, direction, state, address, created_at) "
                        + "VALUES (301, 'PHONE', 'INBOUND', 'QUEUED', '+442079460000', CURRENT_TIMESTAMP)",
                        new String[] {"id"});
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    assertThat(keys.getLong(1)).isEqualTo(report.interactions() + 1);
                }
                long purchases = count(db, "customer_purchase");
                assertThat(purchases).isGreaterThan(300);
                s.executeUpdate("INSERT INTO customer_purchase (customer_id, at, amount) "
                        + "VALUES (301, CURRENT_TIMESTAMP, 12.50)", new String[] {"id"});
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    assertThat(keys.getLong(1)).isEqualTo(purchases + 1);
                }
            }
        }
    }

    @Test
    void reportsProgressAtLeastEveryPercentAndCountsWhatItWrote() throws Exception {
        try (Database db = Database.h2Memory(unique())) {
            List<long[]> updates = new ArrayList<>();
            DemoData.Report report = new DemoData(db.dataSource()).generate(DemoData.Options.of(5, 1_000, NOW),
                    (phase, done, total) -> {
                        if (phase.equals("customers")) {
                            updates.add(new long[] {done, total});
                        }
                    });

            assertThat(updates.get(0)[0]).isZero();
            assertThat(updates.get(updates.size() - 1)).containsExactly(1_000, 1_000);
            for (int i = 1; i < updates.size(); i++) {
                assertThat(updates.get(i)[0] - updates.get(i - 1)[0]).isBetween(1L, 10L);
            }
            assertThat(report.customers()).isEqualTo(count(db, "customer")).isEqualTo(1_000);
            assertThat(report.contactPoints()).isEqualTo(count(db, "contact_point"));
            assertThat(report.interactions()).isEqualTo(count(db, "interaction"));
            assertThat(report.tickets()).isEqualTo(count(db, "ticket"));
            assertThat(report.notes()).isEqualTo(count(db, "ticket_note"));
            assertThat(report.openTickets()).isPositive().isLessThan(report.tickets());
        }
    }

    @Test
    void answeredInteractionsGoToTheGivenAgentsAndOthersToNobody() throws Exception {
        try (Database db = Database.h2Memory(unique())) {
            try (Connection c = db.connection(); Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO agent (id, username, display_name, role, password_hash) VALUES "
                        + "(11, 'ann', 'Ann', 'AGENT', 'x'), (12, 'bob', 'Bob', 'AGENT', 'x')");
            }
            new DemoData(db.dataSource()).generate(
                    new DemoData.Options(3, 200, 5, NOW, List.of(11L, 12L)), DemoData.Progress.NONE);

            assertThat(count(db, "interaction WHERE answered_at IS NOT NULL AND agent_id NOT IN (11, 12)")).isZero();
            assertThat(count(db, "interaction WHERE answered_at IS NOT NULL AND agent_id IS NULL")).isZero();
            assertThat(count(db, "interaction WHERE answered_at IS NULL AND agent_id IS NOT NULL")).isZero();
            assertThat(count(db, "interaction WHERE agent_id = 11")).isPositive();
            assertThat(count(db, "interaction WHERE agent_id = 12")).isPositive();
        }
    }

    @Test
    void aFailedRunLeavesNothingBehindAndTheIndexesInPlace() throws Exception {
        try (Database db = Database.h2Memory(unique())) {
            List<String> before = indexes(db);
            assertThat(String.join(" ", before)).contains("CUSTOMER_NAME_KEY", "CUSTOMER_LAST_KEY", "CONTACT_POINT_KEY");
            DemoData demo = new DemoData(db.dataSource());

            // Agent 999 does not exist, so the first interaction it answered breaks a foreign key.
            assertThatThrownBy(() -> demo.generate(new DemoData.Options(1, 200, 5, NOW, List.of(999L)),
                    DemoData.Progress.NONE))
                    .isInstanceOf(IllegalStateException.class)
                    .hasCauseInstanceOf(SQLException.class);

            assertThat(indexes(db)).isEqualTo(before);
            assertThat(count(db, "customer")).isZero();
            assertThat(count(db, "customer_purchase")).isZero();
            assertThat(count(db, "setting")).isZero();
            demo.generate(DemoData.Options.of(1, 200, NOW), DemoData.Progress.NONE);
            assertThat(indexes(db)).isEqualTo(before);
            assertThat(count(db, "customer")).isEqualTo(200);
        }
    }

    @Test
    void zeroCustomersIsAnEmptyButRecordedRun() throws Exception {
        try (Database db = Database.h2Memory(unique())) {
            DemoData.Report report = new DemoData(db.dataSource())
                    .generate(DemoData.Options.of(1, 0, NOW), DemoData.Progress.NONE);
            assertThat(report.customers()).isZero();
            assertThat(setting(db, DemoData.CUSTOMERS_SETTING)).isEqualTo("0");
        }
    }

    @Test
    void rejectsNonsenseOptions() {
        assertThatThrownBy(() -> DemoData.Options.of(1, -1, NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DemoData.Options(1, 10, Double.NaN, NOW, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DemoData.Options(1, 10, 5, null, List.of()))
                .isInstanceOf(NullPointerException.class);
    }

    private static Map<String, String> dumpAfterGenerating(long seed, int customers) throws Exception {
        try (Database db = Database.h2Memory(unique())) {
            new DemoData(db.dataSource()).generate(DemoData.Options.of(seed, customers, NOW), DemoData.Progress.NONE);
            Map<String, String> digests = new LinkedHashMap<>();
            try (Connection c = db.connection(); Statement s = c.createStatement()) {
                for (Map.Entry<String, String> table : TABLES.entrySet()) {
                    digests.put(table.getKey(), digest(s, table.getKey(), table.getValue()));
                }
            }
            return digests;
        }
    }

    /** Row count and a SHA-256 over every column of every row, in key order. */
    private static String digest(Statement s, String table, String order) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        long rows = 0;
        try (ResultSet rs = s.executeQuery("SELECT * FROM " + table + " ORDER BY " + order)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                rows++;
                for (int i = 1; i <= columns; i++) {
                    sha.update(String.valueOf(rs.getString(i)).getBytes(StandardCharsets.UTF_8));
                    sha.update((byte) 0);
                }
            }
        }
        return rows + ":" + HexFormat.of().formatHex(sha.digest());
    }

    private static List<String> indexes(Database db) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = db.connection()) {
            for (String table : List.of("CUSTOMER", "CONTACT_POINT", "INTERACTION", "TICKET")) {
                try (ResultSet rs = c.getMetaData().getIndexInfo(null, "PUBLIC", table, false, false)) {
                    while (rs.next()) {
                        names.add(table + "." + rs.getString("INDEX_NAME") + "." + rs.getString("COLUMN_NAME")
                                + "." + rs.getString("ASC_OR_DESC"));
                    }
                }
            }
        }
        names.sort(null);
        return names;
    }

    static long count(Database db, String tableAndWhere) throws SQLException {
        try (Connection c = db.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + tableAndWhere)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String setting(Database db, String name) throws SQLException {
        try (Connection c = db.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT setting_value FROM setting WHERE name = '" + name + "'")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    static String unique() {
        return "demo-" + UUID.randomUUID();
    }
}
