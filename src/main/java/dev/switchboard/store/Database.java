package dev.switchboard.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The server's database: a connection pool with the schema migrated to the latest version.
 * H2 in a file by default (written through on every commit, so an accepted contact survives a
 * kill), H2 in memory for tests, or any JDBC URL (PostgreSQL for a team server).
 *
 * <p>Migrations: {@code db/migration} holds the scripts both databases run (V1 to V10, unchanged
 * since H2 files in use were migrated with them: Flyway checks their checksums). From V11 on, a
 * script that needs different SQL per database lives twice, under {@code db/h2} and
 * {@code db/postgresql}; only the one of the database in use is read.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final boolean h2;

    /** Connections each server keeps to PostgreSQL unless {@value #POOL_PROPERTY} says otherwise. */
    public static final int POSTGRES_POOL = 10;
    /** System property overriding the pool size of a {@link #jdbc} database. */
    public static final String POOL_PROPERTY = "switchboard.db.pool";
    /**
     * H2 keeps the statements it has parsed per session, 8 by default. The stores use a few hundred
     * distinct SQL strings, so with 8 nearly every prepare parsed its SQL and planned the query again,
     * and a busy server spent its time (and its JIT compiler's) on H2's parser. 256 holds a whole
     * request's statements several times over.
     */
    private static final String H2_QUERY_CACHE = ";QUERY_CACHE_SIZE=256";

    private final boolean postgres;
    private final String url;
    private final String user;
    private final String password;

    private Database(String url, String user, String password, int poolSize) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.h2 = url.startsWith("jdbc:h2:");
        this.postgres = url.startsWith("jdbc:postgresql:");
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("switchboard-db");
        if (postgres) {
            tunePostgres(config, poolSize);
        }
        this.dataSource = new HikariDataSource(config);
        Flyway.configure().dataSource(dataSource).locations(migrationLocations()).load().migrate();
    }

    /**
     * PostgreSQL runs a process per connection, so a few busy connections beat many idle ones: every
     * node of a cluster holds its pool, and all of them (plus one listening connection each) must fit
     * under the server's {@code max_connections} (100 by default). Statements are prepared on the
     * server from their second use and kept per connection by the driver; the stores' SQL is a fixed
     * set of a few hundred strings, so the cache holds all of them.
     */
    private static void tunePostgres(HikariConfig config, int poolSize) {
        config.setMinimumIdle(Math.min(2, poolSize));
        config.setKeepaliveTime(Duration.ofMinutes(2).toMillis());
        config.addDataSourceProperty("ApplicationName", "switchboard");
        config.addDataSourceProperty("prepareThreshold", "2");
        config.addDataSourceProperty("preparedStatementCacheQueries", "512");
        config.addDataSourceProperty("preparedStatementCacheSizeMiB", "8");
        // the demo generator's batches go as multi-row INSERTs: several times fewer round trips
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        config.addDataSourceProperty("tcpKeepAlive", "true");
    }

    private String[] migrationLocations() {
        if (postgres) {
            return new String[] {"classpath:db/migration", "classpath:db/postgresql"};
        }
        if (h2) {
            return new String[] {"classpath:db/migration", "classpath:db/h2"};
        }
        return new String[] {"classpath:db/migration"};
    }

    /** H2 file {@code switchboard.mv.db} in {@code dir}; fails if another process holds it. */
    public static Database h2File(Path dir) {
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("switchboard")
                + ";WRITE_DELAY=0;FILE_LOCK=FILE;AUTO_SERVER=FALSE;DB_CLOSE_ON_EXIT=FALSE" + H2_QUERY_CACHE;
        return new Database(url, "sa", "", 12);
    }

    /** A private in-memory H2 database, gone when closed. */
    public static Database h2Memory(String name) {
        return new Database("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1" + H2_QUERY_CACHE, "sa", "", 12);
    }

    /** Any JDBC URL; PostgreSQL gets a pool of {@value #POSTGRES_POOL} (or {@value #POOL_PROPERTY}). */
    public static Database jdbc(String url, String user, String password) {
        int pool = Integer.getInteger(POOL_PROPERTY, url.startsWith("jdbc:postgresql:") ? POSTGRES_POOL : 16);
        return new Database(url, user, password, Math.max(2, pool));
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    /**
     * Runs {@code work} with every store write this thread makes in one transaction, committed once
     * at the end; each store call inside stays all or nothing on its own, and a throw undoes all.
     */
    public <T> T together(java.util.function.Supplier<T> work) {
        return Jdbc.together(dataSource, work);
    }

    public boolean isH2() {
        return h2;
    }

    public boolean isPostgres() {
        return postgres;
    }

    /**
     * A connection of its own, outside the pool, e.g. to LISTEN on for as long as the server runs
     * (a pooled one would be kept from the rest of the server for good). The caller closes it.
     */
    public Connection dedicatedConnection() throws SQLException {
        java.util.Properties props = new java.util.Properties();
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        if (postgres) {
            props.setProperty("ApplicationName", "switchboard-listener");
            props.setProperty("tcpKeepAlive", "true");
        }
        return java.sql.DriverManager.getConnection(url, props);
    }

    @Override
    public void close() {
        if (h2) {
            try (Connection c = dataSource.getConnection(); var s = c.createStatement()) {
                s.execute("SHUTDOWN");
            } catch (SQLException ignored) {
                // already closed or in memory: nothing to flush
            }
        }
        dataSource.close();
    }
}
