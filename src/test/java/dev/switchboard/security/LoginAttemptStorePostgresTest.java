package dev.switchboard.security;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.switchboard.store.LoginAttemptStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lockout's table and queries on a real PostgreSQL (the V13 migration as written), with two
 * "nodes" (two pools) counting failures for one name at once: no count is lost, exactly one
 * failure locks it.
 */
class LoginAttemptStorePostgresTest {
    private static final String URL = System.getenv().getOrDefault("SB_PG_URL", "jdbc:postgresql://127.0.0.1:5432/");
    private static final String USER = System.getenv().getOrDefault("SB_PG_USER", "switchboard");
    private static final String PASSWORD = System.getenv().getOrDefault("SB_PG_PASSWORD", "switchboard");
    private static final String DB = "sb_login_attempts_" + Long.toHexString(System.nanoTime());
    private static HikariDataSource nodeA;
    private static HikariDataSource nodeB;

    @BeforeAll
    static void createDatabase() throws Exception {
        try (Connection c = DriverManager.getConnection(URL + "postgres", USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + DB);
        }
        nodeA = pool();
        nodeB = pool();
        String sql;
        try (InputStream in = LoginAttemptStore.class.getResourceAsStream("/db/migration/V13__login_attempts.sql")) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection c = nodeA.getConnection(); Statement s = c.createStatement()) {
            for (String statement : sql.replaceAll("(?m)^--.*$", "").split(";")) {
                if (!statement.isBlank()) {
                    s.execute(statement);
                }
            }
        }
    }

    private static HikariDataSource pool() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(URL + DB);
        config.setUsername(USER);
        config.setPassword(PASSWORD);
        config.setMaximumPoolSize(8);
        return new HikariDataSource(config);
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        if (nodeA != null) {
            nodeA.close();
        }
        if (nodeB != null) {
            nodeB.close();
        }
        try (Connection c = DriverManager.getConnection(URL + "postgres", USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DB);
        }
    }

    @Test
    void concurrentFailuresOnTwoNodesLockExactlyOnce() throws Exception {
        LoginAttemptStore a = new LoginAttemptStore(nodeA);
        LoginAttemptStore b = new LoginAttemptStore(nodeB);
        Instant now = Instant.parse("2026-03-09T09:00:00Z");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Optional<Instant>>> results = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                LoginAttemptStore store = i % 2 == 0 ? a : b;
                results.add(pool.submit(() -> store.recordFailure("Shared.Name", now, Duration.ofMinutes(15), 10,
                        Duration.ofMinutes(15))));
            }
            int locks = 0;
            for (Future<Optional<Instant>> f : results) {
                locks += f.get().isPresent() ? 1 : 0;
            }
            assertThat(locks).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(b.lockedUntil("shared.name", now.plusSeconds(60))).contains(now.plus(Duration.ofMinutes(15)));
        assertThat(a.lockedUntil("shared.name", now.plus(Duration.ofMinutes(16)))).isEmpty();
    }

    @Test
    void failuresOutsideTheWindowStartAFreshCountAndResetForgets() {
        LoginAttemptStore a = new LoginAttemptStore(nodeA);
        Instant t = Instant.parse("2026-03-02T10:00:00Z");
        Duration window = Duration.ofMinutes(15);
        for (int i = 0; i < 4; i++) {
            assertThat(a.recordFailure("slow", t.plus(Duration.ofMinutes(i)), window, 5, window)).isEmpty();
        }
        // the fifth comes after the window of the first: a new run, no lock
        assertThat(a.recordFailure("slow", t.plus(Duration.ofMinutes(20)), window, 5, window)).isEmpty();
        for (int i = 0; i < 3; i++) {
            assertThat(a.recordFailure("slow", t.plus(Duration.ofMinutes(21 + i)), window, 5, window)).isEmpty();
        }
        a.reset("SLOW");
        for (int i = 0; i < 4; i++) {
            assertThat(a.recordFailure("slow", t.plus(Duration.ofMinutes(25)), window, 5, window)).isEmpty();
        }
        assertThat(a.recordFailure("slow", t.plus(Duration.ofMinutes(25)), window, 5, window)).isPresent();
        assertThat(a.forgetOlderThan(t.plus(Duration.ofDays(2)))).isEqualTo(1);
        assertThat(a.lockedUntil("slow", t.plus(Duration.ofMinutes(26)))).isEmpty();
    }
}
