package dev.switchboard.app.bench;

import dev.switchboard.api.LoginResponse;
import dev.switchboard.api.WrapUpRequest;
import dev.switchboard.client.HttpSwitchboardApi;
import dev.switchboard.desktop.Desktop;
import dev.switchboard.desktop.DesktopLauncher;
import dev.switchboard.desktop.DesktopOptions;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * P1, the screen-pop: a contact arrives at the server (the interaction's creation time, stamped by
 * the server when it receives the contact) until the offered agent's desktop has drawn the card (the
 * first JavaFX pulse after the card's controls hold the pop's data).
 *
 * <p>The server runs in its own process with the generated customers, its traffic simulator sending
 * contacts at the given rate and simulated colleagues taking them; headless desktops in this process
 * sign in as agents. Each accepts a contact once its card is drawn, handles it for the handle time and
 * ends it, so it is offered again in its turn (people are offered contacts before simulated
 * colleagues, who take the rest).
 */
final class ScreenPopBench {

    record Settings(int customers, double interactionsPerCustomer, int agents, int desktops, double ratePerSecond,
                    Duration handle, Duration duration, Duration warmUp, Path dataDir, String heap) {
        String workload() {
            return String.format(Locale.ROOT, "%,d customers, %,.0f interactions, %,d agents online (%d of them "
                            + "headless desktops, measured), %.0f offers/s, each contact handled %d s, %d s measured "
                            + "after %d s warm-up", customers, customers * interactionsPerCustomer, agents, desktops,
                    ratePerSecond, handle.toSeconds(), duration.toSeconds(), warmUp.toSeconds());
        }
    }

    record Result(Samples samples, int pops, long serverRss) {
    }

    private final Settings s;
    private final BenchDatabase database;
    private final Consumer<String> log;
    /** Contacts a desktop accepted and has not ended yet, with the desktop's API. */
    private final Map<Long, HttpSwitchboardApi> handling = new ConcurrentHashMap<>();

    ScreenPopBench(Settings settings, BenchDatabase database, Consumer<String> log) {
        this.s = settings;
        this.database = database;
        this.log = log;
    }

    /** The server's arguments: the generated customers in the data set, traffic and colleagues simulated. */
    List<String> serverArgs() {
        List<String> args = new ArrayList<>(List.of("--host", "127.0.0.1", "--port", "0"));
        args.addAll(database.serverArgs(s.dataDir()));
        args.addAll(List.of("--customers", Integer.toString(s.customers()),
                "--interactions-per-customer", Double.toString(s.interactionsPerCustomer()),
                "--simulate-every", Double.toString(1.0 / s.ratePerSecond()),
                "--simulated-agents", Integer.toString(Math.max(0, s.agents() - s.desktops())),
                "--bench-agents", Integer.toString(s.desktops())));
        return args;
    }

    Result run() throws Exception {
        database.prepare(s.dataDir(), s.customers(), log);
        List<String> args = serverArgs();
        Samples samples = new Samples();
        AtomicInteger pops = new AtomicInteger();
        ScheduledExecutorService answers = Executors.newScheduledThreadPool(4);
        List<Desktop> desktops = new ArrayList<>();
        try (ServerProcess server = ServerProcess.start(args, s.heap(), Duration.ofHours(2), log)) {
            log.accept("server ready at " + server.baseUrl());
            DesktopLauncher.startToolkit();
            Instant measureFrom = Instant.now().plus(s.warmUp());
            for (int i = 1; i <= s.desktops(); i++) {
                String user = String.format("bench%03d", i);
                HttpSwitchboardApi api = new HttpSwitchboardApi(server.baseUrl());
                LoginResponse login = api.login(user, user);
                Desktop d = DesktopLauncher.openSignedIn(new DesktopOptions(server.baseUrl(), List.of(), "light", null),
                        api, login);
                d.onPopDrawn(id -> {
                    Instant drawn = Instant.now();
                    try {
                        answers.execute(() -> record(api, id, drawn, measureFrom, samples, pops, answers));
                    } catch (RejectedExecutionException e) {
                        // the run is over: a pop drawn now is neither measured nor accepted
                    }
                });
                desktops.add(d);
            }
            log.accept(s.desktops() + " desktops signed in; warming up " + s.warmUp().toSeconds() + " s");
            Thread.sleep(s.warmUp().plus(s.duration()).toMillis());
            long rss = server.residentBytes();
            endWhatIsHandled(answers);
            for (Desktop d : desktops) {
                DesktopLauncher.close(d);
            }
            return new Result(samples, pops.get(), rss);
        } finally {
            answers.shutdownNow();
        }
    }

    private void record(HttpSwitchboardApi api, long id, Instant drawn, Instant measureFrom, Samples samples,
                        AtomicInteger pops, ScheduledExecutorService answers) {
        try {
            Instant arrived = api.interaction(id).createdAt();
            pops.incrementAndGet();
            if (!arrived.isBefore(measureFrom)) {
                samples.add(Duration.between(arrived, drawn).toNanos() / 1e6);
            }
            api.accept(id);
            handling.put(id, api);
            answers.schedule(() -> end(api, id), s.handle().toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            log.accept("pop " + id + ": " + e.getMessage());
        }
    }

    private void end(HttpSwitchboardApi api, long id) {
        try {
            api.end(id);
            api.wrapUp(id, new WrapUpRequest("RESOLVED", null, null));
        } catch (RuntimeException e) {
            log.accept("end " + id + ": " + e.getMessage());
        } finally {
            handling.remove(id);
        }
    }

    /**
     * Takes no more pops and ends every contact the desktops accepted: the database is kept for the
     * next run, whose server would otherwise give the benchmark's agents their old contacts back and
     * offer them fewer new ones.
     */
    private void endWhatIsHandled(ScheduledExecutorService answers) throws InterruptedException {
        answers.shutdown(); // the ends already scheduled still run
        if (!answers.awaitTermination(s.handle().toMillis() + 30_000, TimeUnit.MILLISECONDS)) {
            answers.shutdownNow();
        }
        handling.forEach((id, api) -> end(api, id)); // accepted as the scheduler shut down
    }
}
