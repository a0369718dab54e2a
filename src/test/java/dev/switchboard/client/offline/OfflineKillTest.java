package dev.switchboard.client.offline;

import dev.switchboard.api.NewCustomerRequest;
import dev.switchboard.api.NewTicketRequest;
import dev.switchboard.api.TicketNoteView;
import dev.switchboard.client.HttpSwitchboardApi;
import dev.switchboard.domain.TicketPriority;
import dev.switchboard.server.ServerOptions;
import dev.switchboard.server.SwitchboardServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The desktop process killed with -9 while its outbox is being sent: it wrote notes while the
 * server was down, the server came back, and the kill lands in the middle of sending them. The next
 * start of the desktop sends the rest: every note the agent was told is saved arrives exactly once.
 */
class OfflineKillTest {
    private static final int NOTES = 3 * Profile.BATCH; // three batches: the kill comes while they still go out

    @Test
    @Timeout(240)
    void aKilledDesktopSendsEverythingOnceAfterItsRestart(@TempDir Path dir) throws Exception {
        ServerOptions options = OfflineShiftTest.options(dir, OfflineShiftTest.freePort());
        Path profiles = dir.resolve("profiles");
        Path printed = dir.resolve("child-out.txt");
        Path errors = dir.resolve("child-err.txt");
        SwitchboardServer server = SwitchboardServer.start(options);
        Process child = null;
        try {
            HttpSwitchboardApi setup = new HttpSwitchboardApi(server.baseUrl());
            setup.login("supervisor", "supervisor");
            long customer = setup.createCustomer(new NewCustomerRequest("Kim", "Killjoy", null, List.of(), null)).id();
            long ticket = setup.createTicket(new NewTicketRequest(customer, "Notes under fire", TicketPriority.NORMAL,
                    null, null)).id();

            child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), OfflineChild.class.getName(), server.baseUrl(),
                    profiles.toString(), Long.toString(ticket), Integer.toString(NOTES))
                    .redirectOutput(printed.toFile()).redirectError(errors.toFile()).start();
            Process c = child;
            await().atMost(Duration.ofSeconds(60)).until(() -> !c.isAlive() || lines(printed).contains("READY"));
            assertThat(child.isAlive()).as("child errors: %s", Files.readString(errors)).isTrue();

            server.close(); // the server goes down; the agent goes on writing notes
            try (OutputStream in = child.getOutputStream()) {
                in.write("go\n".getBytes(StandardCharsets.UTF_8));
            }
            await().atMost(Duration.ofSeconds(90)).until(() -> !c.isAlive() || lines(printed).contains("DONE"));
            assertThat(child.isAlive()).as("child errors: %s", Files.readString(errors)).isTrue();

            // the server comes back; the desktop signs in again and starts sending; kill -9 mid-way
            server = SwitchboardServer.start(options);
            HttpSwitchboardApi check = new HttpSwitchboardApi(server.baseUrl());
            check.login("supervisor", "supervisor");
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                    .until(() -> check.ticket(ticket).notes().size() >= 10);
            child.destroyForcibly();
            assertThat(child.waitFor()).isNotZero();
            int beforeRestart = check.ticket(ticket).notes().size();
            assertThat(beforeRestart).as("killed in the middle of sending").isLessThan(NOTES);

            List<String> acknowledged = lines(printed).stream().filter(l -> l.startsWith("note ")).toList();
            assertThat(acknowledged).hasSize(NOTES);

            // the desktop starts again on the same profile and sends the rest
            try (OfflineApi restarted = new OfflineApi(new HttpSwitchboardApi(server.baseUrl()), profiles,
                    Clock.systemUTC(), Duration.ofSeconds(2))) {
                restarted.login("agent", "agent");
                await().atMost(Duration.ofSeconds(90)).until(() -> restarted.status().pendingWrites() == 0);
                assertThat(restarted.status().failed()).isEmpty();
            }
            List<String> onServer = check.ticket(ticket).notes().stream().map(TicketNoteView::body).toList();
            Map<String, Long> counts = onServer.stream().collect(Collectors.groupingBy(Function.identity(),
                    Collectors.counting()));
            assertThat(counts).as("every note once").allSatisfy((body, n) -> assertThat(n).as(body).isEqualTo(1L));
            assertThat(onServer).as("all of them, in order").containsExactlyElementsOf(acknowledged);
        } finally {
            if (child != null) {
                child.destroyForcibly();
            }
            server.close();
        }
    }

    private static List<String> lines(Path file) throws java.io.IOException {
        String s = Files.readString(file);
        String whole = s.substring(0, s.lastIndexOf('\n') + 1);
        return Arrays.stream(whole.split("\n")).filter(l -> !l.isEmpty()).toList();
    }
}
