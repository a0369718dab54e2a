package dev.switchboard.desktop.transfer;

import dev.switchboard.api.AgentSummary;
import dev.switchboard.api.ConfigView;
import dev.switchboard.api.QueueView;
import dev.switchboard.api.TransferRequest;
import dev.switchboard.client.SwitchboardApi;
import dev.switchboard.desktop.EnumText;
import dev.switchboard.desktop.ErrorText;
import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.NoticeBoard;
import dev.switchboard.desktop.Subscriptions;
import dev.switchboard.desktop.TaskRunner;
import dev.switchboard.desktop.contacts.ContactItem;
import dev.switchboard.desktop.contacts.ContactsViewModel;
import dev.switchboard.desktop.session.AgentSession;
import dev.switchboard.domain.AgentState;
import dev.switchboard.domain.Channel;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Hands the selected active contact to a queue or a named colleague, with a note that travels along
 * and is shown on the receiving agent's card; a call can also go to an outside number (the server
 * checks its format). Typing filters the targets; the agents' states are fetched fresh when the panel
 * opens.
 */
public final class TransferViewModel {
    private final ContactsViewModel contacts;
    private final AgentSession session;
    private final SwitchboardApi api;
    private final TaskRunner tasks;
    private final Messages messages;
    private final EnumText enums;
    private final ErrorText errors;
    private final NoticeBoard notices;
    private final Subscriptions subscriptions = new Subscriptions();
    private final List<TransferTarget> all = new ArrayList<>();
    private final ObservableList<TransferTarget> targets = FXCollections.observableArrayList();
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ObjectProperty<TransferTarget> target = new SimpleObjectProperty<>(this, "target");
    private final StringProperty note = new SimpleStringProperty(this, "note", "");
    private final ReadOnlyBooleanWrapper canNumber = new ReadOnlyBooleanWrapper(this, "canNumber");
    private final BooleanProperty toNumber = new SimpleBooleanProperty(this, "toNumber");
    private final StringProperty number = new SimpleStringProperty(this, "number", "");
    private final ReadOnlyStringWrapper numberError = new ReadOnlyStringWrapper(this, "numberError", "");
    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper(this, "open");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper targetError = new ReadOnlyStringWrapper(this, "targetError", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private ContactItem item;

    public TransferViewModel(ContactsViewModel contacts, AgentSession session, SwitchboardApi api, TaskRunner tasks,
                             Messages messages, EnumText enums, ErrorText errors, NoticeBoard notices) {
        this.contacts = contacts;
        this.session = session;
        this.api = api;
        this.tasks = tasks;
        this.messages = messages;
        this.enums = enums;
        this.errors = errors;
        this.notices = notices;
        subscriptions.listen(session.configProperty(), (obs, old, now) -> showTargets(now));
        subscriptions.listen(filter, (obs, old, now) -> applyFilter());
        subscriptions.listen(contacts.items(), (ListChangeListener<ContactItem>) c -> {
            if (item != null && !contacts.items().contains(item)) {
                cancel(); // the contact went away while the panel was open
            }
        });
        showTargets(session.configProperty().get());
    }

    /** Opens the panel for the selected contact, if it is active; false otherwise. */
    public boolean open() {
        ContactItem current = contacts.current().orElse(null);
        if (current == null) {
            return false;
        }
        item = current;
        title.set(messages.format("transfer.title", current.titleProperty().get()));
        filter.set("");
        target.set(null);
        note.set("");
        canNumber.set(current.channel() == Channel.PHONE);
        toNumber.set(false);
        number.set("");
        targetError.set("");
        numberError.set("");
        error.set("");
        open.set(true);
        session.loadConfig();
        return true;
    }

    public void cancel() {
        open.set(false);
        item = null;
    }

    public void submit() {
        if (!open.get() || busy.get() || item == null) {
            return;
        }
        targetError.set("");
        numberError.set("");
        error.set("");
        TransferTarget chosen = chosenTarget();
        if (chosen == null) {
            return;
        }
        ContactItem moving = item;
        String text = note.get() == null || note.get().isBlank() ? null : note.get().strip();
        TransferRequest request = switch (chosen.kind()) {
            case QUEUE -> new TransferRequest(chosen.id(), null, null, text);
            case AGENT -> new TransferRequest(null, chosen.id(), null, text);
            case NUMBER -> new TransferRequest(null, null, chosen.name(), text);
        };
        busy.set(true);
        tasks.run(() -> api.transfer(moving.interactionId(), request), view -> {
            busy.set(false);
            open.set(false);
            item = null;
            contacts.handedOff(moving.interactionId());
            notices.post(messages.format("transfer.done", moving.titleProperty().get(), chosen.name()));
        }, e -> {
            busy.set(false);
            String field = ErrorText.field(e);
            if (field != null && (field.equals("queueId") || field.equals("agentId"))) {
                targetError.set(errors.of(e));
            } else if (chosen.kind() == TransferTarget.Kind.NUMBER && "number".equals(field)) {
                numberError.set(errors.of(e));
            } else {
                error.set(errors.of(e));
            }
        });
    }

    public void dispose() {
        subscriptions.close();
    }

    /** The target picked (or the number typed); null, with the reason shown, when there is none. */
    private TransferTarget chosenTarget() {
        if (toNumber.get() && canNumber.get()) {
            String typed = number.get() == null ? "" : number.get().strip();
            if (typed.isEmpty()) {
                numberError.set(messages.get("transfer.error.number"));
                return null;
            }
            return new TransferTarget(TransferTarget.Kind.NUMBER, 0, typed, "");
        }
        TransferTarget to = target.get();
        if (to == null && targets.size() == 1) {
            to = targets.get(0);
        }
        if (to == null) {
            targetError.set(messages.get("transfer.error.target"));
        }
        return to;
    }

    private void showTargets(ConfigView config) {
        all.clear();
        for (QueueView q : config.queues()) {
            all.add(new TransferTarget(TransferTarget.Kind.QUEUE, q.id(), q.name(), messages.get("transfer.kind.queue")));
        }
        List<AgentSummary> agents = new ArrayList<>(config.agents());
        agents.sort(Comparator.comparing(AgentSummary::displayName, String.CASE_INSENSITIVE_ORDER));
        for (AgentSummary a : agents) {
            if (a.id() != session.agentId() && a.state() != AgentState.LOGGED_OUT) {
                all.add(new TransferTarget(TransferTarget.Kind.AGENT, a.id(), a.displayName(),
                        enums.agentState(a.state())));
            }
        }
        applyFilter();
    }

    private void applyFilter() {
        String q = filter.get() == null ? "" : filter.get().strip().toLowerCase(Locale.ROOT);
        TransferTarget chosen = target.get();
        targets.setAll(all.stream().filter(t -> q.isEmpty() || t.name().toLowerCase(Locale.ROOT).contains(q)).toList());
        target.set(chosen == null ? null : targets.stream()
                .filter(t -> t.kind() == chosen.kind() && t.id() == chosen.id()).findFirst().orElse(null));
    }

    public ObservableList<TransferTarget> targets() {
        return targets;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ObjectProperty<TransferTarget> targetProperty() {
        return target;
    }

    public StringProperty noteProperty() {
        return note;
    }

    /** The contact is a call: it can also go to an outside number. */
    public ReadOnlyBooleanProperty canNumberProperty() {
        return canNumber.getReadOnlyProperty();
    }

    /** The agent chose to transfer to an outside number rather than a queue or agent. */
    public BooleanProperty toNumberProperty() {
        return toNumber;
    }

    /** The outside number, as typed. */
    public StringProperty numberProperty() {
        return number;
    }

    public ReadOnlyStringProperty numberErrorProperty() {
        return numberError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty openProperty() {
        return open.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** "Transfer Ada Lovelace". */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty targetErrorProperty() {
        return targetError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
