package dev.switchboard.desktop.main;

import dev.switchboard.api.CodeView;
import dev.switchboard.api.ConfigView;
import dev.switchboard.desktop.EnumText;
import dev.switchboard.desktop.Formats;
import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.Subscriptions;
import dev.switchboard.desktop.session.AgentSession;
import dev.switchboard.domain.AgentState;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The state selector: what the agent can choose (Ready, and Not ready with each configured reason)
 * and what they are in now (which may be Busy or Wrap-up, decided by their work, or "Not ready after
 * this contact" when they asked for a break while working), with the time in that state.
 */
public final class AgentStateModel {
    private final AgentSession session;
    private final Messages messages;
    private final EnumText enums;
    private final Clock clock;
    private final Subscriptions subscriptions = new Subscriptions();
    private final ObservableList<StateChoice> choices = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<StateChoice> current = new ReadOnlyObjectWrapper<>(this, "current");
    private final ReadOnlyStringWrapper time = new ReadOnlyStringWrapper(this, "time", "");

    public AgentStateModel(AgentSession session, Messages messages, EnumText enums, Clock clock) {
        this.session = session;
        this.messages = messages;
        this.enums = enums;
        this.clock = clock;
        subscriptions.listen(session.configProperty(), (obs, old, now) -> refresh());
        subscriptions.listen(session.stateProperty(), (obs, old, now) -> refresh());
        subscriptions.listen(session.reasonCodeProperty(), (obs, old, now) -> refresh());
        subscriptions.listen(session.stateSinceProperty(), (obs, old, now) -> tick(clock.instant()));
        refresh();
    }

    /** Ready, then "Not ready – reason" for each configured reason (plain "Not ready" when there are none). */
    public ObservableList<StateChoice> choices() {
        return choices;
    }

    /** What the selector shows now; it may be a line the agent cannot choose (Busy, Wrap-up). */
    public ReadOnlyObjectProperty<StateChoice> currentProperty() {
        return current.getReadOnlyProperty();
    }

    /** Time in the current state, as a clock ("12:04"); "" when the server did not say since when. */
    public ReadOnlyStringProperty timeProperty() {
        return time.getReadOnlyProperty();
    }

    /** Asks the server for the chosen line; a line that is not choosable is ignored. */
    public void choose(StateChoice choice) {
        if (choice != null && choice.choosable()) {
            session.changeState(choice.state(), choice.reasonCode());
        }
    }

    /** Ready, from the menu or its shortcut. */
    public void ready() {
        session.changeState(AgentState.READY, null);
    }

    public void tick(Instant now) {
        Instant since = session.stateSinceProperty().get();
        time.set(since == null ? "" : Formats.clock(Duration.between(since, now)));
    }

    public void dispose() {
        subscriptions.close();
    }

    private void refresh() {
        ConfigView config = session.configProperty().get();
        List<CodeView> reasons = config.notReadyReasons();
        StateChoice ready = new StateChoice(AgentState.READY, null, enums.agentState(AgentState.READY), true, false);
        List<StateChoice> next = new ArrayList<>();
        next.add(ready);
        if (reasons.isEmpty()) {
            next.add(new StateChoice(AgentState.NOT_READY, null, enums.agentState(AgentState.NOT_READY), true, false));
        }
        for (CodeView r : reasons) {
            next.add(new StateChoice(AgentState.NOT_READY, r.code(), messages.format("state.notReady.reason", r.label()),
                    true, false));
        }
        if (!next.equals(choices)) {
            choices.setAll(next);
        }
        current.set(currentChoice(reasons));
        tick(clock.instant());
    }

    private StateChoice currentChoice(List<CodeView> reasons) {
        AgentState state = session.stateProperty().get();
        String reason = session.reasonCodeProperty().get();
        if (state == null) {
            return null;
        }
        return switch (state) {
            case READY -> choices.get(0);
            case NOT_READY -> choices.stream().filter(c -> c.state() == AgentState.NOT_READY
                            && Objects.equals(c.reasonCode(), reason)).findFirst()
                    .orElseGet(() -> new StateChoice(AgentState.NOT_READY, reason, reason == null
                            ? enums.agentState(AgentState.NOT_READY)
                            : messages.format("state.notReady.reason", label(reasons, reason)), true, false));
            case BUSY, WRAP_UP -> reason == null
                    ? new StateChoice(state, null, enums.agentState(state), false, false)
                    : new StateChoice(state, reason, messages.format("state.notReadyAfter", label(reasons, reason)),
                            false, true);
            case LOGGED_OUT -> new StateChoice(state, null, enums.agentState(state), false, false);
        };
    }

    private static String label(List<CodeView> reasons, String code) {
        return reasons.stream().filter(r -> r.code().equals(code)).map(CodeView::label).findFirst().orElse(code);
    }
}
