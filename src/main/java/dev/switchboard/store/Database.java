package dev.switchboard.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The server's database: a connection pool with the schema migrated to the latest version.
 * H2 in a file by default (written through on every commit, so an accepted contact survives a
 * kill), H2 in memory for tests, or any JDBC URL (PostgreSQL for a team server).
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final boolean h2;

    private Database(String url, String user, String password, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("switchboard-db");
        this.dataSource = new HikariDataSource(config);
        this.h2 = url.startsWith("jdbc:h2:");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    }

    /** H2 file {@code switchboard.mv.db} in {@code dir}; fails if another process holds it. */
    public static Database h2File(Path dir) {
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("switchboard")
                + ";WRITE_DELAY=0;FILE_LOCK=FILE;AUTO_SERVER=FALSE;DB_CLOSE_ON_EXIT=FALSE";
        return new Database(url, "sa", "", 12);
    }

    /** A private in-memory H2 database, gone when closed. */
    public static Database h2Memory(String name) {
        return new Database("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "", 12);
    }

    public static Database jdbc(String url, String user, String password) {
        return new Database(url, user, password, 16);
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
