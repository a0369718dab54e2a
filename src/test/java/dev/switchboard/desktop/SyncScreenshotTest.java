package dev.switchboard.desktop;

import dev.switchboard.api.EventTypes;
import dev.switchboard.api.TicketUpdateRequest;
import dev.switchboard.api.TicketView;
import dev.switchboard.client.SyncMonitor.FailedWrite;
import dev.switchboard.client.SyncMonitor.SyncStatus;
import dev.switchboard.client.TicketConflict;
import dev.switchboard.domain.TicketPriority;
import dev.switchboard.domain.TicketStatus;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static dev.switchboard.desktop.FxTestSupport.PATIENCE;
import static dev.switchboard.desktop.FxTestSupport.onFx;
import static dev.switchboard.desktop.FxTestSupport.signIn;
import static dev.switchboard.desktop.FxTestSupport.text;
import static dev.switchboard.desktop.FxTestSupport.visible;
import static dev.switchboard.desktop.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Renders the main window working offline (banner with a ticket to merge and a refused change, the
 * card's offline mark), the merge panel and the ticket editor, light and dark, to target/screenshots.
 */
@ExtendWith(ApplicationExtension.class)
class SyncScreenshotTest {
    private static final Path DIR = Path.of("target", "screenshots");
    private static final Instant SINCE = Fixtures.NOW.minusSeconds(18 * 60);

    private final FakeApi api = new FakeApi();
    private Desktop desktop;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        desktop = Fixtures.startDesktop(api, stage);
    }

    @Stop
    void stop() {
        desktop.stop();
    }

    @Test
    void writesTheBannerTheMergeAndTheEditor(FxRobot robot) throws Exception {
        signIn(robot, api);
        await().atMost(PATIENCE).until(() -> api.sync.listeners() == 1);
        api.emit(EventTypes.OFFER, Fixtures.offerFromAda(api, 501));
        waitUntil(() -> text(robot, "#name").equals("Ada Lovelace"));

        TicketView base = Fixtures.ticket(5012, Fixtures.ADA, "Invoice charged twice in November",
                TicketPriority.URGENT, TicketStatus.OPEN, 2);
        TicketView theirs = new TicketView(base.id(), base.customerId(), base.subject(), TicketStatus.PENDING,
                TicketPriority.HIGH, base.createdAt(), Fixtures.NOW, 2, List.of(), List.of(), null, null);
        TicketConflict conflict = TicketConflict.merge(7, base, theirs, new TicketUpdateRequest(
                "Invoice charged twice — refund agreed", TicketStatus.SOLVED, TicketPriority.LOW, 1L, null));
        FailedWrite refused = new FailedWrite(31, "Note on T-4811", "The ticket is closed.", SINCE);
        api.sync.set(new SyncStatus(false, SINCE, Fixtures.NOW.minusSeconds(19 * 60), 3,
                List.of("Note on T-5012", "Priority of T-4870: Urgent", "Wrap-up of the call with Ada Lovelace"),
                List.of(refused), List.of(conflict), 0, 0, "connection refused"));
        waitUntil(() -> visible(robot, ".sync-conflict"));
        Path banner = snapshot("sync-offline-light.png");

        robot.clickOn(robot.lookup(".sync-conflict .button").<Button>query());
        waitUntil(() -> visible(robot, ".merge"));
        robot.clickOn("#merge-theirs-status");
        Path merge = snapshot("merge-light.png");
        dark(robot);
        Path mergeDark = snapshot("merge-dark.png");
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> !visible(robot, ".merge"));
        Path bannerDark = snapshot("sync-offline-dark.png");

        api.sync.set(new SyncStatus(true, null, Fixtures.NOW, 2, List.of("Note on T-5012"), List.of(), List.of(),
                120, 1200, null));
        waitUntil(() -> visible(robot, "#resyncBar"));
        Path resync = snapshot("sync-resync-dark.png");

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.L).release(KeyCode.L, KeyCode.SHIFT, KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.E).release(KeyCode.E, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> visible(robot, ".ticket-editor"));
        robot.clickOn("#editNote").write("Refund of the second charge requested from billing.");
        Path editor = snapshot("ticket-editor-light.png");
        robot.type(KeyCode.ESCAPE);

        for (Path p : List.of(banner, merge, mergeDark, bannerDark, resync, editor)) {
            assertThat(Files.size(p)).as(p.toString()).isGreaterThan(10_000);
        }
    }

    private void dark(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D).release(KeyCode.D, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> stage.getScene().getStylesheets().get(0).endsWith("tokens-dark.css"));
    }

    private Path snapshot(String name) throws Exception {
        Path file = DIR.resolve(name);
        onFx(() -> {
            Scene scene = stage.getScene();
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            WritableImage image = scene.snapshot(null);
            PngWriter.write(image, file);
            return null;
        });
        return file;
    }
}
