package dev.switchboard.app.bench;

import dev.switchboard.api.ContactPointView;
import dev.switchboard.api.CustomerSummary;
import dev.switchboard.api.InteractionView;
import dev.switchboard.api.SyncPage;
import dev.switchboard.api.SyncRequest;
import dev.switchboard.client.HttpSwitchboardApi;
import dev.switchboard.client.offline.CacheFill;
import dev.switchboard.desktop.bench.ShiftWorker;
import dev.switchboard.domain.ContactKind;
import dev.switchboard.domain.InteractionState;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.LongStream;

/**
 * P7, desktop memory over a compressed shift. The server runs in a process of its own with generated
 * customers; the agent's copy on the desktop is filled first (a run of the desktop command that opens
 * customers' cards until the copy holds the records asked for, then ends); then the desktop starts in a
 * JVM of its own ({@code --server <url> --user agent}, the password in {@code SWITCHBOARD_PASSWORD},
 * headless) with {@link ShiftWorker} working its main window. This process sends the shift's e-mails
 * through the API, reads the desktop's resident set from {@code /proc} every second, and afterwards
 * checks each contact at the server.
 */
final class DesktopMemoryBench {
    static final String USER = "agent";
    private static final String FILLED = "Switchboard cache filled: ";

    record Settings(int customers, int cachedRecords, int contacts, double ratePerSecond, int maxOutstanding,
                    Duration handle, Duration window, double unknownShare, Path dataDir, String serverHeap,
                    Duration shiftTimeout) {
        String workload() {
            return String.format(Locale.ROOT, "one desktop in its own JVM (`--server <url> --user %s`, headless), its "
                            + "local copy filled to %,d records before it starts; a compressed shift of %,d e-mail "
                            + "contacts (%.0f %% from unknown addresses, the rest from %,d generated customers) offered to "
                            + "its agent, the only one signed in, at up to %.0f/s with at most %d outstanding; each "
                            + "accepted on the drawn card, handled %d ms, ended and wrapped up at the window",
                    USER, cachedRecords, contacts, unknownShare * 100, customers, ratePerSecond, maxOutstanding,
                    handle.toMillis());
        }
    }

    /** One look at the desktop: its resident set and the worker's last status. */
    record Sample(long nanos, long rssBytes, long rssAnonBytes, Map<String, Long> status) {
        long get(String field) {
            return status.getOrDefault(field, -1L);
        }
    }

    /** What the resident set was over a stretch of the shift. */
    record Window(double meanRssBytes, long samples, double meanHeapAfterGcBytes, long handled, double atSeconds) {
    }

    record Result(List<Sample> samples, Window firstHour, Window end, long peakRss, double peakAtSeconds,
                  long created, long sendErrors, Map<String, Integer> recordsAtStart, Map<String, Integer> recordsAtEnd,
                  Map<String, Long> lastStatus, long handledAtServer, Map<String, Integer> unhandledByState,
                  double shiftSeconds, Histogram endHistogram, Histogram firstHourHistogram, List<String> jvmFlags,
                  int startRecords, Map<String, Long> filesAtStart, Map<String, Long> filesAtEnd) {
        double growth() {
            return end.meanRssBytes() / firstHour.meanRssBytes() - 1;
        }
    }

    /** A class histogram of the live heap (jcmd GC.class_histogram): its total and largest classes. */
    record Histogram(long instances, long bytes, List<String> top, Path file) {
    }

    private final Settings s;
    private final Consumer<String> log;

