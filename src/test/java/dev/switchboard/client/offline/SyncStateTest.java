package dev.switchboard.client.offline;

import dev.switchboard.client.SyncMonitor.SyncStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What the sync status tells its listeners, and when. */
class SyncStateTest {
    private SyncState state;
    private final List<SyncStatus> told = new CopyOnWriteArrayList<>();

    @BeforeEach
    void listen() {
        state = new SyncState(Clock.systemUTC(), () -> new SyncStatus(state.online(), state.offlineSince(), null, 0,
                List.of(), List.of(), List.of(), state.resyncDone(), state.resyncTotal(), state.lastError()));
        state.listen(told::add);
    }

    @AfterEach
    void close() {
        state.close();
    }

    private SyncStatus last() {
        return told.isEmpty() ? null : told.get(told.size() - 1);
    }

    @Test
    void aResyncOverBeforeTheNextNoticeIsStillToldAndTheLastWordIsTheStatusAfterIt() {
        state.resync(0, 450);
        state.resync(200, 450);
        state.resync(450, 450);
        state.resync(0, 0);

        await().atMost(Duration.ofSeconds(5)).until(() -> last() != null && last().resyncTotal() == 0);
        assertThat(told).first().satisfies(s -> {
            assertThat(s.resyncTotal()).isEqualTo(450);
            assertThat(s.resyncing()).isTrue();
        });
        // nothing stale comes after the status as it is
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> last().resyncTotal() == 0);
    }

    @Test
    void changesInABurstMakeOneNotice() {
        for (int i = 0; i < 1_000; i++) {
            state.lost("no answer " + i);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> !told.isEmpty());
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> told.size() == 1);
        assertThat(last().lastError()).isEqualTo("no answer 999");
    }
}
