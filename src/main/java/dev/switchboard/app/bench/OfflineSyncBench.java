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
 * P9: a desktop works offline and makes its edits (notes, ticket changes, new customers) while the
 * server is down; then the server starts again and the clock runs from the moment it listens until
 * the desktop's outbox is empty. Afterwards every edit is looked up on the server: lost and doubled
 * are counted, not assumed.
 */
final class OfflineSyncBench {

    record Settings(int edits, int tickets, int newCustomers, int statusChanges, Path dataDir) {
        String workload() {
            return String.format(Locale.ROOT, "%,d edits made offline by one desktop (%,d notes on %d tickets, %,d ticket "
                            + "changes, %,d new customers), server in its own process stopped and started again",
                    edits, edits - statusChanges - newCustomers, tickets, statusChanges, newCustomers);
        }
    }

    record Result(long editNanosP50, long editNanosP99, double syncSeconds, long noticedMillis, int lost, int doubled,
                  int failed, int edits) {
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
        Consumer<String> quiet = line -> { };
        ServerProcess server = ServerProcess.start(args, "1g", Duration.ofMinutes(2), quiet);
        List<TicketView> tickets = new ArrayList<>();
        Samples editTimes = new Samples();
        Map<Long, List<String>> notesByTicket = new HashMap<>();
        Map<Long, TicketStatus> statusByTicket = new HashMap<>();
        List<String> newEmails = new ArrayList<>();
        try (OfflineApi desktop = new OfflineApi(new HttpSwitchboardApi(server.baseUrl()), dir.resolve("profiles"),
                Clock.systemUTC(), Duration.ofSeconds(2))) {
            desktop.login("agent", "agent");
            long customer = desktop.createCustomer(new NewCustomerRequest("Bench", "Offline", null, List.of(), null)).id();
            for (int i = 0; i < s.tickets(); i++) {
                tickets.add(desktop.createTicket(new NewTicketRequest(customer, "Offline bench " + i, TicketPriority.NORMAL,
                        null, null)));
            }
            desktop.openTickets(customer);
            server.close();
            log.accept("P9: server stopped; making " + s.edits() + " edits offline");

            int notes = s.edits() - s.statusChanges() - s.newCustomers();
            TicketStatus[] cycle = {TicketStatus.PENDING, TicketStatus.OPEN};
            Map<Long, Long> versions = new HashMap<>();
            tickets.forEach(t -> versions.put(t.id(), t.version()));
            int changes = 0;
            for (int i = 0; i < s.edits(); i++) {
                long start = System.nanoTime();
                if (i % (s.edits() / s.newCustomers()) == 0 && newEmails.size() < s.newCustomers()) {
                    String email = "offline" + newEmails.size() + "@bench.example";
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
                    String body = "offline edit " + i;
                    desktop.addNote(t.id(), body);
                    notesByTicket.computeIfAbsent(t.id(), k -> new ArrayList<>()).add(body);
                }
                editTimes.add((System.nanoTime() - start) / 1e6);
            }
            int pending = desktop.status().pendingWrites();
            log.accept(String.format(Locale.ROOT, "P9: %,d writes waiting on the desktop (%,d notes); starting the server",
                    pending, notes));

            long restartAt;
            server = ServerProcess.start(args, "1g", Duration.ofMinutes(2), quiet);
            restartAt = System.nanoTime();
            Long noticed = null;
            while (desktop.status().pendingWrites() > 0) {
                if (noticed == null && desktop.status().online()) {
                    noticed = (System.nanoTime() - restartAt) / 1_000_000;
                }
                if (System.nanoTime() - restartAt > Duration.ofMinutes(5).toNanos()) {
                    break;
                }
                Thread.sleep(5);
            }
            double syncSeconds = (System.nanoTime() - restartAt) / 1e9;
            int failed = desktop.status().failed().size() + desktop.status().conflicts().size();

            HttpSwitchboardApi check = new HttpSwitchboardApi(server.baseUrl());
            check.login("supervisor", "supervisor");
            int lost = 0;
            int doubled = 0;
            for (TicketView t : tickets) {
                TicketView now = check.ticket(t.id());
                Map<String, Integer> seen = new HashMap<>();
                for (TicketNoteView n : now.notes()) {
                    seen.merge(n.body(), 1, Integer::sum);
                }
                for (String body : notesByTicket.getOrDefault(t.id(), List.of())) {
                    int n = seen.getOrDefault(body, 0);
                    lost += n == 0 ? 1 : 0;
                    doubled += Math.max(0, n - 1);
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
            return new Result(Math.round(editTimes.percentile(50) * 1e6), Math.round(editTimes.percentile(99) * 1e6),
                    syncSeconds, noticed == null ? -1 : noticed, lost, doubled, failed, s.edits());
        } finally {
            server.close();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
