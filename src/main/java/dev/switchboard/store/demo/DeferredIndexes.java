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

    private final List<String> creates;

    private DeferredIndexes(List<String> creates) {
        this.creates = creates;
    }

    /** Drops the candidate indexes that exist and remembers how to create them again; commits. */
    static DeferredIndexes drop(Connection c) throws SQLException {
        List<String> creates = new ArrayList<>();
        List<String> drops = new ArrayList<>();
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
                creates.add("CREATE INDEX " + index.getKey() + " ON " + table.getKey() + " ("
                        + String.join(", ", index.getValue()) + ")");
                drops.add("DROP INDEX " + index.getKey());
            }
        }
        execute(c, drops);
        return new DeferredIndexes(creates);
    }

    /** Builds the dropped indexes again; commits. */
    void restore(Connection c) throws SQLException {
        execute(c, creates);
    }

    private static void execute(Connection c, List<String> statements) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
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
