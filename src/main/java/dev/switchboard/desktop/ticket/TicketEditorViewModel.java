package dev.switchboard.desktop.ticket;

import dev.switchboard.api.TicketUpdateRequest;
import dev.switchboard.api.TicketView;
import dev.switchboard.client.ApiException;
import dev.switchboard.client.SwitchboardApi;
import dev.switchboard.desktop.ErrorText;
import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.NoticeBoard;
import dev.switchboard.desktop.TaskRunner;
import dev.switchboard.domain.TicketPriority;
import dev.switchboard.domain.TicketStatus;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Edits one of the customer's open tickets: subject, status and priority, and a note to add. Saving
 * sends only the fields the agent changed, against the version they saw, then the note; the card shows
 * the ticket as the server answered it. A colleague's change crossing the agent's (409) closes the
 * editor: the offline store keeps both sides and the banner offers the merge.
 */
public final class TicketEditorViewModel {
    static final int CONFLICT = 409;

    private final SwitchboardApi api;
    private final TaskRunner tasks;
    private final Messages messages;
    private final ErrorText errors;
    private final NoticeBoard notices;
    private final Consumer<TicketView> saved;
    private final StringProperty subject = new SimpleStringProperty(this, "subject", "");
    private final ObjectProperty<TicketStatus> status = new SimpleObjectProperty<>(this, "status");
    private final ObjectProperty<TicketPriority> priority = new SimpleObjectProperty<>(this, "priority");
    private final StringProperty note = new SimpleStringProperty(this, "note", "");
    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper(this, "open");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper canSave = new ReadOnlyBooleanWrapper(this, "canSave");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper subjectError = new ReadOnlyStringWrapper(this, "subjectError", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private TicketView ticket;
    /** The field changes went out already (accepted, or held as a conflict): a retry sends only the note. */
    private boolean changesSent;

    /** {@code saved} gets each version of the ticket the server answers (the card's table shows it). */
    public TicketEditorViewModel(SwitchboardApi api, TaskRunner tasks, Messages messages, ErrorText errors,
                                 NoticeBoard notices, Consumer<TicketView> saved) {
        this.api = api;
        this.tasks = tasks;
        this.messages = messages;
        this.errors = errors;
        this.notices = notices;
        this.saved = saved;
        canSave.bind(Bindings.createBooleanBinding(this::savable, subject, status, priority, note, busy, open));
    }

    /** Opens the editor on the ticket as the agent sees it now. */
    public void open(TicketView view) {
        if (view == null || busy.get()) {
            return;
        }
        ticket = view;
        changesSent = false;
        title.set(messages.format("ticket.edit.title", messages.format("ticket.number", view.id())));
        subject.set(view.subject() == null ? "" : view.subject());
        status.set(view.status());
        priority.set(view.priority());
        note.set("");
        subjectError.set("");
        error.set("");
        open.set(true);
    }

    public void cancel() {
        if (!busy.get()) {
            open.set(false);
        }
    }

    /** Sends the changed fields (if any), then the note (if any), in that order. */
    public void save() {
        if (!canSave.get()) {
            if (open.get() && text(subject.get()) == null) {
                subjectError.set(messages.get("ticket.edit.subject.required"));
            }
            return;
        }
        subjectError.set("");
        error.set("");
        TicketView base = ticket;
        TicketUpdateRequest request = changes();
        String text = text(note.get());
        busy.set(true);
        if (request == null) {
            sendNote(base.id(), text, false);
            return;
        }
        tasks.run(() -> api.updateTicket(base.id(), request), view -> {
            changesSent = true;
            ticket = view;
            saved.accept(view);
            sendNote(base.id(), text, false);
        }, e -> {
            if (e instanceof ApiException api && api.status() == CONFLICT) {
                changesSent = true; // the offline store holds them for the merge
                sendNote(base.id(), text, true);
            } else {
                fail(e);
            }
        });
    }

    private void sendNote(long id, String text, boolean conflict) {
        if (text == null) {
            finish(conflict);
            return;
        }
        tasks.run(() -> api.addNote(id, text), view -> {
            saved.accept(view);
            finish(conflict);
        }, this::fail);
    }

    private void finish(boolean conflict) {
        busy.set(false);
        open.set(false);
        if (conflict) {
            notices.post(messages.get("ticket.edit.conflict"));
        }
    }

    private void fail(Exception e) {
        busy.set(false);
        error.set(errors.of(e));
    }

    /** Only what the agent changed; null when nothing is. */
    private TicketUpdateRequest changes() {
        if (changesSent) {
            return null;
        }
        String s = text(subject.get());
        String newSubject = s != null && !s.equals(ticket.subject()) ? s : null;
        TicketStatus newStatus = Objects.equals(status.get(), ticket.status()) ? null : status.get();
        TicketPriority newPriority = Objects.equals(priority.get(), ticket.priority()) ? null : priority.get();
        if (newSubject == null && newStatus == null && newPriority == null) {
            return null;
        }
        return new TicketUpdateRequest(newSubject, newStatus, newPriority, ticket.version(), null);
    }

    private boolean savable() {
        return open.get() && !busy.get() && ticket != null && text(subject.get()) != null
                && (changes() != null || text(note.get()) != null);
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    // ---- what the view binds ----

    public StringProperty subjectProperty() {
        return subject;
    }

    public ObjectProperty<TicketStatus> statusProperty() {
        return status;
    }

    public ObjectProperty<TicketPriority> priorityProperty() {
        return priority;
    }

    public StringProperty noteProperty() {
        return note;
    }

    public ReadOnlyBooleanProperty openProperty() {
        return open.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Something changed or a note is written, and nothing is on its way. */
    public ReadOnlyBooleanProperty canSaveProperty() {
        return canSave.getReadOnlyProperty();
    }

    /** "Edit ticket T-12". */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty subjectErrorProperty() {
        return subjectError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
