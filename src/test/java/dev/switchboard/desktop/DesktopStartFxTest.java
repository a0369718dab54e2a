package dev.switchboard.desktop;

import dev.switchboard.api.EventTypes;
import dev.switchboard.api.QueueEntryView;
import dev.switchboard.api.ResyncEvent;
import dev.switchboard.domain.Channel;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.switchboard.desktop.FxTestSupport.PATIENCE;
import static dev.switchboard.desktop.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A desktop started for someone named in advance signs in without a click, and says once when its
 * queue is usable: shown with the server's contacts and its event stream connected (what the
 * benchmark's P6 times).
 */
@ExtendWith(ApplicationExtension.class)
class DesktopStartFxTest {
    private final FakeApi api = new FakeApi();
    private final List<Integer> usable = new CopyOnWriteArrayList<>();
    private Desktop desktop;

    @Start
    void start(Stage stage) {
        Fixtures.install(api);
        api.queue.add(new QueueEntryView(11, Channel.EMAIL, "Ada Lovelace", "Invoice", 1, "Billing", 5,
                Fixtures.CLOCK.instant().minusSeconds(30), 60, false, null, null));
        api.queue.add(new QueueEntryView(12, Channel.CHAT, "Grace Hopper", "Login", 1, "Billing", 5,
                Fixtures.CLOCK.instant().minusSeconds(10), 60, false, null, null));
        desktop = new Desktop(new DesktopOptions("Embedded server on 127.0.0.1:41234", List.of(), "light", null,
                new DesktopOptions.SignIn(FakeApi.USER, FakeApi.PASSWORD), usable::add), api, Fixtures.CLOCK, null);
        desktop.start(stage);
    }

    @Stop
    void stop() {
        desktop.stop();
    }

    @Test
    void signsInAtOnceAndReportsTheQueueOnceItIsLoadedAndFollowed(FxRobot robot) {
        await().atMost(PATIENCE).until(() -> !usable.isEmpty());
        assertThat(api.calls).as("signed in without a click, then the queue asked for and the stream followed")
                .contains("login " + FakeApi.USER, "queue")
                .anyMatch(c -> c.startsWith("subscribe "));
        assertThat(usable).containsExactly(2);
        waitUntil(() -> robot.lookup(".queue-list").tryQuery().map(n -> ((ListView<?>) n).getItems().size()).orElse(0) == 2);

        api.queue.add(new QueueEntryView(13, Channel.EMAIL, "Mary Somerville", "Quote", 1, "Billing", 5,
                Fixtures.CLOCK.instant(), 60, false, null, null));
        api.emit(EventTypes.RESYNC, new ResyncEvent(0, 0));
        waitUntil(() -> robot.lookup(".queue-list").tryQuery().map(n -> ((ListView<?>) n).getItems().size()).orElse(0) == 3);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(usable).as("told once, at the start only").containsExactly(2);
    }
}