    DesktopMemoryBench(Settings settings, Consumer<String> log) {
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
        try (ServerProcess server = ServerProcess.start(serverArgs, s.serverHeap(), Duration.ofMinutes(20), quiet)) {
            HttpSwitchboardApi feeder = new HttpSwitchboardApi(server.baseUrl());
            feeder.login("supervisor", "supervisor");
            List<String> addresses = customerAddresses(feeder);
            log.accept(String.format(Locale.ROOT, "P7: server at %s, %,d customer e-mail addresses", server.baseUrl(),
                    addresses.size()));
            Map<String, String> env = Map.of("XDG_DATA_HOME", home.toString(), "SWITCHBOARD_PASSWORD", USER);
            List<String> desktopArgs = List.of("dev.switchboard.app.Main", "desktop", "--server", server.baseUrl(),
                    "--user", USER);

            long t0 = System.nanoTime();
            List<String> fill = new ArrayList<>(jvm());
            fill.add("-Dsb.bench.fillCache=" + s.cachedRecords());
            fill.addAll(desktopArgs);
            try (ChildJvm filler = ChildJvm.start(fill, env, line -> { })) {
                filler.await(FILLED, Duration.ofMinutes(30));
                filler.awaitExit(Duration.ofMinutes(1));
            }
            Path profiles = home.resolve("switchboard").resolve("profiles");
            Map<String, Integer> atStart = CacheFill.count(profiles);
            Map<String, Long> filesAtStart = BenchFiles.sizesByName(profiles, ".mv.db");
            log.accept(String.format(Locale.ROOT, "P7: the agent's copy holds %,d records %s (filled in %.0f s)",
                    CacheFill.total(atStart), atStart, (System.nanoTime() - t0) / 1e9));

            List<String> cmd = new ArrayList<>(jvm());
            cmd.add("-Dsb.startupMarker=true");
            cmd.add("-Dsb.bench.shiftHandleMillis=" + s.handle().toMillis());
            cmd.addAll(desktopArgs);
            List<String> flags = cmd.subList(1, cmd.indexOf("-cp"));
            MemoryShift shift;
            try (ChildJvm desktop = ChildJvm.start(cmd, env, line -> log.accept("P7 [desktop] " + line))) {
                desktop.await(ShiftWorker.WORKING, Duration.ofMinutes(3));
                desktop.await(DesktopStartBench.DESKTOP_MARKER, Duration.ofMinutes(3));
                shift = new MemoryShift(s, desktop, feeder, addresses, log);
                shift.run();
                desktop.stop();
            }
            Map<String, Integer> atEnd = CacheFill.count(profiles);
            Map<String, Long> filesAtEnd = BenchFiles.sizesByName(profiles, ".mv.db");
            long agentId = agentId(feeder);
            Map<String, Integer> unhandled = new TreeMap<>();
            long handledAtServer = 0;
            for (long id : shift.created()) {
                if (id < 0) {
                    unhandled.merge("NOT_SENT", 1, Integer::sum);
                    continue;
                }
                InteractionView v = feeder.interaction(id);
                boolean handled = v.state() == InteractionState.ENDED && v.agentId() != null && v.agentId() == agentId
                        && v.routing() != null && v.routing().disposition() != null;
                if (handled) {
                    handledAtServer++;
                } else {
                    unhandled.merge(v.state().name(), 1, Integer::sum);
                }
            }
            return shift.result(atStart, atEnd, handledAtServer, unhandled, List.copyOf(flags), filesAtStart, filesAtEnd);
        }
    }

    /** The agent's id (a sign-in of the bench's, made once the desktop has ended). */
    private static long agentId(HttpSwitchboardApi api) {
        HttpSwitchboardApi agent = new HttpSwitchboardApi(api.baseUrl());
        return agent.login(USER, USER).agent().id();
    }

