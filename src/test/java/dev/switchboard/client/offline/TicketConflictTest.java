package dev.switchboard.client.offline;

import dev.switchboard.api.NewCustomerRequest;
import dev.switchboard.api.NewTicketRequest;
import dev.switchboard.api.TicketUpdateRequest;
import dev.switchboard.api.TicketView;
import dev.switchboard.client.ApiException;
import dev.switchboard.client.HttpSwitchboardApi;
import dev.switchboard.client.TicketConflict;
import dev.switchboard.client.TicketConflict.Field;
import dev.switchboard.client.TicketConflict.Side;
import dev.switchboard.domain.TicketPriority;
import dev.switchboard.domain.TicketStatus;
import dev.switchboard.server.ServerOptions;
import dev.switchboard.server.SwitchboardServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Two desktops edit the same ticket. What only one of them changed merges on its own; a field both
 * changed is refused with 409 and waits as a conflict with both sides, until the agent picks.
 */
@Timeout(120)
class TicketConflictTest {
    @TempDir
    Path dir;
    private SwitchboardServer server;
    private OfflineApi alex;
    private OfflineApi priya;
    private long ticketId;

    @BeforeEach
    void twoDesktops() throws Exception {
        ServerOptions options = OfflineShiftTest.options(dir, 0);
        server = SwitchboardServer.start(options);
        alex = new OfflineApi(new HttpSwitchboardApi(server.baseUrl()), dir.resolve("alex"), Clock.systemUTC(),
                Duration.ofSeconds(5));
        priya = new OfflineApi(new HttpSwitchboardApi(server.baseUrl()), dir.resolve("priya"), Clock.systemUTC(),
                Duration.ofSeconds(5));
        alex.login("agent", "agent");
        priya.login("supervisor", "supervisor");
        long customer = alex.createCustomer(new NewCustomerRequest("Cora", "Flict", null, List.of(), null)).id();
        ticketId = alex.createTicket(new NewTicketRequest(customer, "Invoice wrong", TicketPriority.NORMAL, null,
                null)).id();
    }

    @AfterEach
    void stop() {
        alex.close();
        priya.close();
        server.close();
    }

    @Test
    void changesToDifferentFieldsMergeOnTheirOwn() {
        TicketView seenByAlex = alex.ticket(ticketId);
        TicketView seenByPriya = priya.ticket(ticketId);
        alex.updateTicket(ticketId, new TicketUpdateRequest(null, TicketStatus.PENDING, null, seenByAlex.version(), null));

        TicketView merged = priya.updateTicket(ticketId, new TicketUpdateRequest("Invoice 4711 wrong", null,
                TicketPriority.HIGH, seenByPriya.version(), null));

        assertThat(merged.status()).as("Alex's change kept").isEqualTo(TicketStatus.PENDING);
        assertThat(merged.subject()).isEqualTo("Invoice 4711 wrong");
        assertThat(merged.priority()).isEqualTo(TicketPriority.HIGH);
        assertThat(priya.status().conflicts()).isEmpty();
        assertThat(alex.ticket(ticketId)).satisfies(t -> {
            assertThat(t.status()).isEqualTo(TicketStatus.PENDING);
            assertThat(t.priority()).isEqualTo(TicketPriority.HIGH);
        });
    }

