package dev.switchboard.app;

import dev.switchboard.client.HttpSwitchboardApi;
import dev.switchboard.client.ServerCertificate;
import dev.switchboard.client.offline.CacheFill;
import dev.switchboard.client.offline.OfflineApi;
import dev.switchboard.desktop.DemoAccount;
import dev.switchboard.desktop.DesktopLauncher;
import dev.switchboard.desktop.DesktopOptions;
import dev.switchboard.desktop.bench.ShiftWorker;
import dev.switchboard.server.DemoAccounts;
import dev.switchboard.server.ServerOptions;
import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.security.SecurityOptions;
import dev.switchboard.server.security.SelfSignedCertificate;
import dev.switchboard.server.security.TlsSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.IntConsumer;

/**
 * {@code switchboard desktop} (the default): the agent desktop. With {@code --server} it connects
 * to a running server; without, it starts one in this process on loopback (the embedded default),
 * with an H2 file in the data directory, demo data on first start and simulated traffic.
 */
@Command(name = "desktop", mixinStandardHelpOptions = true, description = "Start the agent desktop (default).")
final class DesktopCommand implements Callable<Integer> {
    @Option(names = "--server", description = "Connect to this server instead of starting one, e.g. https://switchboard.example.com:8443 or http://10.0.0.5:8080.")
    String server;

    @Option(names = "--trust-cert", paramLabel = "FILE", description = "With --server https://...: trust the server "
            + "certificate in this file (PEM or DER), e.g. a team server's self-signed one, instead of the usual certificate authorities.")
    Path trustCert;

    @Option(names = "--user", description = "With --server: sign in as this user at start, with the password in "
            + "SWITCHBOARD_PASSWORD (without it the login window asks for the password).")
    String user;

    @Option(names = "--data-dir", description = "Data directory of the embedded server (default: the user's data directory).")
    Path dataDir;

    @Option(names = "--customers", description = "Demo customers generated on first start (default: ${DEFAULT-VALUE}).")
    int customers = 5000;

    @Option(names = "--simulate-every", description = "Seconds between simulated contacts (default: ${DEFAULT-VALUE}).")
    double simulateEvery = 6;

    @Option(names = "--no-simulator", description = "Start the embedded server without simulated traffic.")
    boolean noSimulator;

    @Option(names = "--offer-timeout", description = "Seconds an agent has to accept an offer, for every queue (default: each queue's own).")
    Integer offerTimeoutSeconds;

    @Option(names = "--region", description = "Region for numbers without a country code (default: ${DEFAULT-VALUE}).")
    String region = "GB";

    @Option(names = "--theme", description = "light or dark (default: ${DEFAULT-VALUE}).")
    String theme = "light";

