package dev.switchboard.app.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.api.AgentView;
import dev.switchboard.api.EventTypes;
import dev.switchboard.api.LoginResponse;
import dev.switchboard.client.HttpSwitchboardApi;
import dev.switchboard.domain.AgentState;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * P4, supervisor freshness: how long after an agent's state change is sent until a supervisor's
 * dashboard shows it.
 *
 * <p>The server runs in its own process with the benchmark's centre: {@code simulatedAgents}
 * colleagues played inside the server and {@code accounts} sign-in accounts that this process signs
 * in. This process holds the event streams over one non-blocking reader ({@link SseStreams}):
 * {@code supervisors} streams signed in as the demo supervisor and {@code agentStreams} streams
 * spread over the accounts' sessions (several desktops per account: signing 10,000 accounts in with
 * bcrypt would take minutes of the server's CPU). The change driver sends {@code ratePerSecond}
 * state changes ({@code PUT /api/v1/me/state}, READY and NOT_READY in turn) round the accounts,
 * each concerning one agent, so it is delivered to that agent's streams and to every supervisor.
 *
 * <p>What is timed: a change is sent at {@code t0} (just before its request is written) and the
 * server answers with the agent's new state and the instant it began ({@code stateSince}). A
 * {@code dashboard} event reflects the change when its grid row for that agent has a {@code since}
 * at or after that instant (it shows this change or a later one of the same agent). Freshness for a
 * (change, supervisor) pair is the arrival at that supervisor's stream of the last byte of the first
 * dashboard that reflects the change, minus {@code t0}. One supervisor stream keeps each
 * dashboard's data and parses it once, applying each partial dashboard to the one before (as a
 * desktop does, see {@link DashboardRows}); the others record which dashboards (by sequence number)
 * arrived when. A pair is unseen when no dashboard reflecting the change reached that supervisor
 * by the end of the grace period after the last change was sent.
 */
final class SupervisorFreshnessBench {
    private static final long MIB = 1024 * 1024;
    /** P3's bound on the server's resident set: 1.5 GiB. */
    private static final long P3_RSS_MIB = 1536;

    record Settings(int accounts, int simulatedAgents, int agentStreams, int supervisors, int queues,
                    double ratePerSecond, Duration warmUp, Duration duration, Duration grace, Path dataDir,
                    String heap) {
        String workload() {
            return String.format(Locale.ROOT, "%,d event-stream clients: %,d supervisors and %,d agent streams "
                            + "(over %,d signed-in accounts, %.1f streams each); %,d agents on the dashboard (%,d more "
                            + "simulated in the server), %d queues; %.0f agent state changes/s sent over the API, each "
                            + "delivered to its agent's streams and to every supervisor; %d s measured after %d s warm-up",
                    supervisors + agentStreams, supervisors, agentStreams, accounts, agentStreams / (double) accounts,
                    accounts + simulatedAgents, simulatedAgents, queues, ratePerSecond, duration.toSeconds(),
                    warmUp.toSeconds());
        }
    }

    /**
     * @param freshnessNanos sorted, one per (change, supervisor) pair seen
     */
    record Result(long[] freshnessNanos, long changes, long unseenPairs, long changesUnseenByAll,
                  double changesPerSecond, long skipped, long sendErrors, long[] ackNanos, int streamsRequested,
                  int streamsReached, int streamsOpenAtEnd, int streamsClosedByServer, int dashboards,
                  double dashboardsPerSecond, long dashboardBytes, long dashboardBytesTotal, long agentEvents,
                  long serverRssPeak, long serverRssEnd, StateDeliveries.Result sessions, CpuTimes.Shares cpu) {
        /** The average size of a dashboard event, in KiB (0 when none came). */
        long averageDashboardKiB() {
            return dashboards == 0 ? 0 : dashboardBytesTotal / dashboards / 1024;
        }

        double percentileMs(double p) {
            return SupervisorFreshnessBench.percentileMs(freshnessNanos, p);
        }
    }

    private final Settings s;
    private final BenchDatabase database;
    private final Consumer<String> log;
    private final ObjectMapper mapper = new ObjectMapper();

