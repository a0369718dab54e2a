package dev.switchboard.app.bench;

import dev.switchboard.api.EventTypes;
import dev.switchboard.api.IngestRequest;
import dev.switchboard.api.OfferEvent;
import dev.switchboard.api.QueueView;
import dev.switchboard.api.WrapUpRequest;
import dev.switchboard.client.EventListener;
import dev.switchboard.client.EventSubscription;
import dev.switchboard.client.HttpSwitchboardApi;
import dev.switchboard.client.StreamEvent;
import dev.switchboard.domain.Channel;
import dev.switchboard.domain.Direction;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * P2 end to end: a contact enqueued at the server (its creation time, stamped when the server
 * receives it) until the offer reaches the agent's client over the event stream. The server runs
 * the benchmark's centre in its own process (queues over 50 skills, simulated colleagues); this
 * process sends the contacts over the API at the stated rate and signs in some of the agents as
 * real clients, which accept each offer on arrival and end it after the handle time.
 */
final class RoutingLatencyBench {

    record Settings(int customers, int agents, int clients, int queues, double ratePerSecond, Duration handle,
                    Duration duration, Duration warmUp, Path dataDir, String heap) {
        String workload() {
            return String.format(Locale.ROOT, "%,d agents (%d of them clients over the event stream, measured; the rest "
                            + "simulated in the server), %,d queues needing 1-2 of 50 skills, agents with 10 skills each, "
                            + "%.0f contacts/s sent over the API, handled %d s, %d s measured after %d s warm-up",
                    agents, clients, queues, ratePerSecond, handle.toSeconds(), duration.toSeconds(), warmUp.toSeconds());
        }
    }

    record Result(Samples samples, long sent, double sentPerSecond, long sendErrors, long duplicateOffers,
                  int waitingAtEnd, long serverRss) {
    }

    private final Settings s;
    private final BenchDatabase database;
    private final Consumer<String> log;

    RoutingLatencyBench(Settings settings, BenchDatabase database, Consumer<String> log) {
        this.s = settings;
        this.database = database;
        this.log = log;
    }

    /** The server's arguments: the benchmark's centre on the data set's generated customers. */
    List<String> serverArgs() {
        List<String> args = new ArrayList<>(List.of("--host", "127.0.0.1", "--port", "0"));
        args.addAll(database.serverArgs(s.dataDir()));
        args.addAll(List.of("--customers", Integer.toString(s.customers()),
                "--bench-queues", Integer.toString(s.queues()),
                "--simulated-agents", Integer.toString(s.agents() - s.clients()),
                "--bench-agents", Integer.toString(s.clients()),
                "--simulated-handle", Long.toString(s.handle().toSeconds())));
        return args;
    }

    Result run() throws Exception {
        // a fresh data set every run: contacts an earlier run left waiting would be recovered into the
        // queues, and the run would measure that backlog rather than routing with free agents (20,000
        // customers take seconds to generate)
        database.delete(s.dataDir());
        database.prepare(s.dataDir(), s.customers(), log);
        List<String> args = serverArgs();
        Samples samples = new Samples();
        Map<Long, Long> offeredTo = new ConcurrentHashMap<>();
        AtomicLong duplicates = new AtomicLong();
        AtomicLong sent = new AtomicLong();
        AtomicLong sendErrors = new AtomicLong();
        List<EventSubscription> streams = new ArrayList<>();
        ScheduledExecutorService work = Executors.newScheduledThreadPool(8);
        try (ServerProcess server = ServerProcess.start(args, s.heap(), Duration.ofHours(1), log)) {
            HttpSwitchboardApi feeder = new HttpSwitchboardApi(server.baseUrl());
            feeder.login("supervisor", "supervisor");
            List<Long> queues = feeder.config().queues().stream().filter(q -> q.name().startsWith("Bench "))
                    .map(QueueView::id).toList();
            Instant measureFrom = Instant.now().plus(s.warmUp());
            for (int i = 1; i <= s.clients(); i++) {
                String user = String.format("bench%03d", i);
                HttpSwitchboardApi api = new HttpSwitchboardApi(server.baseUrl());
                long seq = api.login(user, user).eventSeq();
                streams.add(api.subscribe(seq, new EventListener() {
                    @Override
                    public void onEvent(StreamEvent e) {
                        if (!EventTypes.OFFER.equals(e.type())) {
                            return;
                        }
                        Instant received = Instant.now();
                        OfferEvent offer = (OfferEvent) e.payload();
                        Instant created = offer.pop().interaction().createdAt();
                        if (offeredTo.putIfAbsent(offer.interactionId(), offer.agentId()) != null) {
                            duplicates.incrementAndGet();
                        }
                        if (!created.isBefore(measureFrom)) {
                            samples.add(Duration.between(created, received).toNanos() / 1e6);
                        }
                        work.execute(() -> answer(api, offer.interactionId(), work));
                    }
                }));
            }
            log.accept(s.clients() + " clients signed in; sending " + s.ratePerSecond() + " contacts/s");
            Random random = new Random(11);
            Channel[] channels = Channel.values();
            AtomicInteger n = new AtomicInteger();
            long periodNanos = Math.round(1e9 / s.ratePerSecond());
            // the pacer only hands contacts out at the rate; senders overlap, as many channels would.
            // Enough of them that a slow answer does not slow the arrivals: 16 capped a loaded 2-core
            // machine at about 300 contacts/s, when each ingest took 50 ms
            var pacer = Executors.newSingleThreadScheduledExecutor();
            var senders = Executors.newFixedThreadPool(64);
            Instant started = Instant.now();
            pacer.scheduleAtFixedRate(() -> {
                int k = n.incrementAndGet();
                long queue = queues.get(Math.floorMod(k * 7919 + random.nextInt(queues.size()), queues.size()));
                Channel channel = channels[k % channels.length];
                String address = channel.addressKind() == dev.switchboard.domain.ContactKind.PHONE
                        ? String.format("+4477009%05d", k % 100_000) : "bench" + k + "@example.net";
                senders.execute(() -> {
                    try {
                        feeder.ingest(new IngestRequest(channel, Direction.INBOUND, address, "Bench " + k, null, queue,
                                null));
                        sent.incrementAndGet();
                    } catch (RuntimeException e) {
                        sendErrors.incrementAndGet();
                    }
                });
            }, 0, periodNanos, TimeUnit.NANOSECONDS);
            Thread.sleep(s.warmUp().plus(s.duration()).toMillis());
            pacer.shutdownNow();
            senders.shutdownNow();
            double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
            int waiting = feeder.queue().size();
            long rss = server.residentBytes();
            work.shutdownNow();
            streams.forEach(EventSubscription::close);
            return new Result(samples, sent.get(), sent.get() / seconds, sendErrors.get(), duplicates.get(), waiting, rss);
        }
    }

    private void answer(HttpSwitchboardApi api, long id, ScheduledExecutorService work) {
        try {
            api.accept(id);
            work.schedule(() -> {
                try {
                    api.end(id);
                    api.wrapUp(id, new WrapUpRequest(null, null, null));
                } catch (RuntimeException e) {
                    log.accept("end " + id + ": " + e.getMessage());
                }
            }, s.handle().toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            log.accept("accept " + id + ": " + e.getMessage());
        }
    }
}
