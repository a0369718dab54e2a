package dev.switchboard.app.bench;

import dev.switchboard.api.CodeView;
import dev.switchboard.api.IngestRequest;
import dev.switchboard.client.HttpSwitchboardApi;
import dev.switchboard.desktop.bench.BareTableApp;
import dev.switchboard.domain.AgentState;
import dev.switchboard.domain.Channel;
import dev.switchboard.domain.Direction;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * P6: the desktop started with {@code --server} at a running server, a second start (the disk cache
 * and the agent's local profile warm), until its queue is usable; against a bare JavaFX table app
 * ({@link BareTableApp}) started the same way in the same run. Each start is a fresh JVM with the same
 * java, flags, classpath and environment; the clock runs from just before the process is started to the
 * moment its one marker line is read from its output.
 */
final class DesktopStartBench {
    /** What the desktop prints with {@code -Dsb.startupMarker=true} (see DesktopCommand). */
    static final String DESKTOP_MARKER = "Switchboard queue usable: ";
    static final String USER = "agent";

    record Settings(int pairs, int waiting, int customers, Duration startTimeout, Duration settle, Path dataDir,
                    String serverHeap) {
        String workload() {
            return String.format(Locale.ROOT, "desktop `--server <url> --user %s` against a server in its own process "
                            + "(%,d demo customers, %d contacts waiting in the agent's queues); one unmeasured start of "
                            + "each, then %d measured starts of each alternating bare table app / desktop, every start a "
                            + "fresh JVM", USER, customers, waiting, pairs);
        }
    }

    record Result(double[] bareMs, double[] desktopMs, double warmUpBareMs, double warmUpDesktopMs, int waiting,
                  int queueMismatches, int forcedStops, int staleLocks, List<String> jvmFlags) {
        double ratio() {
            return median(desktopMs) / median(bareMs);
        }

        /** Each desktop start over the bare start just before it: steadier when the machine's load drifts. */
        double pairRatioMedian() {
            double[] ratios = new double[desktopMs.length];
            for (int i = 0; i < ratios.length; i++) {
                ratios[i] = desktopMs[i] / bareMs[i];
            }
            return median(ratios);
        }
    }

    /** One start: how long until its marker, the marker line, whether it had to be killed. */
    record Start(double millis, String marker, boolean forced) {
    }

    private final Settings s;
    private final Consumer<String> log;

    DesktopStartBench(Settings settings, Consumer<String> log) {
        this.s = settings;
        this.log = log;
    }

    Result run() throws Exception {
        Path dir = s.dataDir().toAbsolutePath();
        BenchFiles.deleteTree(dir);
        Path home = dir.resolve("home");
        Files.createDirectories(home);
        List<String> serverArgs = List.of("--host", "127.0.0.1", "--port", "0", "--sip-port", "0",
                "--data-dir", dir.resolve("server").toString(), "--customers", Integer.toString(s.customers()));
        Consumer<String> quiet = line -> { };
        try (ServerProcess server = ServerProcess.start(serverArgs, s.serverHeap(), Duration.ofMinutes(10), quiet)) {
            // the agent keeps a session of the bench's on a break: the queue holds still, no offer reaches
            // the desktop, and closing a desktop never signs the agent out
            HttpSwitchboardApi holder = new HttpSwitchboardApi(server.baseUrl());
            holder.login(USER, USER);
            List<CodeView> reasons = holder.config().notReadyReasons();
            holder.setState(AgentState.NOT_READY, reasons.isEmpty() ? null : reasons.get(0).code());
            HttpSwitchboardApi feeder = new HttpSwitchboardApi(server.baseUrl());
            feeder.login("supervisor", "supervisor");
            for (int i = 0; i < s.waiting(); i++) {
                feeder.ingest(new IngestRequest(Channel.EMAIL, Direction.INBOUND, "waiting" + i + "@bench.example",
                        "Start-up bench " + i, "Waiting for the desktop's start.", null, null));
            }
            int waiting = holder.queue().size();
            log.accept(String.format(Locale.ROOT, "P6: server at %s, %d contacts in the agent's queue", server.baseUrl(),
                    waiting));
            List<String> jvm = jvm();
            List<String> bare = new ArrayList<>(jvm);
            bare.add(BareTableApp.class.getName());
            bare.add(Integer.toString(s.waiting()));
            List<String> desktop = new ArrayList<>(jvm);
            desktop.addAll(List.of("dev.switchboard.app.Main", "--server", server.baseUrl(), "--user", USER));
            Map<String, String> env = Map.of("XDG_DATA_HOME", home.toString(), "SWITCHBOARD_PASSWORD", USER);

            Start warmBare = start(bare, BareTableApp.DRAWN, env);
            Start warmDesktop = start(desktop, DESKTOP_MARKER, env);
            log.accept(String.format(Locale.ROOT, "P6: unmeasured first starts: bare %.0f ms, desktop %.0f ms",
                    warmBare.millis(), warmDesktop.millis()));
            double[] bareMs = new double[s.pairs()];
            double[] desktopMs = new double[s.pairs()];
            int mismatches = 0;
            int forced = (warmBare.forced() ? 1 : 0) + (warmDesktop.forced() ? 1 : 0);
            for (int i = 0; i < s.pairs(); i++) {
                Start b = start(bare, BareTableApp.DRAWN, env);
                Start d = start(desktop, DESKTOP_MARKER, env);
                bareMs[i] = b.millis();
                desktopMs[i] = d.millis();
                forced += (b.forced() ? 1 : 0) + (d.forced() ? 1 : 0);
                if (shownWaiting(d.marker()) != waiting) {
                    mismatches++;
                }
                log.accept(String.format(Locale.ROOT, "P6: start %d of %d: bare %.0f ms, desktop %.0f ms (%s)", i + 1,
                        s.pairs(), b.millis(), d.millis(), d.marker()));
            }
            holder.logout();
            return new Result(bareMs, desktopMs, warmBare.millis(), warmDesktop.millis(), waiting, mismatches, forced,
                    staleLocks(home), jvm.subList(1, jvm.size() - 2));
        }
    }

    /**
     * The same java, flags and classpath for both apps: the launcher's JVM options, the headless properties
     * as this process has them.
     */
    static List<String> jvm() {
        List<String> flags = new java.util.ArrayList<>(LauncherOptions.read());
        flags.add("-Dsb.startupMarker=true");
        // extra flags for both apps when looking into a start (e.g. -Dsb.bench.desktopJvmArgs=-Xlog:class+load)
        return ChildJvm.command(flags, "sb.bench.desktopJvmArgs");
    }

    /**
     * Starts the process, times until a line starting with {@code marker} is read, then stops it (as the
     * system would on log-out: SIGTERM, so its files are closed) and lets the machine settle.
     */
    private Start start(List<String> cmd, String marker, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        CompletableFuture<Long> seen = new CompletableFuture<>();
        CompletableFuture<String> line = new CompletableFuture<>();
        Deque<String> tail = new ArrayDeque<>();
        long t0 = System.nanoTime();
        Process p = pb.start();
        Thread reader = new Thread(() -> {
            InputStreamReader in = new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8);
            try (BufferedReader r = new BufferedReader(in)) {
                String l;
                while ((l = r.readLine()) != null) {
                    if (!seen.isDone() && l.startsWith(marker)) {
                        seen.complete(System.nanoTime());
                        line.complete(l);
                    }
                    synchronized (tail) {
                        tail.addLast(l);
                        if (tail.size() > 40) {
                            tail.removeFirst();
                        }
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
            seen.completeExceptionally(new IOException("the process ended before it printed \"" + marker + "\""));
        }, "start-output");
        reader.setDaemon(true);
        reader.start();
        long t1;
        try {
            t1 = seen.get(s.startTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException | TimeoutException e) {
            stop(p);
            synchronized (tail) {
                tail.forEach(l -> log.accept("P6 [start] " + l));
            }
            throw new IOException("P6: no \"" + marker + "\" from " + cmd.get(cmd.size() - 1) + " within "
                    + s.startTimeout().toSeconds() + " s", e);
        }
        boolean forced = stop(p);
        reader.join(5_000);
        Thread.sleep(s.settle().toMillis());
        return new Start((t1 - t0) / 1e6, line.getNow(""), forced);
    }

    /** SIGTERM and wait; @return true when the process had to be killed. */
    private static boolean stop(Process p) throws InterruptedException {
        p.destroy();
        if (p.waitFor(30, TimeUnit.SECONDS)) {
            return false;
        }
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        return true;
    }

    /** The waiting count in the desktop's marker, or -1. */
    static int shownWaiting(String marker) {
        if (marker == null || !marker.startsWith(DESKTOP_MARKER)) {
            return -1;
        }
        String rest = marker.substring(DESKTOP_MARKER.length()).trim().split("\\s+")[0];
        try {
            return Integer.parseInt(rest);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** H2 lock files left behind: a desktop that did not close its local copy (the next start would wait). */
    private static int staleLocks(Path home) throws IOException {
        try (Stream<Path> files = Files.walk(home)) {
            return (int) files.filter(f -> f.getFileName().toString().endsWith(".lock.db")).count();
        }
    }

    /** The middle value (the mean of the two middle ones for an even count). */
    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    static double min(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    static double max(double[] values) {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }

    /** What the figures mean, for the result file. */
    static String notes(Settings s, Result r) {
        return "Each start is a fresh JVM (same java binary, flags " + String.join(" ", r.jvmFlags()) + ", same "
                + "classpath and environment); timed from just before ProcessBuilder.start() to reading its marker "
                + "line on its standard output. Bare: the first pulse of a 1280x800 scene holding a TableView of 4 "
                + "columns and " + s.waiting() + " rows, after its layout (FirstPulse). Desktop: `Main --server <url> "
                + "--user " + USER + "` with SWITCHBOARD_PASSWORD, so the login window opens and signs in at once; "
                + "the marker is printed on the first pulse of the main window (1280x800) after the queue was "
                + "loaded from the server and its event stream was open (the server had answered the subscription: "
                + "the queue is live), and names the "
                + "contacts shown (checked against the " + r.waiting() + " waiting: " + r.queueMismatches()
                + " starts differed). Second start: one unmeasured start of each first; the desktop's local profile "
                + "(XDG_DATA_HOME under the run's data directory, fresh each run) is the one the earlier starts left, "
                + "as on a person's second start; every start ends with SIGTERM (files closed, " + r.staleLocks()
                + " lock files left, " + r.forcedStops() + " starts had to be killed) and " + s.settle().toMillis()
                + " ms of rest. The agent is kept signed in on a break by a session of the bench's, so the queue holds "
                + "still and no offer pops. Server in its own process on the same 2-core machine, warm before the "
                + "first measured start. value = median desktop / median bare (medians of " + s.pairs() + "); "
                + "pairRatioMedian = median of each desktop start over the bare start just before it.";
    }

    static void record(boolean quick, Path dataDir, BenchResults results, Consumer<String> log) throws Exception {
        Settings p6 = quick
                ? new Settings(2, 25, 500, Duration.ofSeconds(60), Duration.ofMillis(500),
                dataDir.resolve("desktop-start-quick"), "1g")
                : new Settings(10, 25, 5_000, Duration.ofSeconds(120), Duration.ofSeconds(1),
                dataDir.resolve("desktop-start"), "2g");
        log.accept("P6 desktop start: " + p6.workload());
        Result r = new DesktopStartBench(p6, log).run();
        double ratio = r.ratio();
        boolean met = ratio <= 1.3 && r.queueMismatches() == 0 && r.waiting() == p6.waiting();
        var entry = results.entry("P6", "desktop --server start to a usable queue, median, over a bare JavaFX table "
                + "app's start to its first frame, median", ratio, "x bare JavaFX table app", "<= 1.3 x a bare JavaFX "
                + "table app started the same way in the same run", met, p6.workload());
        // two decimals: one would show 1.34 as 1.3 beside met = false
        entry.put("value", Math.round(ratio * 100) / 100.0);
        entry.put("desktopMedianMs", Bench.round(median(r.desktopMs())));
        entry.put("desktopMinMs", Bench.round(min(r.desktopMs())));
        entry.put("desktopMaxMs", Bench.round(max(r.desktopMs())));
        entry.put("bareMedianMs", Bench.round(median(r.bareMs())));
        entry.put("bareMinMs", Bench.round(min(r.bareMs())));
        entry.put("bareMaxMs", Bench.round(max(r.bareMs())));
        entry.put("pairRatioMedian", Math.round(r.pairRatioMedian() * 100) / 100.0);
        entry.put("measuredStartsEach", p6.pairs());
        entry.put("unmeasuredFirstBareMs", Bench.round(r.warmUpBareMs()));
        entry.put("unmeasuredFirstDesktopMs", Bench.round(r.warmUpDesktopMs()));
        entry.put("waitingContacts", r.waiting());
        entry.put("queueShownMismatches", r.queueMismatches());
        entry.put("forcedStops", r.forcedStops());
        entry.put("staleLockFiles", r.staleLocks());
        var desktopAll = entry.putArray("desktopMs");
        Arrays.stream(r.desktopMs()).forEach(v -> desktopAll.add(Bench.round(v)));
        var bareAll = entry.putArray("bareMs");
        Arrays.stream(r.bareMs()).forEach(v -> bareAll.add(Bench.round(v)));
        entry.put("notes", notes(p6, r));
        Path file = results.write(quick ? "p6-desktop-start-quick" : "p6-desktop-start", entry, !quick);
        log.accept(String.format(Locale.ROOT, "P6: desktop median %.0f ms (%.0f-%.0f), bare table app median %.0f ms "
                        + "(%.0f-%.0f): %.2f x (%s) -> %s", median(r.desktopMs()), min(r.desktopMs()), max(r.desktopMs()),
                median(r.bareMs()), min(r.bareMs()), max(r.bareMs()), ratio, met ? "met" : "missed", file));
    }
}
