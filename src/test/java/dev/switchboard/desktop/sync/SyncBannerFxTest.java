package dev.switchboard.desktop.sync;

import dev.switchboard.api.EventTypes;
import dev.switchboard.api.TicketUpdateRequest;
import dev.switchboard.api.TicketView;
import dev.switchboard.client.SyncMonitor.FailedWrite;
import dev.switchboard.client.SyncMonitor.SyncStatus;
import dev.switchboard.client.TicketConflict;
import dev.switchboard.desktop.Desktop;
import dev.switchboard.desktop.FakeApi;
import dev.switchboard.desktop.FakeSync;
import dev.switchboard.desktop.Fixtures;
import dev.switchboard.domain.TicketPriority;
import dev.switchboard.domain.TicketStatus;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.switchboard.desktop.FxTestSupport.PATIENCE;
import static dev.switchboard.desktop.FxTestSupport.onFx;
import static dev.switchboard.desktop.FxTestSupport.signIn;
import static dev.switchboard.desktop.FxTestSupport.text;
import static dev.switchboard.desktop.FxTestSupport.visible;
import static dev.switchboard.desktop.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The banner of the link to the server, and the merge of a ticket change a colleague's crossed. */
@ExtendWith(ApplicationExtension.class)
class SyncBannerFxTest {
    static final Instant SINCE = Fixtures.NOW.minusSeconds(18 * 60);       // 09:42
    static final Instant SYNCED = Fixtures.NOW.minusSeconds(19 * 60);      // 09:41

    private final FakeApi api = new FakeApi();
    private Desktop desktop;

    @Start
    void start(Stage stage) {
        desktop = Fixtures.startDesktop(api, stage);
    }

    @Stop
    void stop() {
        desktop.stop();
    }

    @Test
    void offlineTheBannerSaysSinceWhenWhatWaitsAndWhenItLastSynced(FxRobot robot) {
        signedInFollowingTheStore(robot);
        assertThat(visible(robot, ".sync")).isFalse();
        assertThat(onFx(() -> robot.lookup(".sync").query().isManaged())).isFalse();
        api.emit(EventTypes.OFFER, Fixtures.offerFromAda(api, 501));
        waitUntil(() -> text(robot, "#name").equals("Ada Lovelace"));
        assertThat(visible(robot, "#offlineMark")).isFalse();

        api.sync.set(offline(3, List.of("Note on T-5012", "Status of T-4870: Pending"), List.of(), List.of()));

        waitUntil(() -> visible(robot, ".sync"));
        assertThat(text(robot, ".sync #syncHeadline")).isEqualTo("Working offline since 09:42 — the server does not "
                + "answer. You can finish your current work, write notes and wrap-up, and search this desktop’s "
                + "copy of customers. New contacts are not offered until the server is back.");
        assertThat(text(robot, "#pendingLabel")).isEqualTo("3 changes waiting to be sent");
        assertThat(onFx(() -> robot.lookup("#pendingLabel").<Label>query().getTooltip().getText()))
                .isEqualTo("Oldest waiting:\n• Note on T-5012\n• Status of T-4870: Pending");
        assertThat(text(robot, "#lastSyncLabel")).isEqualTo("Last synced 09:41");
        assertThat(onFx(() -> robot.lookup("#lastSyncLabel").<Label>query().getTooltip().getText()))
                .isEqualTo("Last error: connection refused");
        assertThat(text(robot, ".customer-pane #offlineMark"))
                .isEqualTo("Offline copy — may be out of date (synced 09:41)");
        assertThat(visible(robot, ".customer-pane #offlineMark")).isTrue();

        robot.clickOn("#syncRetryButton");
        await().atMost(PATIENCE).until(() -> api.sync.retries.get() == 1);

        api.sync.set(FakeSync.ONLINE);
        waitUntil(() -> !visible(robot, ".sync"));
        assertThat(onFx(() -> robot.lookup(".sync").query().isManaged())).isFalse();
        assertThat(visible(robot, ".customer-pane #offlineMark")).isFalse();
    }

    @Test
    void offlineTheSearchResultsSayTheyComeFromThisDesktop(FxRobot robot) {
        signedInFollowingTheStore(robot);
        api.sync.set(new SyncStatus(false, SINCE, null, 0, List.of(), List.of(), List.of(), 0, 0, null));
        waitUntil(() -> visible(robot, ".sync"));
        assertThat(text(robot, "#lastSyncLabel")).isEqualTo("Last synced: never");
        assertThat(visible(robot, "#syncRetryButton")).isTrue();

        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        robot.write("babbage");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> text(robot, "#summaryLabel").startsWith("2 results"));
        assertThat(visible(robot, ".search #offlineMark")).isTrue();
        assertThat(text(robot, ".search #offlineMark"))
                .isEqualTo("Offline: these results come from this desktop’s copy of customers (synced never)");

