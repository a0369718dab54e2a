package dev.switchboard.desktop.ticket;

import dev.switchboard.api.CaseView;
import dev.switchboard.api.SlaView;
import dev.switchboard.api.TicketUpdateRequest;
import dev.switchboard.api.TicketView;
import dev.switchboard.client.ApiException;
import dev.switchboard.client.SwitchboardApi;
import dev.switchboard.desktop.EnumText;
import dev.switchboard.desktop.ErrorText;
import dev.switchboard.desktop.Formats;
import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.NoticeBoard;
import dev.switchboard.desktop.TaskRunner;
import dev.switchboard.domain.NoteVisibility;
import dev.switchboard.domain.TicketKind;
import dev.switchboard.domain.TicketPriority;
import dev.switchboard.domain.sla.SlaState;
import dev.switchboard.domain.TicketStatus;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Edits one of the customer's open tickets: subject, status and priority, and a note to add (internal,
 * or what the customer was told). Saving sends only the fields the agent changed, against the version
 * they saw, then the note; the card shows the ticket as the server answered it. A colleague's change
 * crossing the agent's (409) closes the editor: the offline store keeps both sides and the banner
 * offers the merge.
 *
 * <p>The case is shown above the fields: the kind and a complaint's details, both SLA clocks, the time
 * promised to the customer, and the history. Solving or closing a complaint asks whether the reply
 * addressed the complaint actually raised; Save waits for the answer. Another ticket's number can be
 * merged in as a duplicate or linked as related, and the agent can watch the ticket.
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
    private final ReadOnlyStringWrapper caseLine = new ReadOnlyStringWrapper(this, "caseLine", "");
    private final ReadOnlyStringWrapper slaLine = new ReadOnlyStringWrapper(this, "slaLine", "");
    private final ReadOnlyObjectWrapper<SlaState> slaState = new ReadOnlyObjectWrapper<>(this, "slaState");
    private final ReadOnlyStringWrapper promiseLine = new ReadOnlyStringWrapper(this, "promiseLine", "");
    private final ObservableList<String> history = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper complaint = new ReadOnlyBooleanWrapper(this, "complaint");
    private final ReadOnlyBooleanWrapper askAddressed = new ReadOnlyBooleanWrapper(this, "askAddressed");
    private final ObjectProperty<Boolean> addressed = new SimpleObjectProperty<>(this, "addressed");
    private final BooleanProperty reply = new SimpleBooleanProperty(this, "reply");
    private final StringProperty related = new SimpleStringProperty(this, "related", "");
    private final ReadOnlyBooleanWrapper watching = new ReadOnlyBooleanWrapper(this, "watching");
    private final Formats formats;
    private final EnumText enums;
    private final Long me;
    private TicketView ticket;
    /** The field changes went out already (accepted, or held as a conflict): a retry sends only the note. */
    private boolean changesSent;

    /**
     * {@code saved} gets each version of the ticket the server answers (the card's table shows it);
     * {@code me} is the signed-in agent (null when unknown), for "watching".
     */
    public TicketEditorViewModel(SwitchboardApi api, TaskRunner tasks, Messages messages, ErrorText errors,
                                 NoticeBoard notices, Formats formats, EnumText enums, Long me,
                                 Consumer<TicketView> saved) {
        this.api = api;
        this.tasks = tasks;
        this.messages = messages;
        this.errors = errors;
        this.notices = notices;
        this.formats = formats;
        this.enums = enums;
        this.me = me;
        this.saved = saved;
        askAddressed.bind(Bindings.createBooleanBinding(() -> complaint.get() && ticket != null
                && ticket.status().isOpen() && status.get() != null && !status.get().isOpen(), complaint, status, open));
        canSave.bind(Bindings.createBooleanBinding(this::savable, subject, status, priority, note, busy, open,
                askAddressed, addressed));
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
        reply.set(false);
        related.set("");
        addressed.set(null);
        subjectError.set("");
        error.set("");
        show(view);
        open.set(true);
    }

    /** The case as the ticket now stands: kind and complaint, clocks, promise, history, watching. */
    private void show(TicketView view) {
        CaseView c = view.caseFile();
        complaint.set(c.kind() == TicketKind.COMPLAINT);
        StringBuilder line = new StringBuilder(enums.kind(c.kind()));
        if (c.severity() != null) {
            line.append(" · ").append(enums.severity(c.severity()));
        }
        if (c.department() != null) {
            line.append(" · ").append(c.department());
        }
        if (c.category() != null) {
            line.append(" · ").append(c.category());
        }
        if (c.assigneeName() != null) {
            line.append(" · ").append(messages.format("ticket.case.assignee", c.assigneeName()));
        }
        if (c.mergedInto() != null) {
            line.append(" · ").append(messages.format("ticket.case.mergedInto", messages.format("ticket.number", c.mergedInto())));
        }
        if (!c.linkedTicketIds().isEmpty()) {
            line.append(" · ").append(messages.format("ticket.case.linked", c.linkedTicketIds().stream()
                    .map(id -> messages.format("ticket.number", id)).collect(java.util.stream.Collectors.joining(", "))));
        }
        caseLine.set(line.toString());
        slaLine.set(String.join(" · ", java.util.stream.Stream.of(
                clock(true, c.firstResponse()), clock(false, c.resolution()))
                .filter(x -> x != null).toList()));
        slaState.set(worst(c.firstResponse(), c.resolution()));
        promiseLine.set(c.promisedAt() == null ? ""
                : messages.format(c.addressed() == null ? "ticket.case.promised" : c.addressed()
                        ? "ticket.case.promised.addressed" : "ticket.case.promised.notAddressed",
                formats.dateTime(c.promisedAt())));
        history.setAll(c.history().stream().map(h -> formats.dateTime(h.at()) + "  "
                + (h.actorName() == null || h.actorName().isBlank() ? "" : h.actorName() + ": ") + h.what()).toList());
        watching.set(me != null && c.watcherIds().contains(me));
    }

    private String clock(boolean response, SlaView sla) {
        if (sla == null) {
            return null;
        }
        if (sla.stopped()) {
            String outcome = messages.get(sla.state() == SlaState.BREACHED ? "ticket.case.late" : "ticket.case.inTime");
            return messages.format(response ? "ticket.case.firstResponse.met" : "ticket.case.resolution.met",
                    formats.dateTime(sla.metAt()), outcome);
        }
        String state = messages.get(switch (sla.state()) {
            case RUNNING -> "ticket.case.state.running";
            case NEAR -> "ticket.case.state.near";
            case BREACHED -> "ticket.case.state.breached";
            case PAUSED -> "ticket.case.state.paused";
        });
        return messages.format(response ? "ticket.case.firstResponse" : "ticket.case.resolution",
                formats.dateTime(sla.due()), state);
    }

    /** The state that needs the agent most, of the clocks still running. */
    private static SlaState worst(SlaView... clocks) {
        SlaState worst = null;
        for (SlaView c : clocks) {
            if (c == null || c.stopped()) {
                continue;
            }
            if (worst == null || rank(c.state()) > rank(worst)) {
                worst = c.state();
            }
        }
        return worst;
    }

    private static int rank(SlaState s) {
        return switch (s) {
            case PAUSED -> 0;
            case RUNNING -> 1;
            case NEAR -> 2;
            case BREACHED -> 3;
        };
    }

    /** Starts or stops watching the ticket. */
    public void toggleWatch() {
        if (ticket == null || busy.get()) {
            return;
        }
        boolean watch = !watching.get();
        act(() -> api.watchTicket(ticket.id(), watch), watch ? "ticket.watch.started" : "ticket.watch.stopped");
    }

    /** Merges the ticket whose number is in the related field into this one, as a duplicate. */
    public void mergeRelated() {
        Long other = relatedNumber();
        if (other != null) {
            act(() -> api.mergeTicket(ticket.id(), other), "ticket.merge.done");
        }
    }

    /** Links the ticket whose number is in the related field as related. */
    public void linkRelated() {
        Long other = relatedNumber();
        if (other != null) {
            act(() -> api.linkTicket(ticket.id(), other, true), "ticket.link.done");
        }
    }

    private Long relatedNumber() {
        if (ticket == null || busy.get()) {
            return null;
        }
        String text = related.get() == null ? "" : related.get().strip();
        if (text.regionMatches(true, 0, "T-", 0, 2)) {
            text = text.substring(2);
        }
        try {
            long id = Long.parseLong(text);
            if (id == ticket.id()) {
                error.set(messages.get("ticket.related.self"));
                return null;
            }
            return id;
        } catch (NumberFormatException e) {
            error.set(messages.get("ticket.related.invalid"));
            return null;
        }
    }

    /** A ticket action outside Save: the editor stays open on the answer. */
    private void act(java.util.concurrent.Callable<TicketView> call, String doneKey) {
        error.set("");
        busy.set(true);
        tasks.run(call, view -> {
            busy.set(false);
            related.set("");
            ticket = view;
            saved.accept(view);
            show(view);
            notices.post(messages.format(doneKey, messages.format("ticket.number", view.id())));
        }, this::fail);
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
        NoteVisibility visibility = reply.get() ? NoteVisibility.REPLY : NoteVisibility.INTERNAL;
        tasks.run(() -> visibility == NoteVisibility.REPLY ? api.addNote(id, text, visibility) : api.addNote(id, text), view -> {
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
        Boolean answer = askAddressed.get() ? addressed.get() : null;
        return answer == null ? new TicketUpdateRequest(newSubject, newStatus, newPriority, ticket.version(), null)
                : new TicketUpdateRequest(newSubject, newStatus, newPriority, ticket.version(), null, null, null, null,
                null, answer);
    }

    private boolean savable() {
        return open.get() && !busy.get() && ticket != null && text(subject.get()) != null
                && (!askAddressed.get() || addressed.get() != null)
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

    public ReadOnlyStringProperty caseLineProperty() {
        return caseLine.getReadOnlyProperty();
    }

    /** Both clocks: when each is due and how it stands, or when it was met. */
    public ReadOnlyStringProperty slaLineProperty() {
        return slaLine.getReadOnlyProperty();
    }

    /** The state of the running clock that needs the agent most (null when none runs). */
    public ReadOnlyObjectProperty<SlaState> slaStateProperty() {
        return slaState.getReadOnlyProperty();
    }

    /** The time promised to the customer (a complaint), and, once closed, whether the reply addressed it. */
    public ReadOnlyStringProperty promiseLineProperty() {
        return promiseLine.getReadOnlyProperty();
    }

    public ObservableList<String> history() {
        return FXCollections.unmodifiableObservableList(history);
    }

    public ReadOnlyBooleanProperty complaintProperty() {
        return complaint.getReadOnlyProperty();
    }

    /** A complaint is being solved or closed: the closing question must be answered. */
    public ReadOnlyBooleanProperty askAddressedProperty() {
        return askAddressed.getReadOnlyProperty();
    }

    /** The answer to "did the reply address the complaint actually raised?" (null: not answered). */
    public ObjectProperty<Boolean> addressedProperty() {
        return addressed;
    }

    /** The note records what the customer was told. */
    public BooleanProperty replyProperty() {
        return reply;
    }

    /** Another ticket's number, to merge in or link. */
    public StringProperty relatedProperty() {
        return related;
    }

    public ReadOnlyBooleanProperty watchingProperty() {
        return watching.getReadOnlyProperty();
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
