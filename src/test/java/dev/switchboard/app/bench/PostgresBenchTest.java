package dev.switchboard.app.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.store.demo.DemoData;
import dev.switchboard.store.pg.PgDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code bench --jdbc-url}: the options reach the servers the targets start, each data set is a
 * schema of its own, and the results say PostgreSQL in their names and entries without touching
 * latest.json. No target is run.
 */
class PostgresBenchTest {
    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/switchboard_bench";

    @Test
    void theDatabaseOptionsReachTheServersOfTheTargets(@TempDir Path data) {
        PostgresDatabase pg = options("--jdbc-url", URL, "--jdbc-user", "switchboard", "--jdbc-password", "secret")
                .postgres(name -> null);
        Bench bench = new Bench(false, Set.of("P1", "P2", "P9"), 100_000, 60, 2, null, data, data.resolve("out"), pg,
                line -> { });

        var p1 = new ScreenPopBench.Settings(100_000, 5.0, 100, 2, 5, Duration.ofSeconds(5), Duration.ofSeconds(60),
                Duration.ofSeconds(10), data.resolve("customers-100000"), "1g");
        assertThat(new ScreenPopBench(p1, bench.database(), line -> { }).serverArgs())
                .containsSequence("--jdbc-url", URL + "?currentSchema=bench_customers_100000",
                        "--jdbc-user", "switchboard", "--jdbc-password", "secret")
                .contains("--customers", "100000")
                .doesNotContain("--data-dir");
        var p2 = new RoutingLatencyBench.Settings(20_000, 5000, 200, 500, 400, Duration.ofSeconds(5),
                Duration.ofSeconds(300), Duration.ofSeconds(60), data.resolve("routing"), "6g");
        assertThat(new RoutingLatencyBench(p2, bench.database(), line -> { }).serverArgs())
                .containsSequence("--jdbc-url", URL + "?currentSchema=bench_routing")
                .doesNotContain("--data-dir");
        assertThat(bench.database().serverArgs(data.resolve("offline").resolve("server")))
                .contains(URL + "?currentSchema=bench_offline_server");
    }

    @Test
    void withoutAUrlTheServersKeepTheirH2Files(@TempDir Path data) {
        assertThat(options().postgres(name -> "ignored")).isNull();
        Bench bench = new Bench(true, Set.of("P2"), null, null, null, null, data, data.resolve("out"), null, line -> { });

        assertThat(bench.database().kind()).isEqualTo("h2");
        assertThat(bench.database().serverArgs(data.resolve("routing")))
                .containsExactly("--data-dir", data.resolve("routing").toAbsolutePath().toString());
    }

    @Test
    void thePasswordComesFromTheEnvironmentUnlessGiven() {
        Map<String, String> env = Map.of(BenchDatabaseOptions.PASSWORD_ENV, "from-env");

        assertThat(options("--jdbc-url", URL, "--jdbc-user", "u").postgres(env::get).password()).isEqualTo("from-env");
        assertThat(options("--jdbc-url", URL, "--jdbc-password", "given").postgres(env::get).password())
                .isEqualTo("given");
        assertThat(options("--jdbc-url", URL, "--jdbc-password", "given").postgres(env::get).toString())
                .doesNotContain("given");
    }

    @Test
    void refusesWhatItCannotRunOn() {
        assertThatThrownBy(() -> options("--jdbc-url", "jdbc:h2:mem:x").postgres(name -> null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PostgreSQL");
        assertThatThrownBy(() -> options("--jdbc-url", URL + "?currentSchema=mine").postgres(name -> null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("currentSchema");
        assertThatThrownBy(() -> options("--jdbc-user", "u").postgres(name -> null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--jdbc-url");
    }

    @Test
    void postgresResultsAreNamedSoAndLeaveLatestAlone(@TempDir Path out) throws Exception {
        BenchResults results = new BenchResults(out, new BenchResults.Database("postgresql", "15.18"));
        var entry = results.entry("P2", "p99", 12.3, "ms", "p99 <= 50 ms", true, "a workload");

        Path file = results.write("p2-routing", entry, true);
        Path summary = results.writeSummary(false, "p2-p9");

        assertThat(file.getFileName().toString()).isEqualTo(LocalDate.now() + "-p2-routing-postgresql.json");
        assertThat(new ObjectMapper().readTree(file.toFile()).path("database").asText()).isEqualTo("postgresql 15.18");
        assertThat(Files.exists(out.resolve("latest.json"))).isFalse();
        assertThat(summary.getFileName().toString()).isEqualTo(LocalDate.now() + "-summary-p2-p9-postgresql.md");
        assertThat(Files.readString(summary)).contains("Database: postgresql 15.18", "Load average (1 min): ");
    }

    @Test
    void h2ResultsKeepTheirNamesAndTheRecord(@TempDir Path out) throws Exception {
        BenchResults results = new BenchResults(out, new BenchResults.Database("h2", "2.2.224"));
        var entry = results.entry("P2", "p99", 12.3, "ms", "p99 <= 50 ms", true, "a workload");

        Path file = results.write("p2-routing", entry, true);

        assertThat(file.getFileName().toString()).isEqualTo(LocalDate.now() + "-p2-routing.json");
        assertThat(new ObjectMapper().readTree(out.resolve("latest.json").toFile()).get(0).path("database").asText())
                .isEqualTo("h2 2.2.224");
    }

    @Test
    void aSchemaIsReusedOnlyWhenItHoldsAFinishedGenerationOfTheSize(@TempDir Path data) throws Exception {
        try (PgDatabases.Created db = PgDatabases.create()) {
            PostgresSchemas schemas = new PostgresSchemas(
                    new PostgresDatabase(db.url(), PgDatabases.user(), PgDatabases.password()), data);
            Path set = data.resolve("customers-100");

            schemas.prepare(set, 100, line -> { });
            assertThat(schemas.holds(set, 100)).as("an empty schema holds nothing yet").isFalse();
            // what the server's migrations and a finished generation leave behind
            sql(db.url(), "CREATE TABLE bench_customers_100.setting (name VARCHAR(100), setting_value VARCHAR(100))",
                    "INSERT INTO bench_customers_100.setting VALUES ('" + DemoData.CUSTOMERS_SETTING + "', '100')");

            assertThat(schemas.holds(set, 100)).isTrue();
            schemas.prepare(set, 100, line -> { });
            assertThat(settings(db.url())).as("kept").isEqualTo(1);

            assertThat(schemas.holds(set, 200)).isFalse();
            schemas.prepare(set, 200, line -> { });
            assertThat(settings(db.url())).as("dropped and made again, empty").isEqualTo(-1);
        }
    }

    private static BenchDatabaseOptions options(String... args) {
        return CommandLine.populateCommand(new BenchDatabaseOptions(), args);
    }

    private static void sql(String url, String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection(url, PgDatabases.user(), PgDatabases.password());
             Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    /** Rows in the schema's setting table; -1 when the schema has no such table. */
    private static int settings(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url, PgDatabases.user(), PgDatabases.password());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM information_schema.tables "
                     + "WHERE table_schema = 'bench_customers_100' AND table_name = 'setting'")) {
            rs.next();
            if (rs.getInt(1) == 0) {
                return -1;
            }
        }
        try (Connection c = DriverManager.getConnection(url, PgDatabases.user(), PgDatabases.password());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM bench_customers_100.setting")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
