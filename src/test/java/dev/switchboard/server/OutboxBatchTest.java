package dev.switchboard.server;

import dev.switchboard.api.NewCustomerRequest;
import dev.switchboard.api.NewTicketRequest;
import dev.switchboard.api.NoteRequest;
import dev.switchboard.api.TicketNoteView;
import dev.switchboard.api.TicketUpdateRequest;
import dev.switchboard.api.TicketView;
import dev.switchboard.client.HttpSwitchboardApi;
import dev.switchboard.client.outbox.Outbox;
import dev.switchboard.client.outbox.OutboxEntry;
import dev.switchboard.client.outbox.OutboxSender;
import dev.switchboard.domain.TicketPriority;
import dev.switchboard.domain.TicketStatus;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A backlog goes out in batches against the real server: every write once, in order, in few requests. */
class OutboxBatchTest {

    @Test
    void aBacklogGoesOutInBatchesInOrder(@TempDir Path dir) {
        try (SwitchboardServer server = SwitchboardServer.start(ServerOptions.inMemory("outbox-batch-" + System.nanoTime(), 0));
             Outbox outbox = Outbox.open(dir.resolve("outbox"))) {
            HttpSwitchboardApi api = new HttpSwitchboardApi(server.baseUrl());
            String token = api.login("agent", "agent").token();
            long customer = api.createCustomer(new NewCustomerRequest("Bat", "Ch", null, List.of(), null)).id();
            TicketView ticket = api.createTicket(new NewTicketRequest(customer, "Backlog", TicketPriority.NORMAL, null, null));

            for (int i = 1; i <= 230; i++) {
                outbox.add("POST", "/api/v1/tickets/" + ticket.id() + "/notes", new NoteRequest("note " + i), "note " + i);
                if (i == 60) {
                    // made offline after seeing the ticket as it was: the notes before it are the agent's own
                    outbox.add("PATCH", "/api/v1/tickets/" + ticket.id(),
                            new TicketUpdateRequest(null, TicketStatus.PENDING, null, ticket.version(), null), "change");
                }
            }
            // a write the server takes only on its own, in the middle
            outbox.add("POST", "/api/v1/interactions/999999/messages", java.util.Map.of("text", "hello"), "a message");
            outbox.add("POST", "/api/v1/tickets/" + ticket.id() + "/notes", new NoteRequest("last"), "last");

            List<String> requests = new CopyOnWriteArrayList<>();
            List<String> refused = new CopyOnWriteArrayList<>();
            OkHttpClient http = new OkHttpClient.Builder().addInterceptor(chain -> {
                requests.add(chain.request().url().encodedPath());
                return chain.proceed(chain.request());
            }).build();
            // the change carries the version its author saw; in the same batch as the notes before it, the
            // server takes it past them (the desktop itself does so for writes answered earlier)
            try (OutboxSender sender = new OutboxSender(outbox, http, server.baseUrl(), () -> token, Clock.systemUTC(),
                    new OutboxSender.Listener() {
                        @Override
                        public void failed(OutboxEntry e, int status, String message, String responseJson) {
                            refused.add(e.description() + ": " + status);
                        }
                    }, e -> e, 100)) {
                sender.wake();
                await().atMost(Duration.ofSeconds(30)).until(() -> outbox.pendingCount() == 0);
            }

            TicketView after = api.ticket(ticket.id());
            List<String> expected = new ArrayList<>(IntStream.rangeClosed(1, 230).mapToObj(i -> "note " + i).toList());
            expected.add("last");
            assertThat(after.notes()).extracting(TicketNoteView::body).containsExactlyElementsOf(expected);
            assertThat(after.status()).isEqualTo(TicketStatus.PENDING);
            // 100 + 100 + 31, then the message (sent on its own, to a contact that does not exist), then the last
            assertThat(refused).singleElement().asString().startsWith("a message: 4");
            assertThat(requests).containsExactly("/api/v1/batch", "/api/v1/batch", "/api/v1/batch",
                    "/api/v1/batch", "/api/v1/interactions/999999/messages", "/api/v1/tickets/" + ticket.id() + "/notes");
        }
    }
}
