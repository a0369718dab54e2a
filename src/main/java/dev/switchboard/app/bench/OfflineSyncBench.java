package dev.switchboard.app.bench;

import dev.switchboard.api.CustomerSummary;
import dev.switchboard.api.NewContactPoint;
import dev.switchboard.api.NewCustomerRequest;
import dev.switchboard.api.NewTicketRequest;
import dev.switchboard.api.TicketNoteView;
import dev.switchboard.api.TicketUpdateRequest;
import dev.switchboard.api.TicketView;
import dev.switchboard.client.HttpSwitchboardApi;
import dev.switchboard.client.offline.OfflineApi;
import dev.switchboard.domain.ContactKind;
import dev.switchboard.domain.TicketPriority;
import dev.switchboard.domain.TicketStatus;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * P9: a desktop works offline and makes its edits (notes, ticket changes, new customers) while it
 * cannot reach the server; then it can again, and the clock runs from that moment until the desktop's
 * outbox is empty. Afterwards every edit is looked up on the server: lost and doubled are counted, not
 * assumed.
 *
 * <p>Offline is the desktop's network dropping (a {@link NetworkLink} between it and the server is cut
 * and restored; the server goes on running), or, with {@code serverRestart}, the server's process
 * stopped and started again, so the writes meet a server that has just started.
 */
final class OfflineSyncBench {

    record Settings(int edits, int tickets, int newCustomers, int statusChanges, Path dataDir, boolean serverRestart,
                    int backlogs) {
        String workload() {
            return String.format(Locale.ROOT, "%,d edits made offline by one desktop (%,d notes on %d tickets, %,d ticket "
                            + "changes, %,d new customers), %s",
                    edits, edits - statusChanges - newCustomers, tickets, statusChanges, newCustomers, serverRestart
                            ? "server in its own process stopped and started again"
                            : "the desktop's network cut and restored (a relay on loopback), the server in its own "
                                    + "process running throughout");
        }
    }

    /** One backlog made offline and sent. */
    record Round(long editNanosP50, long editNanosP99, double syncSeconds, long noticedMillis, int lost, int doubled,
                 int failed, int edits) {
        boolean clean() {
            return lost == 0 && doubled == 0 && failed == 0;
        }
    }

    /**
     * Each backlog in turn: the first met a server (and a desktop) just started; the last, measured, a
     * server that has been running (with the server restarted, there is one).
     */
    record Result(List<Round> rounds) {
        Round first() {
            return rounds.get(0);
        }

        Round measured() {
            return rounds.get(rounds.size() - 1);
        }
    }

    private final Settings s;
    private final BenchDatabase database;
    private final Consumer<String> log;

    OfflineSyncBench(Settings s, BenchDatabase database, Consumer<String> log) {
        this.s = s;
        this.database = database;
        this.log = log;
    }

    Result run() throws Exception {
        Path dir = s.dataDir();
        BenchFiles.deleteTree(dir); // the desktop's profile, and the server's H2 file when on H2
        database.delete(dir.resolve("server"));
        int port = freePort();
        List<String> args = new ArrayList<>(List.of("--port", Integer.toString(port), "--host", "127.0.0.1"));
        args.addAll(database.serverArgs(dir.resolve("server")));
        args.addAll(List.of("--customers", "0"));
        Server server = new Server(args, ServerProcess.start(args, "1g", Duration.ofMinutes(2), line -> { }),
                s.serverRestart() ? null : NetworkLink.to("127.0.0.1", port));
        try (OfflineApi desktop = new OfflineApi(new HttpSwitchboardApi(server.desktopUrl()), dir.resolve("profiles"),
                Clock.systemUTC(), Duration.ofSeconds(2))) {
            desktop.login("agent", "agent");
            // a server that has been running has met such writes before: the later backlogs meet it so
            List<Round> rounds = new ArrayList<>();
            for (int n = 1; n <= s.backlogs(); n++) {
                rounds.add(round(desktop, server, n));
            }
            return new Result(rounds);
        } finally {
            server.close();
        }
    }

    /** The server, and the link between it and the desktop (null: offline is the server stopped). */
    private static final class Server implements AutoCloseable {
        private final List<String> args;
        private final NetworkLink link;
        private ServerProcess process;

        Server(List<String> args, ServerProcess process, NetworkLink link) {
            this.args = args;
            this.process = process;
            this.link = link;
        }

        String desktopUrl() {
            return link == null ? process.baseUrl() : link.baseUrl();
        }

        String baseUrl() {
            return process.baseUrl();
        }

        void away() throws Exception {
            if (link == null) {
                process.close();
            } else {
                link.cut();
            }
        }

        void back() throws Exception {
            if (link == null) {
                process = ServerProcess.start(args, "1g", Duration.ofMinutes(2), line -> { });
            } else {
                link.restore();
            }
        }

