package dev.switchboard.app.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/** Runs the benchmarks (P1-P9, the voice load and the micro-benchmarks of the pure parts) and records their results. */
public final class Bench {
    /** Every target a run measures unless told which. */
    public static final java.util.List<String> TARGETS = java.util.List.of("P1", "P2", "P3", "P4", "P5", "P6", "P7",
            "P8", "P9", "VOICE", "JMH", "ABUSE");

    /** The targets a run on PostgreSQL measures: the others' figures do not depend on it (see skipOffH2). */
    private static final Set<String> ON_ANY_DATABASE = Set.of("P1", "P2", "P3", "P4", "P5", "P9");

    /** Customers in P1's database in a full run: the design's size. */
    private static final int P1_CUSTOMERS = 1_000_000;
    /** Contacts/s P2 sends end to end in a full run: the design's load. */
    private static final int P2_RATE = 400;

    private static final double P1_P50_MS = 50;
    private static final double P1_P99_MS = 150;

    private final boolean quick;
    private final Set<String> targets;
    private final ScreenPopBench.Settings p1;
    private final Path out;
    private final Path dataDir;
    private final BenchDatabase database;
    private final Integer p2Rate;
    private final Consumer<String> log;

    public Bench(boolean quick, Integer customers, Integer seconds, Integer desktops, Path dataDir, Path out,
                 Consumer<String> log) {
        this(quick, Set.copyOf(TARGETS), customers, seconds, desktops, dataDir, out, log);
    }

    public Bench(boolean quick, Set<String> targets, Integer customers, Integer seconds, Integer desktops,
                 Path dataDir, Path out, Consumer<String> log) {
        this(quick, targets, customers, seconds, desktops, null, dataDir, out, null, log);
    }

    /**
     * @param p2Rate   contacts/s P2 sends end to end; null for the design's 400 (quick: 40)
     * @throws IllegalArgumentException for a rate below 1
     * @param postgres the database the servers keep their data in; null for H2 files under the data
     *                 directory (the default, and the record in latest.json)
     */
    public Bench(boolean quick, Set<String> targets, Integer customers, Integer seconds, Integer desktops,
                 Integer p2Rate, Path dataDir, Path out, PostgresDatabase postgres, Consumer<String> log) {
        if (p2Rate != null && p2Rate <= 0) {
            throw new IllegalArgumentException("--p2-rate must be at least 1 contact/s");
        }
        this.quick = quick;
        this.p2Rate = p2Rate == null || p2Rate == P2_RATE ? null : p2Rate;
        this.targets = targets.stream().map(t -> t.toUpperCase(Locale.ROOT)).collect(java.util.stream.Collectors.toSet());
        this.dataDir = dataDir != null ? dataDir : Path.of("target", "bench-data");
        this.database = postgres == null ? new H2Files() : new PostgresSchemas(postgres, this.dataDir);
        int c = customers != null ? customers : quick ? 2_000 : P1_CUSTOMERS;
        this.p1 = new ScreenPopBench.Settings(c, 5.0, quick ? 250 : 1000,
                desktops != null ? desktops : quick ? 2 : 8, quick ? 5 : 20,
                Duration.ofSeconds(quick ? 1 : 5),
                Duration.ofSeconds(seconds != null ? seconds : quick ? 15 : 600),
                Duration.ofSeconds(quick ? 5 : 60),
                this.dataDir.resolve("customers-" + c),
                quick ? "1g" : "8g");
        this.out = out != null ? out : quick ? Path.of("target", "bench-results") : Path.of("bench", "results");
        this.log = log;
    }

    /** Where the servers of this run keep their data. */
    BenchDatabase database() {
        return database;
    }