    /** E-mail addresses of the generated customers, read over {@code POST /sync} in pages. */
    private List<String> customerAddresses(HttpSwitchboardApi api) {
        List<String> out = new ArrayList<>();
        int pages = (s.customers() + SyncRequest.MAX_CUSTOMERS - 1) / SyncRequest.MAX_CUSTOMERS;
        for (int p = 0; p < pages; p++) {
            List<Long> ids = LongStream.rangeClosed(p * (long) SyncRequest.MAX_CUSTOMERS + 1,
                    (p + 1) * (long) SyncRequest.MAX_CUSTOMERS).boxed().toList();
            SyncPage page = api.syncPage(new SyncRequest(ids, Map.of()));
            for (CustomerSummary c : page.customers()) {
                if (c.contactPoints() == null) {
                    continue;
                }
                c.contactPoints().stream().filter(cp -> cp.kind() == ContactKind.EMAIL).map(ContactPointView::value)
                        .findFirst().ifPresent(out::add);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("the generated customers have no e-mail addresses");
        }
        return out;
    }

    /**
     * The mean resident set of the samples taken in the {@code windowNanos} up to {@code at} (the one
     * sample nearest before {@code at} when none falls inside), with the heap after GC and the contacts
     * done at {@code at}.
     */
    static Window window(List<Sample> samples, long at, long windowNanos, long startNanos) {
        List<Sample> in = samples.stream().filter(x -> x.nanos() <= at && x.nanos() > at - windowNanos).toList();
        if (in.isEmpty()) {
            in = samples.stream().filter(x -> x.nanos() <= at).max(Comparator.comparingLong(Sample::nanos))
                    .map(List::of).orElse(samples.isEmpty() ? List.of() : List.of(samples.get(0)));
        }
        if (in.isEmpty()) {
            return new Window(Double.NaN, 0, Double.NaN, 0, (at - startNanos) / 1e9);
        }
        double rss = in.stream().mapToLong(Sample::rssBytes).average().orElse(Double.NaN);
        double heap = in.stream().mapToLong(x -> x.get("heapAfterGc")).filter(v -> v > 0).average().orElse(Double.NaN);
        return new Window(rss, in.size(), heap, in.get(in.size() - 1).get("done"), (at - startNanos) / 1e9);
    }

    /** VmRSS and RssAnon of a process in bytes, from /proc; zeros when it is gone. */
    static long[] rss(long pid) {
        long[] out = new long[2];
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    out[0] = Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                } else if (line.startsWith("RssAnon:")) {
                    out[1] = Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return new long[2];
        }
        return out;
    }

