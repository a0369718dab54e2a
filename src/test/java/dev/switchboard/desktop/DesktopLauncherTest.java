package dev.switchboard.desktop;

import dev.switchboard.api.EventTypes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The way tools open desktops without a person: signed in already, and the pop-drawn probe reports. */
class DesktopLauncherTest {

    @BeforeAll
    static void toolkit() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
        DesktopLauncher.startToolkit();
    }

    @Test
    void aSignedInDesktopReportsEachPopOnceItIsDrawn() {
        FakeApi api = new FakeApi();
        Fixtures.install(api);
        Desktop desktop = DesktopLauncher.openSignedIn(new DesktopOptions("bench", List.of(), "dark", null), api,
                api.login(FakeApi.USER, FakeApi.PASSWORD));
        List<Long> drawn = new CopyOnWriteArrayList<>();
        desktop.onPopDrawn(drawn::add);
        await().atMost(FxTestSupport.PATIENCE).until(api::subscribed);

        api.emit(EventTypes.OFFER, Fixtures.offerFromAda(api, 501));
        api.emit(EventTypes.OFFER, Fixtures.offerFromUnknown(api, 601));

        await().atMost(FxTestSupport.PATIENCE).until(() -> drawn.size() == 2);
        assertThat(drawn).containsExactly(501L, 601L);

        DesktopLauncher.close(desktop);
        assertThat(api.subscribed()).isFalse();
    }
}