    /** @return 0 when every measurement produced a result, 1 otherwise */
    public int run() throws Exception {
        BenchResults results = new BenchResults(out, new BenchResults.Database(database.kind(), database.version()));
        boolean h2 = database instanceof H2Files;
        if (!h2) {
            skipOffH2();
        }
        if (targets.contains("P2")) {
            if (h2) {
                runRouter(results);
            }
            runRoutingLatency(results);
        }
        if (targets.contains("P4") || targets.contains("P3")) {
            SupervisorFreshnessBench.record(quick, dataDir, database, results, log);
        }
        if (targets.contains("P5")) {
            RestEfficiencyBench.record(quick, dataDir, database, results, log);
        }
        if (h2 && targets.contains("P6")) {
            DesktopStartBench.record(quick, dataDir, results, log);
        }
        if (h2 && targets.contains("P7")) {
            DesktopMemoryBench.record(quick, dataDir, results, log);
        }
        if (h2 && targets.contains("P8")) {
            FrameIntervalBench.record(quick, dataDir, results, log);
        }
        if (h2 && targets.contains("JMH")) {
            MicroBench.record(quick, dataDir, results, log);
        }
        if (h2 && targets.contains("VOICE")) {
            runVoiceLoad(results);
        }
        if (targets.contains("P9")) {
            runOfflineSync(results);
        }
        if (h2 && targets.contains("ABUSE")) {
            AbuseBench.record(quick, dataDir, results, log);
        }
        int code = targets.contains("P1") ? runScreenPop(results) : 0;
        Path summary = results.writeSummary(quick, (targets.containsAll(TARGETS) ? ""
                : String.join("-", new java.util.TreeSet<>(targets)).toLowerCase(Locale.ROOT)) + p2Variant() + p1Variant());
        if (summary != null) {
            log.accept(results.summary(quick));
            log.accept("Summary -> " + summary);
        }
        return code;
    }

    /**
     * Off H2 only the targets whose figures depend on the server's database run: the bare router and
     * JMH use none; P6, P7 and P8 measure the desktop (P8 also writes its long history straight into an
     * H2 file); VOICE runs its server inside this process and ABUSE counts in the H2 file afterwards.
     */
    private void skipOffH2() {
        java.util.List<String> skipped = new java.util.ArrayList<>(TARGETS.stream()
                .filter(t -> targets.contains(t) && !ON_ANY_DATABASE.contains(t)).toList());
        if (targets.contains("P2")) {
            skipped.add(0, "P2's bare router");
        }
        if (!skipped.isEmpty()) {
            log.accept("On " + database.kind() + " only P1, P2 (end to end), P3, P4, P5 and P9 run; skipped: "
                    + String.join(", ", skipped));
        }
    }

    private void runRouter(BenchResults results) throws java.io.IOException {
        RouterBench.Settings p2 = quick ? new RouterBench.Settings(500, 50, 10, 400, 20_000)
                : new RouterBench.Settings(5000, 500, 10, 400, 400_000);
        log.accept("P2 bare router: " + p2.workload());
        RouterBench.Result router = new RouterBench(p2).run();
        var routerEntry = results.entry("P2-router", "bare router decisions per second (one thread)",
                router.decisionsPerSecond(), "decisions/s", ">= 20,000 decisions/s",
                router.decisionsPerSecond() >= 20_000, p2.workload());
        routerEntry.put("decisions", router.decisions());
        routerEntry.put("p99CallMicros", Math.round(router.p99Micros() * 10) / 10.0);
        routerEntry.put("waitingAtEnd", router.waitingAtEnd());
        Path routerFile = results.write(quick ? "p2-router-quick" : "p2-router", routerEntry, !quick);
        log.accept(String.format(Locale.ROOT, "P2 router: %,.0f decisions/s, p99 %.1f µs per call -> %s",
                router.decisionsPerSecond(), router.p99Micros(), routerFile));
    }

    /**
     * Names a full P1 run on another number of customers than the design's apart ({@code
     * -100000-customers}), or nothing: latest.json holds the design's size only.
     */
    private String p1Variant() {
        return quick || !targets.contains("P1") || p1.customers() == P1_CUSTOMERS ? ""
                : "-" + p1.customers() + "-customers";
    }

    /** Names a full P2 run at another rate than the design's apart: {@code -100-per-second}, or nothing. */
    private String p2Variant() {
        return p2Rate == null || quick || !targets.contains("P2") ? "" : "-" + p2Rate + "-per-second";
    }

