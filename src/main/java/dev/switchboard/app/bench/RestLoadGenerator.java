package dev.switchboard.app.bench;

import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.EventListener;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * P5's load generator, run in a JVM of its own: a fixed number of threads, each in a closed loop
 * (it sends its next request when the answer to the last one has been read) over keep-alive
 * HTTP/1.1 connections from one pool (so no more connections are busy than there are threads),
 * against two targets in turn: the Switchboard lookup and the bare Javalin hello. Each target is
 * warmed up once, then measured for {@code rounds} periods, alternating.
 *
 * <p>A request counts as an error unless it is answered 200; a 200 whose body lacks the expected
 * text (the customer's id, or the hello) counts as a wrong answer. Latency is from just before the
 * call until its body has been read, for every measured request. Output: one {@code P5-PHASE} line
 * per measured period and one {@code P5-RESULT} line per target, {@code key=value} pairs that
 * {@link Report#parse} reads back.
 */
public final class RestLoadGenerator {
    static final String PHASE = "P5-PHASE ";
    static final String RESULT = "P5-RESULT ";

    /** The requests sent to one target (taken in turn, round-robin) and what a right answer contains. */
    record Target(String name, List<Request> requests, List<String> expected) {
        Target {
            if (requests.isEmpty() || requests.size() != expected.size()) {
                throw new IllegalArgumentException(name + ": requests and expected answers must match and not be empty");
            }
        }
    }

    record Plan(int threads, Duration warmUp, Duration measure, int rounds, Target lookup, Target bare) {
    }

    /** What one target got over all its measured periods; latencies in milliseconds. */
    record Report(String target, long requests, long errors, long wrong, double seconds, double p50, double p90,
                  double p99, double p999, double max, long connections, List<Double> roundRps) {
        double rps() {
            return seconds > 0 ? requests / seconds : 0;
        }

        String line() {
            return RESULT + String.format(Locale.ROOT, "target=%s requests=%d errors=%d wrong=%d seconds=%.3f rps=%.1f "
                            + "p50=%.3f p90=%.3f p99=%.3f p999=%.3f max=%.3f connections=%d roundRps=%s", target, requests,
                    errors, wrong, seconds, rps(), p50, p90, p99, p999, max, connections,
                    roundRps.stream().map(r -> String.format(Locale.ROOT, "%.1f", r)).collect(Collectors.joining(";")));
        }

        static Report parse(String line) {
            if (!line.startsWith(RESULT)) {
                throw new IllegalArgumentException("not a result line: " + line);
            }
            Map<String, String> f = fields(line.substring(RESULT.length()));
            List<Double> rounds = f.get("roundRps").isEmpty() ? List.of()
                    : Arrays.stream(f.get("roundRps").split(";")).map(Double::parseDouble).toList();
            return new Report(f.get("target"), Long.parseLong(f.get("requests")), Long.parseLong(f.get("errors")),
                    Long.parseLong(f.get("wrong")), Double.parseDouble(f.get("seconds")), Double.parseDouble(f.get("p50")),
                    Double.parseDouble(f.get("p90")), Double.parseDouble(f.get("p99")), Double.parseDouble(f.get("p999")),
                    Double.parseDouble(f.get("max")), Long.parseLong(f.get("connections")), rounds);
        }
    }

    /** One thread's count in one period. */
    private static final class Tally {
        long[] nanos = new long[4096];
        int n;
        long errors;
        long wrong;

        void add(long latency) {
            if (n == nanos.length) {
                nanos = Arrays.copyOf(nanos, n * 2);
            }
            nanos[n++] = latency;
        }
    }

    /** One measured period of one target: the threads' tallies and how long it took. */
    private record Period(List<Tally> tallies, long elapsedNanos) {
        long requests() {
            return tallies.stream().mapToLong(t -> t.n).sum();
        }
    }

    private final Plan plan;
    private final OkHttpClient http;
    private final Map<Integer, LongAdder> connectsByPort = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> nextRequest = new HashMap<>();

    RestLoadGenerator(Plan plan) {
        this.plan = plan;
        this.http = new OkHttpClient.Builder()
                .protocols(List.of(Protocol.HTTP_1_1))
                // connections idle while the other target is measured are let go before the servers'
                // idle timeout (30 s) closes them under a request, which would count as an error
                .connectionPool(new ConnectionPool(plan.threads() * 2, 20, TimeUnit.SECONDS))
                // a failed request is an error, not something to hide behind a quiet retry
                .retryOnConnectionFailure(false)
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(30))
                .callTimeout(Duration.ofSeconds(60))
                .eventListener(new EventListener() {
                    @Override
                    public void connectStart(Call call, InetSocketAddress address, Proxy proxy) {
                        connectsByPort.computeIfAbsent(address.getPort(), p -> new LongAdder()).increment();
                    }
                })
                .build();
        nextRequest.put(plan.lookup().name(), new AtomicLong());
        nextRequest.put(plan.bare().name(), new AtomicLong());
    }

    /** Warms both targets up, measures them in alternation and returns one report per target. */
    List<Report> run(PrintStream out) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(plan.threads(), r -> {
            Thread t = new Thread(r, "load");
            t.setDaemon(true);
            return t;
        });
        try {
            Map<String, List<Period>> measured = new LinkedHashMap<>();
            for (Target t : List.of(plan.lookup(), plan.bare())) {
                Period warm = period(pool, t, plan.warmUp());
                out.println(phaseLine(t, "warm-up", warm));
                measured.put(t.name(), new ArrayList<>());
            }
            for (int round = 1; round <= plan.rounds(); round++) {
                for (Target t : List.of(plan.lookup(), plan.bare())) {
                    Period p = period(pool, t, plan.measure());
                    out.println(phaseLine(t, Integer.toString(round), p));
                    measured.get(t.name()).add(p);
                }
            }
            List<Report> reports = new ArrayList<>();
            for (Target t : List.of(plan.lookup(), plan.bare())) {
                Report r = report(t, measured.get(t.name()));
                out.println(r.line());
                reports.add(r);
            }
            out.flush();
            return reports;
        } finally {
            pool.shutdownNow();
            http.connectionPool().evictAll();
        }
    }

    private Period period(ExecutorService pool, Target target, Duration length) throws Exception {
        long start = System.nanoTime();
        long end = start + length.toNanos();
        List<Future<Tally>> running = new ArrayList<>();
        for (int i = 0; i < plan.threads(); i++) {
            running.add(pool.submit(() -> loop(target, end)));
        }
        List<Tally> tallies = new ArrayList<>();
        for (Future<Tally> f : running) {
            tallies.add(f.get());
        }
        return new Period(tallies, System.nanoTime() - start);
    }

    /** One connection's closed loop until {@code end}: a request, its whole answer, the next request. */
    private Tally loop(Target target, long end) {
        Tally tally = new Tally();
        AtomicLong next = nextRequest.get(target.name());
        int size = target.requests().size();
        while (true) {
            int i = (int) (next.getAndIncrement() % size);
            long t0 = System.nanoTime();
            if (t0 - end >= 0) {
                return tally;
            }
            try (Response response = http.newCall(target.requests().get(i)).execute()) {
                String body = response.body().string();
                if (response.code() != 200) {
                    tally.errors++;
                } else if (!body.contains(target.expected().get(i))) {
                    tally.wrong++;
                }
            } catch (IOException | RuntimeException e) {
                tally.errors++;
            }
            tally.add(System.nanoTime() - t0);
        }
    }

    private static String phaseLine(Target t, String round, Period p) {
        long errors = p.tallies().stream().mapToLong(x -> x.errors).sum();
        long wrong = p.tallies().stream().mapToLong(x -> x.wrong).sum();
        double seconds = p.elapsedNanos() / 1e9;
        return PHASE + String.format(Locale.ROOT, "target=%s round=%s requests=%d errors=%d wrong=%d seconds=%.3f rps=%.1f",
                t.name(), round, p.requests(), errors, wrong, seconds, p.requests() / seconds);
    }

    private Report report(Target t, List<Period> periods) {
        long requests = 0;
        long errors = 0;
        long wrong = 0;
        long elapsed = 0;
        List<Double> roundRps = new ArrayList<>();
        for (Period p : periods) {
            requests += p.requests();
            elapsed += p.elapsedNanos();
            roundRps.add(p.requests() / (p.elapsedNanos() / 1e9));
            for (Tally x : p.tallies()) {
                errors += x.errors;
                wrong += x.wrong;
            }
        }
        long[] all = new long[(int) requests];
        int at = 0;
        for (Period p : periods) {
            for (Tally x : p.tallies()) {
                System.arraycopy(x.nanos, 0, all, at, x.n);
                at += x.n;
            }
        }
        Arrays.sort(all);
        int port = t.requests().get(0).url().port();
        LongAdder connects = connectsByPort.get(port);
        return new Report(t.name(), requests, errors, wrong, elapsed / 1e9, percentileMs(all, 50), percentileMs(all, 90),
                percentileMs(all, 99), percentileMs(all, 99.9), percentileMs(all, 100), connects == null ? 0 : connects.sum(),
                roundRps);
    }

    /** Nearest-rank percentile of sorted nanoseconds, in milliseconds (NaN when there are none). */
    static double percentileMs(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }

    static Map<String, String> fields(String text) {
        Map<String, String> f = new HashMap<>();
        for (String part : text.trim().split("\\s+")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                f.put(part.substring(0, eq), part.substring(eq + 1));
            }
        }
        return f;
    }

    /**
     * The lookup target: for each key line ({@code customerId<TAB>search text}) a search as the
     * desktop's search box sends it, with the agent's token; a right answer lists that customer.
     */
    static Target lookupTarget(String baseUrl, String token, List<String> keyLines, int limit) {
        HttpUrl base = HttpUrl.get(baseUrl).newBuilder().addPathSegments("api/v1/customers").build();
        List<Request> requests = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (String line : keyLines) {
            int tab = line.indexOf('\t');
            if (tab <= 0) {
                continue;
            }
            HttpUrl url = base.newBuilder().addQueryParameter("q", line.substring(tab + 1))
                    .addQueryParameter("limit", Integer.toString(limit)).build();
            requests.add(new Request.Builder().url(url).header("Authorization", "Bearer " + token).get().build());
            // customers are answered as {"id":N,...}: the id, then the next field
            expected.add("\"id\":" + line.substring(0, tab) + ",");
        }
        return new Target("lookup", requests, expected);
    }

    static Target bareTarget(String url) {
        return new Target("bare", List.of(new Request.Builder().url(url).get().build()), List.of(BareHelloApp.BODY));
    }

    /**
     * {@code RestLoadGenerator threads=8 warmUpMs=.. measureMs=.. rounds=.. serverUrl=.. tokenFile=..
     * keysFile=.. limit=.. bareUrl=..}
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> a = fields(String.join(" ", args));
        String token = Files.readString(Path.of(a.get("tokenFile")), StandardCharsets.UTF_8).trim();
        List<String> keys = Files.readAllLines(Path.of(a.get("keysFile")), StandardCharsets.UTF_8);
        Plan plan = new Plan(Integer.parseInt(a.get("threads")), Duration.ofMillis(Long.parseLong(a.get("warmUpMs"))),
                Duration.ofMillis(Long.parseLong(a.get("measureMs"))), Integer.parseInt(a.get("rounds")),
                lookupTarget(a.get("serverUrl"), token, keys, Integer.parseInt(a.get("limit"))),
                bareTarget(a.get("bareUrl")));
        new RestLoadGenerator(plan).run(System.out);
        System.exit(0);
    }
}
