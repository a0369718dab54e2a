package dev.switchboard.desktop.wrapup;

import dev.switchboard.api.CodeView;
import dev.switchboard.api.ConfigView;
import dev.switchboard.api.RoutingView;
import dev.switchboard.api.TicketView;
import dev.switchboard.api.WrapUpRequest;
import dev.switchboard.api.WrapUpTicket;
import dev.switchboard.client.SwitchboardApi;
import dev.switchboard.desktop.ErrorText;
import dev.switchboard.desktop.Formats;
import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.Subscriptions;
import dev.switchboard.desktop.TaskRunner;
import dev.switchboard.desktop.Urgency;
import dev.switchboard.desktop.contacts.ContactItem;
import dev.switchboard.desktop.contacts.ContactsViewModel;
import dev.switchboard.desktop.session.AgentSession;
import dev.switchboard.domain.InteractionState;
import dev.switchboard.domain.TicketPriority;
import dev.switchboard.domain.TicketStatus;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * After-contact work for the selected contact while it is in WRAP_UP: the countdown to its deadline, a
 * disposition (one key each, 1–9), notes, and a ticket to update or open. Drafts are kept per contact
 * while the agent looks at another tab. Submitting finishes the contact; its tab then closes.
 */
public final class WrapUpViewModel {
    private final ContactsViewModel contacts;
    private final AgentSession session;
    private final SwitchboardApi api;
    private final TaskRunner tasks;
    private final Messages messages;
    private final ErrorText errors;
    private final Clock clock;
    private final Subscriptions subscriptions = new Subscriptions();
    private final Map<Long, WrapUpDraft> drafts = new HashMap<>();
    private final ChangeListener<InteractionState> stateListener = (obs, old, now) -> follow();
    private final ReadOnlyObjectWrapper<ContactItem> contact = new ReadOnlyObjectWrapper<>(this, "contact");
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(this, "active");
    private final ObservableList<CodeView> dispositions = FXCollections.observableArrayList();
    private final ObjectProperty<CodeView> disposition = new SimpleObjectProperty<>(this, "disposition");
    private final StringProperty notes = new SimpleStringProperty(this, "notes", "");
    private final ObjectProperty<TicketMode> ticketMode = new SimpleObjectProperty<>(this, "ticketMode", TicketMode.NONE);
    private final ObservableList<TicketView> tickets = FXCollections.observableArrayList();
    private final ObjectProperty<TicketView> ticket = new SimpleObjectProperty<>(this, "ticket");
    private final ObjectProperty<TicketStatus> ticketStatus = new SimpleObjectProperty<>(this, "ticketStatus");
    private final ObjectProperty<TicketPriority> ticketPriority = new SimpleObjectProperty<>(this, "ticketPriority");
    private final StringProperty ticketNote = new SimpleStringProperty(this, "ticketNote", "");
    /** The answer to a complaint's closing question: did the reply address the complaint raised? */
    private final ObjectProperty<Boolean> addressed = new SimpleObjectProperty<>(this, "addressed");
    private final javafx.beans.property.ReadOnlyBooleanWrapper closingQuestion =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "closingQuestion");
    private final StringProperty newSubject = new SimpleStringProperty(this, "newSubject", "");
    private final ObjectProperty<TicketPriority> newPriority =
            new SimpleObjectProperty<>(this, "newPriority", TicketPriority.NORMAL);
    private final ReadOnlyBooleanWrapper canTicket = new ReadOnlyBooleanWrapper(this, "canTicket");
    private final ReadOnlyBooleanWrapper required = new ReadOnlyBooleanWrapper(this, "required");
    private final ReadOnlyBooleanWrapper overdue = new ReadOnlyBooleanWrapper(this, "overdue");
    private final ReadOnlyStringWrapper countdown = new ReadOnlyStringWrapper(this, "countdown", "");
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper(this, "caption", "");
    private final ReadOnlyObjectWrapper<Urgency> urgency = new ReadOnlyObjectWrapper<>(this, "urgency", Urgency.NORMAL);
    private final ReadOnlyStringWrapper dispositionError = new ReadOnlyStringWrapper(this, "dispositionError", "");
    private final ReadOnlyStringWrapper notesError = new ReadOnlyStringWrapper(this, "notesError", "");
    private final ReadOnlyStringWrapper ticketError = new ReadOnlyStringWrapper(this, "ticketError", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");

    public WrapUpViewModel(ContactsViewModel contacts, AgentSession session, SwitchboardApi api, TaskRunner tasks,
                           Messages messages, ErrorText errors, Clock clock) {
        this.contacts = contacts;
        this.session = session;
        this.api = api;
        this.tasks = tasks;
        this.messages = messages;
        this.errors = errors;
        this.clock = clock;
        subscriptions.listen(contacts.selectedProperty(), (obs, old, now) -> {
            if (old != null) {
                old.stateProperty().removeListener(stateListener);
            }
            if (now != null) {
                now.stateProperty().addListener(stateListener);
            }
            follow();
        });
        subscriptions.onClose(() -> {
            ContactItem item = contacts.selectedProperty().get();
            if (item != null) {
                item.stateProperty().removeListener(stateListener);
            }
        });
        subscriptions.listen(session.configProperty(), (obs, old, now) -> showDispositions(now));
        subscriptions.listen(ticket, (obs, old, now) -> {
            if (now != null) {
                ticketStatus.set(now.status());
                ticketPriority.set(now.priority());
            }
            if (old == null || now == null || old.id() != now.id()) {
                addressed.set(null);
            }
            askClosingQuestion();
        });
        subscriptions.listen(ticketStatus, (obs, old, now) -> askClosingQuestion());
        subscriptions.listen(ticketMode, (obs, old, now) -> askClosingQuestion());
        showDispositions(session.configProperty().get());
        ContactItem first = contacts.selectedProperty().get();
        if (first != null) {
            first.stateProperty().addListener(stateListener);
        }
        follow();
    }

    /** The digit keys 1–9 pick the disposition of that number; false if there is none. */
    public boolean chooseDisposition(int number) {
        if (!active.get() || number < 1 || number > dispositions.size()) {
            return false;
        }
        disposition.set(dispositions.get(number - 1));
        dispositionError.set("");
        return true;
    }

    /** Finishes the wrap-up: disposition, notes and the ticket change go to the server in one request. */
    public void submit() {
        ContactItem item = contact.get();
        if (item == null || busy.get()) {
            return;
        }
        clearErrors();
        if (required.get() && disposition.get() == null) {
            dispositionError.set(messages.get("wrapup.error.disposition"));
            return;
        }
        WrapUpTicket change;
        try {
            change = ticketChange();
        } catch (IllegalStateException missing) {
            ticketError.set(missing.getMessage());
            return;
        }
        WrapUpRequest request = new WrapUpRequest(disposition.get() == null ? null : disposition.get().code(),
                blankToNull(notes.get()), change);
        busy.set(true);
        tasks.run(() -> api.wrapUp(item.interactionId(), request), view -> {
            busy.set(false);
            drafts.remove(item.interactionId());
            contacts.onInteraction(view);
        }, e -> {
            busy.set(false);
            showError(e);
        });
    }

    /** Called every second: the countdown to the deadline, and overdue after it when a disposition is required. */
    public void tick(Instant now) {
        ContactItem item = contact.get();
        RoutingView routing = item == null ? null : item.routing();
        Instant deadline = routing == null ? null : routing.wrapUpDeadline();
        if (deadline == null) {
            countdown.set("");
            caption.set(required.get() ? messages.get("wrapup.caption.required") : messages.get("wrapup.caption.open"));
            urgency.set(Urgency.NORMAL);
            overdue.set(false);
            return;
        }
        Duration left = Duration.between(now, deadline);
        boolean late = left.isNegative() || left.isZero();
        overdue.set(late && required.get());
        urgency.set(Urgency.ofCountdown(left));
        if (!late) {
            countdown.set(Formats.clock(left.plusMillis(999)));
            caption.set(required.get() ? messages.get("wrapup.caption.leftRequired") : messages.get("wrapup.caption.left"));
        } else if (required.get()) {
            countdown.set(Formats.clock(left.negated()));
            caption.set(messages.get("wrapup.caption.overdue"));
        } else {
            countdown.set(Formats.clock(Duration.ZERO));
            caption.set(messages.get("wrapup.caption.closing"));
        }
    }

    public void dispose() {
        subscriptions.close();
    }

    private void follow() {
        ContactItem item = contacts.selectedProperty().get();
        boolean wrapping = item != null && item.state() == InteractionState.WRAP_UP;
        ContactItem next = wrapping ? item : null;
        ContactItem previous = contact.get();
        if (previous == next) {
            return;
        }
        if (previous != null) {
            if (previous.state() == InteractionState.WRAP_UP && contacts.items().contains(previous)) {
                drafts.put(previous.interactionId(), save());
            } else {
                drafts.remove(previous.interactionId());
            }
        }
        // the panel shows first, so whatever follows the contact (the cursor) finds it on screen
        active.set(next != null);
        clearErrors();
        if (next != null) {
            open(next);
        }
        contact.set(next);
        tick(clock.instant());
    }

    private void open(ContactItem item) {
        RoutingView routing = item.routing();
        required.set(routing != null && routing.wrapUpRequired());
        Long customerId = item.customer() == null ? null : item.customer().id();
        canTicket.set(customerId != null);
        WrapUpDraft draft = drafts.get(item.interactionId());
        if (draft == null) {
            draft = WrapUpDraft.fresh(customerId == null ? List.of() : popTickets(item, customerId));
            if (customerId != null) {
                loadTickets(item, customerId);
            }
        }
        restore(draft);
    }

    private static List<TicketView> popTickets(ContactItem item, long customerId) {
        List<TicketView> open = item.pop().openTickets();
        return open == null ? List.of() : open.stream().filter(t -> t.customerId() == customerId).toList();
    }

    private void loadTickets(ContactItem item, long customerId) {
        tasks.run(() -> api.openTickets(customerId), list -> {
            if (contact.get() == item) {
                TicketView chosen = ticket.get();
                tickets.setAll(list);
                ticket.set(chosen == null ? null : list.stream().filter(t -> t.id() == chosen.id()).findFirst()
                        .orElse(null));
            }
        }, e -> { });
    }

    private WrapUpTicket ticketChange() {
        return switch (ticketMode.get() == null ? TicketMode.NONE : ticketMode.get()) {
            case NONE -> null;
            case UPDATE -> {
                TicketView chosen = ticket.get();
                if (chosen == null) {
                    throw new IllegalStateException(messages.get("wrapup.error.ticket"));
                }
                if (closingQuestion.get() && addressed.get() == null) {
                    throw new IllegalStateException(messages.get("wrapup.error.addressed"));
                }
                yield new WrapUpTicket(chosen.id(), null, ticketPriority.get(), ticketStatus.get(),
                        blankToNull(ticketNote.get()), closingQuestion.get() ? addressed.get() : null);
            }
            case NEW -> {
                if (newSubject.get() == null || newSubject.get().isBlank()) {
                    throw new IllegalStateException(messages.get("wrapup.error.subject"));
                }
                yield new WrapUpTicket(null, newSubject.get().strip(), newPriority.get(), null, null);
            }
        };
    }

    /** The server names the field it blames: show the message next to that field. */
    private void showError(Exception e) {
        String text = errors.of(e);
        String field = ErrorText.field(e);
        if (field == null) {
            error.set(text);
        } else if (field.startsWith("disposition")) {
            dispositionError.set(text);
        } else if (field.startsWith("notes")) {
            notesError.set(text);
        } else if (field.startsWith("ticket")) {
            ticketError.set(text);
        } else {
            error.set(text);
        }
    }

    private void clearErrors() {
        dispositionError.set("");
        notesError.set("");
        ticketError.set("");
        error.set("");
    }

    private void showDispositions(ConfigView config) {
        CodeView chosen = disposition.get();
        dispositions.setAll(config == null ? List.of() : config.dispositions());
        disposition.set(chosen != null && dispositions.contains(chosen) ? chosen : null);
    }

    private WrapUpDraft save() {
        return new WrapUpDraft(disposition.get(), notes.get(), ticketMode.get(), List.copyOf(tickets), ticket.get(),
                ticketStatus.get(), ticketPriority.get(), ticketNote.get(), newSubject.get(), newPriority.get(),
                addressed.get());
    }

    private void restore(WrapUpDraft d) {
        tickets.setAll(d.tickets());
        disposition.set(d.disposition());
        notes.set(d.notes());
        ticketMode.set(d.mode());
        ticket.set(d.ticket());
        ticketStatus.set(d.status());
        ticketPriority.set(d.priority());
        ticketNote.set(d.ticketNote());
        newSubject.set(d.newSubject());
        newPriority.set(d.newPriority());
        addressed.set(d.addressed());
        askClosingQuestion();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    // ---- what the view binds ----

    /** The contact in wrap-up the panel is about; null when the panel is hidden. */
    public ReadOnlyObjectProperty<ContactItem> contactProperty() {
        return contact.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    public ObservableList<CodeView> dispositions() {
        return dispositions;
    }

    public ObjectProperty<CodeView> dispositionProperty() {
        return disposition;
    }

    public StringProperty notesProperty() {
        return notes;
    }

    public ObjectProperty<TicketMode> ticketModeProperty() {
        return ticketMode;
    }

    /** The customer's open tickets, to update one. */
    public ObservableList<TicketView> tickets() {
        return tickets;
    }

    public ObjectProperty<TicketView> ticketProperty() {
        return ticket;
    }

    public ObjectProperty<TicketStatus> ticketStatusProperty() {
        return ticketStatus;
    }

    public ObjectProperty<TicketPriority> ticketPriorityProperty() {
        return ticketPriority;
    }

    /**
     * Solving or closing a complaint here asks whether the reply addressed the complaint actually
     * raised, as the ticket editor does; wrap-up cannot end until it is answered.
     */
    private void askClosingQuestion() {
        TicketView chosen = ticket.get();
        TicketStatus status = ticketStatus.get();
        closingQuestion.set(ticketMode.get() == TicketMode.UPDATE && chosen != null
                && chosen.caseFile().kind() == dev.switchboard.domain.TicketKind.COMPLAINT
                && (status == TicketStatus.SOLVED || status == TicketStatus.CLOSED));
    }

    public ObjectProperty<Boolean> addressedProperty() {
        return addressed;
    }

    public javafx.beans.property.ReadOnlyBooleanProperty closingQuestionProperty() {
        return closingQuestion.getReadOnlyProperty();
    }

    public StringProperty ticketNoteProperty() {
        return ticketNote;
    }

    public StringProperty newSubjectProperty() {
        return newSubject;
    }

    public ObjectProperty<TicketPriority> newPriorityProperty() {
        return newPriority;
    }

    /** A ticket can be recorded only for a known customer. */
    public ReadOnlyBooleanProperty canTicketProperty() {
        return canTicket.getReadOnlyProperty();
    }

    /** The queue wants a disposition: wrap-up does not end on its own. */
    public ReadOnlyBooleanProperty requiredProperty() {
        return required.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty overdueProperty() {
        return overdue.getReadOnlyProperty();
    }

    /** The clock: time left, or (overdue) time past the deadline. */
    public ReadOnlyStringProperty countdownProperty() {
        return countdown.getReadOnlyProperty();
    }

    /** What the clock means: "left", "left · disposition required", "overdue", "closing". */
    public ReadOnlyStringProperty captionProperty() {
        return caption.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Urgency> urgencyProperty() {
        return urgency.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty dispositionErrorProperty() {
        return dispositionError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty notesErrorProperty() {
        return notesError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty ticketErrorProperty() {
        return ticketError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
