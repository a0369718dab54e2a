package dev.switchboard.desktop.session;

import dev.switchboard.api.AgentStateEvent;
import dev.switchboard.api.AgentView;
import dev.switchboard.api.ConfigView;
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

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * The signed-in agent: who they are, their state (with its reason and since when), the server's
 * configured lists (queues, reasons, dispositions, agents), and the event stream that keeps the
 * desktop in step with the server. Stream callbacks arrive on the client's thread and are moved to
 * the UI thread here.
 */
public final class AgentSession {
    private static final System.Logger LOG = System.getLogger(AgentSession.class.getName());
    /** What the desktop offers until the server's lists arrive (or when it has none). */
    public static final ConfigView EMPTY = new ConfigView(List.of(), List.of(), List.of(), List.of());

    private final SwitchboardApi api;
    private final TaskRunner tasks;
    private final Executor ui;
    private final ErrorText errors;
    private final NoticeBoard notices;
    private final StreamEvents events = new StreamEvents();
    private final Subscriptions subscriptions = new Subscriptions();
    private final ReadOnlyObjectWrapper<AgentView> agent = new ReadOnlyObjectWrapper<>(this, "agent");
    private final ReadOnlyObjectWrapper<AgentState> state = new ReadOnlyObjectWrapper<>(this, "state");
    private final ReadOnlyStringWrapper reasonCode = new ReadOnlyStringWrapper(this, "reasonCode");
    private final ReadOnlyObjectWrapper<Instant> stateSince = new ReadOnlyObjectWrapper<>(this, "stateSince");
    private final ReadOnlyObjectWrapper<ConfigView> config = new ReadOnlyObjectWrapper<>(this, "config", EMPTY);
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper(this, "connected");
    private final ReadOnlyBooleanWrapper ended = new ReadOnlyBooleanWrapper(this, "ended");
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
        show(login.agent());
        subscriptions.add(events.on(AgentStateEvent.class, this::onAgentState));
        subscriptions.add(events.on(ResyncEvent.class, e -> {
            refresh();
            loadConfig();
        }));
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
        loadConfig();
    }

    /** Asks the server for its lists again (agents' states change; the transfer panel wants them fresh). */
    public void loadConfig() {
        tasks.run(api::config, view -> config.set(view == null ? EMPTY : normalised(view)),
                e -> LOG.log(System.Logger.Level.WARNING, "no configuration from the server: " + errors.of(e)));
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
     * The not-ready reason: set while NOT_READY, and while BUSY or in WRAP_UP when the agent asked to
     * be not ready once their work is done.
     */
    public ReadOnlyStringProperty reasonCodeProperty() {
        return reasonCode.getReadOnlyProperty();
    }

    /** Since when the agent is in their state (null if the server did not say). */
    public ReadOnlyObjectProperty<Instant> stateSinceProperty() {
        return stateSince.getReadOnlyProperty();
    }

    /** Queues, not-ready reasons, dispositions and agents as the server has them; empty lists at first. */
    public ReadOnlyObjectProperty<ConfigView> configProperty() {
        return config.getReadOnlyProperty();
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

    /** The server no longer accepts this sign-in (signed out elsewhere, expired, restarted). */
    public ReadOnlyBooleanProperty endedProperty() {
        return ended.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lastErrorProperty() {
        return lastError.getReadOnlyProperty();
    }

    /**
     * Asks the server for READY, or NOT_READY with a reason; the state shown changes when the server
     * agrees. While the agent works a contact, NOT_READY is kept for when the work is done.
     */
    public void changeState(AgentState wanted, String reason) {
        String code = wanted == AgentState.NOT_READY ? reason : null;
        if (wanted == state.get() && Objects.equals(code, reasonCode.get())) {
            return;
        }
        tasks.run(() -> api.setState(wanted, code), view -> {
            show(view);
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
        tasks.run(api::me, this::show, e -> lastError.set(errors.of(e)));
    }

    private void show(AgentView view) {
        agent.set(view);
        state.set(view.state());
        reasonCode.set(view.reasonCode());
        stateSince.set(view.stateSince());
    }

    private void onAgentState(AgentStateEvent e) {
        if (e.agentId() != agentId()) {
            return;
        }
        state.set(e.state());
        reasonCode.set(e.reasonCode());
        if (e.since() != null) {
            stateSince.set(e.since());
        }
    }

    /** The lists, never null, so views need no checks. */
    private static ConfigView normalised(ConfigView v) {
        return new ConfigView(v.queues() == null ? List.of() : v.queues(),
                v.notReadyReasons() == null ? List.of() : v.notReadyReasons(),
                v.dispositions() == null ? List.of() : v.dispositions(),
                v.agents() == null ? List.of() : v.agents());
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
        public void onSessionEnded() {
            ui.execute(() -> {
                if (!closed) {
                    connected.set(false);
                    ended.set(true);
                }
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
