package dev.switchboard.client.offline;

import dev.switchboard.api.CustomerSummary;
import dev.switchboard.api.NewCustomerRequest;
import dev.switchboard.api.NewTicketRequest;
import dev.switchboard.api.SyncPage;
import dev.switchboard.api.SyncRequest;
import dev.switchboard.api.TicketUpdateRequest;
import dev.switchboard.api.TicketView;
import dev.switchboard.client.ApiException;
import dev.switchboard.client.HttpSwitchboardApi;
import dev.switchboard.client.SyncMonitor.SyncStatus;
import dev.switchboard.domain.TicketPriority;
import dev.switchboard.domain.TicketStatus;
import dev.switchboard.server.ServerOptions;
import dev.switchboard.server.SwitchboardServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A desktop that was closed while the centre went on: when it signs in again, what it holds is
 * brought up to date in bounded pages, with progress, and only changed tickets travel.
 */
@Timeout(180)
class OfflineResyncTest {

    @Test
    void aDesktopStartedAgainBringsItsCopyUpToDateInPages(@TempDir Path dir) throws Exception {
        ServerOptions options = OfflineShiftTest.options(dir, OfflineShiftTest.freePort());
        SwitchboardServer server = SwitchboardServer.start(options);
        try {
            HttpSwitchboardApi setup = new HttpSwitchboardApi(server.baseUrl());
            setup.login("supervisor", "supervisor");
            List<Long> customers = new ArrayList<>();
            for (int i = 0; i < 450; i++) {
                customers.add(setup.createCustomer(new NewCustomerRequest("Held", "Customer " + i, null, List.of(),
                        null)).id());
            }
            TicketView ticket = setup.createTicket(new NewTicketRequest(customers.get(7), "Changes while away",
                    TicketPriority.NORMAL, null, null));

            Path profiles = dir.resolve("profiles");
            try (OfflineApi first = new OfflineApi(new HttpSwitchboardApi(server.baseUrl()), profiles,
                    Clock.systemUTC(), Duration.ofSeconds(3))) {
                first.login("agent", "agent");
                for (long id : customers) {
                    first.customer(id);
                }
                first.openTickets(customers.get(7));
            }

            // while the desktop is closed, a colleague changes the ticket
            setup.updateTicket(ticket.id(), new TicketUpdateRequest(null, TicketStatus.PENDING, TicketPriority.URGENT,
                    null, null));

            List<SyncStatus> seen = new CopyOnWriteArrayList<>();
            try (OfflineApi again = new OfflineApi(new HttpSwitchboardApi(server.baseUrl()), profiles,
                    Clock.systemUTC(), Duration.ofSeconds(3))) {
                again.listen(seen::add);
                again.login("agent", "agent");
                await().atMost(Duration.ofSeconds(60)).until(() -> seen.stream().anyMatch(s -> s.resyncTotal() == 450)
                        && !again.status().resyncing() && again.status().resyncTotal() == 0);

                server.close(); // now read the copy alone
                assertThat(again.openTickets(customers.get(7))).singleElement().satisfies(t -> {
                    assertThat(t.status()).isEqualTo(TicketStatus.PENDING);
                    assertThat(t.priority()).isEqualTo(TicketPriority.URGENT);
                });
                assertThat(again.search("customer 449", 5)).extracting(CustomerSummary::id)
                        .containsExactly(customers.get(449));
                assertThat(again.status().online()).isFalse();
            }
        } finally {
            server.close();
        }
    }

    @Test
    void aSyncPageAnswersOnlyChangedTicketsAndRefusesOversizedPages(@TempDir Path dir) {
        try (SwitchboardServer server = SwitchboardServer.start(OfflineShiftTest.options(dir, 0))) {
            HttpSwitchboardApi api = new HttpSwitchboardApi(server.baseUrl());
            api.login("agent", "agent");
            long a = api.createCustomer(new NewCustomerRequest("Page", "One", null, List.of(), null)).id();
            TicketView same = api.createTicket(new NewTicketRequest(a, "Unchanged", TicketPriority.LOW, null, null));
            TicketView moved = api.createTicket(new NewTicketRequest(a, "Moved on", TicketPriority.LOW, null, null));
            TicketView now = api.addNote(moved.id(), "a note moves the version");

            SyncPage page = api.syncPage(new SyncRequest(List.of(a, 999_999L),
                    Map.of(same.id(), same.version(), moved.id(), moved.version())));
            assertThat(page.customers()).extracting(CustomerSummary::id).containsExactly(a);
            assertThat(page.missingCustomers()).containsExactly(999_999L);
            assertThat(page.tickets()).extracting(TicketView::id).containsExactly(moved.id());
            assertThat(page.tickets().get(0).version()).isEqualTo(now.version());
            assertThat(page.unchangedTickets()).isEqualTo(1);

            List<Long> tooMany = LongStream.rangeClosed(1, SyncRequest.MAX_CUSTOMERS + 1).boxed().toList();
            assertThatThrownBy(() -> api.syncPage(new SyncRequest(tooMany, Map.of())))
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.error().field()).isEqualTo("customerIds");
                    });
        }
    }
}
