package dev.switchboard.app.bench;

import dev.switchboard.api.ContactPointView;
import dev.switchboard.api.CustomerSummary;
import dev.switchboard.api.SyncPage;
import dev.switchboard.api.SyncRequest;
import dev.switchboard.client.HttpSwitchboardApi;
import dev.switchboard.domain.ContactKind;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * P5, REST efficiency: how many authenticated customer lookups the server answers over 8 busy
 * connections, against how many "hello"s a bare Javalin app answers the same way in the same run.
 *
 * <p>The lookup is the desktop's search box: {@code GET /api/v1/customers?q=<phone number>&limit=50}
 * with a signed-in agent's bearer token, the number as the card shows it (so the server parses and
 * normalises it, finds the contact point by its index and reads the customer with its contact
 * points). The numbers belong to customers picked at random from the database, read over the API
 * before the run, and are sent in turn, so the figure is not that of one number answered from caches.
 *
 * <p>Three JVMs besides the benchmark's: the server (on the screen-pop benchmark's database when it
 * is there, see {@link #settings}), {@link BareHelloApp} with the same heap, and {@link RestLoadGenerator},
 * which warms both up and then measures them in alternation. All of them share the machine's cores.
 * The CPU each process used in each period is read from /proc, to show where the time went.
 */
final class RestEfficiencyBench {
    private static final String SIGN_IN = "bench001";
    private static final int SEARCH_LIMIT = 50; // what the desktop's search box asks for
    private static final double RATIO_TARGET = 0.5;
    private static final double P99_TARGET_MS = 10;

    /**
     * @param database where the customers come from, for the workload: the screen-pop benchmark's
     *                 database when it is there, or one generated for this benchmark
     */
    record Settings(int customers, double interactionsPerCustomer, int keys, int connections, Duration warmUp,
                    Duration measure, int rounds, Path dataDir, String heap, String database) {
        String workload() {
            return String.format(Locale.ROOT, "authenticated customer search by phone number (GET /api/v1/customers"
                            + "?q=<number>&limit=%d with an agent's bearer token, as the desktop's search box sends it) over "
                            + "%,d customers (%s), %,d numbers of randomly chosen customers in turn; %d keep-alive "
                            + "connections in closed loop from a load generator in its own JVM; against a bare Javalin "
                            + "GET /hello in its own JVM with the same heap (%s) in the same run; %d s warm-up each, then "
                            + "%d x (%d s lookups, %d s hello) alternating; server, bare app and load generator share the "
                            + "machine's cores", SEARCH_LIMIT, customers, database, keys, connections, heap,
                    warmUp.toSeconds(), rounds, measure.toSeconds(), measure.toSeconds());
        }
    }

    /** CPU seconds a process used while one target was loaded (measured periods only). */
    record Cpu(double server, double bare, double generator) {
        Cpu plus(Cpu o) {
            return new Cpu(server + o.server, bare + o.bare, generator + o.generator);
        }
    }

    record Result(RestLoadGenerator.Report lookup, RestLoadGenerator.Report bare, int keys, int customersWithoutPhone,
                  Cpu lookupCpu, Cpu bareCpu, long serverRss) {
        double ratio() {
            return bare.rps() > 0 ? lookup.rps() / bare.rps() : 0;
        }

        boolean met() {
            return lookup.requests() > 0 && bare.requests() > 0 && lookup.errors() == 0 && lookup.wrong() == 0
                    && bare.errors() == 0 && bare.wrong() == 0 && ratio() >= RATIO_TARGET && lookup.p99() <= P99_TARGET_MS;
        }
    }

    private final Settings s;
    private final BenchDatabase database;
    private final Consumer<String> log;

    RestEfficiencyBench(Settings settings, BenchDatabase database, Consumer<String> log) {
        this.s = settings;
        this.database = database;
        this.log = log;
    }

    Result run() throws Exception {
        database.prepare(s.dataDir(), s.customers(), log);
        List<String> args = new ArrayList<>(List.of("--host", "127.0.0.1", "--port", "0", "--sip-port", "0"));
        args.addAll(database.serverArgs(s.dataDir()));
        args.addAll(List.of("--customers", Integer.toString(s.customers()),
                "--interactions-per-customer", Double.toString(s.interactionsPerCustomer()),
                "--simulated-agents", "0",
                "--bench-agents", "1"));
        Path work = Files.createTempDirectory("p5-");
        Set<Long> childrenBefore = childPids();
        try (ServerProcess server = ServerProcess.start(args, s.heap(), Duration.ofMinutes(30), log)) {
            HttpSwitchboardApi api = new HttpSwitchboardApi(server.baseUrl());
            String token = api.login(SIGN_IN, SIGN_IN).token();
            long t = System.nanoTime();
            Keys keys = keys(api);
            if (keys.lines().isEmpty()) {
                throw new IllegalStateException("none of the sampled customers has a phone number");
            }
            log.accept(String.format(Locale.ROOT, "P5: %,d phone numbers read in %.1f s (%d sampled customers had none)",
                    keys.lines().size(), (System.nanoTime() - t) / 1e9, keys.withoutPhone()));
            Path tokenFile = privateFile(work.resolve("token"));
            Files.writeString(tokenFile, token, StandardCharsets.UTF_8);
            Path keysFile = Files.write(work.resolve("keys.tsv"), keys.lines(), StandardCharsets.UTF_8);

            long serverPid = childPids().stream().filter(pid -> !childrenBefore.contains(pid)).findFirst().orElse(-1L);
            var bareStarted = JvmProcess.startAndAwait(List.of("-Xmx" + s.heap()), BareHelloApp.class, List.of(),
                    BareHelloApp.READY, Duration.ofMinutes(2), line -> log.accept("[bare] " + line));
            try (JvmProcess bare = bareStarted.process()) {
                List<String> genArgs = List.of("threads=" + s.connections(), "warmUpMs=" + s.warmUp().toMillis(),
                        "measureMs=" + s.measure().toMillis(), "rounds=" + s.rounds(), "serverUrl=" + server.baseUrl(),
                        "tokenFile=" + tokenFile, "keysFile=" + keysFile, "limit=" + SEARCH_LIMIT,
                        "bareUrl=" + bareStarted.readyText() + "/hello");
                GeneratorOutput out = new GeneratorOutput(log);
                try (JvmProcess generator = JvmProcess.start(List.of("-Xmx512m"), RestLoadGenerator.class, genArgs,
                        out::accept)) {
                    out.watch(serverPid, bare.pid(), generator.pid());
                    Duration expected = s.warmUp().multipliedBy(2).plus(s.measure().multipliedBy(2L * s.rounds()));
                    var exit = generator.awaitExit(expected.plus(Duration.ofMinutes(3)));
                    if (exit.isEmpty() || exit.getAsInt() != 0) {
                        throw new IllegalStateException("the load generator " + (exit.isEmpty() ? "did not finish"
                                : "ended with exit code " + exit.getAsInt()));
                    }
                }
                return out.result(keys, server.residentBytes());
            }
        } finally {
            try (var files = Files.list(work)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(work);
        }
    }

    /**
     * Reads the load generator's output: its results, and at the end of each period the CPU time
     * the three processes used since the last one ended (that period's, plus the moment between).
     */
    private static final class GeneratorOutput {
        private final Consumer<String> log;
        private final Map<String, RestLoadGenerator.Report> reports = new HashMap<>();
        private final Map<String, Cpu> cpuByTarget = new HashMap<>();
        private long[] pids = new long[0];
        private double[] last;

        GeneratorOutput(Consumer<String> log) {
            this.log = log;
        }

        /** server, bare app, load generator */
        synchronized void watch(long... processes) {
            pids = processes;
            last = cpuNow();
        }

        synchronized void accept(String line) {
            if (line.startsWith(RestLoadGenerator.PHASE)) {
                double[] now = cpuNow();
                Map<String, String> f = RestLoadGenerator.fields(line.substring(RestLoadGenerator.PHASE.length()));
                if (last != null && last.length == 3 && now.length == 3 && !"warm-up".equals(f.get("round"))) {
                    cpuByTarget.merge(f.get("target"), new Cpu(now[0] - last[0], now[1] - last[1], now[2] - last[2]),
                            Cpu::plus);
                }
                last = now;
                log.accept("P5: " + line);
            } else if (line.startsWith(RestLoadGenerator.RESULT)) {
                try {
                    RestLoadGenerator.Report r = RestLoadGenerator.Report.parse(line);
                    reports.put(r.target(), r);
                } catch (RuntimeException e) {
                    log.accept("P5: unreadable result line: " + line);
                }
            } else {
                log.accept("[load] " + line);
            }
        }

        synchronized Result result(Keys keys, long serverRss) {
            if (!reports.containsKey("lookup") || !reports.containsKey("bare")) {
                throw new IllegalStateException("the load generator reported no result");
            }
            Cpu none = new Cpu(0, 0, 0);
            return new Result(reports.get("lookup"), reports.get("bare"), keys.lines().size(), keys.withoutPhone(),
                    cpuByTarget.getOrDefault("lookup", none), cpuByTarget.getOrDefault("bare", none), serverRss);
        }

        private double[] cpuNow() {
            double[] now = new double[pids.length];
            for (int i = 0; i < pids.length; i++) {
                now[i] = cpuSeconds(pids[i]);
            }
            return now;
        }
    }

    /** A new file only its owner may read, where the file system knows owners. */
    private static Path privateFile(Path path) throws IOException {
        try {
            return Files.createFile(path,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            return Files.createFile(path);
        }
    }

    /** Key lines for the load generator ({@code customerId<TAB>number as displayed}). */
    private record Keys(List<String> lines, int withoutPhone) {
    }

    /**
     * Phone numbers of {@code keys} customers picked at random (ids run from 1 to the number
     * generated), read in the pages a desktop's resync uses, in random order.
     */
    private Keys keys(HttpSwitchboardApi api) {
        Random random = new Random(5);
        List<Long> ids = new ArrayList<>();
        if (s.keys() >= s.customers()) {
            for (long id = 1; id <= s.customers(); id++) {
                ids.add(id);
            }
        } else {
            Set<Long> picked = new LinkedHashSet<>();
            while (picked.size() < s.keys()) {
                picked.add(1 + (long) random.nextInt(s.customers()));
            }
            ids.addAll(picked);
        }
        Collections.shuffle(ids, random);
        List<String> lines = new ArrayList<>();
        int withoutPhone = 0;
        for (int from = 0; from < ids.size(); from += SyncRequest.MAX_CUSTOMERS) {
            List<Long> page = ids.subList(from, Math.min(ids.size(), from + SyncRequest.MAX_CUSTOMERS));
            SyncPage answer = api.syncPage(new SyncRequest(page, Map.of()));
            for (CustomerSummary c : answer.customers()) {
                String number = c.contactPoints() == null ? null : c.contactPoints().stream()
                        .filter(p -> p.kind() == ContactKind.PHONE)
                        .map(RestEfficiencyBench::asShown)
                        .findFirst().orElse(null);
                if (number == null) {
                    withoutPhone++;
                } else {
                    lines.add(c.id() + "\t" + number);
                }
            }
        }
        return new Keys(lines, withoutPhone);
    }

    private static String asShown(ContactPointView p) {
        String shown = p.display() != null && !p.display().isBlank() ? p.display() : p.value();
        return shown.replaceAll("[\\t\\r\\n]", " ");
    }

    /** This process's children; the server's is the one that was not there before it started. */
    private static Set<Long> childPids() {
        return ProcessHandle.current().children().map(ProcessHandle::pid).collect(Collectors.toSet());
    }

    /** User plus system CPU time of a process, from /proc (0 where unknown). */
    static double cpuSeconds(long pid) {
        if (pid <= 0) {
            return 0;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // fields after the command name, which is in parentheses and may hold spaces
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0; // utime, stime in clock ticks (USER_HZ)
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** What the figures mean, for the result file. */
    static String notes(Settings s, Result r) {
        return "Throughput: requests answered per second of a measured period (from its start until the last request "
                + "sent before its end was answered), summed over the " + s.rounds() + " period(s) of each target; the "
                + "ratio is lookups/s over hellos/s. Latency: from just before the call until the whole answer was read, "
                + "in the load generator, for every measured lookup. Errors: any answer other than 200, or a failed "
                + "request; wrong answers: a 200 whose list lacks the customer the number belongs to. Each of the "
                + s.connections() + " load threads sends its next request as soon as its answer is read (closed loop), "
                + "over keep-alive HTTP/1.1 connections from one pool (OkHttp, no retries), so at most "
                + s.connections() + " are busy at once; connections counts the TCP connections opened to each target "
                + "over the whole run, warm-up included. The numbers are "
                + "the phone numbers of " + String.format(Locale.ROOT, "%,d", r.keys()) + " customers picked at random "
                + "(read over POST /api/v1/sync before the run), as the card displays them, sent in turn. The bare app "
                + "is Javalin with one route answering \"hello\" as text: no JSON, no token check, no database. The "
                + "server, the bare app and the load generator run in separate JVMs on the same machine and compete "
                + "for its cores; CPU seconds per process are read from /proc for the measured periods of each "
                + "target (a process idle in the other target's periods uses little). The bare app gets the heap "
                + "the server gets but not -Dsb.bench.serverJvmArgs.";
    }

    /**
     * The screen-pop benchmark's database of its default size (P1 keeps it under the data directory)
     * when it is there; otherwise one of this benchmark's own, smaller in the full run, so that this
     * benchmark never decides what P1's database holds (demo data is spread over the accounts that
     * exist when it is generated).
     */
    static Settings settings(boolean quick, Path dataDir, BenchDatabase database) throws java.sql.SQLException {
        return settings(quick, dataDir, database.holds(p1Data(quick, dataDir), p1Customers(quick)));
    }

    /** {@link #settings(boolean, Path, BenchDatabase)} on H2 files. */
    static Settings settings(boolean quick, Path dataDir) {
        return settings(quick, dataDir, new H2Files().holds(p1Data(quick, dataDir), p1Customers(quick)));
    }

    private static int p1Customers(boolean quick) {
        return quick ? 2_000 : 1_000_000;
    }

    private static Path p1Data(boolean quick, Path dataDir) {
        return dataDir.resolve("customers-" + p1Customers(quick));
    }

    private static Settings settings(boolean quick, Path dataDir, boolean shared) {
        int p1Customers = p1Customers(quick);
        Path p1 = p1Data(quick, dataDir);
        int customers = shared ? p1Customers : quick ? 2_000 : 100_000;
        Path dir = shared ? p1 : dataDir.resolve("rest-" + customers);
        String database = shared ? String.format(Locale.ROOT, "the screen-pop benchmark's database, %,.0f interactions",
                p1Customers * 5.0) : String.format(Locale.ROOT, "generated for this benchmark with %,.0f interactions%s",
                customers * 5.0, quick ? "" : String.format(Locale.ROOT, ", as the screen-pop benchmark's %,d-customer "
                + "database was not there", p1Customers));
        return quick
                ? new Settings(customers, 5.0, 1_000, 8, Duration.ofSeconds(3), Duration.ofSeconds(5), 1, dir, "1g", database)
                : new Settings(customers, 5.0, 20_000, 8, Duration.ofSeconds(40), Duration.ofSeconds(30), 2, dir, "2g",
                database);
    }

    /** Runs P5 at the quick or full size and records the result. */
    static void record(boolean quick, Path dataDir, BenchDatabase database, BenchResults results,
                       Consumer<String> log) throws Exception {
        Settings p5 = settings(quick, dataDir, database);
        log.accept("P5 REST efficiency: " + p5.workload());
        Result r = new RestEfficiencyBench(p5, database, log).run();
        RestLoadGenerator.Report lookup = r.lookup();
        RestLoadGenerator.Report bare = r.bare();
        double ratio = r.ratio();
        var entry = results.entry("P5", "authenticated customer lookups/s over a bare Javalin hello's requests/s, "
                        + "8 connections, same run", ratio, "x bare Javalin",
                "throughput >= 0.5 x a bare Javalin hello in the same run; lookup p99 <= 10 ms", r.met(), p5.workload());
        // a ratio needs more than the one decimal entry() keeps: 0.46 must not read as 0.5
        entry.put("value", Math.round(ratio * 1000) / 1000.0);
        entry.put("lookupsPerSecond", Bench.round(lookup.rps()));
        entry.put("bareHelloPerSecond", Bench.round(bare.rps()));
        var lookupRounds = entry.putArray("lookupsPerSecondByRound");
        lookup.roundRps().forEach(v -> lookupRounds.add(Bench.round(v)));
        var bareRounds = entry.putArray("bareHelloPerSecondByRound");
        bare.roundRps().forEach(v -> bareRounds.add(Bench.round(v)));
        entry.put("p50", round2(lookup.p50()));
        entry.put("p90", round2(lookup.p90()));
        entry.put("p99", round2(lookup.p99()));
        entry.put("p999", round2(lookup.p999()));
        entry.put("max", round2(lookup.max()));
        entry.put("bareP50", round2(bare.p50()));
        entry.put("bareP99", round2(bare.p99()));
        entry.put("lookups", lookup.requests());
        entry.put("hellos", bare.requests());
        entry.put("lookupErrors", lookup.errors());
        entry.put("lookupWrongAnswers", lookup.wrong());
        entry.put("bareErrors", bare.errors() + bare.wrong());
        entry.put("connectionsOpenedToServer", lookup.connections());
        entry.put("connectionsOpenedToBare", bare.connections());
        entry.put("numbersLookedUp", r.keys());
        entry.put("sampledCustomersWithoutPhone", r.customersWithoutPhone());
        entry.put("customers", p5.customers());
        entry.put("serverCpuMsPerLookup", perRequestMs(r.lookupCpu().server(), lookup.requests()));
        entry.put("bareCpuMsPerHello", perRequestMs(r.bareCpu().bare(), bare.requests()));
        entry.put("generatorCpuMsPerLookup", perRequestMs(r.lookupCpu().generator(), lookup.requests()));
        entry.put("generatorCpuMsPerHello", perRequestMs(r.bareCpu().generator(), bare.requests()));
        entry.put("coresUsedDuringLookups", cores(r.lookupCpu(), lookup.seconds()));
        entry.put("coresUsedDuringHello", cores(r.bareCpu(), bare.seconds()));
        entry.put("serverRssMiB", r.serverRss() / (1024 * 1024));
        entry.put("notes", notes(p5, r));
        Path file = results.write(quick ? "p5-rest-efficiency-quick" : "p5-rest-efficiency", entry, !quick);
        log.accept(String.format(Locale.ROOT, "P5: %,.0f lookups/s vs %,.0f hello/s = %.3f x; lookup p50 %.2f ms, "
                        + "p99 %.2f ms, max %.1f ms; %d errors, %d wrong answers (%s) -> %s", lookup.rps(), bare.rps(), ratio,
                lookup.p50(), lookup.p99(), lookup.max(), lookup.errors() + bare.errors(), lookup.wrong() + bare.wrong(),
                r.met() ? "met" : "missed", file));
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static double perRequestMs(double cpuSeconds, long requests) {
        return requests == 0 ? 0 : Math.round(cpuSeconds * 1e6 / requests) / 1000.0;
    }

    /** Cores each process kept busy while the target was measured: "server/bare/generator". */
    private static String cores(Cpu cpu, double seconds) {
        if (seconds <= 0) {
            return "";
        }
        return String.format(Locale.ROOT, "server %.2f, bare %.2f, generator %.2f", cpu.server() / seconds,
                cpu.bare() / seconds, cpu.generator() / seconds);
    }
}
