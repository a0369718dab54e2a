package dev.switchboard.app.bench;

import dev.switchboard.store.demo.DemoData;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Data sets as schemas of one PostgreSQL database: the data set {@code <data dir>/customers-100000}
 * is schema {@code bench_customers_100000}, {@code <data dir>/offline/server} is
 * {@code bench_offline_server}. The server gets the database's URL with {@code currentSchema} set, so
 * its migrations and tables land in that schema and nothing else changes for it.
 *
 * <p>Which size a schema holds is what the demo generator records in its {@code setting} table when
 * it finishes ({@value DemoData#CUSTOMERS_SETTING}); a schema without that record, or with another
 * size, is dropped and made again, so a generation cut short is never measured as if it were whole.
 */
record PostgresSchemas(PostgresDatabase database, Path base) implements BenchDatabase {
    private static final int MAX_IDENTIFIER = 63;

    @Override
    public String kind() {
        return "postgresql";
    }

    @Override
    public String version() throws SQLException {
        try (Connection c = connect()) {
            return c.getMetaData().getDatabaseProductVersion();
        }
    }

    /** The schema holding {@code dataSet}: its path under the data directory, in lower case and underscores. */
    String schema(Path dataSet) {
        Path b = base.toAbsolutePath().normalize();
        Path d = dataSet.toAbsolutePath().normalize();
        String name = d.startsWith(b) && !d.equals(b) ? b.relativize(d).toString() : String.valueOf(d.getFileName());
        String schema = "bench_" + name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        if (schema.length() > MAX_IDENTIFIER) {
            throw new IllegalArgumentException("data set " + dataSet + " makes a schema name longer than PostgreSQL's "
                    + MAX_IDENTIFIER + " characters: " + schema);
        }
        return schema;
    }

    @Override
    public List<String> serverArgs(Path dataSet) {
        List<String> args = new ArrayList<>(List.of("--jdbc-url", database.urlFor(schema(dataSet))));
        if (database.user() != null) {
            args.addAll(List.of("--jdbc-user", database.user()));
        }
        if (database.password() != null) {
            args.addAll(List.of("--jdbc-password", database.password()));
        }
        return List.copyOf(args);
    }

    @Override
    public void delete(Path dataSet) throws SQLException {
        String schema = quoted(schema(dataSet));
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            // the server's migrations need the schema to be there: an unknown currentSchema leaves none current
            s.execute("CREATE SCHEMA " + schema);
        }
    }

    @Override
    public boolean holds(Path dataSet, int customers) throws SQLException {
        String schema = schema(dataSet);
        try (Connection c = connect()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM information_schema.tables "
                    + "WHERE table_schema = ? AND table_name = 'setting'")) {
                ps.setString(1, schema);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return false;
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT setting_value FROM " + quoted(schema)
                    + ".setting WHERE name = ?")) {
                ps.setString(1, DemoData.CUSTOMERS_SETTING);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && Integer.toString(customers).equals(rs.getString(1));
                }
            }
        }
    }

    @Override
    public void prepare(Path dataSet, int customers, Consumer<String> log) throws SQLException {
        String schema = schema(dataSet);
        if (customers > 0 && holds(dataSet, customers)) {
            log.accept(String.format(Locale.ROOT, "PostgreSQL schema %s holds %,d demo customers: reused", schema,
                    customers));
            return;
        }
        delete(dataSet);
        log.accept(String.format(Locale.ROOT, "PostgreSQL schema %s made empty: the server generates %,d demo "
                + "customers into it", schema, customers));
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(database.url(), database.user(), database.password());
    }

    private static String quoted(String identifier) {
        return '"' + identifier + '"';
    }
}