    private void runRoutingLatency(BenchResults results) throws Exception {
        RoutingLatencyBench.Settings p2 = quick
                ? new RoutingLatencyBench.Settings(2_000, 200, 20, 50, p2Rate != null ? p2Rate : 40,
                Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(5), dataDir.resolve("routing-quick"),
                "1g")
                : new RoutingLatencyBench.Settings(20_000, 5000, 200, 500, p2Rate != null ? p2Rate : P2_RATE,
                Duration.ofSeconds(5), Duration.ofSeconds(300), Duration.ofSeconds(60), dataDir.resolve("routing"), "6g");
        log.accept("P2 enqueue to offer received: " + p2.workload());
        RoutingLatencyBench.Result r = new RoutingLatencyBench(p2, database, log).run();
        double p99 = r.samples().count() == 0 ? Double.NaN : r.samples().percentile(99);
        // the target is held at the design's load: a run at a lower rate shows latency, not that it was met
        boolean met = r.samples().count() > 0 && p99 <= 50 && r.duplicateOffers() == 0
                && r.sentPerSecond() >= 0.95 * p2.ratePerSecond() && (quick || p2.ratePerSecond() >= P2_RATE);
        var entry = results.entry("P2", "enqueue at the server to offer received by the agent's client, p99", p99, "ms",
                "p99 <= 50 ms, 0 lost or double offers", met, p2.workload());
        entry.put("p50", Math.round(r.samples().percentile(50) * 10) / 10.0);
        entry.put("max", Math.round(r.samples().max() * 10) / 10.0);
        entry.put("samples", r.samples().count());
        entry.put("contactsSent", r.sent());
        entry.put("contactsPerSecondAchieved", Math.round(r.sentPerSecond() * 10) / 10.0);
        entry.put("sendErrors", r.sendErrors());
        entry.put("duplicateOffers", r.duplicateOffers());
        entry.put("waitingAtEnd", r.waitingAtEnd());
        entry.put("serverRssMiB", r.serverRss() / (1024 * 1024));
        Path file = results.write(quick ? "p2-routing-quick" : "p2-routing" + p2Variant(), entry,
                !quick && p2Rate == null);
        log.accept(String.format(Locale.ROOT, "P2: p50 %.1f ms, p99 %.1f ms over %d offers, %d sent, %d duplicate "
                        + "offers, %d waiting at the end -> %s", r.samples().percentile(50), p99, r.samples().count(), r.sent(),
                r.duplicateOffers(), r.waitingAtEnd(), file));
    }

    static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private void runVoiceLoad(BenchResults results) throws Exception {
        VoiceLoadBench.Settings v = quick
                ? new VoiceLoadBench.Settings(20, 5, Duration.ofSeconds(4), Duration.ofSeconds(2), dataDir.resolve("voice-quick"))
                : new VoiceLoadBench.Settings(800, 20, Duration.ofSeconds(60), Duration.ofSeconds(30), dataDir.resolve("voice"));
        log.accept("Voice load: " + v.workload());
        VoiceLoadBench.Result r = new VoiceLoadBench(v, log).run();
        boolean met = r.attempted() == v.calls() && r.successful() == v.calls() && r.failed() == 0
                && r.server().connectedTwice() == 0 && r.notFinished() == 0 && r.server().received() == v.calls();
        var entry = results.entry("VOICE", "calls answered and ended of those placed by sipp", r.successful(), "calls",
                "every call answered once and ended: none lost, none answered twice", met, v.workload());
        entry.put("callsPlaced", r.attempted());
        entry.put("callsFailed", r.failed());
        entry.put("answerAverageMs", Math.round(r.answerP50Ms() * 10) / 10.0);
        entry.put("answerWorstPeriodAverageMs", Math.round(r.answerMaxMs() * 10) / 10.0);
        entry.put("serverReceived", r.server().received());
        entry.put("serverBridged", r.server().connected());
        entry.put("serverBridgedTwice", r.server().connectedTwice());
        entry.put("sentBackToQueue", r.server().bounced());
        entry.put("storedNotFinished", r.notFinished());
        entry.put("seconds", r.elapsed().toSeconds());
        Path file = results.write(quick ? "voice-load-quick" : "voice-load", entry, !quick);
        VoiceLoadBench.describe(r).forEach(log);
        log.accept("Voice load " + (met ? "met" : "missed") + " -> " + file);
    }

