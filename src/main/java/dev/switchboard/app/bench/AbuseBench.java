package dev.switchboard.app.bench;

import dev.switchboard.store.Database;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * ABUSE, the fault and abuse suite's large run: {@link AbuseRun} against a server in its own JVM on a
 * fresh H2 file, then the server stopped and its database opened to count the customers and tickets
 * against those answered as created. Met when no answer broke a rule (only 2xx or a 4xx with a JSON
 * error, never another unit's data) and nothing is half written.
 */
final class AbuseBench {
    private AbuseBench() {
    }

    /** Requests, threads sending them, and the seed of the generator. */
    record Settings(int requests, int threads, long seed) {
        String workload() {
            return String.format("%,d malformed and hostile requests over every route of the API from %d threads "
                    + "(broken and wrongly shaped JSON, wrong types, 300 KB strings, 3,000-deep nesting, injection "
                    + "strings, encoded NULs, bad, missing and over-long tokens, other people's and absurd ids; seed %d), "
                    + "server in its own JVM on a fresh H2 file, rate limits too high to refuse", requests, threads, seed);
        }
    }

    static void record(boolean quick, Path dataDir, BenchResults results, Consumer<String> log) throws Exception {
        Settings s = quick ? new Settings(1_000, 2, 7L) : new Settings(100_000, 8, 20261126L);
        Path dir = dataDir.resolve(quick ? "abuse-quick" : "abuse");
        BenchFiles.deleteTree(dir);
        log.accept("ABUSE: " + s.workload());
        ServerProcess server = ServerProcess.start(List.of("--data-dir", dir.toString(), "--port", "0", "--sip-port", "0",
                "--customers", "0"), "1g", Duration.ofSeconds(120), line -> { });
        AbuseRun.Result r;
        try {
            r = new AbuseRun(server.baseUrl()).run(s.requests(), s.threads(), s.seed());
        } finally {
            server.close();
        }
        long customers;
        long tickets;
        try (Database db = Database.h2File(dir); Connection c = db.connection()) {
            customers = count(c, "customer");
            tickets = count(c, "ticket");
        }
        boolean whole = customers == r.customersCreated() && tickets == r.ticketsCreated();
        boolean met = r.failureCount() == 0 && whole;
        var entry = results.entry("ABUSE", "answers breaking a rule (a 5xx, a 4xx without a JSON error, another unit's "
                + "data)", r.failureCount(), "answers", "0, and every customer and ticket stored answered as created",
                met, s.workload());
        entry.put("requests", r.requests());
        entry.put("requestsPerSecond", Math.round(r.requests() / r.seconds()));
        var statuses = entry.putObject("answersByStatus");
        r.byStatus().forEach((status, n) -> statuses.put(String.valueOf(status), n));
        entry.put("customersAnsweredCreated", r.customersCreated());
        entry.put("customersStored", customers);
        entry.put("ticketsAnsweredCreated", r.ticketsCreated());
        entry.put("ticketsStored", tickets);
        var failures = entry.putArray("firstFailures");
        r.failures().forEach(failures::add);
        Path file = results.write(quick ? "abuse-quick" : "abuse", entry, !quick);
        log.accept(String.format("ABUSE %s: %,d requests in %.1f s, %d broke a rule, customers %d/%d, tickets %d/%d -> %s",
                met ? "met" : "missed", r.requests(), r.seconds(), r.failureCount(), customers, r.customersCreated(),
                tickets, r.ticketsCreated(), file));
    }

    private static long count(Connection c, String table) throws java.sql.SQLException {
        try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