    @Test
    void theSameFieldChangedOnBothDesktopsWaitsForTheAgentWithBothSides() {
        TicketView seenByAlex = alex.ticket(ticketId);
        TicketView seenByPriya = priya.ticket(ticketId);
        alex.updateTicket(ticketId, new TicketUpdateRequest(null, TicketStatus.SOLVED, null, seenByAlex.version(), null));

        assertThatThrownBy(() -> priya.updateTicket(ticketId, new TicketUpdateRequest("Refund sent", TicketStatus.PENDING,
                null, seenByPriya.version(), null)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(409));
        await().atMost(Duration.ofSeconds(10)).until(() -> !priya.status().conflicts().isEmpty());

        TicketConflict conflict = priya.status().conflicts().get(0);
        assertThat(conflict.ticketId()).isEqualTo(ticketId);
        assertThat(conflict.fields()).containsExactly(Field.STATUS);
        assertThat(conflict.baseValue(Field.STATUS)).isEqualTo(TicketStatus.OPEN);
        assertThat(conflict.mineValue(Field.STATUS)).isEqualTo(TicketStatus.PENDING);
        assertThat(conflict.theirsValue(Field.STATUS)).isEqualTo(TicketStatus.SOLVED);
        assertThat(conflict.merged().subject()).as("only Priya changed the subject").isEqualTo("Refund sent");
        assertThat(server.baseUrl()).isNotNull();
        assertThat(priya.status().failed()).as("a conflict is not a plain refusal").isEmpty();

        priya.resolve(conflict, conflict.resolve(Map.of(Field.STATUS, Side.MINE)));
        await().atMost(Duration.ofSeconds(10)).until(() -> priya.status().pendingWrites() == 0);
        assertThat(priya.status().conflicts()).isEmpty();
        TicketView after = alex.ticket(ticketId);
        assertThat(after.status()).isEqualTo(TicketStatus.PENDING);
        assertThat(after.subject()).isEqualTo("Refund sent");
    }

    @Test
    void aConflictMadeOfflineIsFoundWhenTheOutboxIsSent() {
        // Priya's change goes through her outbox without her waiting for it (as when she works offline)
        OfflineApi queued = new OfflineApi(new HttpSwitchboardApi(server.baseUrl()), dir.resolve("priya2"),
                Clock.systemUTC(), Duration.ZERO);
        try (queued) {
            queued.login("supervisor", "supervisor");
            TicketView seenByPriya = queued.ticket(ticketId);
            TicketView seenByAlex = alex.ticket(ticketId);
            alex.updateTicket(ticketId, new TicketUpdateRequest(null, null, TicketPriority.URGENT, seenByAlex.version(),
                    null));
            TicketView shown = queued.updateTicket(ticketId, new TicketUpdateRequest(null, null, TicketPriority.LOW,
                    seenByPriya.version(), null));
            assertThat(shown.priority()).as("shown as she left it while it waits").isEqualTo(TicketPriority.LOW);
            await().atMost(Duration.ofSeconds(10)).until(() -> queued.status().conflicts().size() == 1);
            TicketConflict c = queued.status().conflicts().get(0);
            assertThat(c.fields()).containsExactly(Field.PRIORITY);
            assertThat(c.theirsValue(Field.PRIORITY)).isEqualTo(TicketPriority.URGENT);
            queued.discard(c);
            assertThat(queued.status().conflicts()).isEmpty();
            assertThat(queued.status().failed()).isEmpty();
        }
        assertThat(alex.ticket(ticketId).priority()).isEqualTo(TicketPriority.URGENT);
    }

    @Test
    void aConflictLeftOpenIsThereAgainAfterTheDesktopRestarts() {
        Path profile = dir.resolve("priya3");
        try (OfflineApi first = new OfflineApi(new HttpSwitchboardApi(server.baseUrl()), profile, Clock.systemUTC(),
                Duration.ZERO)) {
            first.login("supervisor", "supervisor");
            TicketView seen = first.ticket(ticketId);
            alex.updateTicket(ticketId, new TicketUpdateRequest(null, TicketStatus.SOLVED, null,
                    alex.ticket(ticketId).version(), null));
            first.updateTicket(ticketId, new TicketUpdateRequest(null, TicketStatus.PENDING, null, seen.version(), null));
            await().atMost(Duration.ofSeconds(10)).until(() -> first.status().conflicts().size() == 1);
        }
        try (OfflineApi again = new OfflineApi(new HttpSwitchboardApi(server.baseUrl()), profile, Clock.systemUTC(),
                Duration.ofSeconds(5))) {
            again.login("supervisor", "supervisor");
            await().atMost(Duration.ofSeconds(10)).until(() -> again.status().conflicts().size() == 1);
            TicketConflict c = again.status().conflicts().get(0);
            assertThat(c.fields()).containsExactly(Field.STATUS);
            assertThat(c.baseValue(Field.STATUS)).isEqualTo(TicketStatus.OPEN);
            again.resolve(c, c.resolve(Map.of(Field.STATUS, Side.MINE)));
            await().atMost(Duration.ofSeconds(10)).until(() -> again.status().pendingWrites() == 0);
            assertThat(again.status().conflicts()).isEmpty();
        }
        assertThat(alex.ticket(ticketId).status()).isEqualTo(TicketStatus.PENDING);
    }
}
