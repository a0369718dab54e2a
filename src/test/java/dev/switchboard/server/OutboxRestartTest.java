package dev.switchboard.server;

import dev.switchboard.api.NewCustomerRequest;
import dev.switchboard.api.NewTicketRequest;
import dev.switchboard.api.NoteRequest;
import dev.switchboard.api.TicketNoteView;
import dev.switchboard.client.HttpSwitchboardApi;
import dev.switchboard.client.outbox.Outbox;
import dev.switchboard.client.outbox.OutboxSender;
import dev.switchboard.domain.TicketPriority;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The desktop's outbox against the real server: notes written while the server is down wait in the
 * outbox, go out in order once it is back (after signing in again), and each is applied exactly once.
 * (A repeat of a write the server already applied is {@code IdempotencyTest}'s.)
 */
class OutboxRestartTest {

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void editsMadeWhileTheServerIsDownArriveOnceWhenItIsBack(@TempDir Path dir) throws IOException {
        ServerOptions options = new ServerOptions("127.0.0.1", freePort(), dir.resolve("server"), null, null, null,
                null, 0, 1, 0, "GB", null, null, 0, 0, 0, null, null, false, null, Clock.systemUTC());
        AtomicReference<String> token = new AtomicReference<>();
        long ticket;
        String base;
        try (Outbox outbox = Outbox.open(dir.resolve("outbox"))) {
            OkHttpClient http = new OkHttpClient();
            OutboxSender sender;
            try (SwitchboardServer first = SwitchboardServer.start(options)) {
                base = first.baseUrl();
                HttpSwitchboardApi api = new HttpSwitchboardApi(base);
                token.set(api.login("agent", "agent").token());
                long customer = api.createCustomer(new NewCustomerRequest("Otto", "Box", null, List.of(), null)).id();
                ticket = api.createTicket(new NewTicketRequest(customer, "Offline edits", TicketPriority.NORMAL, null,
                        null)).id();
                sender = new OutboxSender(outbox, http, base, token::get, Clock.systemUTC(), new OutboxSender.Listener() {
                });
                outbox.add("POST", "/api/v1/tickets/" + ticket + "/notes", new NoteRequest("before the stop"), "note 1");
                sender.wake();
                await().atMost(Duration.ofSeconds(10)).until(() -> outbox.pendingCount() == 0);
            }
            try (sender) {
                // the server is down: the agent keeps working, the outbox keeps the writes
                for (int i = 2; i <= 6; i++) {
                    outbox.add("POST", "/api/v1/tickets/" + ticket + "/notes", new NoteRequest("offline " + i), "note " + i);
                }
                sender.wake();
                assertThat(outbox.pendingCount()).isEqualTo(5);
                try (SwitchboardServer second = SwitchboardServer.start(options)) {
                    // the sender goes on with whichever session it is handed (here a new sign-in)
                    token.set(new HttpSwitchboardApi(second.baseUrl()).login("agent", "agent").token());
                    sender.wake();
                    await().atMost(Duration.ofSeconds(30)).until(() -> outbox.pendingCount() == 0);
                    HttpSwitchboardApi api = new HttpSwitchboardApi(second.baseUrl());
                    api.login("agent", "agent");
                    assertThat(api.ticket(ticket).notes()).extracting(TicketNoteView::body).containsExactly(
                            "before the stop", "offline 2", "offline 3", "offline 4", "offline 5", "offline 6");
                }
            }
        }
    }
}
