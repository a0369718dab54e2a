package dev.switchboard.app.bench;

import java.util.Locale;

/**
 * The PostgreSQL database a run's servers keep their data in ({@code bench --jdbc-url}), instead of
 * H2 files. The run needs a database of its own (or at least one whose schemas named
 * {@code bench_*} it may drop): see {@link PostgresSchemas}.
 *
 * @param user     null for the driver's default
 * @param password null for none
 */
public record PostgresDatabase(String url, String user, String password) {
    public PostgresDatabase {
        if (url == null || !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("--jdbc-url must name a PostgreSQL database (jdbc:postgresql://host:port/"
                    + "database); without it the benchmark runs on H2 files");
        }
        if (url.toLowerCase(Locale.ROOT).contains("currentschema=")) {
            throw new IllegalArgumentException("--jdbc-url must not set currentSchema: the benchmark keeps each data "
                    + "set in a schema of its own");
        }
    }

    /** The URL for connections whose tables live in {@code schema}. */
    String urlFor(String schema) {
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** Without the password: this may end up in a log. */
    @Override
    public String toString() {
        return url + (user == null ? "" : " as " + user);
    }
}
