package dev.switchboard.store.pg;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * Fresh PostgreSQL databases for tests, on the server named by {@code SB_PG_URL} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/}) as {@code SB_PG_USER} / {@code SB_PG_PASSWORD} (default
 * {@code switchboard} / {@code switchboard}). Each is {@code sb_<random>}, created empty and dropped
 * again at the end. An unreachable server fails the test: a scale-out test that skipped itself would
 * prove nothing.
 */
public final class PgDatabases {
    private PgDatabases() {
    }

    public static String serverUrl() {
        String url = env("SB_PG_URL", "jdbc:postgresql://127.0.0.1:5432/");
        return url.endsWith("/") ? url : url + "/";
    }

    public static String user() {
        return env("SB_PG_USER", "switchboard");
    }

    public static String password() {
        return env("SB_PG_PASSWORD", "switchboard");
    }

    /** Creates an empty database; returns its JDBC URL. */
    public static Created create() {
        String name = "sb_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        execute("CREATE DATABASE " + name);
        return new Created(name, serverUrl() + name);
    }

    /** A database made by {@link #create}; closing drops it (and any connection still open to it). */
    public record Created(String name, String url) implements AutoCloseable {
        /**
         * Forcing ends the test's own connections; an autovacuum worker that happens to be at work in the
         * database belongs to no role, and a role without {@code pg_signal_backend} may not end it. Such a
         * worker is gone within moments, so the drop is tried again a few times before the test fails.
         */
        @Override
        public void close() {
            String drop = "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)";
            for (int attempt = 1; ; attempt++) {
                try {
                    execute(drop);
                    return;
                } catch (AssertionError e) {
                    if (attempt == 10) {
                        throw e;
                    }
                    pause();
                }
            }
        }

        private static void pause() {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while dropping a test database", e);
            }
        }
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(serverUrl() + "postgres", user(), password());
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new AssertionError("PostgreSQL at " + serverUrl() + " as " + user() + " is needed for this test and "
                    + "could not be used (" + e.getMessage() + "). ./test.sh installs and starts it; or point "
                    + "SB_PG_URL, SB_PG_USER and SB_PG_PASSWORD at a server where that role may CREATE DATABASE.", e);
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