        @Override
        public void close() throws Exception {
            if (link != null) {
                link.close();
            }
            process.close();
        }
    }

    /** One backlog: tickets read, the server away, the edits made, the server back and the outbox emptied. */
    private Round round(OfflineApi desktop, Server server, int n) throws Exception {
        List<TicketView> tickets = new ArrayList<>();
        Samples editTimes = new Samples();
        Map<Long, List<String>> notesByTicket = new HashMap<>();
        Map<Long, TicketStatus> statusByTicket = new HashMap<>();
        List<String> newEmails = new ArrayList<>();
        long customer = desktop.createCustomer(new NewCustomerRequest("Bench", "Offline " + n, null, List.of(), null)).id();
        for (int i = 0; i < s.tickets(); i++) {
            tickets.add(desktop.createTicket(new NewTicketRequest(customer, "Offline bench " + n + "." + i,
                    TicketPriority.NORMAL, null, null)));
        }
        desktop.openTickets(customer);
        server.away();
        log.accept("P9 (backlog " + n + "): " + (s.serverRestart() ? "server stopped" : "network cut") + "; making "
                + s.edits() + " edits offline");

        int notes = s.edits() - s.statusChanges() - s.newCustomers();
        TicketStatus[] cycle = {TicketStatus.PENDING, TicketStatus.OPEN};
        Map<Long, Long> versions = new HashMap<>();
        tickets.forEach(t -> versions.put(t.id(), t.version()));
        int changes = 0;
        for (int i = 0; i < s.edits(); i++) {
            long start = System.nanoTime();
            if (i % (s.edits() / s.newCustomers()) == 0 && newEmails.size() < s.newCustomers()) {
                String email = "offline" + n + "." + newEmails.size() + "@bench.example";
                desktop.createCustomer(new NewCustomerRequest("Walk", "In " + newEmails.size(), null,
                        List.of(new NewContactPoint(ContactKind.EMAIL, email, null)), null));
                newEmails.add(email);
            } else if (i % (s.edits() / s.statusChanges()) == 1 && changes < s.statusChanges()) {
                TicketView t = tickets.get(i % tickets.size());
                TicketStatus next = cycle[changes % 2];
                TicketView shown = desktop.updateTicket(t.id(), new TicketUpdateRequest(null, next, null,
                        versions.get(t.id()), null));
                statusByTicket.put(t.id(), next);
                changes++;
                versions.put(t.id(), shown.version());
            } else {
                TicketView t = tickets.get(i % tickets.size());
                String body = "offline edit " + n + "." + i;
                desktop.addNote(t.id(), body);
                notesByTicket.computeIfAbsent(t.id(), k -> new ArrayList<>()).add(body);
            }
            editTimes.add((System.nanoTime() - start) / 1e6);
        }
        int pending = desktop.status().pendingWrites();
        log.accept(String.format(Locale.ROOT, "P9 (backlog %d): %,d writes waiting on the desktop (%,d notes); %s",
                n, pending, notes, s.serverRestart() ? "starting the server" : "restoring the network"));

        server.back();
        long backAt = System.nanoTime();
        Long noticed = null;
        while (desktop.status().pendingWrites() > 0) {
            if (noticed == null && desktop.status().online()) {
                noticed = (System.nanoTime() - backAt) / 1_000_000;
            }
            if (System.nanoTime() - backAt > Duration.ofMinutes(5).toNanos()) {
                break;
            }
            Thread.sleep(5);
        }
        double syncSeconds = (System.nanoTime() - backAt) / 1e9;
        int failed = desktop.status().failed().size() + desktop.status().conflicts().size();

        HttpSwitchboardApi check = new HttpSwitchboardApi(server.baseUrl());
        check.login("supervisor", "supervisor");
        int lost = 0;
        int doubled = 0;
        for (TicketView t : tickets) {
            TicketView now = check.ticket(t.id());
            Map<String, Integer> seen = new HashMap<>();
            for (TicketNoteView note : now.notes()) {
                seen.merge(note.body(), 1, Integer::sum);
            }
            for (String body : notesByTicket.getOrDefault(t.id(), List.of())) {
                int count = seen.getOrDefault(body, 0);
                lost += count == 0 ? 1 : 0;
                doubled += Math.max(0, count - 1);
            }
            TicketStatus wanted = statusByTicket.get(t.id());
            if (wanted != null && now.status() != wanted) {
                lost++;
            }
        }
        for (String email : newEmails) {
            List<CustomerSummary> found = check.search(email, 5);
            lost += found.isEmpty() ? 1 : 0;
            doubled += Math.max(0, found.size() - 1);
        }
        return new Round(Math.round(editTimes.percentile(50) * 1e6), Math.round(editTimes.percentile(99) * 1e6),
                syncSeconds, noticed == null ? -1 : noticed, lost, doubled, failed, s.edits());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
