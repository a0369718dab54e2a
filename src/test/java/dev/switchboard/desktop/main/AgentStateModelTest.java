package dev.switchboard.desktop.main;

import dev.switchboard.api.AgentStateEvent;
import dev.switchboard.api.EventTypes;
import dev.switchboard.desktop.Fixtures;
import dev.switchboard.desktop.Harness;
import dev.switchboard.domain.AgentState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AgentStateModelTest {

    @Test
    void readyAndEveryConfiguredReasonAreTheChoices() {
        Harness h = Harness.inline();
        AgentStateModel state = h.w.state();
        assertThat(state.choices()).extracting(StateChoice::label).containsExactly("Ready", "Not ready – Break",
                "Not ready – Lunch", "Not ready – Training", "Not ready – Admin work");
        assertThat(state.choices()).allMatch(StateChoice::choosable);
        assertThat(state.currentProperty().get().label()).isEqualTo("Not ready – Break");
        assertThat(state.timeProperty().get()).as("since the server said").isEqualTo("1:15");

        state.choose(state.choices().get(2));
        assertThat(h.api.calls).contains("setState NOT_READY LUNCH");
        assertThat(state.currentProperty().get().label()).isEqualTo("Not ready – Lunch");
        assertThat(state.timeProperty().get()).isEqualTo("0:00");
        state.tick(Fixtures.NOW.plusSeconds(62));
        assertThat(state.timeProperty().get()).isEqualTo("1:02");

        state.choose(state.choices().get(0));
        assertThat(h.api.calls).contains("setState READY");
        assertThat(state.currentProperty().get().state()).isEqualTo(AgentState.READY);
    }

    @Test
    void busyAndWrapUpAreShownButCannotBeChosen() {
        Harness h = Harness.inline();
        AgentStateModel state = h.w.state();
        h.api.emit(EventTypes.AGENT_STATE, new AgentStateEvent(7, "Alex Morgan", AgentState.BUSY, null,
                Fixtures.NOW.minusSeconds(30)));
        assertThat(state.currentProperty().get().label()).isEqualTo("Busy");
        assertThat(state.currentProperty().get().choosable()).isFalse();
        assertThat(state.timeProperty().get()).isEqualTo("0:30");

        h.api.emit(EventTypes.AGENT_STATE, new AgentStateEvent(7, "Alex Morgan", AgentState.WRAP_UP, null,
                Fixtures.NOW));
        assertThat(state.currentProperty().get().label()).isEqualTo("Wrap-up");
        assertThat(state.choices()).noneMatch(c -> c.state() == AgentState.WRAP_UP || c.state() == AgentState.BUSY);

        state.choose(state.currentProperty().get());
        assertThat(h.api.calls).noneMatch(c -> c.startsWith("setState"));
    }

    @Test
    void notReadyAskedForWhileBusyWaitsForTheContactToEnd() {
        Harness h = Harness.inline();
        AgentStateModel state = h.w.state();
        h.api.setAgent(AgentState.BUSY, null, Fixtures.NOW.minusSeconds(40));
        h.api.emit(EventTypes.AGENT_STATE, new AgentStateEvent(7, "Alex Morgan", AgentState.BUSY, null,
                Fixtures.NOW.minusSeconds(40)));

        state.choose(state.choices().get(1));

        assertThat(h.api.calls).contains("setState NOT_READY BREAK");
        StateChoice now = state.currentProperty().get();
        assertThat(now.label()).isEqualTo("Not ready after this contact – Break");
        assertThat(now.pending()).isTrue();
        assertThat(now.state()).isEqualTo(AgentState.BUSY);
        assertThat(state.timeProperty().get()).as("still busy since then").isEqualTo("0:40");

        h.api.emit(EventTypes.AGENT_STATE, new AgentStateEvent(7, "Alex Morgan", AgentState.WRAP_UP, "BREAK",
                Fixtures.NOW));
        assertThat(state.currentProperty().get().label()).isEqualTo("Not ready after this contact – Break");

        h.api.emit(EventTypes.AGENT_STATE, new AgentStateEvent(7, "Alex Morgan", AgentState.NOT_READY, "BREAK",
                Fixtures.NOW));
        assertThat(state.currentProperty().get().label()).isEqualTo("Not ready – Break");
        assertThat(state.currentProperty().get().pending()).isFalse();
    }

    @Test
    void withoutConfiguredReasonsNotReadyIsPlain() {
        Harness h = Harness.inline();
        h.api.config = new dev.switchboard.api.ConfigView(java.util.List.of(), java.util.List.of(),
                java.util.List.of(), java.util.List.of());
        h.w.session().loadConfig();
        assertThat(h.w.state().choices()).extracting(StateChoice::label).containsExactly("Ready", "Not ready");
    }
}
