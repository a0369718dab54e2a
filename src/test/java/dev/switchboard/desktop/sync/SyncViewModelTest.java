package dev.switchboard.desktop.sync;

import dev.switchboard.client.SyncMonitor.FailedWrite;
import dev.switchboard.client.SyncMonitor.SyncStatus;
import dev.switchboard.desktop.FakeSync;
import dev.switchboard.desktop.Harness;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class SyncViewModelTest {

    @Test
    void onlineWithNothingWaitingTheBannerIsHidden() {
        Harness h = Harness.inline();
        SyncViewModel sync = h.w.sync();
        assertThat(sync.shownProperty().get()).isFalse();
        assertThat(sync.cardMarkProperty().get()).isEmpty();
        assertThat(h.w.main().connectionProperty().get()).isEqualTo("Connected");
    }

    @Test
    void offlineItSaysWhatWaitsAndTheStatusBarAgrees() {
        Harness h = Harness.inline();
        SyncViewModel sync = h.w.sync();
        h.api.sync.set(SyncBannerFxTest.offline(1, List.of("Note on T-5012"), List.of(), List.of()));

        assertThat(sync.shownProperty().get()).isTrue();
        assertThat(sync.headlineProperty().get()).startsWith("Working offline since 09:42 — ");
        assertThat(sync.pendingProperty().get()).isEqualTo("1 change waiting to be sent");
        assertThat(sync.pendingListProperty().get()).isEqualTo("Oldest waiting:\n• Note on T-5012");
        assertThat(sync.lastSyncProperty().get()).isEqualTo("Last synced 09:41");
        assertThat(sync.lastErrorProperty().get()).isEqualTo("Last error: connection refused");
        assertThat(sync.canRetryProperty().get()).isTrue();
        assertThat(h.w.main().connectionProperty().get()).isEqualTo("Working offline");
        assertThat(h.w.main().connectedProperty().get()).isFalse();

        sync.retryNow();
        assertThat(h.api.sync.retries.get()).isEqualTo(1);
    }

    @Test
    void onlineChangesOnTheirWayAreCountedAndTheResyncMeasured() {
        Harness h = Harness.inline();
        SyncViewModel sync = h.w.sync();
        h.api.sync.set(new SyncStatus(true, null, null, 1, List.of("Note"), List.of(), List.of(), 1234, 5000, null));
        assertThat(sync.headlineProperty().get()).isEqualTo("Sending 1 change…");
        assertThat(sync.pendingProperty().get()).isEmpty();
        assertThat(sync.resyncingProperty().get()).isTrue();
        assertThat(sync.resyncTextProperty().get()).isEqualTo("Bringing 1,234 of 5,000 records up to date");
        assertThat(sync.resyncProgressProperty().get()).isEqualTo(1234 / 5000.0);
        assertThat(sync.cardMarkProperty().get()).isEmpty();
    }

    @Test
    void manyRefusalsShowTheOldestFewAndCountTheRest() {
        Harness h = Harness.inline();
        List<FailedWrite> failed = IntStream.rangeClosed(1, 5)
                .mapToObj(i -> new FailedWrite(i, "Note " + i, "Closed", SyncBannerFxTest.SINCE)).toList();
        h.api.sync.set(new SyncStatus(true, null, null, 0, List.of(), failed, List.of(), 0, 0, null));

        List<SyncIssue> issues = h.w.sync().issues();
        assertThat(issues).hasSize(SyncViewModel.SHOWN_ISSUES + 1);
        assertThat(issues.get(0).text()).isEqualTo("A change was refused: Note 1 — Closed");
        assertThat(issues.get(SyncViewModel.SHOWN_ISSUES).text()).isEqualTo("2 more refused changes after these");
        assertThat(issues.get(SyncViewModel.SHOWN_ISSUES).kind()).isEqualTo(SyncIssue.Kind.MORE);

        h.w.sync().dismiss(issues.get(0).failed());
        assertThat(h.api.sync.dismissed).containsExactly(failed.get(0));
        assertThat(h.w.sync().issues().get(0).text()).isEqualTo("A change was refused: Note 2 — Closed");
    }

    @Test
    void aMergeOpenOnAConflictHandledElsewhereCloses() {
        Harness h = Harness.inline();
        var conflict = SyncBannerFxTest.invoiceConflict();
        h.api.sync.set(new SyncStatus(true, null, null, 0, List.of(), List.of(), List.of(conflict), 0, 0, null));
        h.w.sync().review(h.w.sync().issues().get(0).conflict());
        assertThat(h.w.merge().openProperty().get()).isTrue();

        h.api.sync.set(FakeSync.ONLINE);
        assertThat(h.w.merge().openProperty().get()).isFalse();
        assertThat(h.w.sync().shownProperty().get()).isFalse();
    }

    @Test
    void closingTheWorkspaceStopsListening() {
        Harness h = Harness.inline();
        assertThat(h.api.sync.listeners()).isEqualTo(1);
        h.w.close();
        assertThat(h.api.sync.listeners()).isZero();
    }
}
