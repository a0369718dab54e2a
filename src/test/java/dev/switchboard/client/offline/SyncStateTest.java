package dev.switchboard.client.offline;

import dev.switchboard.client.SyncMonitor.SyncStatus;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What the sync status tells its listeners, and when. */
class SyncStateTest {

    private static SyncStatus status(SyncState s) {
        return new SyncStatus(s.online(), s.offlineSince(), null, 0, List.of(), List.of(), List.of(), s.resyncDone(),
                s.resyncTotal(), s.lastError());
    }

    @Test
    void aResyncOverBeforeTheNextNoticeIsStillToldAndTheLastWordIsTheStatusAfterIt() throws Exception {
        AtomicReference<SyncState> self = new AtomicReference<>();
        try (SyncState state = new SyncState(Clock.systemUTC(), () -> status(self.get()))) {
            self.set(state);
            List<SyncStatus> told = new CopyOnWriteArrayList<>();
            state.listen(told::add);

            state.resync(0, 450);
            state.resync(200, 450);
            state.resync(450, 450);
            state.resync(0, 0);

            await().atMost(Duration.ofSeconds(5)).until(() -> !told.isEmpty() && told.get(told.size() - 1).resyncTotal() == 0);
            assertThat(told).first().satisfies(s -> {
                assertThat(s.resyncTotal()).isEqualTo(450);
                assertThat(s.resyncing()).isTrue();
            });
            Thread.sleep(300); // nothing stale comes after the status as it is
            assertThat(told.get(told.size() - 1).resyncTotal()).isZero();
        }
    }

    @Test
    void changesInABurstMakeOneNotice() throws Exception {
        AtomicReference<SyncState> self = new AtomicReference<>();
        try (SyncState state = new SyncState(Clock.systemUTC(), () -> status(self.get()))) {
            self.set(state);
            List<SyncStatus> told = new CopyOnWriteArrayList<>();
            state.listen(told::add);
            for (int i = 0; i < 1_000; i++) {
                state.lost("no answer " + i);
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> !told.isEmpty());
            Thread.sleep(300);
            assertThat(told).singleElement().satisfies(s -> assertThat(s.lastError()).isEqualTo("no answer 999"));
        }
    }
}
