package dev.switchboard.app;

import dev.switchboard.app.bench.Bench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code switchboard bench}: the performance harness (see DESIGN's table of numbers). */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure the design's numbers and write them to bench/results.")
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--quick", description = "A small, short run that checks the harness works (results go to --out, not latest.json).")
    boolean quick;

    @Option(names = "--customers", description = "Customers in the generated database (default: 1,000,000; quick: 2,000).")
    Integer customers;

    @Option(names = "--seconds", description = "Seconds measured (default: 600; quick: 15).")
    Integer seconds;

    @Option(names = "--desktops", description = "Headless desktops measured (default: 8; quick: 2).")
    Integer desktops;

    @Option(names = "--data-dir", description = "Where the generated server database is kept between runs (default: target/bench-data).")
    Path dataDir;

    @Option(names = "--out", description = "Directory for results (default: bench/results; quick: target/bench-results).")
    Path out;

    @Option(names = "--targets", split = ",", description = "Which targets to measure (default: ${DEFAULT-VALUE}).")
    java.util.Set<String> targets = new java.util.TreeSet<>(Bench.TARGETS);

    @Option(names = "--display", description = "Draw the measured desktops on the display instead of headless (Monocle).")
    boolean display;

    @Override
    public Integer call() throws Exception {
        if (!display) {
            headless();
        }
        return new Bench(quick, targets, customers, seconds, desktops, dataDir, out, System.out::println).run();
    }

    /** Monocle's headless glass: no display needed (set before the toolkit starts). */
    private static void headless() {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("java.awt.headless", "true");
    }
}
