package dev.switchboard.server;

import dev.switchboard.api.IngestRequest;
import dev.switchboard.domain.Channel;
import dev.switchboard.domain.Interaction;
import dev.switchboard.domain.InteractionState;
import dev.switchboard.store.InteractionStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Simulated colleagues who had a contact in hand when the server stopped finish it when the server
 * starts again, so their capacity is not held for good.
 */
class SimulatedColleaguesRestartTest {

    @Test
    void aContactAColleagueHeldWhenTheServerStoppedIsEndedAndWrappedUpAfterTheRestart(@TempDir Path dir) {
        // a hundred colleagues and one queue of the benchmark's centre (its seed gives some of them the
        // queue's skills); they would hold each contact for an hour
        ServerOptions options = new ServerOptions("127.0.0.1", 0, dir.resolve("server"), null, null, null, null, 0, 1,
                0, "GB", null, null, 100, 0, 1, Duration.ofHours(1), null, false, null, Clock.systemUTC());
        long id;
        try (SwitchboardServer first = SwitchboardServer.start(options)) {
            // the benchmark's queue: its skills are the colleagues' (the benchmark's centre gives them its own)
            long queue = first.work().queues().stream().filter(q -> q.name().startsWith("Bench ")).findFirst()
                    .orElseThrow().id();
            id = first.contacts().ingest(new IngestRequest(Channel.EMAIL, null, "held@customer.example", "Held over",
                    null, queue, null)).interaction().id();
            InteractionStore stored = new InteractionStore(first.database().dataSource());
            await().atMost(Duration.ofSeconds(20)).until(() -> stored.find(id).orElseThrow().state() == InteractionState.ACTIVE);
        }

        try (SwitchboardServer second = SwitchboardServer.start(options)) {
            InteractionStore stored = new InteractionStore(second.database().dataSource());
            Interaction held = stored.find(id).orElseThrow();
            assertThat(held.state()).as("still in hand when the server starts again").isEqualTo(InteractionState.ACTIVE);
            await().atMost(Duration.ofSeconds(30)).until(() -> stored.find(id).orElseThrow().state() == InteractionState.ENDED);
            Interaction ended = stored.find(id).orElseThrow();
            assertThat(ended.agentId()).isEqualTo(held.agentId());
            assertThat(ended.routing().disposition()).isNotBlank();
        }
    }
}
