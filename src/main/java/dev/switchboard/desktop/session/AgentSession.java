package dev.switchboard.desktop.session;

import dev.switchboard.api.AgentStateEvent;
import dev.switchboard.api.AgentView;
import dev.switchboard.api.HelloEvent;
import dev.switchboard.api.LoginResponse;
import dev.switchboard.api.ResyncEvent;
import dev.switchboard.client.EventListener;
import dev.switchboard.client.EventSubscription;
import dev.switchboard.client.StreamEvent;
import dev.switchboard.client.SwitchboardApi;
import dev.switchboard.desktop.ErrorText;
import dev.switchboard.desktop.NoticeBoard;
import dev.switchboard.desktop.Subscriptions;
import dev.switchboard.desktop.TaskRunner;
import dev.switchboard.domain.AgentState;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.concurrent.Executor;

/**
 * The signed-in agent: who they are, their state, and the event stream that keeps the desktop in step
 * with the server. Stream callbacks arrive on the client's thread and are moved to the UI thread here.
 */
public final class AgentSession {
    private final SwitchboardApi api;
    private final TaskRunner tasks;
    private final Executor ui;
    private final ErrorText errors;
    private final NoticeBoard notices;
    private final StreamEvents events = new StreamEvents();
    private final Subscriptions subscriptions = new Subscriptions();
    private final ReadOnlyObjectWrapper<AgentView> agent = new ReadOnlyObjectWrapper<>(this, "agent");
    private final ReadOnlyObjectWrapper<AgentState> state = new ReadOnlyObjectWrapper<>(this, "state");
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper(this, "connected");
    private final ReadOnlyIntegerWrapper stateAnswers = new ReadOnlyIntegerWrapper(this, "stateAnswers");
    private final ReadOnlyStringWrapper lastError = new ReadOnlyStringWrapper(this, "lastError", "");
    private final long signedInAtSeq;
    private EventSubscription subscription;
    private boolean closed;

    public AgentSession(LoginResponse login, SwitchboardApi api, TaskRunner tasks, Executor ui,
                        ErrorText errors, NoticeBoard notices) {
        this.api = api;
        this.tasks = tasks;
        this.ui = ui;
        this.errors = errors;
        this.notices = notices;
        this.signedInAtSeq = login.eventSeq();
        agent.set(login.agent());
        state.set(login.agent().state());
        subscriptions.add(events.on(AgentStateEvent.class, this::onAgentState));
        subscriptions.add(events.on(ResyncEvent.class, e -> refresh()));
        subscriptions.add(events.on(HelloEvent.class, e -> connected.set(true)));
    }

    /**
     * Starts following the event stream from the moment of signing in: an offer made as soon as the
     * agent became ready is delivered too.
     */
    public void start() {
        tasks.run(() -> api.subscribe(signedInAtSeq, new Listener()), sub -> {
            if (closed) {
                sub.close();
            } else {
                subscription = sub;
            }
        }, e -> lastError.set(errors.of(e)));
    }

    public StreamEvents events() {
        return events;
    }

    public long agentId() {
        return agent.get().id();
    }

    public ReadOnlyObjectProperty<AgentView> agentProperty() {
        return agent.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<AgentState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /**
     * Counts the server's answers to state requests, refusals included, so a selector that showed the
     * agent's wish can show the real state again even when it did not change.
     */
    public ReadOnlyIntegerProperty stateAnswersProperty() {
        return stateAnswers.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty connectedProperty() {
        return connected.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lastErrorProperty() {
        return lastError.getReadOnlyProperty();
    }

    /** Asks the server for READY or NOT_READY; the state shown changes when the server agrees. */
    public void changeState(AgentState wanted) {
        if (wanted == state.get()) {
            return;
        }
        tasks.run(() -> api.setState(wanted), view -> {
            state.set(view.state());
            stateAnswers.set(stateAnswers.get() + 1);
        }, e -> {
            notices.post(errors.of(e));
            stateAnswers.set(stateAnswers.get() + 1);
        });
    }

    /** Stops the stream; late events are dropped. */
    public void close() {
        closed = true;
        subscriptions.close();
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
    }

    private void refresh() {
        tasks.run(api::me, me -> {
            agent.set(me);
            state.set(me.state());
        }, e -> lastError.set(errors.of(e)));
    }

    private void onAgentState(AgentStateEvent e) {
        if (e.agentId() == agentId()) {
            state.set(e.state());
        }
    }

    /** Runs on the client's thread: every callback hops to the UI thread before it touches state. */
    private final class Listener implements EventListener {
        @Override
        public void onEvent(StreamEvent event) {
            ui.execute(() -> {
                if (!closed) {
                    events.dispatch(event);
                }
            });
        }

        @Override
        public void onConnected() {
            ui.execute(() -> {
                connected.set(true);
                lastError.set("");
            });
        }

        @Override
        public void onDisconnected(String reason) {
            ui.execute(() -> {
                connected.set(false);
                lastError.set(reason == null ? "" : reason);
            });
        }
    }
}