    SupervisorFreshnessBench(Settings settings, BenchDatabase database, Consumer<String> log) {
        this.s = settings;
        this.database = database;
        this.log = log;
    }

    /** An account this process signed in, and the state it was last set to. */
    private record Account(int index, long agentId, HttpSwitchboardApi api, AtomicBoolean busy, AtomicInteger toggles) {
    }

    Result run() throws Exception {
        // a fresh database each run: the server's state log grows with every change, and a result must
        // not depend on how many runs came before
        database.delete(s.dataDir());
        List<String> args = new java.util.ArrayList<>(List.of("--host", "127.0.0.1", "--port", "0", "--sip-port", "0"));
        args.addAll(database.serverArgs(s.dataDir()));
        args.addAll(List.of("--customers", "0",
                "--bench-queues", Integer.toString(s.queues()),
                "--simulated-agents", Integer.toString(s.simulatedAgents()),
                "--bench-agents", Integer.toString(s.accounts())));
        OkHttpClient http = new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(64, 1, TimeUnit.MINUTES))
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(60))
                .callTimeout(Duration.ofSeconds(90))
                .build();
        ExecutorService signIns = Executors.newFixedThreadPool(4);
        ScheduledExecutorService rssProbe = Executors.newSingleThreadScheduledExecutor();
        try (ServerProcess server = ServerProcess.start(args, s.heap(), Duration.ofMinutes(20), log)) {
            String base = server.baseUrl();
            // the server's peak resident set, sampled every second from its start to the end of the grace period
            AtomicLong peakRss = new AtomicLong();
            rssProbe.scheduleAtFixedRate(() -> peakRss.accumulateAndGet(server.residentBytes(), Math::max),
                    0, 1, TimeUnit.SECONDS);
            // sign-ins cost a bcrypt check each on the server: a few at a time, as many as it has cores
            long t = System.nanoTime();
            List<Future<Account>> pending = new ArrayList<>();
            for (int i = 0; i < s.accounts(); i++) {
                int index = i;
                pending.add(signIns.submit(() -> {
                    String user = String.format("bench%03d", index + 1);
                    HttpSwitchboardApi api = new HttpSwitchboardApi(base, http);
                    LoginResponse r = api.login(user, user);
                    return new Account(index, r.agent().id(), api, new AtomicBoolean(), new AtomicInteger());
                }));
            }
            List<Future<String>> supervisorTokens = new ArrayList<>();
            for (int i = 0; i < s.supervisors(); i++) {
                supervisorTokens.add(signIns.submit(() -> {
                    HttpSwitchboardApi api = new HttpSwitchboardApi(base, http);
                    return api.login("supervisor", "supervisor").token();
                }));
            }
            List<Account> accounts = new ArrayList<>();
            for (Future<Account> f : pending) {
                accounts.add(f.get());
            }
            List<String> tokens = new ArrayList<>();
            for (Future<String> f : supervisorTokens) {
                tokens.add(f.get());
            }
            log.accept(String.format(Locale.ROOT, "P4: %d accounts and %d supervisors signed in in %.1f s",
                    accounts.size(), tokens.size(), (System.nanoTime() - t) / 1e9));
            Map<Long, Integer> indexOfAgent = new HashMap<>();
            accounts.forEach(a -> indexOfAgent.put(a.agentId(), a.index()));

            // the streams: supervisors first (stream 0 keeps and parses the dashboards), then the agents'
            int sup = s.supervisors();
            int total = sup + s.agentStreams();
            Arrivals[] arrivals = new Arrivals[sup];
            for (int i = 0; i < sup; i++) {
                arrivals[i] = new Arrivals(1024);
            }
            // P3: every stream's agent.state events (a supervisor gets every change; sized once, so the
            // reading thread never copies a large record mid-run)
            int expectedChanges = (int) (s.ratePerSecond() * (s.warmUp().toSeconds() + s.duration().toSeconds()
                    + s.grace().toSeconds() + 10));
            StateDeliveries deliveries = new StateDeliveries(mapper.getFactory(), indexOfAgent, total, sup,
                    expectedChanges);
            ConcurrentSkipListMap<Long, long[]> dashboards = new ConcurrentSkipListMap<>();
            AtomicLong dashboardBytes = new AtomicLong();
            AtomicLong dashboardBytesTotal = new AtomicLong();
            AtomicLong agentEvents = new AtomicLong();
            AtomicLong firstDashboardNanos = new AtomicLong();
            AtomicLong lastDashboardNanos = new AtomicLong();
            ExecutorService parser = Executors.newSingleThreadExecutor(r -> {
                Thread th = new Thread(r, "p4-dashboard-parser");
                th.setDaemon(true);
                return th;
            });
            DashboardRows shown = new DashboardRows(mapper, indexOfAgent, accounts.size(), log);
            AtomicInteger closedLogged = new AtomicInteger();
            SseStreams.Listener listener = new SseStreams.Listener() {
                @Override
                public void onEvent(int stream, String type, long id, long arrivalNanos, byte[] data, int dataLength) {
                    if (stream < sup) {
                        if (EventTypes.DASHBOARD.equals(type) && id > 0) {
                            arrivals[stream].add(id, arrivalNanos);
                            if (data != null) {
                                byte[] copy = Arrays.copyOf(data, dataLength);
                                dashboardBytes.set(dataLength);
                                dashboardBytesTotal.addAndGet(dataLength);
                                firstDashboardNanos.compareAndSet(0, arrivalNanos);
                                lastDashboardNanos.set(arrivalNanos);
                                // parsed in arrival (= sequence) order: each partial applies to the one before
                                parser.execute(() -> dashboards.put(id, shown.apply(copy)));
                            }
                        } else if (EventTypes.AGENT_STATE.equals(type)) {
                            deliveries.arrived(stream, id, arrivalNanos, data, dataLength);
                        }
                    } else if (EventTypes.AGENT_STATE.equals(type)) {
                        agentEvents.incrementAndGet();
                        deliveries.arrived(stream, id, arrivalNanos, data, dataLength);
                    }
                }

                @Override
                public void onClosed(int stream, String why) {
                    if (closedLogged.incrementAndGet() <= 5) {
                        log.accept("P4: stream " + stream + " ended: " + why);
                    }
                }
            };
            Set<String> dashboardAndStates = Set.of(EventTypes.DASHBOARD, EventTypes.AGENT_STATE);
            Set<String> states = Set.of(EventTypes.AGENT_STATE);
            try (SseStreams streams = new SseStreams(base, listener)) {
                t = System.nanoTime();
                for (int i = 0; i < total; i++) {
                    // a few hundred handshakes in flight at a time, not a SYN flood
                    long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                    while (streams.requested() - streams.streaming() - streams.failed() >= 200
                            && System.nanoTime() < waitUntil) {
                        Thread.sleep(2);
                    }
                    if (i < sup) {
                        streams.open(i, tokens.get(i), i == 0 ? dashboardAndStates : states);
                    } else {
                        streams.open(i, accounts.get((i - sup) % accounts.size()).api().token(), states);
                    }
                }
                long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (streams.streaming() + streams.failed() < total && System.nanoTime() < waitUntil) {
                    Thread.sleep(20);
                }
                int reached = streams.streaming();
                log.accept(String.format(Locale.ROOT, "P4: %,d of %,d streams following the events in %.1f s "
                                + "(%,d refused); driving %.0f changes/s", reached, total, (System.nanoTime() - t) / 1e9,
                        streams.failed(), s.ratePerSecond()));

                // the change driver
                int capacity = (int) (s.ratePerSecond() * (s.warmUp().toSeconds() + s.duration().toSeconds() + 5)) + 1024;
                long[] sent = new long[capacity];
                long[] acked = new long[capacity];
                long[] since = new long[capacity];
                int[] agentOf = new int[capacity];
                AtomicInteger recorded = new AtomicInteger();
                AtomicLong skipped = new AtomicLong();
                AtomicLong errors = new AtomicLong();
                AtomicLong driven = new AtomicLong();
                long measureFrom = System.nanoTime() + s.warmUp().toNanos();
                ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
                ExecutorService senders = Executors.newFixedThreadPool(32);
                AtomicInteger cursor = new AtomicInteger();
                long periodNanos = Math.round(1e9 / s.ratePerSecond());
                long driveStart = System.nanoTime();
                pacer.scheduleAtFixedRate(() -> {
                    Account a = accounts.get(Math.floorMod(cursor.getAndIncrement(), accounts.size()));
                    if (!a.busy().compareAndSet(false, true)) {
                        skipped.incrementAndGet(); // its last change is not answered yet: changes stay in order
                        return;
                    }
                    senders.execute(() -> {
                        AgentState next = a.toggles().incrementAndGet() % 2 == 1 ? AgentState.NOT_READY : AgentState.READY;
                        try {
                            long t0 = System.nanoTime();
                            AgentView v = a.api().setState(next, null);
                            long t1 = System.nanoTime();
                            driven.incrementAndGet();
                            if (t0 >= measureFrom && v.state() == next && v.stateSince() != null) {
                                int k = recorded.getAndIncrement();
                                if (k < capacity) {
                                    sent[k] = t0;
                                    acked[k] = t1;
                                    since[k] = epochNanos(v.stateSince());
                                    agentOf[k] = a.index();
                                }
                            }
                        } catch (RuntimeException e) {
                            errors.incrementAndGet();
                        } finally {
                            a.busy().set(false);
                        }
                    });
                }, 0, periodNanos, TimeUnit.NANOSECONDS);
                // who kept the cores busy over the measured period: the server, this process, the machine
                CpuTimes cpu = new CpuTimes(Thread.currentThread().getId(), server.pid());
                Thread.sleep(s.warmUp().toMillis());
                CpuTimes.Sample cpuFrom = cpu.sample();
                Thread.sleep(s.duration().toMillis());
                CpuTimes.Shares cpuShares = CpuTimes.Shares.between(cpuFrom, cpu.sample());
                pacer.shutdownNow();
                senders.shutdown();
                senders.awaitTermination(30, TimeUnit.SECONDS);
                long driveEnd = System.nanoTime();
                double measuredSeconds = (driveEnd - measureFrom) / 1e9;
                Thread.sleep(s.grace().toMillis());
                rssProbe.shutdownNow();
                rssProbe.awaitTermination(5, TimeUnit.SECONDS);
                long rssEnd = server.residentBytes();
                long rssPeak = Math.max(peakRss.get(), rssEnd);
                int openAtEnd = streams.open();
                int closedByServer = streams.closedByServer();
                streams.close();
                parser.shutdown();
                parser.awaitTermination(60, TimeUnit.SECONDS);

                int changes = Math.min(recorded.get(), capacity);
                long[] seqs = new long[dashboards.size()];
                long[][] rows = new long[dashboards.size()][];
                int d = 0;
                for (var e : dashboards.entrySet()) {
                    seqs[d] = e.getKey();
                    rows[d] = e.getValue();
                    d++;
                }
                long[] fresh = new long[changes * sup];
                int samples = 0;
                long unseen = 0;
                long unseenByAll = 0;
                long[] ack = new long[changes];
                long[] shownFrom = new long[changes]; // the first dashboard showing each change, or -1
                for (int c = 0; c < changes; c++) {
                    ack[c] = acked[c] - sent[c];
                    int first = firstReflecting(rows, agentOf[c], since[c]);
                    shownFrom[c] = first < 0 ? -1 : seqs[first];
                    boolean anyone = false;
                    for (int v = 0; v < sup; v++) {
                        long at = first < 0 ? -1 : arrivals[v].from(seqs[first]);
                        if (at < 0) {
                            unseen++;
                        } else {
                            fresh[samples++] = at - sent[c];
                            anyone = true;
                        }
                    }
                    if (!anyone) {
                        unseenByAll++;
                    }
                }
                long[] sorted = Arrays.copyOf(fresh, samples);
                Arrays.sort(sorted);
                Arrays.sort(ack);
                long spanNanos = lastDashboardNanos.get() - firstDashboardNanos.get();
                double perSecond = d > 1 && spanNanos > 0 ? (d - 1) / (spanNanos / 1e9) : 0;
                StateDeliveries.Result sessions = deliveries.measure(changes, sent, agentOf, since, sup,
                        accounts.size(), (c, v) -> shownFrom[c] < 0 ? -1 : arrivals[v].from(shownFrom[c]));
                return new Result(sorted, changes, unseen, unseenByAll, changes / measuredSeconds, skipped.get(),
                        errors.get(), ack, total, reached, openAtEnd, closedByServer, d, perSecond,
                        dashboardBytes.get(), dashboardBytesTotal.get(), agentEvents.get(), rssPeak, rssEnd, sessions,
                        cpuShares);
            }
        } finally {
            rssProbe.shutdownNow();
            signIns.shutdownNow();
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    /** What the figures mean, for the result file. */
    static String notes(Settings s, Result r) {
        int wanted = s.supervisors() + s.agentStreams();
        String streams = r.streamsReached() >= wanted && r.streamsOpenAtEnd() >= wanted
                ? String.format(Locale.ROOT, "all %,d streams followed the events and were still open at the end", wanted)
                : String.format(Locale.ROOT, "%,d of %,d streams reached the server's hello, %,d were still open at the "
                + "end (%,d closed by the server): the figures are for that many", r.streamsReached(), wanted,
                r.streamsOpenAtEnd(), r.streamsClosedByServer());
        return "A change is PUT /api/v1/me/state (READY and NOT_READY in turn) for one signed-in account, timed from "
                + "just before its request is written (not from its answer). The answer carries the agent's stateSince. "
                + "A dashboard event reflects the change when its agents row for that agent has since >= that instant "
                + "(this change or a later one of the same agent). Freshness of a (change, supervisor) pair: arrival of "
                + "the last byte of the first such dashboard at that supervisor's stream minus the send time; all "
                + "supervisors x all changes sent after the warm-up are counted. A pair is unseen when no reflecting "
                + "dashboard reached that supervisor within " + s.grace().toSeconds() + " s after the last change. "
                + "Agent streams share their account's session (" + String.format(Locale.ROOT, "%.1f", s.agentStreams()
                / (double) s.accounts()) + " per account): one sign-in per stream would cost a bcrypt check each "
                + "(about 50 ms of server CPU) and minutes of the run; each change therefore reaches that many agent "
                + "streams besides the supervisors. The other agents on the dashboard are the server's simulated "
                + "colleagues (signed in, idle: no contacts are sent). All streams are read in the benchmark's process by "
                + "one non-blocking reader; the server runs in its own process on the same 2-core machine. "
                + "serverCpuPercent and generatorCpuPercent are the CPU time the server and the benchmark's process "
                + "used over the measured period, in per cent of one core; machineCpuPercent is the busy share of all "
                + "the machine's cores then. " + streams + ".";
    }

    static long epochNanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    /**
     * The first dashboard (index in sequence order) whose row for {@code agent} is at or after {@code since}.
     * Rows only move forward from one dashboard to the next, so this is a binary search.
     */
    private static int firstReflecting(long[][] rows, int agent, long since) {
        int lo = 0;
        int hi = rows.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (rows[mid][agent] >= since) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo < rows.length ? lo : -1;
    }

    /** Nearest-rank percentile of sorted nanoseconds, in milliseconds. */
    static double percentileMs(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }

    /** Runs P4 (and P3, measured in the same run) at the quick or full size and records the results. */
    static void record(boolean quick, Path dataDir, BenchDatabase database, BenchResults results,
                       Consumer<String> log) throws Exception {
        SupervisorFreshnessBench.Settings p4 = quick
                ? new SupervisorFreshnessBench.Settings(20, 180, 200, 3, 10, 100, Duration.ofSeconds(3),
                Duration.ofSeconds(10), Duration.ofSeconds(5), dataDir.resolve("supervisor-quick"), "1g")
                : new SupervisorFreshnessBench.Settings(1000, 9000, 9900, 100, 100, 1000, Duration.ofSeconds(15),
                Duration.ofSeconds(90), Duration.ofSeconds(10), dataDir.resolve("supervisor"),
                // what the server holds live at this load is about 0.5 GB: a heap of 1.2 GB keeps the
                // collector from growing it to whatever a busy moment suggests (3 GB let it reach 2 GB resident)
                "1200m");
        log.accept("P4 supervisor freshness: " + p4.workload());
        SupervisorFreshnessBench.Result r = new SupervisorFreshnessBench(p4, database, log).run();
        double p99 = r.percentileMs(99);
        int wanted = p4.supervisors() + p4.agentStreams();
        boolean met = r.freshnessNanos().length > 0 && p99 <= 1000 && r.unseenPairs() == 0
                && r.changesPerSecond() >= 0.95 * p4.ratePerSecond();
        var entry = results.entry("P4", "agent state change sent to its dashboard row arriving at each supervisor, p99",
                p99, "ms", "p99 <= 1 s", met, p4.workload());
        entry.put("min", Bench.round(r.percentileMs(0)));
        entry.put("p50", Bench.round(r.percentileMs(50)));
        entry.put("p95", Bench.round(r.percentileMs(95)));
        entry.put("max", Bench.round(r.percentileMs(100)));
        entry.put("samples", r.freshnessNanos().length);
        entry.put("changes", r.changes());
        entry.put("changesPerSecondAchieved", Bench.round(r.changesPerSecond()));
        entry.put("changesSkippedStillInFlight", r.skipped());
        entry.put("sendErrors", r.sendErrors());
        entry.put("unseenPairs", r.unseenPairs());
        entry.put("changesUnseenByEverySupervisor", r.changesUnseenByAll());
        entry.put("stateChangeAnswerP50Ms", Bench.round(SupervisorFreshnessBench.percentileMs(r.ackNanos(), 50)));
        entry.put("stateChangeAnswerP99Ms", Bench.round(SupervisorFreshnessBench.percentileMs(r.ackNanos(), 99)));
        entry.put("streamsWanted", wanted);
        entry.put("streamsReached", r.streamsReached());
        entry.put("streamsOpenAtEnd", r.streamsOpenAtEnd());
        entry.put("streamsClosedByServer", r.streamsClosedByServer());
        entry.put("dashboards", r.dashboards());
        entry.put("dashboardsPerSecond", Bench.round(r.dashboardsPerSecond()));
        entry.put("dashboardKiB", r.dashboardBytes() / 1024);
        entry.put("dashboardAvgKiB", r.averageDashboardKiB());
        entry.put("agentStateEventsOnAgentStreams", r.agentEvents());
        entry.put("serverRssMiB", r.serverRssPeak() / MIB);
        r.cpu().addTo(entry);
        entry.put("notes", SupervisorFreshnessBench.notes(p4, r));
        Path file = results.write(quick ? "p4-supervisor-freshness-quick" : "p4-supervisor-freshness", entry, !quick);
        log.accept(String.format(Locale.ROOT, "P4: p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms over %,d "
                        + "(change, supervisor) pairs; %,d changes (%.0f/s), %,d pairs unseen; %,d of %,d streams, %,d open "
                        + "at the end; %d dashboards, %,d KiB on average; server RSS %d MiB; CPU server %.0f %%, "
                        + "generator %.0f %% of a core, machine %.0f %% busy (%s) -> %s",
                r.percentileMs(50), r.percentileMs(95), p99, r.percentileMs(100), r.freshnessNanos().length,
                r.changes(), r.changesPerSecond(), r.unseenPairs(), r.streamsReached(), wanted, r.streamsOpenAtEnd(),
                r.dashboards(), r.averageDashboardKiB(),
                r.serverRssPeak() / MIB, r.cpu().serverPercent(), r.cpu().generatorPercent(),
                r.cpu().machinePercent(), met ? "met" : "missed", file));
        recordAgentSessions(quick, p4, r, results, log);
    }

    /** P3 from the same run: each change's own event at its agent's streams and at every supervisor. */
    private static void recordAgentSessions(boolean quick, Settings s, Result r, BenchResults results,
                                            Consumer<String> log) throws java.io.IOException {
        StateDeliveries.Result d = r.sessions();
        double p99 = percentileMs(d.allNanos(), 99);
        int wanted = s.supervisors() + s.agentStreams();
        boolean allStreams = r.streamsReached() >= wanted && r.streamsOpenAtEnd() >= wanted;
        boolean met = d.allNanos().length > 0 && p99 <= 250 && r.serverRssPeak() <= P3_RSS_MIB * MIB
                && d.unseen() == 0 && allStreams && r.changesPerSecond() >= 0.95 * s.ratePerSecond();
        var entry = results.entry("P3", "agent state change sent to its event arriving at each of the agent's own "
                        + "streams and at each supervisor, p99", p99, "ms", "p99 <= 250 ms, server RSS <= 1.5 GiB", met,
                s.workload() + "; server JVM -Xmx" + s.heap() + ", its resident set sampled every second");
        entry.put("min", Bench.round(percentileMs(d.allNanos(), 0)));
        entry.put("p50", Bench.round(percentileMs(d.allNanos(), 50)));
        entry.put("p95", Bench.round(percentileMs(d.allNanos(), 95)));
        entry.put("max", Bench.round(percentileMs(d.allNanos(), 100)));
        entry.put("samples", d.allNanos().length);
        entry.put("agentStreamP50", Bench.round(percentileMs(d.agentNanos(), 50)));
        entry.put("agentStreamP99", Bench.round(percentileMs(d.agentNanos(), 99)));
        entry.put("agentStreamMax", Bench.round(percentileMs(d.agentNanos(), 100)));
        entry.put("agentStreamSamples", d.agentNanos().length);
        entry.put("supervisorP50", Bench.round(percentileMs(d.supervisorNanos(), 50)));
        entry.put("supervisorP99", Bench.round(percentileMs(d.supervisorNanos(), 99)));
        entry.put("supervisorMax", Bench.round(percentileMs(d.supervisorNanos(), 100)));
        entry.put("supervisorSamples", d.supervisorNanos().length);
        entry.put("serverRssMiB", r.serverRssPeak() / MIB);
        entry.put("serverRssEndMiB", r.serverRssEnd() / MIB);
        entry.put("serverRssLimitMiB", P3_RSS_MIB);
        entry.put("serverHeap", "-Xmx" + s.heap());
        r.cpu().addTo(entry);
        entry.put("changes", r.changes());
        entry.put("changesPerSecondAchieved", Bench.round(r.changesPerSecond()));
        entry.put("changesSkippedStillInFlight", r.skipped());
        entry.put("sendErrors", r.sendErrors());
        entry.put("agentStreamPairs", d.agentPairs());
        entry.put("supervisorPairs", d.supervisorPairs());
        entry.put("unseenAgentStreamPairs", d.unseenAgentPairs());
        entry.put("unseenSupervisorPairs", d.unseenSupervisorPairs());
        entry.put("changesWithoutStateEvent", d.changesWithoutEvent());
        entry.put("supervisorPairsFirstShownByDashboard", d.supervisorPairsFirstByDashboard());
        entry.put("stateEventsOutOfOrder", d.outOfOrder());
        entry.put("stateEventsUnreadable", d.unreadable());
        entry.put("streamsWanted", wanted);
        entry.put("streamsReached", r.streamsReached());
        entry.put("streamsOpenAtEnd", r.streamsOpenAtEnd());
        entry.put("streamsClosedByServer", r.streamsClosedByServer());
        entry.put("notes", StateDeliveries.notes(s, r));
        java.nio.file.Path file = results.write(quick ? "p3-agent-sessions-quick" : "p3-agent-sessions", entry, !quick);
        log.accept(String.format(Locale.ROOT, "P3: p50 %.0f ms, p99 %.0f ms, max %.0f ms over %,d deliveries (agent "
                        + "streams p99 %.0f ms, supervisors p99 %.0f ms); %,d unseen; server RSS peak %d MiB, end %d MiB "
                        + "(-Xmx%s) -> %s -> %s",
                percentileMs(d.allNanos(), 50), p99, percentileMs(d.allNanos(), 100), d.allNanos().length,
                percentileMs(d.agentNanos(), 99), percentileMs(d.supervisorNanos(), 99), d.unseen(),
                r.serverRssPeak() / MIB, r.serverRssEnd() / MIB, s.heap(), met ? "met" : "missed", file));
    }
}
