package dev.switchboard.client.offline;

import dev.switchboard.api.CustomerSummary;
import dev.switchboard.api.LoginResponse;
import dev.switchboard.api.NewCustomerRequest;
import dev.switchboard.api.NewTicketRequest;
import dev.switchboard.api.TicketNoteView;
import dev.switchboard.api.TicketView;
import dev.switchboard.client.ApiException;
import dev.switchboard.client.HttpSwitchboardApi;
import dev.switchboard.client.ServerUnreachableException;
import dev.switchboard.domain.TicketPriority;
import dev.switchboard.server.ServerOptions;
import dev.switchboard.server.SwitchboardServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The desktop restarted while the server is away: an agent who signed in on it before signs in
 * against the copy and works offline; once the server answers, the desktop signs in to it on its own
 * and what was written goes out.
 */
@Timeout(120)
class OfflineSignInTest {

    @Test
    void anAgentSignsInOfflineWithTheLastPasswordAndTheirWorkGoesOutLater(@TempDir Path dir) throws Exception {
        ServerOptions options = OfflineShiftTest.options(dir, OfflineShiftTest.freePort());
        Path profiles = dir.resolve("profiles");
        SwitchboardServer server = SwitchboardServer.start(options);
        String base = server.baseUrl();
        long customer;
        long ticket;
        try (OfflineApi first = new OfflineApi(new HttpSwitchboardApi(base), profiles, Clock.systemUTC(),
                Duration.ofSeconds(3))) {
            first.login("agent", "agent");
            customer = first.createCustomer(new NewCustomerRequest("Olga", "Offline", null, List.of(), null)).id();
            ticket = first.createTicket(new NewTicketRequest(customer, "Line down", TicketPriority.HIGH, null, null)).id();
            first.openTickets(customer);
        }
        server.close();
        try (Stream<Path> files = Files.walk(profiles)) {
            assertThat(files.filter(Files::isRegularFile).map(f -> {
                try {
                    return new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1);
                } catch (java.io.IOException e) {
                    return "";
                }
            })).as("no password is stored, only its salted hash").noneMatch(text -> text.contains("\"password\""))
                    .anyMatch(text -> text.contains("\"hash\""));
        }

        try (OfflineApi again = new OfflineApi(new HttpSwitchboardApi(base), profiles, Clock.systemUTC(),
                Duration.ofSeconds(3))) {
            assertThatThrownBy(() -> again.login("agent", "wrong"))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(401));
            assertThatThrownBy(() -> again.login("supervisor", "supervisor"))
                    .as("never signed in here: nothing to check against").isInstanceOf(ServerUnreachableException.class);

            LoginResponse offline = again.login("agent", "agent");
            assertThat(offline.agent().username()).isEqualTo("agent");
            assertThat(again.status().online()).isFalse();
            assertThat(again.status().lastSync()).as("when this desktop last heard from the server").isNotNull();
            assertThat(again.search("olga", 5)).extracting(CustomerSummary::id).containsExactly(customer);
            assertThat(again.openTickets(customer)).extracting(TicketView::id).containsExactly(ticket);
            again.addNote(ticket, "written while signed in offline");
            assertThat(again.status().pendingWrites()).isEqualTo(1);

            server = SwitchboardServer.start(options);
            await().atMost(Duration.ofSeconds(30)).until(() -> again.status().online()
                    && again.status().pendingWrites() == 0);
            HttpSwitchboardApi check = new HttpSwitchboardApi(server.baseUrl());
            check.login("supervisor", "supervisor");
            assertThat(check.ticket(ticket).notes()).extracting(TicketNoteView::body)
                    .containsExactly("written while signed in offline");
        } finally {
            server.close();
        }
    }
}
