package dev.switchboard.store.demo;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Secondary indexes that the generator would fill in random order (names, contact values), dropped
 * before loading and built again afterwards. Keeping a B-tree ordered under a million random inserts
 * costs far more than building it once from the finished table: measured on H2 with 1M customers,
 * the run took less than half the time and wrote a third of the file (see the package's bench notes).
 *
 * <p>Definitions are read from the JDBC metadata rather than repeated here, so the rebuilt indexes are
 * the ones the migrations made. An index with anything this class cannot rebuild faithfully (a
 * filter, an expression) is left alone.
 */
final class DeferredIndexes {
    /** Indexes by table, as the migrations name them. */
    private static final Map<String, List<String>> CANDIDATES = Map.of(
            "customer", List.of("customer_name_key", "customer_last_key"),
            "contact_point", List.of("contact_point_key"));

    /** Index name to the statement that creates it, for every candidate found. */
    private final Map<String, String> definitions;
    /** Those dropped and not yet created again. */
    private final List<String> dropped = new ArrayList<>();

    private DeferredIndexes(Map<String, String> definitions) {
        this.definitions = definitions;
    }

    /** Reads how the candidate indexes that exist are defined; changes nothing. */
    static DeferredIndexes find(Connection c) throws SQLException {
        Map<String, String> definitions = new TreeMap<>();
        DatabaseMetaData md = c.getMetaData();
        for (Map.Entry<String, List<String>> table : new TreeMap<>(CANDIDATES).entrySet()) {
            Map<String, List<String>> columns = new TreeMap<>();
            List<String> unusual = new ArrayList<>();
            try (ResultSet rs = md.getIndexInfo(c.getCatalog(), c.getSchema(), identifier(md, table.getKey()),
                    false, false)) {
                while (rs.next()) {
                    String name = rs.getString("INDEX_NAME");
                    if (name == null || !table.getValue().contains(name.toLowerCase(Locale.ROOT))) {
                        continue;
                    }
                    String column = rs.getString("COLUMN_NAME");
                    if (!rs.getBoolean("NON_UNIQUE") || column == null || rs.getString("FILTER_CONDITION") != null
                            || !column.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                        unusual.add(name);
                    }
                    String order = "D".equals(rs.getString("ASC_OR_DESC")) ? " DESC" : "";
                    List<String> list = columns.computeIfAbsent(name, k -> new ArrayList<>());
                    int position = rs.getInt("ORDINAL_POSITION");
                    while (list.size() < position) {
                        list.add(null);
                    }
                    list.set(position - 1, column + order);
                }
            }
            for (Map.Entry<String, List<String>> index : columns.entrySet()) {
                if (unusual.contains(index.getKey()) || index.getValue().contains(null)) {
                    continue;
                }
                definitions.put(index.getKey(), "CREATE INDEX " + index.getKey() + " ON " + table.getKey() + " ("
                        + String.join(", ", index.getValue()) + ")");
            }
        }
        return new DeferredIndexes(definitions);
    }

    /** Drops the indexes found; commits. */
    void drop(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String name : definitions.keySet()) {
                s.execute("DROP INDEX " + name);
                dropped.add(name);
            }
        } finally {
            commit(c);
        }
    }

    /** Creates the dropped indexes again (only those, so it may be called twice); commits. */
    void restore(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            while (!dropped.isEmpty()) {
                s.execute(definitions.get(dropped.get(0)));
                dropped.remove(0);
            }
        } finally {
            commit(c);
        }
    }

    private static void commit(Connection c) throws SQLException {
        // DDL commits by itself on H2, not on PostgreSQL, where a dropped index holds a table lock until then.
        if (!c.getAutoCommit()) {
            c.commit();
        }
    }

    private static String identifier(DatabaseMetaData md, String name) throws SQLException {
        if (md.storesUpperCaseIdentifiers()) {
            return name.toUpperCase(Locale.ROOT);
        }
        return md.storesLowerCaseIdentifiers() ? name.toLowerCase(Locale.ROOT) : name;
    }
}
