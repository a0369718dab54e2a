package dev.switchboard.app.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * JMH micro-benchmarks of the pure parts (package {@code app.bench.jmh}): address matching, routing
 * decisions and the supervisor's metrics, run through JMH's runner from the product's own class path.
 *
 * <p>The full run forks one JVM per benchmark (JMH's own isolation: profile pollution and JIT
 * decisions of one benchmark do not leak into the next), with a fixed heap. The quick run is a
 * smoke test of the harness: it runs in this JVM (no fork) with one short warm-up and one short
 * measurement, so its scores are rough and carry no error bar.
 */
final class MicroBench {
    static final String PACKAGE = "dev.switchboard.app.bench.jmh.";
    /** P2's bare-router rate: the one number in DESIGN.md a micro-benchmark here can be held to. */
    static final double P2_DECISIONS_PER_SECOND = 20_000;
    private static final String[] ROUTER = {"RoutingBenchmark.offerToFreeAgent", "RoutingBenchmark.releaseAndArrive"};

    private MicroBench() {
    }

    /** How JMH runs: forks, iterations, times, and the forked JVM's flags. */
    record Settings(int forks, int warmups, TimeValue warmupTime, int iterations, TimeValue iterationTime,
                    String[] jvmArgs) {
        static Settings of(boolean quick) {
            return quick ? new Settings(0, 1, TimeValue.milliseconds(300), 1, TimeValue.milliseconds(500),
                    new String[0])
                    : new Settings(1, 3, TimeValue.seconds(1), 5, TimeValue.seconds(2),
                    new String[] {"-Xms1g", "-Xmx1g", "-XX:+UseG1GC", "-Djava.awt.headless=true"});
        }

        String describe() {
            return String.format(Locale.ROOT, "%s, %d warm-up x %s, %d measured x %s, one thread%s",
                    forks == 0 ? "in the benchmark's JVM (no fork)" : forks + " fork(s) per benchmark",
                    warmups, warmupTime, iterations, iterationTime,
                    jvmArgs.length == 0 ? "" : ", forked JVM " + String.join(" ", jvmArgs));
        }
    }