    @Override
    public Integer call() throws Exception {
        String chosenTheme = theme.toLowerCase(Locale.ROOT).equals("dark") ? "dark" : "light";
        if (server != null) {
            ServerCertificate trust = trustCert == null ? null : ServerCertificate.load(trustCert);
            try (OfflineApi api = new OfflineApi(new HttpSwitchboardApi(server, trust), profilesFor(server))) {
                if (Integer.getInteger("sb.bench.fillCache") != null && user != null) {
                    fillCache(api);
                    return 0;
                }
                benchShift();
                DesktopLauncher.runRemote(new DesktopOptions(server, List.of(), chosenTheme, null,
                        user == null ? null : new DesktopOptions.SignIn(user, System.getenv("SWITCHBOARD_PASSWORD")),
                        startMarker()), api);
            }
            return 0;
        }
        Path dir = dataDir != null ? dataDir : DataDirs.defaultDir();
        List<DemoAccount> accounts = DemoAccounts.PEOPLE.stream()
                .map(a -> new DemoAccount(a.username(), a.password(), a.role()))
                .toList();
        Holder held = new Holder();
        try {
            DesktopLauncher.runEmbedded(chosenTheme, progress -> {
                Optional<InstanceLock> lock = InstanceLock.tryAcquire(dir);
                if (lock.isEmpty()) {
                    return new DesktopLauncher.Outcome.InUse(dir.toString(),
                            InstanceLock.publishedAddress(dir).orElse(null), accounts);
                }
                held.lock = lock.get();
                ServerOptions options = new ServerOptions("127.0.0.1", 0, dir, null, null, null, null, customers, 42L,
                        5.0, region, offerTimeoutSeconds == null ? null : Duration.ofSeconds(offerTimeoutSeconds),
                        noSimulator ? null : Duration.ofMillis((long) (simulateEvery * 1000)), 8, 0, 0, null, null, !noSimulator,
                        null, Clock.systemUTC());
                // https on loopback with a certificate made once for this data directory, trusted by this desktop alone
                TlsSettings tls = SelfSignedCertificate.ensure(dir);
                held.server = SwitchboardServer.start(options, progress::update, SecurityOptions.DEFAULT.withTls(tls));
                held.lock.publish(held.server.baseUrl());
                return new DesktopLauncher.Outcome.Started(held.server.baseUrl(), dir.toString(), accounts);
            }, url -> held.open(new OfflineApi(new HttpSwitchboardApi(url,
                    ServerCertificate.load(SelfSignedCertificate.certificateFile(dir))), dir.resolve("desktop-profiles"))));
        } finally {
            held.apis.forEach(OfflineApi::close);
            if (held.server != null) {
                held.server.close();
            }
            if (held.lock != null) {
                held.lock.close();
            }
        }
        return 0;
    }

    /**
     * With {@code -Dsb.startupMarker=true} (the benchmark's P6), one line on standard output when the
     * queue is first usable: shown, loaded and live.
     */
    private static IntConsumer startMarker() {
        if (!Boolean.getBoolean("sb.startupMarker")) {
            return null;
        }
        return waiting -> {
            System.out.println("Switchboard queue usable: " + waiting + " waiting");
            System.out.flush();
        };
    }

    /**
     * With {@code -Dsb.bench.fillCache=N} (the benchmark's P7): instead of opening the desktop, fills the
     * agent's copy on this computer to N records by opening customers' cards, prints what it holds, and ends.
     */
    private void fillCache(OfflineApi api) {
        java.util.Map<String, Integer> counts = CacheFill.fill(api, user, System.getenv("SWITCHBOARD_PASSWORD"),
                Integer.getInteger("sb.bench.fillCache"), System.out::println);
        System.out.println("Switchboard cache filled: " + CacheFill.total(counts) + " " + counts);
        System.out.flush();
    }

    /**
     * With {@code -Dsb.bench.shiftHandleMillis=N} (the benchmark's P7), a worker takes every offer at the
     * main window and handles each contact for N ms (see ShiftWorker).
     */
    private static void benchShift() {
        Integer handle = Integer.getInteger("sb.bench.shiftHandleMillis");
        if (handle == null) {
            return;
        }
        DesktopLauncher.startToolkit();
        ShiftWorker.start(Duration.ofMillis(handle), line -> {
            System.out.println(line);
            System.out.flush();
        });
    }

    /**
     * Where a desktop against a remote server keeps each agent's copy and outbox: one folder per server
     * address, so two centres never mix.
     */
    static Path profilesFor(String serverUrl) {
        String name = serverUrl.replaceFirst("^[a-zA-Z]+://", "").replaceAll("[^A-Za-z0-9._-]", "_");
        return DataDirs.defaultDir().resolve("profiles").resolve(name);
    }

    /** What the embedded start left open, closed when the desktop ends. */
    private static final class Holder {
        InstanceLock lock;
        SwitchboardServer server;
        final List<OfflineApi> apis = new java.util.ArrayList<>();

        OfflineApi open(OfflineApi api) {
            apis.add(api);
            return api;
        }
    }
}
