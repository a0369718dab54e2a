package dev.switchboard.app.bench;

import dev.switchboard.api.LoginResponse;
import dev.switchboard.api.NewTicketRequest;
import dev.switchboard.api.TicketView;
import dev.switchboard.api.TimelinePage;
import dev.switchboard.client.HttpSwitchboardApi;
import dev.switchboard.desktop.Desktop;
import dev.switchboard.desktop.DesktopLauncher;
import dev.switchboard.desktop.DesktopOptions;
import dev.switchboard.desktop.FxThread;
import dev.switchboard.desktop.bench.FrameProbe;
import dev.switchboard.desktop.bench.TimelineReader;
import dev.switchboard.domain.AgentState;
import dev.switchboard.domain.TicketPriority;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import okhttp3.OkHttpClient;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * P8, UI smoothness: how evenly the desktop's FX thread keeps drawing frames while an agent reads a
 * customer's very long history and the event stream brings news at a steady rate.
 *
 * <p>The server runs in its own process on a database holding one customer with {@code historyRows}
 * interactions ({@link HistoryData}, written once and kept in the data directory) among
 * {@code demoCustomers} generated ones, with simulated colleagues taking contacts. One headless
 * desktop in this process signs in as a benchmark agent on a break (not ready, so no offer replaces
 * the card), searches for the customer by e-mail address and opens the card from the results (through
 * {@link TimelineReader}, which works the window's controls). It pages the timeline with "Load more"
 * towards {@code preloadRows} rows (for at most {@code preloadLimit}: an agent who has read a long way
 * back); then, through warm-up and the measured period, it scrolls the timeline by its height every
 * {@code stepMillis}, down to the end, where it clicks "Load more", then back up, and so on (the list
 * keeps moving even while a page is on its way).
 * Meanwhile {@link EventDriver} keeps the desktop's event stream at {@code eventsPerSecond}: new
 * e-mails from other customers (the agent's queue changes) and priority changes of the shown
 * customer's open tickets (the card's ticket table changes).
 *
 * <p>What is timed: the interval between successive pulses of the FX thread, seen by a
 * {@link FrameProbe} (an AnimationTimer, so the toolkit pulses every frame), over the measured period
 * only; first the same over a few idle seconds with the card open and nothing moving, which shows the
 * frame period the toolkit keeps when the thread is free. CPU use of the FX thread, this process and
 * the server process over the measured period say whether late frames were the thread's own work or
 * a machine short of cores.
 */
final class FrameIntervalBench {
    private static final int TICKETS = 3;

    record Settings(int historyRows, int demoCustomers, int simulatedAgents, int preloadRows, Duration preloadLimit,
                    double eventsPerSecond, int stepMillis, Duration idle, Duration warmUp, Duration duration,
                    Path dataDir, String heap) {
        String workload() {
            return String.format(Locale.ROOT, "one customer with a %,d-row history (%,d other customers), "
                            + "open on one headless desktop: timeline paged towards %,d rows (at most %d s), then "
                            + "scrolled a page every %d ms, down and back up, with Load more at its end; %.0f events/s "
                            + "to that desktop (queue events of new e-mails that %d simulated colleagues take, and "
                            + "changes of the shown customer's tickets); %d s measured after %d s warm-up", historyRows,
                    demoCustomers, preloadRows, preloadLimit.toSeconds(), stepMillis, eventsPerSecond, simulatedAgents,
                    duration.toSeconds(), warmUp.toSeconds());
        }
    }

    record Result(FrameStats idle, FrameStats measured, long historyRowsInDatabase, boolean oldestReachable,
                  long firstPageMillis, int openAttempts, int rowsAtStart, int rowsAtEnd, long preloadMillis,
                  long pagesFetched, long events, Map<String, Long> eventsByType, double eventsPerSecond,
                  long contactsSent, long ticketChanges, long sendErrors, long streamDrops, long steps,
                  long stepsMoved, long stepsSkipped, long loadClicks, double[] cpuPercent,
                  List<String> longestFrames, double nominalFrameMs, String jfrFile) {
    }

    /** The {@code n} longest intervals as "end (wall clock): milliseconds", longest first (to find in a recording). */
    static List<String> longest(long[] intervals, long[] ends, int n, long nanoToEpochMillisOffset) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < intervals.length; i++) {
            order.add(i);
        }
        order.sort((a, b) -> Long.compare(intervals[b], intervals[a]));
        List<String> out = new ArrayList<>();
        for (int i : order.subList(0, Math.min(n, order.size()))) {
            Instant end = Instant.ofEpochMilli(ends[i] / 1_000_000 + nanoToEpochMillisOffset);
            out.add(String.format(Locale.ROOT, "%s: %.1f ms", end, intervals[i] / 1e6));
        }
        return out;
    }

    private final Settings s;
    private final Consumer<String> log;

    FrameIntervalBench(Settings settings, Consumer<String> log) {
        this.s = settings;
        this.log = log;
    }

    Result run() throws Exception {
        HistoryData.History history = prepareData();
        List<String> others = HistoryData.otherEmails(s.dataDir(), 200);
        String dataDir = s.dataDir().toAbsolutePath().toString();
        List<String> args = List.of("--host", "127.0.0.1", "--port", "0", "--sip-port", "0",
                "--data-dir", dataDir, "--customers", Integer.toString(s.demoCustomers()),
                // colleagues simulated inside the server take the contacts (their phones simulated too)
                "--simulated-phones", "--simulated-agents", Integer.toString(s.simulatedAgents()),
                "--simulated-handle", "1", "--bench-agents", "1");
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "p8-reader");
            t.setDaemon(true);
            return t;
        });
        Consumer<String> serverLog = line -> {
            if (line.contains(" ERROR ") || line.contains("Exception")) {
                log.accept(line);
            }
        };
        try (ServerProcess server = ServerProcess.start(args, s.heap(), Duration.ofMinutes(10), serverLog)) {
            log.accept("P8: server ready at " + server.baseUrl());
            HttpSwitchboardApi http = new HttpSwitchboardApi(server.baseUrl());
            LoginResponse login = http.login("bench001", "bench001");
            http.setState(AgentState.NOT_READY, "BREAK");
            HttpSwitchboardApi driverApi = new HttpSwitchboardApi(server.baseUrl());
            driverApi.login("supervisor", "supervisor");
            List<Long> tickets = openTickets(driverApi, history.customerId());
            CountingApi counting = CountingApi.around(http);

            DesktopLauncher.startToolkit();
            TimelineReader reader = TimelineReader.beforeOpening();
            Desktop desktop = DesktopLauncher.openSignedIn(
                    new DesktopOptions(server.baseUrl(), List.of(), "light", null), counting.client(), login);
            FrameProbe frames = null;
            EventDriver driver = null;
            Recording jfr = null;
            try {
                reader.attach(Duration.ofSeconds(60));
                long t = System.nanoTime();
                // the server reads the whole history for every page: give the first one time, and open the
                // customer again if the desktop gave up waiting for it
                int openAttempts = reader.openCustomer(HistoryData.EMAIL, history.customerId(), Duration.ofMinutes(2),
                        3);
                long firstPageMillis = (System.nanoTime() - t) / 1_000_000;
                frames = FrameProbe.start();
                long idleFrom = System.nanoTime();
                Thread.sleep(s.idle().toMillis());
                long idleTo = System.nanoTime();
                FrameStats idle = FrameStats.of(frames.intervalsBetween(idleFrom, idleTo), idleTo - idleFrom);
                log.accept(String.format(Locale.ROOT, "P8: card open after %.1f s (%d attempts); idle frames p50 "
                        + "%.1f ms, p99 %.1f ms (%d frames)", firstPageMillis / 1000.0, openAttempts, idle.p50(),
                        idle.p99(), idle.count()));

                t = System.nanoTime();
                int rowsAtStart = reader.loadUntil(s.preloadRows(), s.preloadLimit());
                long preloadMillis = (System.nanoTime() - t) / 1_000_000;
                log.accept(String.format(Locale.ROOT, "P8: timeline paged to %,d rows in %.1f s", rowsAtStart,
                        preloadMillis / 1000.0));

                driver = new EventDriver(driverApi, others, tickets, s.eventsPerSecond(), counting::events, log);
                timer.scheduleAtFixedRate(reader::step, 0, s.stepMillis(), TimeUnit.MILLISECONDS);
                // a recording starts with the warm-up: starting one holds the whole process for a moment
                jfr = startJfr();
                Thread.sleep(s.warmUp().toMillis());

                long fxThread = FxThread.callAndWait(() -> Thread.currentThread().getId());
                CpuTimes cpu = new CpuTimes(fxThread, dataDir);
                long events0 = counting.events();
                long[] reading0 = {counting.timelinePages(), reader.steps(), reader.stepsMoved(), reader.stepsSkipped(),
                        reader.loadClicks()};
                CpuTimes.Sample cpu0 = cpu.sample();
                long from = System.nanoTime();
                Thread.sleep(s.duration().toMillis());
                long to = System.nanoTime();
                CpuTimes.Sample cpu1 = cpu.sample();
                long events = counting.events() - events0;
                long[] reading = {counting.timelinePages() - reading0[0], reader.steps() - reading0[1],
                        reader.stepsMoved() - reading0[2], reader.stepsSkipped() - reading0[3],
                        reader.loadClicks() - reading0[4]};
                String jfrFile = stopJfr(jfr);
                jfr = null;
                timer.shutdownNow();
                driver.close();
                frames.stop();
                long[] intervals = frames.intervalsBetween(from, to);
                FrameStats measured = FrameStats.of(intervals, to - from);
                long offset = System.currentTimeMillis() - System.nanoTime() / 1_000_000;
                List<String> longestFrames = longest(intervals, frames.endsBetween(from, to), 5, offset);
                int rowsAtEnd = reader.rows();
                TimelinePage last = checker(server.baseUrl()).timeline(history.customerId(),
                        history.cursorBeforeOldest(), 20);
                boolean oldestReachable = last.items().size() == 1 && last.items().get(0).id() == history.oldestId()
                        && last.nextCursor() == null;
                return new Result(idle, measured, history.rows(), oldestReachable, firstPageMillis, openAttempts,
                        rowsAtStart, rowsAtEnd, preloadMillis, reading[0], events, counting.eventsByType(),
                        events / ((to - from) / 1e9), driver.contacts(), driver.ticketChanges(), driver.errors(),
                        counting.disconnects(), reading[1], reading[2], reading[3], reading[4],
                        cpu1.percentSince(cpu0), longestFrames, nominalFrameMillis(), jfrFile);
            } finally {
                timer.shutdownNow();
                if (driver != null) {
                    driver.close();
                }
                if (jfr != null) {
                    jfr.close();
                }
                if (frames != null) {
                    frames.stop();
                }
                DesktopLauncher.close(desktop);
            }
        } finally {
            timer.shutdownNow();
        }
    }

    /** The database with the long-history customer: kept from an earlier run, or made now. */
    private HistoryData.History prepareData() throws Exception {
        HistoryData.History found = HistoryData.find(s.dataDir());
        if (found != null && found.rows() == s.historyRows()) {
            log.accept(String.format(Locale.ROOT, "P8: using the %,d-row history kept in %s", found.rows(),
                    s.dataDir()));
            return found;
        }
        BenchFiles.deleteTree(s.dataDir());
        log.accept(String.format(Locale.ROOT, "P8: generating %,d customers, then one with a %,d-row history, in %s",
                s.demoCustomers(), s.historyRows(), s.dataDir()));
        // a first start makes the schema, the accounts and the other customers; then the server stops
        // and the long history goes into its file
        List<String> args = List.of("--host", "127.0.0.1", "--port", "0", "--sip-port", "0",
                "--data-dir", s.dataDir().toAbsolutePath().toString(),
                "--customers", Integer.toString(s.demoCustomers()), "--bench-agents", "1");
        try (ServerProcess server = ServerProcess.start(args, s.heap(), Duration.ofMinutes(30), line -> { })) {
            log.accept("P8: other customers ready at " + server.baseUrl());
        }
        return HistoryData.create(s.dataDir(), s.historyRows(), Instant.now(), log);
    }

    /**
     * A client of the benchmark's own for checking the end of the history: the server reads the whole
     * history for a page, longer than the desktop's client waits for an answer.
     */
    private static HttpSwitchboardApi checker(String baseUrl) {
        HttpSwitchboardApi api = new HttpSwitchboardApi(baseUrl, new OkHttpClient.Builder()
                .readTimeout(Duration.ofMinutes(5)).callTimeout(Duration.ofMinutes(6)).build());
        api.login("supervisor", "supervisor");
        return api;
    }

    /** The customer's open tickets, {@link #TICKETS} of them (made the first time; kept for later runs). */
    private static List<Long> openTickets(HttpSwitchboardApi api, long customerId) {
        List<Long> ids = new ArrayList<>(api.openTickets(customerId).stream().map(TicketView::id).toList());
        while (ids.size() < TICKETS) {
            ids.add(api.createTicket(new NewTicketRequest(customerId, "Account review " + (ids.size() + 1),
                    TicketPriority.NORMAL, null, null)).id());
        }
        return ids.subList(0, TICKETS);
    }

    /**
     * The frame period the toolkit aims at: {@code javafx.animation.pulse} pulses a second (60 by
     * default) on a timer whose period is whole milliseconds, so 16 ms at 60.
     */
    private static double nominalFrameMillis() {
        String pulse = System.getProperty("javafx.animation.pulse");
        int hz = 60;
        try {
            if (pulse != null) {
                hz = Integer.parseInt(pulse.trim());
            }
        } catch (NumberFormatException ignored) {
            // the toolkit ignores a value it cannot read too
        }
        return 1000 / Math.max(1, hz);
    }

    /** A flight recording of this process from the warm-up on, when {@code -Dsb.bench.p8.jfr=FILE} asks for one. */
    private static Recording startJfr() throws Exception {
        String file = System.getProperty("sb.bench.p8.jfr");
        if (file == null || file.isBlank()) {
            return null;
        }
        Recording r = new Recording(Configuration.getConfiguration("profile"));
        r.setDestination(Path.of(file));
        r.start();
        return r;
    }

    private static String stopJfr(Recording r) {
        if (r == null) {
            return null;
        }
        r.stop();
        String file = r.getDestination().toString();
        r.close();
        return file;
    }

    /** Runs P8 at the quick or full size and records the result. */
    static void record(boolean quick, Path dataDir, BenchResults results, Consumer<String> log) throws Exception {
        Settings p8 = quick
                ? new Settings(20_000, 200, 60, 500, Duration.ofSeconds(15), 50, 100, Duration.ofSeconds(2),
                Duration.ofSeconds(3), Duration.ofSeconds(10), dataDir.resolve("history-20000-rows-200-customers"),
                "1g")
                : new Settings(1_000_000, 10_000, 60, 5_000, Duration.ofSeconds(90), 50, 100, Duration.ofSeconds(5),
                Duration.ofSeconds(20), Duration.ofSeconds(120),
                dataDir.resolve("history-1000000-rows-10000-customers"), "2g");
        log.accept("P8 UI smoothness: " + p8.workload());
        Result r = new FrameIntervalBench(p8, log).run();
        FrameStats m = r.measured();
        boolean met = m.count() > 0 && m.p99() <= 50 && m.stalls() == 0
                && r.historyRowsInDatabase() == p8.historyRows() && r.eventsPerSecond() >= 0.9 * p8.eventsPerSecond();
        var entry = results.entry("P8", "frame interval on the desktop's FX thread while the history scrolls and "
                + "events arrive, p99", m.p99(), "ms", "p99 <= 50 ms, no stall > 250 ms", met, p8.workload());
        entry.put("p50", Bench.round(m.p50()));
        entry.put("p90", Bench.round(m.p90()));
        entry.put("max", Bench.round(m.max()));
        entry.put("frames", m.count());
        entry.put("framesPerSecond", Bench.round(m.framesPerSecond()));
        entry.put("framesOver50ms", m.over50ms());
        entry.put("stallsOver250ms", m.stalls());
        entry.put("stalledMs", Bench.round(m.stalledMs()));
        entry.put("nominalFrameMs", Bench.round(r.nominalFrameMs()));
        entry.put("idleP50", Bench.round(r.idle().p50()));
        entry.put("idleP99", Bench.round(r.idle().p99()));
        entry.put("idleFrames", r.idle().count());
        entry.put("fxThreadCpuPercent", Bench.round(r.cpuPercent()[0]));
        entry.put("benchProcessCpuPercent", Bench.round(r.cpuPercent()[1]));
        entry.put("serverCpuPercent", Bench.round(r.cpuPercent()[2]));
        entry.put("machineCpuPercent", Bench.round(r.cpuPercent()[3]));
        entry.put("historyRowsInDatabase", r.historyRowsInDatabase());
        entry.put("oldestRowReachable", r.oldestReachable());
        entry.put("cardOpenSeconds", Bench.round(r.firstPageMillis() / 1000.0));
        entry.put("cardOpenAttempts", r.openAttempts());
        entry.put("timelineRowsAtStart", r.rowsAtStart());
        entry.put("timelineRowsAtEnd", r.rowsAtEnd());
        entry.put("preloadSeconds", Bench.round(r.preloadMillis() / 1000.0));
        entry.put("timelinePagesFetchedMeasured", r.pagesFetched());
        entry.put("eventsReceived", r.events());
        entry.put("eventsPerSecondAchieved", Bench.round(r.eventsPerSecond()));
        var byType = entry.putObject("eventsByType");
        r.eventsByType().forEach(byType::put);
        entry.put("contactsSent", r.contactsSent());
        entry.put("ticketChanges", r.ticketChanges());
        entry.put("sendErrors", r.sendErrors());
        entry.put("streamDrops", r.streamDrops());
        entry.put("scrollStepsMeasured", r.steps());
        entry.put("scrollStepsThatMoved", r.stepsMoved());
        entry.put("scrollStepsSkipped", r.stepsSkipped());
        entry.put("loadMoreClicksMeasured", r.loadClicks());
        var longestFrames = entry.putArray("longestFrames");
        r.longestFrames().forEach(longestFrames::add);
        if (r.jfrFile() != null) {
            entry.put("jfr", r.jfrFile());
        }
        entry.put("notes", notes(p8));
        Path file = results.write(quick ? "p8-ui-smoothness-quick" : "p8-ui-smoothness", entry, !quick);
        log.accept(String.format(Locale.ROOT, "P8: frame interval p50 %.1f ms, p99 %.1f ms, max %.1f ms over %,d "
                        + "frames, %d stalls > 250 ms (idle p50 %.1f ms; FX thread %.0f %% busy); %,d events (%.1f/s); "
                        + "timeline %,d -> %,d rows of %,d (%s) -> %s", m.p50(), m.p99(), m.max(), m.count(),
                m.stalls(),
                r.idle().p50(), r.cpuPercent()[0], r.events(), r.eventsPerSecond(), r.rowsAtStart(), r.rowsAtEnd(),
                r.historyRowsInDatabase(), met ? "met" : "missed", file));
    }

    private static String notes(Settings s) {
        return "Timed: the interval between successive JavaFX pulses on the desktop's FX thread (an AnimationTimer's "
                + "handle(), wall clock), every frame of the " + s.duration().toSeconds() + " s measured period; a "
                + "stall is an interval over 250 ms. The desktop runs headless (Monocle, software rendering) in the "
                + "benchmark's process, the server in its own on the same machine; idleP50/idleP99 are the same "
                + "intervals over " + s.idle().toSeconds() + " s with the card open and nothing moving (the toolkit's "
                + "own frame period; nominalFrameMs is 1000/60 in whole milliseconds, the period of Monocle's pulse "
                + "timer). The agent opens the customer through the search field and its results (cardOpenSeconds: "
                + "until the first timeline page is shown), pages the timeline with Load more (20 rows a click, the "
                + "desktop's page size) towards " + s.preloadRows() + " rows for at most "
                + s.preloadLimit().toSeconds() + " s, then scrolls the list by its height every " + s.stepMillis()
                + " ms, from the top down to the end, where it clicks Load more, then back up, and so on. Events: "
                + "changes made over the API whenever the desktop's received events (counted where the client "
                + "hands them to the desktop) fall behind the rate, in turn a new e-mail from another customer "
                + "(queue and queue.left events: the agent has the e-mail skill) and a priority change of one of "
                + "the shown customer's open tickets (ticket events). The server sends this agent no events about "
                + "other agents' contacts, so none lands on the timeline. fxThreadCpuPercent, benchProcessCpuPercent "
                + "and serverCpuPercent are CPU time over "
                + "the measured period in per cent of one core; machineCpuPercent is the busy share of all the "
                + "machine's cores (other work on it included), from /proc/stat. historyRowsInDatabase is counted in "
                + "the server's database before it starts; oldestRowReachable asks the timeline endpoint the desktop "
                + "uses for the page after the second-oldest row. eventsReceived, timelinePagesFetchedMeasured and "
                + "the scroll counts are for the measured period (scrollStepsThatMoved: steps that scrolled; the "
                + "others found the list at an end and turned); eventsByType counts from sign-in, contactsSent "
                + "and ticketChanges from the start of the warm-up. met also needs the event rate reached (>= 90 %).";
    }
}