    static void record(boolean quick, Path dataDir, BenchResults results, Consumer<String> log) throws Exception {
        Settings s = Settings.of(quick);
        log.accept("JMH micro-benchmarks of matching, routing and metrics: " + s.describe());
        OptionsBuilder options = new OptionsBuilder();
        options.include("^" + Pattern.quote(PACKAGE))
                .forks(s.forks())
                .warmupIterations(s.warmups()).warmupTime(s.warmupTime())
                .measurementIterations(s.iterations()).measurementTime(s.iterationTime())
                .threads(1)
                .shouldFailOnError(true)
                .verbosity(VerboseMode.NORMAL);
        if (s.jvmArgs().length > 0) {
            options.jvmArgs(s.jvmArgs()); // instead of this JVM's flags (Monocle, its own heap, test agents)
        }
        Options built = options.build();
        Collection<RunResult> runs;
        long started = System.nanoTime();
        // a full run shows JMH's progress as it goes; a quick one keeps it and shows it only if a benchmark fails
        List<String> kept = new ArrayList<>();
        try (PrintStream out = new PrintStream(new Lines(quick ? kept::add : log), true, StandardCharsets.UTF_8)) {
            Runner runner = new Runner(built, OutputFormatFactory.createFormatInstance(out, VerboseMode.NORMAL));
            runs = quick ? withoutLock(runner::run) : runner.run();
        } catch (Exception e) {
            kept.forEach(log);
            throw e;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        List<RunResult> sorted = new ArrayList<>(runs);
        sorted.sort(RunResult.DEFAULT_SORT_COMPARATOR);

        double slowestRouter = Double.POSITIVE_INFINITY;
        int routers = 0;
        for (RunResult r : sorted) {
            for (String name : ROUTER) {
                if (r.getParams().getBenchmark().endsWith(name)) {
                    Result offers = r.getSecondaryResults().get("offers");
                    slowestRouter = Math.min(slowestRouter, offers == null ? 0 : offers.getScore());
                    routers++;
                }
            }
        }
        if (routers != ROUTER.length) {
            throw new IllegalStateException("the router benchmarks did not all run: " + routers + " of " + ROUTER.length);
        }
        var entry = results.entry("JMH", "routing decisions (offers) per second, the slower of the two router "
                        + "micro-benchmarks (JMH, one thread)", slowestRouter, "decisions/s",
                ">= 20,000 decisions/s (P2's bare-router rate); the other scores have no target and are recorded for "
                        + "comparison between runs", slowestRouter >= P2_DECISIONS_PER_SECOND, workload());
        entry.put("notes", NOTES);
        entry.put("forks", s.forks());
        entry.put("warmupIterations", s.warmups());
        entry.put("warmupSeconds", s.warmupTime().convertTo(java.util.concurrent.TimeUnit.MILLISECONDS) / 1000.0);
        entry.put("measurementIterations", s.iterations());
        entry.put("measurementSeconds", s.iterationTime().convertTo(java.util.concurrent.TimeUnit.MILLISECONDS) / 1000.0);
        entry.put("runSeconds", Bench.round(seconds));
        ArrayNode list = entry.putArray("benchmarks");
        List<String> table = new ArrayList<>();
        table.add(String.format(Locale.ROOT, "%-36s %-6s %16s %10s  %s", "benchmark", "mode", "score", "error", "unit"));
        for (RunResult r : sorted) {
            String name = r.getParams().getBenchmark().substring(PACKAGE.length());
            Result primary = r.getPrimaryResult();
            ObjectNode b = list.addObject();
            b.put("name", name);
            b.put("mode", r.getParams().getMode().shortLabel());
            putScore(b, primary);
            b.put("samples", primary.getSampleCount());
            Result offers = r.getSecondaryResults().get("offers");
            if (offers != null) {
                ObjectNode o = b.putObject("offers");
                putScore(o, offers);
            }
            String shortName = name.substring(name.indexOf('.') + 1);
            entry.put(shortName, format(primary.getScore()) + " " + primary.getScoreUnit()
                    + (offers == null ? "" : ", " + format(offers.getScore()) + " offers/s"));
            table.add(row(name, r.getParams().getMode().shortLabel(), primary));
            if (offers != null) {
                table.add(row("  (offers)", "", offers));
            }
        }
        Path file = results.write(quick ? "jmh-micro-quick" : "jmh-micro", entry, !quick);
        table.forEach(log);
        log.accept(String.format(Locale.ROOT, "JMH: the slower router benchmark decided %,.0f offers/s (%s P2's %,.0f) "
                        + "in %.0f s -> %s", slowestRouter, slowestRouter >= P2_DECISIONS_PER_SECOND ? "meets" : "misses",
                P2_DECISIONS_PER_SECOND, seconds, file));
    }

    static String workload() {
        return "matching: 1,024 seeded inbound addresses (half GB/foreign caller ids in 12 written forms, e-mail "
                + "From headers, handles) normalised in turn, region GB; routing: 5,000 agents (10 of 50 skills, "
                + "levels 1-10, default capacity), 500 queues (1-2 skills), P2's channel mix, 6,000 contacts in hand "
                + "(free agents available) or every able agent full with 1,000 waiting; metrics: one day to 16:07 "
                + "(about 50,000 contact records, 500 queues, 1,000 agents' state spans), Erlang C for 400 "
                + "contacts/s over 500 queues";
    }

    static final String NOTES = "Each score is JMH's for one thread. MatchingBenchmark: one AddressNormalizer.normalize "
            + "(or .phone) call per op, no database. RoutingBenchmark.offerToFreeAgent: one op = Router.enqueue of a "
            + "new contact (the decision: the best free skilled agent) + accept + release, so the centre stays as it "
            + "was; the run fails if more than 1 % of contacts find no free agent. RoutingBenchmark.releaseAndArrive: "
            + "one op = Router.release of the contact in hand longest (the freed agent is offered the most urgent "
            + "waiting contact they can take) + Router.enqueue of a new one, every offer accepted, the number of "
            + "contacts constant; the run fails if the backlog drains below 500. 'offers' counts Offer decisions "
            + "per second of measurement (JMH aux counter): the value compared with P2's 20,000 decisions/s. "
            + "MetricsBenchmark: dashboardQueues = for 500 queues IntervalStats.lastThirtyMinutes and today, "
            + "QueueStats KPIs of both and ErlangC.agentsNeeded as SupervisorService's dashboard does (no views, "
            + "JSON or locks); dashboardAgents = AgentStats.of for 1,000 agents over their day's spans and contacts, "
            + "occupancy and handle-time KPIs (the service caches occupancy per minute; this is the uncached work); "
            + "alerts = Alerts.evaluate of the dashboard's 3 rules over 500 queues and 1,000 agents; "
            + "erlangCStaffing = ErlangC.agentsNeeded for each of 500 queues; intervalUpdate = one IntervalStats.add "
            + "of a contact's later record (alternating with its earlier one, so the statistics stay the same size). "
            + "A quick run does not fork, warms up 0.3 s and measures 0.5 s once: its scores are rough, without an error bar.";

    private static void putScore(ObjectNode node, Result result) {
        putNumber(node, "score", result.getScore());
        putNumber(node, "error", result.getScoreError());
        node.put("unit", result.getScoreUnit());
    }

    /** JMH gives no error for a single iteration (NaN): recorded as null rather than a made-up number. */
    private static void putNumber(ObjectNode node, String field, double v) {
        if (Double.isFinite(v)) {
            node.put(field, v >= 100 ? Math.round(v) : Math.round(v * 1000) / 1000.0);
        } else {
            node.putNull(field);
        }
    }

    private static String row(String name, String mode, Result r) {
        return String.format(Locale.ROOT, "%-36s %-6s %16s %10s  %s", name, mode, format(r.getScore()),
                Double.isFinite(r.getScoreError()) ? "± " + format(r.getScoreError()) : "", r.getScoreUnit());
    }

    private static String format(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.3f", v);
    }

    private interface Run {
        Collection<RunResult> run() throws Exception;
    }

    /**
     * Runs without JMH's machine-wide lock: the quick run is a smoke test and may overlap another
     * quick run (parallel builds); a full run keeps the lock, as two at once would skew each other.
     */
    private static Collection<RunResult> withoutLock(Run run) throws Exception {
        String before = System.getProperty("jmh.ignoreLock");
        System.setProperty("jmh.ignoreLock", "true");
        try {
            return run.run();
        } finally {
            if (before == null) {
                System.clearProperty("jmh.ignoreLock");
            } else {
                System.setProperty("jmh.ignoreLock", before);
            }
        }
    }

    /** Hands JMH's console output to the benchmark's log, line by line. */
    private static final class Lines extends OutputStream {
        private final Consumer<String> log;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        Lines(Consumer<String> log) {
            this.log = log;
        }

        @Override
        public void write(int b) {
            if (b == '\n') {
                flushLine();
            } else if (b != '\r') {
                line.write(b);
            }
        }

        @Override
        public void close() {
            if (line.size() > 0) {
                flushLine();
            }
        }

        private void flushLine() {
            log.accept(line.toString(StandardCharsets.UTF_8));
            line.reset();
        }
    }
}
