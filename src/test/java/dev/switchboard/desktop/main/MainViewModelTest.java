package dev.switchboard.desktop.main;

import dev.switchboard.api.AgentStateEvent;
import dev.switchboard.api.EventTypes;
import dev.switchboard.desktop.Harness;
import dev.switchboard.desktop.Theme;
import dev.switchboard.domain.AgentState;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class MainViewModelTest {

    @Test
    void theThemeSwitchesAtRunTime() {
        Harness h = Harness.inline();
        assertThat(h.w.main().themeProperty().get()).isEqualTo(Theme.LIGHT);
        h.w.main().useTheme(Theme.DARK);
        assertThat(h.theme.theme()).isEqualTo(Theme.DARK);
        assertThat(Theme.DARK.tokens().toExternalForm()).endsWith("styles/tokens-dark.css");
        assertThat(Theme.parse("Dark")).isEqualTo(Theme.DARK);
        assertThat(Theme.parse(null)).isEqualTo(Theme.LIGHT);
        assertThat(Theme.parse("light")).isEqualTo(Theme.LIGHT);
    }

    @Test
    void showsTheAgentAndFollowsTheirState() {
        Harness h = Harness.inline();
        MainViewModel main = h.w.main();
        assertThat(main.agentNameProperty().get()).isEqualTo("Alex Morgan");
        assertThat(main.agentRoleProperty().get()).isEqualTo("Agent");
        assertThat(main.stateProperty().get()).isEqualTo(AgentState.NOT_READY);

        main.state().ready();
        assertThat(h.api.calls).contains("setState READY");
        assertThat(main.stateProperty().get()).isEqualTo(AgentState.READY);

        h.api.emit(EventTypes.AGENT_STATE, new AgentStateEvent(7, "Alex Morgan", AgentState.BUSY, null, Instant.now()));
        assertThat(main.stateProperty().get()).isEqualTo(AgentState.BUSY);
        h.api.emit(EventTypes.AGENT_STATE, new AgentStateEvent(8, "Someone else", AgentState.READY, null, Instant.now()));
        assertThat(main.stateProperty().get()).isEqualTo(AgentState.BUSY);
    }

    @Test
    void theConnectionLineSaysReconnectingWithTheLastError() {
        Harness h = Harness.inline();
        MainViewModel main = h.w.main();
        assertThat(main.connectionProperty().get()).isEqualTo("Connected");
        h.api.disconnect("connection reset");
        assertThat(main.connectedProperty().get()).isFalse();
        assertThat(main.connectionProperty().get()).isEqualTo("Reconnecting… (last error: connection reset)");
        h.api.connect();
        assertThat(main.connectionProperty().get()).isEqualTo("Connected");
    }

    @Test
    void signOutClosesTheStream() {
        Harness h = Harness.inline();
        h.w.main().signOut();
        assertThat(h.signOuts.get()).isEqualTo(1);
        h.w.close();
        assertThat(h.api.subscribed()).isFalse();
    }

    @Test
    void aNewOfferRingsUnlessTheSoundIsOff() {
        Harness h = Harness.inline();
        h.api.emit(EventTypes.OFFER, dev.switchboard.desktop.Fixtures.offerFromAda(h.api, 501));
        assertThat(h.rings.get()).isEqualTo(1);

        h.w.main().soundProperty().set(false);
        h.api.emit(EventTypes.OFFER, dev.switchboard.desktop.Fixtures.offerFromUnknown(h.api, 601));
        assertThat(h.rings.get()).isEqualTo(1);
    }

    @Test
    void ctrlEnterAcceptsTheOfferElseFinishesTheWrapUpOnScreen() {
        Harness h = Harness.inline();
        h.api.emit(EventTypes.OFFER, dev.switchboard.desktop.Fixtures.offerFromAda(h.api, 501));
        h.w.main().primaryAction();
        assertThat(h.api.calls).contains("accept 501");
        h.w.contacts().end();
        h.w.wrapUp().chooseDisposition(1);
        h.w.main().primaryAction();
        assertThat(h.api.calls).contains("wrapUp 501 RESOLVED");
    }

    @Test
    void aSessionTheServerNoLongerKnowsSignsOut() {
        Harness h = Harness.inline();
        h.api.endSession();
        assertThat(h.signOuts.get()).isEqualTo(1);
        assertThat(h.w.main().connectedProperty().get()).isFalse();
    }
}
