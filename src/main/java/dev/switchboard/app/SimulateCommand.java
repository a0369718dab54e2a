package dev.switchboard.app;

import dev.switchboard.api.ContactPointView;
import dev.switchboard.api.CustomerSummary;
import dev.switchboard.api.IngestRequest;
import dev.switchboard.client.HttpSwitchboardApi;
import dev.switchboard.domain.Channel;
import dev.switchboard.domain.Direction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;

/**
 * {@code switchboard simulate}: sends contacts to a running server over its REST API, as channel
 * connectors would, for demos and load against a team server.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Send simulated contacts to a running server over REST.")
final class SimulateCommand implements Callable<Integer> {
    private static final Channel[] CHANNELS = Channel.values();
    private static final String LETTERS = "abcdefghijklmnoprstw";

    @Option(names = "--server", required = true, description = "Server address, e.g. http://127.0.0.1:8080.")
    String server;

    @Option(names = "--username", description = "Account to send with (default: ${DEFAULT-VALUE}).")
    String username = "supervisor";

    @Option(names = "--password", description = "Its password (default: ${DEFAULT-VALUE}).")
    String password = "supervisor";

    @Option(names = "--every", description = "Seconds between contacts (default: ${DEFAULT-VALUE}).")
    double every = 3;

    @Option(names = "--count", description = "Stop after this many contacts (default: run until stopped).")
    Integer count;

    @Option(names = "--seed", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed = 7;

    @Option(names = "--trust-cert", paramLabel = "FILE", description = "With --server https://...: trust the server "
            + "certificate in FILE (PEM or DER), for a team server with a self-signed certificate.")
    java.nio.file.Path trustCert;

    @Override
    public Integer call() throws InterruptedException {
        try {
            return send();
        } catch (dev.switchboard.client.ServerUnreachableException e) {
            System.err.println("switchboard simulate: " + e.getMessage()
                    + (server.startsWith("https:") && trustCert == null
                    ? " (a server with a self-signed certificate: give it with --trust-cert FILE)" : ""));
        } catch (dev.switchboard.client.ApiException | IllegalArgumentException | java.io.UncheckedIOException e) {
            System.err.println("switchboard simulate: " + e.getMessage());
        }
        return 1;
    }

    private int send() throws InterruptedException {
        HttpSwitchboardApi api = new HttpSwitchboardApi(server,
                trustCert == null ? null : dev.switchboard.client.ServerCertificate.load(trustCert));
        api.login(username, password);
        Random random = new Random(seed);
        for (int sent = 0; count == null || sent < count; sent++) {
            Channel channel = CHANNELS[random.nextInt(CHANNELS.length)];
            String prefix = "" + LETTERS.charAt(random.nextInt(LETTERS.length()))
                    + LETTERS.charAt(random.nextInt(LETTERS.length()));
            List<CustomerSummary> found = api.search(prefix, 20);
            String address = found.stream()
                    .flatMap(c -> c.contactPoints().stream())
                    .filter(p -> p.kind() == channel.addressKind())
                    .map(ContactPointView::value)
                    .findAny()
                    .orElse(String.format("+447700%06d", random.nextInt(1_000_000)));
            if (channel.addressKind() != dev.switchboard.domain.ContactKind.PHONE && address.startsWith("+")) {
                address = "visitor" + random.nextInt(100_000) + "@example.net";
            }
            var r = api.ingest(new IngestRequest(channel, Direction.INBOUND, address, "Simulated " + channel.name().toLowerCase(
                    java.util.Locale.ROOT) + " contact", "Sent by the simulator."));
            System.out.printf("sent %s from %s: %s%n", channel, address, r.match());
            Thread.sleep((long) (every * 1000));
        }
        return 0;
    }
}
