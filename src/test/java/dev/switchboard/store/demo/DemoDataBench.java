package dev.switchboard.store.demo;

import dev.switchboard.store.Database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Times {@link DemoData} on an H2 file database in a temporary directory. Not a test (speed is
 * measured, never asserted); run it by hand with the test class path:
 * <pre>
 * java -cp target/classes:target/test-classes:$(deps) dev.switchboard.store.demo.DemoDataBench 1000000 5
 * </pre>
 * Arguments: customers (100000), interactions per customer (5), and {@code --no-db} to time the
 * generator alone. System properties: {@code bench.compact=true} also times a {@code SHUTDOWN COMPACT}
 * afterwards; {@code bench.sql} runs statements (';'-separated) first, e.g. {@code SET CACHE_SIZE 262144};
 * {@code bench.urlOptions} appends settings that only the URL takes, e.g. {@code ;COMPRESS=TRUE}.
 */
public final class DemoDataBench {
    private static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");

    private DemoDataBench() {
    }

    public static void main(String[] args) throws Exception {
        int customers = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        double perCustomer = args.length > 1 ? Double.parseDouble(args[1]) : 5;
        if (args.length > 2 && "--no-db".equals(args[2])) {
            generateOnly(customers, perCustomer);
            return;
        }
        Path dir = Files.createTempDirectory("demo-bench");
        try {
            run(dir, customers, perCustomer);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void run(Path dir, int customers, double perCustomer) throws Exception {
        Path file = dir.resolve("switchboard.mv.db");
        long opened = System.nanoTime();
        DemoData.Report report;
        String urlOptions = System.getProperty("bench.urlOptions");
        try (Database db = urlOptions == null ? Database.h2File(dir) : Database.jdbc("jdbc:h2:file:"
                + dir.resolve("switchboard") + ";WRITE_DELAY=0;FILE_LOCK=FILE;AUTO_SERVER=FALSE" + urlOptions,
                "sa", "")) {
            String sql = System.getProperty("bench.sql");
            if (sql != null) {
                try (Connection c = db.connection(); Statement s = c.createStatement()) {
                    for (String statement : sql.split(";")) {
                        s.execute(statement);
                    }
                }
            }
            long[] last = {System.nanoTime()};
            report = new DemoData(db.dataSource()).generate(
                    new DemoData.Options(42, customers, perCustomer, NOW, List.of()),
                    (phase, done, total) -> {
                        long t = System.nanoTime();
                        if (t - last[0] > 10_000_000_000L || done == total) {
                            last[0] = t;
                            System.out.printf("%6.1fs %s %d/%d%n", (t - opened) / 1e9, phase, done, total);
                        }
                    });
        }
        long closed = System.nanoTime();
        long size = Files.size(file) >> 20;
        long rows = report.customers() + report.contactPoints() + report.interactions() + report.tickets()
                + report.notes();
        double seconds = report.took().toMillis() / 1000.0;
        System.out.println(report);
        System.out.printf("%d rows (plus ticket links) in %.1f s = %.0f rows/s, %.0f customers/s; "
                + "closed after %.1f s; file %d MB%n", rows, seconds, rows / seconds, report.customers() / seconds,
                (closed - opened) / 1e9, size);
        if (Boolean.getBoolean("bench.compact")) {
            try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("switchboard"), "sa", "");
                 Statement s = c.createStatement()) {
                s.execute("SHUTDOWN COMPACT");
            }
            System.out.printf("SHUTDOWN COMPACT: %d MB -> %d MB in %.1f s%n", size, Files.size(file) >> 20,
                    (System.nanoTime() - closed) / 1e9);
        }
    }

    /** Times the generator alone, rows thrown away, to tell generation cost from database cost. */
    private static void generateOnly(int customers, double perCustomer) throws Exception {
        long started = System.nanoTime();
        long[] counts = new long[3];
        new DemoGenerator(DemoWorld.load(), 42, customers, perCustomer, NOW, List.of()).run(b -> {
            counts[0]++;
            counts[1] += b.activity().interactions().size();
            for (var i : b.activity().interactions()) {
                counts[2] += i.body().length();
            }
        });
        System.out.printf("generated %d customers, %d interactions (avg body %d chars) in %.1f s%n",
                counts[0], counts[1], counts[2] / Math.max(1, counts[1]), (System.nanoTime() - started) / 1e9);
    }
}