    /** {@code jcmd <pid> GC.class_histogram}: a full collection, then the live objects by class; kept in {@code file}. */
    static Histogram histogram(long pid, Path file) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.class_histogram")
                    .redirectErrorStream(true).redirectOutput(file.toFile()).start();
            if (!p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            return parseHistogram(Files.readAllLines(file), file);
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The "Total" line and the 15 largest classes of a class histogram. */
    static Histogram parseHistogram(List<String> lines, Path file) {
        long instances = -1;
        long bytes = -1;
        List<String> top = new ArrayList<>();
        for (String line : lines) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 3 && f[0].equals("Total")) {
                instances = Long.parseLong(f[1]);
                bytes = Long.parseLong(f[2]);
            } else if (f.length >= 4 && f[0].endsWith(":") && top.size() < 15) {
                top.add(f[3] + " " + f[2] + " B, " + f[1] + " objects");
            }
        }
        return new Histogram(instances, bytes, top, file);
    }

    /** The java and flags of a person's desktop (the launcher's JVM options), headless. */
    private static List<String> jvm() {
        // extra flags when looking into a run (e.g. -Dsb.bench.p7JvmArgs=-XX:NativeMemoryTracking=summary)
        return ChildJvm.command(LauncherOptions.read(), "sb.bench.p7JvmArgs");
    }

    private static double mb(double bytes) {
        return Math.round(bytes / 1e5) / 10.0;
    }

    static String notes(Settings s, Result r) {
        return "The desktop runs in a JVM of its own, started as a person starts it against a server: `java "
                + String.join(" ", r.jvmFlags()) + " -cp <classpath> dev.switchboard.app.Main desktop --server <url> "
                + "--user " + USER + "`, SWITCHBOARD_PASSWORD in the environment and a home of its own (XDG_DATA_HOME). "
                + "The JVM options are the launcher's (the --java-options of installer/jpackage.txt, which the "
                + "installed desktop and ./mvnw javafx:run start with: maximum heap "
                + mb(r.lastStatus().getOrDefault("heapMax", -1L)) + " MB here), besides them only the headless "
                + "Monocle properties. Before it starts, the same command with "
                + "-Dsb.bench.fillCache opens customers' cards one after another (customer, open tickets, first "
                + "timeline page, through OfflineApi) until the agent's local copy holds " + r.startRecords()
                + " records, and ends. The desktop then signs in, and -Dsb.bench.shiftHandleMillis starts ShiftWorker, "
                + "which works the main window through its controls: accepts each offer with the card's Accept button "
                + "once a pulse has drawn the card (customer, open tickets, last contacts from the screen-pop), after "
                + s.handle().toMillis() + " ms picks the contact in the list and clicks End, then picks it again in "
                + "wrap-up, chooses a disposition, types a note and clicks Submit. The benchmark sends the e-mails "
                + "through POST /api/v1/interactions (as a supervisor) to the default e-mail queue, which only this agent "
                + "serves (no simulated colleagues), the agent taking up to 5 at once. Resident set = VmRSS of the "
                + "desktop's process from /proc, read every second by the benchmark. First hour = the first eighth of "
                + "the shift's contacts done (the contact count a real shift would reach at its first hour); its "
                + "value is the mean of the samples in the " + s.window().toSeconds() + " s before that moment; end = "
                + "the mean over the " + s.window().toSeconds() + " s before the last contact was settled. growth = "
                + "end / first hour - 1. value = the largest sample over the whole shift. heapAfterGc = heap in use "
                + "after the last collection before each sample, from the desktop JVM's own GC notifications (no "
                + "collection is forced during the shift); the end histogram is taken after the end window (jcmd "
                + "GC.class_histogram, a full collection). Handled at the server = ENDED by this agent with a "
                + "disposition. met = peak <= 400 MB and growth <= 2 % and every contact handled at the server.";
    }

    static void record(boolean quick, Path dataDir, BenchResults results, Consumer<String> log) throws Exception {
        Settings p7 = quick
                ? new Settings(1_000, 3_000, 100, 30, 20, Duration.ofMillis(200), Duration.ofSeconds(2), 0.1,
                dataDir.resolve("desktop-memory-quick"), "1g", Duration.ofMinutes(3))
                : new Settings(20_000, 100_000, 10_000, 25, 30, Duration.ofMillis(100), Duration.ofSeconds(10), 0.1,
                dataDir.resolve("desktop-memory"), "2g", Duration.ofMinutes(60));
        // for looking into a trend between the two sizes (e.g. -Dsb.bench.p7Contacts=2000)
        int contacts = Integer.getInteger("sb.bench.p7Contacts", p7.contacts());
        int records = Integer.getInteger("sb.bench.p7Records", p7.cachedRecords());
        p7 = new Settings(p7.customers(), records, contacts, p7.ratePerSecond(), p7.maxOutstanding(), p7.handle(),
                p7.window(), p7.unknownShare(), p7.dataDir(), p7.serverHeap(), p7.shiftTimeout());
        log.accept("P7 desktop memory: " + p7.workload());
        Result r = new DesktopMemoryBench(p7, log).run();
        double peakMb = r.peakRss() / 1e6;
        double growth = r.growth();
        long done = r.lastStatus().getOrDefault("done", 0L);
        boolean complete = r.handledAtServer() == p7.contacts();
        boolean met = peakMb <= 400 && growth <= 0.02 && complete;
        var entry = results.entry("P7", "desktop resident set, peak over a compressed shift", Bench.round(peakMb), "MB",
                "resident set <= 400 MB; growth from the first hour to the end <= 2 %", met, p7.workload());
        entry.put("growthPercent", Math.round(growth * 1000) / 10.0);
        entry.put("firstHourRssMB", mb(r.firstHour().meanRssBytes()));
        entry.put("firstHourSamples", r.firstHour().samples());
        entry.put("firstHourAtSeconds", Bench.round(r.firstHour().atSeconds()));
        entry.put("firstHourContactsDone", r.firstHour().handled());
        entry.put("endRssMB", mb(r.end().meanRssBytes()));
        entry.put("endSamples", r.end().samples());
        entry.put("peakAtSeconds", Bench.round(r.peakAtSeconds()));
        entry.put("firstHourHeapAfterGcMB", mb(r.firstHour().meanHeapAfterGcBytes()));
        entry.put("endHeapAfterGcMB", mb(r.end().meanHeapAfterGcBytes()));
        if (r.endHistogram() != null) {
            entry.put("endLiveHeapMB", mb(r.endHistogram().bytes()));
            var top = entry.putArray("endLiveHeapTop");
            r.endHistogram().top().stream().limit(10).forEach(top::add);
        }
        if (r.firstHourHistogram() != null) {
            entry.put("firstHourLiveHeapMB", mb(r.firstHourHistogram().bytes()));
        }
        entry.put("shiftSeconds", Bench.round(r.shiftSeconds()));
        entry.put("contactsPerSecond", Bench.round(r.created() / r.shiftSeconds()));
        entry.put("contactsSent", r.created());
        entry.put("sendErrors", r.sendErrors());
        entry.put("contactsDoneAtDesktop", done);
        entry.put("contactsHandledAtServer", r.handledAtServer());
        entry.put("contactsUnhandled", p7.contacts() - r.handledAtServer());
        var unhandled = entry.putObject("unhandledByState");
        r.unhandledByState().forEach(unhandled::put);
        for (String f : List.of("offered", "drawn", "accepted", "ended", "submitted", "missed", "dropped", "retries",
                "refused")) {
            entry.put("desktop_" + f, r.lastStatus().getOrDefault(f, -1L));
        }
        var start = entry.putObject("recordsAtStart");
        r.recordsAtStart().forEach(start::put);
        entry.put("recordsAtStartTotal", CacheFill.total(r.recordsAtStart()));
        var end = entry.putObject("recordsAtEnd");
        r.recordsAtEnd().forEach(end::put);
        entry.put("recordsAtEndTotal", CacheFill.total(r.recordsAtEnd()));
        // the desktop's H2 files on disk (its copy, its outbox): what a shift leaves there
        var filesStart = entry.putObject("desktopFilesMBAtStart");
        r.filesAtStart().forEach((name, bytes) -> filesStart.put(name, mb(bytes)));
        var filesEnd = entry.putObject("desktopFilesMBAtEnd");
        r.filesAtEnd().forEach((name, bytes) -> filesEnd.put(name, mb(bytes)));
        entry.put("desktopMaxHeapMB", mb(r.lastStatus().getOrDefault("heapMax", -1L)));
        // what the bounded heap costs: collections over the shift, and their share of its time
        long gcMillis = r.lastStatus().getOrDefault("gcMillis", -1L);
        entry.put("desktopCollections", r.lastStatus().getOrDefault("gcs", -1L));
        entry.put("desktopMajorCollections", r.lastStatus().getOrDefault("majorGcs", -1L));
        entry.put("desktopGcSeconds", gcMillis < 0 ? -1 : Math.round(gcMillis / 100.0) / 10.0);
        entry.put("desktopGcPercentOfShift", gcMillis < 0 ? -1 : Math.round(gcMillis / (r.shiftSeconds() * 10.0) * 10) / 10.0);
        entry.put("desktopJvmFlags", String.join(" ", r.jvmFlags()));
        var series = entry.putArray("rssMBEvery10s");
        Map<Long, Sample> byTen = new LinkedHashMap<>();
        long t0 = r.samples().get(0).nanos();
        r.samples().forEach(x -> byTen.putIfAbsent((x.nanos() - t0) / 10_000_000_000L, x));
        byTen.values().forEach(x -> series.add(mb(x.rssBytes())));
        entry.put("notes", notes(p7, r));
        Path file = results.write(quick ? "p7-desktop-memory-quick" : "p7-desktop-memory", entry, !quick);
        log.accept(String.format(Locale.ROOT, "P7: peak resident set %.0f MB, first hour %.0f MB, end %.0f MB (growth "
                        + "%+.1f %%), %d of %d contacts handled in %.0f s, copy %,d -> %,d records (%s) -> %s", peakMb,
                r.firstHour().meanRssBytes() / 1e6, r.end().meanRssBytes() / 1e6, growth * 100, r.handledAtServer(),
                p7.contacts(), r.shiftSeconds(), CacheFill.total(r.recordsAtStart()),
                CacheFill.total(r.recordsAtEnd()), met ? "met" : "missed", file));
    }
}