        api.sync.set(FakeSync.ONLINE);
        waitUntil(() -> !visible(robot, ".search #offlineMark"));
    }

    @Test
    void onlineTheBannerShowsWhatIsSentAndTheResyncProgress(FxRobot robot) {
        signedInFollowingTheStore(robot);
        api.sync.set(new SyncStatus(true, null, SYNCED, 3, List.of("Note on T-5012"), List.of(), List.of(), 120, 1200,
                null));

        waitUntil(() -> visible(robot, ".sync"));
        assertThat(text(robot, ".sync #syncHeadline")).isEqualTo("Sending 3 changes…");
        assertThat(visible(robot, "#lastSyncLabel")).isFalse();
        assertThat(visible(robot, "#resyncBar")).isTrue();
        assertThat(text(robot, "#resyncLabel")).isEqualTo("Bringing 120 of 1,200 records up to date");
        assertThat(onFx(() -> robot.lookup("#resyncBar").<ProgressBar>query().getProgress())).isEqualTo(0.1);

        api.sync.set(new SyncStatus(true, null, SYNCED, 0, List.of(), List.of(), List.of(), 1200, 1200, null));
        waitUntil(() -> !visible(robot, ".sync"));
    }

    @Test
    void aRefusedChangeIsShownWithItsReasonUntilDismissed(FxRobot robot) {
        signedInFollowingTheStore(robot);
        FailedWrite refused = new FailedWrite(31, "Note on T-4811", "The ticket is closed.", SINCE);
        api.sync.set(new SyncStatus(true, null, SYNCED, 0, List.of(), List.of(refused), List.of(), 0, 0, null));

        waitUntil(() -> visible(robot, ".sync-refused"));
        assertThat(text(robot, ".sync-refused .sync-issue-text"))
                .isEqualTo("A change was refused: Note on T-4811 — The ticket is closed.");
        assertThat(visible(robot, ".sync #statusRow")).isFalse();

        robot.clickOn(robot.lookup(".sync-refused .button").<Button>query());
        await().atMost(PATIENCE).until(() -> api.sync.dismissed.equals(List.of(refused)));
        waitUntil(() -> !visible(robot, ".sync"));
    }

    @Test
    void aConflictIsMergedFieldByField(FxRobot robot) {
        signedInFollowingTheStore(robot);
        TicketConflict conflict = invoiceConflict();
        api.sync.set(offline(1, List.of("Invoice ticket T-5012"), List.of(), List.of(conflict)));

        waitUntil(() -> visible(robot, ".sync-conflict"));
        assertThat(text(robot, ".sync-conflict .sync-issue-text"))
                .isEqualTo("A colleague changed ticket T-5012 “Invoice charged twice in November” at the same time");
        robot.clickOn(robot.lookup(".sync-conflict .button").<Button>query());

        waitUntil(() -> visible(robot, ".merge"));
        assertThat(text(robot, ".merge .panel-title")).isEqualTo("Merge changes to T-5012");
        assertThat(text(robot, ".merge-merged")).isEqualTo("Your other changes merged on their own: Subject → Invoice charged twice");
        assertThat(onFx(() -> robot.lookup(".merge-field").queryAll().stream().map(n -> ((Label) n).getText())
                .toList())).containsExactly("Status", "Priority");
        assertThat(onFx(() -> robot.lookup(".merge-before").queryAll().stream().map(n -> ((Label) n).getText())
                .toList())).containsExactly("Open", "Urgent");
        assertThat(choice(robot, "#merge-mine-status").getText()).isEqualTo("Solved");
        assertThat(choice(robot, "#merge-theirs-status").getText()).isEqualTo("Pending");
        assertThat(choice(robot, "#merge-mine-priority").isSelected()).isTrue(); // the agent's own by default
        assertThat(choice(robot, "#merge-theirs-priority").getText()).isEqualTo("High");

        robot.clickOn("#merge-theirs-status");
        waitUntil(() -> choice(robot, "#merge-theirs-status").isSelected());
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);

        await().atMost(PATIENCE).until(() -> api.sync.resolved.size() == 1);
        Map.Entry<TicketConflict, TicketUpdateRequest> sent = api.sync.resolved.get(0);
        assertThat(sent.getKey()).isEqualTo(conflict);
        assertThat(sent.getValue()).isEqualTo(new TicketUpdateRequest("Invoice charged twice", null,
                TicketPriority.LOW, 2L, null));
        assertThat(api.sync.discarded).isEmpty();
        waitUntil(() -> !visible(robot, ".merge") && !visible(robot, ".sync-conflict"));
    }

    @Test
    void keepColleaguesDropsTheAgentsSideAndCancelKeepsTheConflict(FxRobot robot) {
        signedInFollowingTheStore(robot);
        TicketConflict conflict = invoiceConflict();
        api.sync.set(new SyncStatus(true, null, SYNCED, 0, List.of(), List.of(), List.of(conflict), 0, 0, null));
        waitUntil(() -> visible(robot, ".sync-conflict"));

        robot.clickOn(robot.lookup(".sync-conflict .button").<Button>query());
        waitUntil(() -> visible(robot, ".merge"));
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> !visible(robot, ".merge"));
        assertThat(visible(robot, ".sync-conflict")).isTrue();
        assertThat(api.sync.discarded).isEmpty();

        robot.clickOn(robot.lookup(".sync-conflict .button").<Button>query());
        waitUntil(() -> visible(robot, ".merge"));
        robot.clickOn("#keepTheirsButton");
        await().atMost(PATIENCE).until(() -> api.sync.discarded.equals(List.of(conflict)));
        assertThat(api.sync.resolved).isEmpty();
        waitUntil(() -> !visible(robot, ".merge") && !visible(robot, ".sync"));
    }

    @Test
    void choosingTheColleaguesValueForEveryFieldLeavesNothingToSend(FxRobot robot) {
        signedInFollowingTheStore(robot);
        TicketView base = Fixtures.ticket(4870, Fixtures.ADA, "Router keeps dropping the connection",
                TicketPriority.HIGH, TicketStatus.OPEN, 12);
        TicketConflict conflict = TicketConflict.merge(8, base, changed(base, null, TicketStatus.PENDING, null),
                new TicketUpdateRequest(null, TicketStatus.SOLVED, null, 1L, null));
        api.sync.set(new SyncStatus(true, null, SYNCED, 0, List.of(), List.of(), List.of(conflict), 0, 0, null));
        waitUntil(() -> visible(robot, ".sync-conflict"));
        robot.clickOn(robot.lookup(".sync-conflict .button").<Button>query());
        waitUntil(() -> visible(robot, ".merge"));
        assertThat(visible(robot, ".merge-merged")).isFalse();

        robot.clickOn("#merge-theirs-status");
        robot.clickOn("#saveMergeButton");

        await().atMost(PATIENCE).until(() -> api.sync.discarded.equals(List.of(conflict)));
        assertThat(api.sync.resolved).isEmpty();
    }

    /** Signed in, with the banner listening to the store (its statuses from then on are shown). */
    private void signedInFollowingTheStore(FxRobot robot) {
        signIn(robot, api);
        await().atMost(PATIENCE).until(() -> api.sync.listeners() == 1);
    }

    private static RadioButton choice(FxRobot robot, String query) {
        return onFx(() -> robot.lookup(query).<RadioButton>query());
    }

    static SyncStatus offline(int pending, List<String> oldest, List<FailedWrite> failed,
                              List<TicketConflict> conflicts) {
        return new SyncStatus(false, SINCE, SYNCED, pending, oldest, failed, conflicts, 0, 0, "connection refused");
    }

    /**
     * The agent renamed the invoice ticket, solved it and lowered it; meanwhile a colleague set it
     * pending and high. The subject merges on its own; status and priority are the agent's to choose.
     */
    static TicketConflict invoiceConflict() {
        TicketView base = Fixtures.ticket(5012, Fixtures.ADA, "Invoice charged twice in November",
                TicketPriority.URGENT, TicketStatus.OPEN, 2);
        TicketView theirs = changed(base, null, TicketStatus.PENDING, TicketPriority.HIGH);
        return TicketConflict.merge(7, base, theirs, new TicketUpdateRequest("Invoice charged twice",
                TicketStatus.SOLVED, TicketPriority.LOW, 1L, null));
    }

    static TicketView changed(TicketView t, String subject, TicketStatus status, TicketPriority priority) {
        return new TicketView(t.id(), t.customerId(), subject != null ? subject : t.subject(),
                status != null ? status : t.status(), priority != null ? priority : t.priority(), t.createdAt(),
                Fixtures.NOW, t.version() + 1, t.interactionIds(), t.notes(), t.dueAt(), t.firstResponseAt());
    }
}
