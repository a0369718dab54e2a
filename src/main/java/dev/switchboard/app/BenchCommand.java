package dev.switchboard.app;

import dev.switchboard.app.bench.Bench;
import dev.switchboard.app.bench.BenchDatabaseOptions;
import dev.switchboard.app.bench.PostgresDatabase;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code switchboard bench}: the performance harness (see DESIGN's table of numbers). */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure the design's numbers and write them to bench/results.")
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--quick", description = "A small, short run that checks the harness works (results go to --out, not latest.json).")
    boolean quick;

    @Option(names = "--customers", description = "Customers in P1's generated database (default: 1,000,000; quick: 2,000). "
            + "Another size names P1's results apart and leaves latest.json alone.")
    Integer customers;

    @Option(names = "--seconds", description = "Seconds measured (default: 600; quick: 15).")
    Integer seconds;

    @Option(names = "--desktops", description = "Headless desktops measured (default: 8; quick: 2).")
    Integer desktops;

    @Option(names = "--p2-rate", description = "Contacts/s P2 sends end to end (default: 400, the design's load; "
            + "quick: 40). Another rate names its results apart and leaves latest.json alone.")
    Integer p2Rate;

    @Option(names = "--data-dir", description = "Where the generated server database is kept between runs (default: target/bench-data).")
    Path dataDir;

    @Option(names = "--out", description = "Directory for results (default: bench/results; quick: target/bench-results).")
    Path out;

    @Option(names = "--targets", split = ",", description = "Which targets to measure (default: ${DEFAULT-VALUE}).")
    java.util.Set<String> targets = new java.util.TreeSet<>(Bench.TARGETS);

    @Option(names = "--display", description = "Draw the measured desktops on the display instead of headless (Monocle).")
    boolean display;

    @Mixin
    BenchDatabaseOptions database;

    @Override
    public Integer call() throws Exception {
        Bench bench;
        try {
            PostgresDatabase postgres = database.postgres(System::getenv);
            bench = new Bench(quick, targets, customers, seconds, desktops, p2Rate, dataDir, out, postgres,
                    System.out::println);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(new CommandLine(this), e.getMessage());
        }
        if (!display) {
            headless();
        }
        return bench.run();
    }

    /** Monocle's headless glass: no display needed (set before the toolkit starts). */
    private static void headless() {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("java.awt.headless", "true");
    }
}
