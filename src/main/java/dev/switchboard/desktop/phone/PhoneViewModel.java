package dev.switchboard.desktop.phone;

import dev.switchboard.api.AgentView;
import dev.switchboard.api.PhoneView;
import dev.switchboard.api.ResyncEvent;
import dev.switchboard.client.SwitchboardApi;
import dev.switchboard.desktop.ErrorText;
import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.Subscriptions;
import dev.switchboard.desktop.TaskRunner;
import dev.switchboard.desktop.session.AgentSession;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Whether the agent's SIP phone is registered, so calls can reach them: asked of the server at sign-in
 * and kept up to date by {@code phone} events. The tooltip says where and as whom to register.
 */
public final class PhoneViewModel {
    /** What the status bar shows. */
    public enum Status { CHECKING, READY, NOT_REGISTERED, UNKNOWN }

    private final AgentSession session;
    private final SwitchboardApi api;
    private final TaskRunner tasks;
    private final Messages messages;
    private final ErrorText errors;
    private final Subscriptions subscriptions = new Subscriptions();
    private final ReadOnlyObjectWrapper<Status> status = new ReadOnlyObjectWrapper<>(this, "status", Status.CHECKING);
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper(this, "details", "");
    /** Counts {@code phone} events: an answer to {@link #load()} older than one of them is dropped. */
    private int events;
    private boolean known;

    public PhoneViewModel(AgentSession session, SwitchboardApi api, TaskRunner tasks, Messages messages,
                          ErrorText errors) {
        this.session = session;
        this.api = api;
        this.tasks = tasks;
        this.messages = messages;
        this.errors = errors;
        subscriptions.add(session.events().on(PhoneView.class, this::onPhone));
        subscriptions.add(session.events().on(ResyncEvent.class, e -> load()));
        checking();
    }

    /** Asks the server (in the background) whether the phone is registered. */
    public void load() {
        int seen = events;
        if (!known) {
            checking();
        }
        tasks.run(api::phone, view -> {
            if (events == seen && view != null) {
                show(view);
            }
        }, e -> {
            if (events == seen) {
                known = false;
                status.set(Status.UNKNOWN);
                text.set(messages.get("phone.unknown"));
                details.set(messages.format("phone.tooltip.unknown", errors.of(e)));
            }
        });
    }

    /** A {@code phone} event: the phone registered, or its registration ended. */
    public void onPhone(PhoneView view) {
        if (view.agentId() != session.agentId()) {
            return;
        }
        events++;
        show(view);
    }

    public void dispose() {
        subscriptions.close();
    }

    private void show(PhoneView view) {
        known = true;
        String registrar = view.registrar() == null || view.registrar().isBlank()
                ? messages.get("phone.registrar.unknown") : view.registrar();
        if (view.registered()) {
            status.set(Status.READY);
            text.set(messages.get("phone.ready"));
            details.set(messages.format("phone.tooltip.ready", registrar, username(),
                    view.contact() == null ? "" : view.contact()));
        } else {
            status.set(Status.NOT_REGISTERED);
            text.set(messages.get("phone.notRegistered"));
            details.set(messages.format("phone.tooltip.notRegistered", registrar, username()));
        }
    }

    private void checking() {
        status.set(Status.CHECKING);
        text.set(messages.get("phone.checking"));
        details.set(messages.get("phone.tooltip.checking"));
    }

    /** Phones register as the agent's sign-in name. */
    private String username() {
        AgentView agent = session.agentProperty().get();
        return agent == null ? "" : agent.username();
    }

    public ReadOnlyObjectProperty<Status> statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** "Phone ready", "Phone not registered", "Phone status unknown". */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** For the tooltip: where to register and as whom, or why the status is unknown. */
    public ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
    }
}
