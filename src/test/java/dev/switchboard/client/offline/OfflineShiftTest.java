package dev.switchboard.client.offline;

import dev.switchboard.api.CustomerSummary;
import dev.switchboard.api.NewContactPoint;
import dev.switchboard.api.NewCustomerRequest;
import dev.switchboard.api.NewTicketRequest;
import dev.switchboard.api.TicketNoteView;
import dev.switchboard.api.TicketUpdateRequest;
import dev.switchboard.api.TicketView;
import dev.switchboard.client.HttpSwitchboardApi;
import dev.switchboard.client.SyncMonitor.SyncStatus;
import dev.switchboard.domain.ContactKind;
import dev.switchboard.domain.TicketPriority;
import dev.switchboard.domain.TicketStatus;
import dev.switchboard.server.ServerOptions;
import dev.switchboard.server.SwitchboardServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A shift with the server stopped in the middle: the desktop keeps working from its copy, every edit
 * made while the server is down waits on this desktop, and once the server is back (it forgot the
 * session: the desktop signs in again on its own) each edit is on the server exactly once.
 */
class OfflineShiftTest {

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static ServerOptions options(Path dir, int port) {
        return new ServerOptions("127.0.0.1", port, dir.resolve("server"), null, null, null, null, 0, 1, 0, "GB", null,
                null, 0, 0, 0, null, null, false, null, Clock.systemUTC());
    }

    @Test
    @Timeout(180)
    void editsMadeWhileTheServerIsDownAreAppliedOnceWhenItIsBack(@TempDir Path dir) throws Exception {
        ServerOptions options = options(dir, freePort());
        List<SyncStatus> statuses = new CopyOnWriteArrayList<>();
        SwitchboardServer server = SwitchboardServer.start(options);
        String base = server.baseUrl();
        try (OfflineApi api = new OfflineApi(new HttpSwitchboardApi(base), dir.resolve("profiles"), Clock.systemUTC(),
                Duration.ofSeconds(3))) {
            api.listen(statuses::add);
            api.login("agent", "agent");
            long customer = api.createCustomer(new NewCustomerRequest("Otto", "Lineman", null,
                    List.of(new NewContactPoint(ContactKind.EMAIL, "otto@example.com", null)), null)).id();
            TicketView ticket = api.createTicket(new NewTicketRequest(customer, "Router keeps dropping",
                    TicketPriority.NORMAL, null, null));
            assertThat(customer).isPositive();
            assertThat(api.openTickets(customer)).extracting(TicketView::id).contains(ticket.id());
            assertThat(api.customer(customer).displayName()).isEqualTo("Otto Lineman");
            assertThat(api.status().online()).isTrue();

            server.close(); // mid-shift: the server goes away

            List<String> notes = new ArrayList<>();
            TicketView shown = null;
            for (int i = 1; i <= 10; i++) {
                String body = "offline note " + i;
                notes.add(body);
                shown = api.addNote(ticket.id(), body);
            }
            assertThat(shown.notes()).extracting(TicketNoteView::body).containsAll(notes);
            TicketView changed = api.updateTicket(ticket.id(), new TicketUpdateRequest(null, TicketStatus.PENDING,
                    TicketPriority.HIGH, ticket.version(), null));
            assertThat(changed.status()).isEqualTo(TicketStatus.PENDING);

            // a customer made offline has a placeholder until the server takes it; writes naming it wait behind it
            CustomerSummary nina = api.createCustomer(new NewCustomerRequest("Nina", "Offline", null,
                    List.of(new NewContactPoint(ContactKind.EMAIL, "nina@example.com", null)), null));
            assertThat(nina.id()).isNegative();
            TicketView ninas = api.createTicket(new NewTicketRequest(nina.id(), "Made on the train",
                    TicketPriority.LOW, null, null));
            api.addNote(ninas.id(), "written before the server had her");

            // the copy answers while the server is away
            SyncStatus offline = api.status();
            assertThat(offline.online()).isFalse();
            assertThat(offline.offlineSince()).isNotNull();
            assertThat(offline.pendingWrites()).isEqualTo(14);
            assertThat(offline.pending()).hasSize(5).first().asString().contains("Note on ticket");
            assertThat(api.search("otto", 10)).extracting(CustomerSummary::id).containsExactly(customer);
            assertThat(api.search("nina@example", 10)).extracting(CustomerSummary::id).containsExactly(nina.id());
            assertThat(api.customer(customer).displayName()).isEqualTo("Otto Lineman");
            assertThat(api.openTickets(customer)).singleElement()
                    .satisfies(t -> assertThat(t.status()).isEqualTo(TicketStatus.PENDING));
            await().atMost(Duration.ofSeconds(5)).until(() -> statuses.stream().anyMatch(s -> !s.online()));

            server = SwitchboardServer.start(options); // back, with every session forgotten
            await().atMost(Duration.ofSeconds(60)).until(() -> api.status().pendingWrites() == 0);
            await().atMost(Duration.ofSeconds(5)).until(() -> api.status().online());
            assertThat(api.status().failed()).isEmpty();
            assertThat(api.status().conflicts()).isEmpty();

            HttpSwitchboardApi check = new HttpSwitchboardApi(server.baseUrl());
            check.login("supervisor", "supervisor");
            TicketView after = check.ticket(ticket.id());
            assertThat(after.notes()).extracting(TicketNoteView::body).containsExactlyElementsOf(notes);
            assertThat(after.status()).isEqualTo(TicketStatus.PENDING);
            assertThat(after.priority()).isEqualTo(TicketPriority.HIGH);
            List<CustomerSummary> found = check.search("nina@example.com", 10);
            assertThat(found).as("created once").hasSize(1);
            List<TicketView> herTickets = check.openTickets(found.get(0).id());
            assertThat(herTickets).singleElement().satisfies(open -> {
                TicketView t = check.ticket(open.id());
                assertThat(t.subject()).isEqualTo("Made on the train");
                assertThat(t.notes()).extracting(TicketNoteView::body).containsExactly("written before the server had her");
            });
            // the placeholder now reads as the real customer
            assertThat(api.customer(nina.id()).id()).isEqualTo(found.get(0).id());
            assertThat(api.search("nina@example.com", 10)).extracting(CustomerSummary::id).containsExactly(found.get(0).id());
        } finally {
            server.close();
        }
    }
}
