package dev.switchboard.app.bench;

import dev.switchboard.api.IngestRequest;
import dev.switchboard.api.InteractionView;
import dev.switchboard.app.bench.DesktopMemoryBench.Histogram;
import dev.switchboard.app.bench.DesktopMemoryBench.Result;
import dev.switchboard.app.bench.DesktopMemoryBench.Sample;
import dev.switchboard.app.bench.DesktopMemoryBench.Settings;
import dev.switchboard.app.bench.DesktopMemoryBench.Window;
import dev.switchboard.client.HttpSwitchboardApi;
import dev.switchboard.client.offline.CacheFill;
import dev.switchboard.domain.Channel;
import dev.switchboard.domain.Direction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import static dev.switchboard.app.bench.DesktopMemoryBench.histogram;
import static dev.switchboard.app.bench.DesktopMemoryBench.rss;
import static dev.switchboard.app.bench.DesktopMemoryBench.window;

/** P7's shift itself ({@link DesktopMemoryBench}): contacts sent, the desktop watched. */
final class MemoryShift {
    private final Settings s;
    private final ChildJvm desktop;
    private final HttpSwitchboardApi feeder;
    private final List<String> addresses;
    private final Consumer<String> log;
    private final List<Sample> samples = new CopyOnWriteArrayList<>();
    private final List<Long> created = new ArrayList<>();
    private long sendErrors;
    private long startNanos;
    private long firstHourNanos;
    private long endNanos;
    private Histogram firstHourHistogram;
    private Histogram endHistogram;

    MemoryShift(Settings s, ChildJvm desktop, HttpSwitchboardApi feeder, List<String> addresses, Consumer<String> log) {
        this.s = s;
        this.desktop = desktop;
        this.feeder = feeder;
        this.addresses = addresses;
        this.log = log;
    }

    /** The ids of the contacts sent, in order; a failed send counts as a negative id. */
    List<Long> created() {
        return created;
    }

    void run() throws Exception {
        Thread sampler = new Thread(this::sample, "p7-rss");
        sampler.setDaemon(true);
        startNanos = System.nanoTime();
        sample(startNanos);
        sampler.start();
        Random random = new Random(7);
        long interval = (long) (1e9 / s.ratePerSecond());
        long next = startNanos;
        long firstHourAt = (s.contacts() + 7) / 8;
        long deadline = startNanos + s.shiftTimeout().toNanos();
        long lastLog = startNanos;
        while (System.nanoTime() < deadline) {
            long now = System.nanoTime();
            long settled = desktop.status("done") + desktop.status("missed") + desktop.status("dropped");
            if (firstHourNanos == 0 && desktop.status("done") >= firstHourAt) {
                firstHourNanos = now;
                log.accept(String.format(Locale.ROOT, "P7: first eighth of the shift (%d contacts done) after %.0f s, "
                        + "resident set %.0f MB", desktop.status("done"), (now - startNanos) / 1e9,
                        rss(desktop.pid())[0] / 1e6));
                if (Boolean.getBoolean("sb.bench.p7Histograms")) {
                    firstHourHistogram = histogram(desktop.pid(), s.dataDir().resolve("histogram-first-hour.txt"));
                }
            }
            if (created.size() >= s.contacts() && settled >= s.contacts()) {
                break;
            }
            if (created.size() < s.contacts() && now >= next
                    && created.size() - settled < s.maxOutstanding()) {
                send(random, created.size());
                next = Math.max(next + interval, now - interval);
            } else {
                Thread.sleep(2);
            }
            if (now - lastLog > 10_000_000_000L) {
                lastLog = now;
                log.accept(String.format(Locale.ROOT, "P7: %.0f s: %d sent, %d done, %d on the desk, resident set "
                                + "%.0f MB", (now - startNanos) / 1e9, created.size(), desktop.status("done"),
                        desktop.status("onDesk"), rss(desktop.pid())[0] / 1e6));
            }
        }
        // the last status line may be up to a second old: wait for the one that counts the last contact
        long settledBy = System.nanoTime() + 3_000_000_000L;
        while (System.nanoTime() < settledBy && desktop.status("done") + desktop.status("missed")
                + desktop.status("dropped") < created.size()) {
            Thread.sleep(50);
        }
        endNanos = System.nanoTime();
        sample(endNanos);
        if (firstHourNanos == 0) {
            firstHourNanos = endNanos;
        }
        endHistogram = histogram(desktop.pid(), s.dataDir().resolve("histogram-end.txt"));
        sampler.interrupt();
        sampler.join(5_000);
    }

    private void send(Random random, int n) {
        String address = random.nextDouble() < s.unknownShare() || addresses.isEmpty()
                ? "walk-in-" + n + "@shift.example" : addresses.get(random.nextInt(addresses.size()));
        String body = "Hello,\n\nabout my order " + (100_000 + random.nextInt(900_000)) + ": it has not arrived yet "
                + "and the tracking page has not changed for three days. Could you look into it?\n\nThanks";
        try {
            InteractionView v = feeder.ingest(new IngestRequest(Channel.EMAIL, Direction.INBOUND, address,
                    "Shift contact " + n, body, null, null)).interaction();
            created.add(v.id());
        } catch (RuntimeException e) {
            sendErrors++;
            if (sendErrors <= 5) {
                log.accept("P7: sending contact " + n + " failed: " + e.getMessage());
            }
            created.add(-1L - n); // counted as sent and never handled
        }
    }

    private void sample() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                return;
            }
            sample(System.nanoTime());
        }
    }

    private void sample(long now) {
        long[] rss = rss(desktop.pid());
        if (rss[0] > 0) {
            samples.add(new Sample(now, rss[0], rss[1], desktop.lastStatus()));
        }
    }

    Result result(Map<String, Integer> atStart, Map<String, Integer> atEnd, long handledAtServer,
                  Map<String, Integer> unhandled, List<String> flags, Map<String, Long> filesAtStart,
                  Map<String, Long> filesAtEnd) {
        // the shift's samples only: none taken during or after the end histogram's full collection
        List<Sample> all = samples.stream().filter(x -> x.nanos() <= endNanos).toList();
        long windowNanos = s.window().toNanos();
        Window first = window(all, firstHourNanos, windowNanos, startNanos);
        Window last = window(all, endNanos, windowNanos, startNanos);
        Sample peak = all.stream().max(Comparator.comparingLong(Sample::rssBytes)).orElseThrow();
        long valid = created.stream().filter(id -> id > 0).count();
        return new Result(all, first, last, peak.rssBytes(), (peak.nanos() - startNanos) / 1e9, valid, sendErrors,
                atStart, atEnd, desktop.lastStatus(), handledAtServer, unhandled, (endNanos - startNanos) / 1e9,
                endHistogram, firstHourHistogram, flags, CacheFill.total(atStart), filesAtStart, filesAtEnd);
    }
}