    private void runOfflineSync(BenchResults results) throws Exception {
        // the network drops, the server runs on; -Dsb.bench.p9ServerRestart=true: the server is restarted instead
        boolean restart = Boolean.getBoolean("sb.bench.p9ServerRestart");
        int backlogs = restart ? 1 : Integer.getInteger("sb.bench.p9Backlogs", 2);
        OfflineSyncBench.Settings p9 = quick
                ? new OfflineSyncBench.Settings(500, 10, 10, 40, dataDir.resolve("offline-quick"), restart, backlogs)
                : new OfflineSyncBench.Settings(5_000, 50, 100, 400, dataDir.resolve("offline"), restart, backlogs);
        log.accept("P9 offline resync: " + p9.workload());
        OfflineSyncBench.Result result = new OfflineSyncBench(p9, database, log).run();
        OfflineSyncBench.Round r = result.measured();
        boolean met = r.syncSeconds() <= 2 && result.rounds().stream().allMatch(OfflineSyncBench.Round::clean);
        String back = restart ? "server listening again" : "network back";
        var entry = results.entry("P9", back + " to the desktop's last offline edit accepted",
                Math.round(r.syncSeconds() * 100) / 100.0, "s", "synced <= 2 s after reconnect, 0 lost, 0 doubled", met,
                p9.workload());
        // lost, doubled and refused over every backlog; the rest of the last one's
        entry.put("lost", result.rounds().stream().mapToInt(OfflineSyncBench.Round::lost).sum());
        entry.put("doubled", result.rounds().stream().mapToInt(OfflineSyncBench.Round::doubled).sum());
        entry.put("refused", result.rounds().stream().mapToInt(OfflineSyncBench.Round::failed).sum());
        entry.put("desktopNoticedServerMs", r.noticedMillis());
        entry.put("editsPerSecondAfterReconnect", Math.round(r.edits() / r.syncSeconds()));
        entry.put("offlineEditP50Ms", Math.round(r.editNanosP50() / 1e4) / 100.0);
        entry.put("offlineEditP99Ms", Math.round(r.editNanosP99() / 1e4) / 100.0);
        if (result.rounds().size() > 1) {
            // the value is the last backlog's; the first met a server (and a desktop) just started
            entry.put("backlogs", result.rounds().size());
            var each = entry.putArray("backlogSyncSeconds");
            result.rounds().forEach(x -> each.add(Math.round(x.syncSeconds() * 100) / 100.0));
            var noticed = entry.putArray("backlogNoticedMs");
            result.rounds().forEach(x -> noticed.add(x.noticedMillis()));
        }
        String name = (quick ? "p9-offline-quick" : "p9-offline") + (restart ? "-server-restart" : "");
        Path file = results.write(name, entry, !quick && !restart);
        for (int i = 0; i < result.rounds().size() - 1; i++) {
            OfflineSyncBench.Round f = result.rounds().get(i);
            log.accept(String.format(Locale.ROOT, "P9: backlog %d%s: %,d edits synced in %.2f s (noticed after %d ms), "
                            + "%d lost, %d doubled, %d refused", i + 1, i == 0 ? ", the server just started" : "",
                    f.edits(), f.syncSeconds(), f.noticedMillis(), f.lost(), f.doubled(), f.failed()));
        }
        log.accept(String.format(Locale.ROOT, "P9: %,d edits synced in %.2f s after the %s (noticed after "
                        + "%d ms), %d lost, %d doubled, %d refused; an offline edit took p50 %.2f ms, p99 %.2f ms (%s) -> %s",
                r.edits(), r.syncSeconds(), restart ? "server listened" : "network came back", r.noticedMillis(), r.lost(),
                r.doubled(), r.failed(), r.editNanosP50() / 1e6, r.editNanosP99() / 1e6, met ? "met" : "missed", file));
    }

    private int runScreenPop(BenchResults results) throws Exception {

        log.accept("P1 screen-pop: " + p1.workload());
        ScreenPopBench.Result r = new ScreenPopBench(p1, database, log).run();
        if (r.samples().count() == 0) {
            log.accept("P1: no pops were measured (" + r.pops() + " drawn in all)");
            return 1;
        }
        double p50 = r.samples().percentile(50);
        double p99 = r.samples().percentile(99);
        boolean met = p50 <= P1_P50_MS && p99 <= P1_P99_MS;
        var entry = results.entry("P1", "screen-pop, contact at server to card drawn, p99", p99, "ms",
                "p50 <= 50 ms, p99 <= 150 ms", met, p1.workload());
        entry.put("p50", Math.round(p50 * 10) / 10.0);
        entry.put("p90", Math.round(r.samples().percentile(90) * 10) / 10.0);
        entry.put("max", Math.round(r.samples().max() * 10) / 10.0);
        entry.put("samples", r.samples().count());
        entry.put("serverRssMiB", r.serverRss() / (1024 * 1024));
        Path file = results.write(quick ? "p1-screen-pop-quick" : "p1-screen-pop" + p1Variant(), entry,
                !quick && p1Variant().isEmpty());
        log.accept(String.format(Locale.ROOT, "P1: p50 %.1f ms, p99 %.1f ms over %d pops (%s) -> %s", p50, p99,
                r.samples().count(), met ? "met" : "missed", file));
        return 0;
    }
}
