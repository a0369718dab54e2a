package dev.switchboard.desktop.ticket;

import dev.switchboard.api.NewTicketRequest;
import dev.switchboard.api.TicketView;
import dev.switchboard.client.SwitchboardApi;
import dev.switchboard.desktop.EnumText;
import dev.switchboard.desktop.ErrorText;
import dev.switchboard.desktop.Formats;
import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.NoticeBoard;
import dev.switchboard.desktop.TaskRunner;
import dev.switchboard.domain.Channel;
import dev.switchboard.domain.Severity;
import dev.switchboard.domain.TicketKind;
import dev.switchboard.domain.TicketPriority;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.function.Consumer;

/**
 * A new ticket for the customer on the card, linked to the contact in hand. A complaint also needs its
 * severity, department and category, and may carry a promised answer time and a callback; everything
 * is checked here before it is sent, and a refusal keeps every field. Once created, a complaint's
 * acknowledgement (the words the server wants the customer told) stays on the card until dismissed.
 */
public final class NewTicketViewModel {
    /** Who the ticket is for: the customer on the card, and the contact in hand (both null for none). */
    public record For(long customerId, String customerName, Long interactionId, Channel channel) {
    }

    /** When the promised callback is booked; computed from the desktop's (server-aligned) clock. */
    public enum Callback { NONE, IN_TWO_HOURS, TOMORROW_MORNING, IN_TWO_DAYS }

    static final LocalTime MORNING = LocalTime.of(10, 0);
    /** A promise given with a day but no time: the end of the working day. */
    static final LocalTime END_OF_DAY = LocalTime.of(17, 0);

    private final SwitchboardApi api;
    private final TaskRunner tasks;
    private final Messages messages;
    private final Formats formats;
    private final EnumText enums;
    private final ErrorText errors;
    private final NoticeBoard notices;
    private final Clock clock;
    private final NewTicketPromise promiseTime;
    private final StringProperty subject = new SimpleStringProperty(this, "subject", "");
    private final ObjectProperty<TicketKind> kind = new SimpleObjectProperty<>(this, "kind", TicketKind.QUESTION);
    private final ObjectProperty<TicketPriority> priority = new SimpleObjectProperty<>(this, "priority",
            TicketPriority.NORMAL);
    private final StringProperty note = new SimpleStringProperty(this, "note", "");
    private final ObjectProperty<Severity> severity = new SimpleObjectProperty<>(this, "severity");
    private final StringProperty department = new SimpleStringProperty(this, "department", "");
    private final StringProperty category = new SimpleStringProperty(this, "category", "");
    private final ObjectProperty<LocalDate> promisedDate = new SimpleObjectProperty<>(this, "promisedDate");
    private final StringProperty promisedTime = new SimpleStringProperty(this, "promisedTime", "");
    private final ObjectProperty<Callback> callback = new SimpleObjectProperty<>(this, "callback", Callback.NONE);
    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper(this, "open");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper complaint = new ReadOnlyBooleanWrapper(this, "complaint");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper linked = new ReadOnlyStringWrapper(this, "linked", "");
    private final ReadOnlyStringWrapper callbackHelp = new ReadOnlyStringWrapper(this, "callbackHelp", "");
    private final ReadOnlyStringWrapper subjectError = new ReadOnlyStringWrapper(this, "subjectError", "");
    private final ReadOnlyStringWrapper severityError = new ReadOnlyStringWrapper(this, "severityError", "");
    private final ReadOnlyStringWrapper departmentError = new ReadOnlyStringWrapper(this, "departmentError", "");
    private final ReadOnlyStringWrapper categoryError = new ReadOnlyStringWrapper(this, "categoryError", "");
    private final ReadOnlyStringWrapper promisedError = new ReadOnlyStringWrapper(this, "promisedError", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final NewTicketAcknowledgement acknowledgement;
    private For target;
    private Consumer<TicketView> onCreated = t -> { };

    public NewTicketViewModel(SwitchboardApi api, TaskRunner tasks, Messages messages, EnumText enums, Formats formats,
                              ErrorText errors, NoticeBoard notices, Clock clock) {
        this.api = api;
        this.tasks = tasks;
        this.messages = messages;
        this.enums = enums;
        this.formats = formats;
        this.errors = errors;
        this.notices = notices;
        this.clock = clock;
        this.promiseTime = new NewTicketPromise(messages, clock);
        this.acknowledgement = new NewTicketAcknowledgement(messages, enums, formats);
        complaint.bind(Bindings.createBooleanBinding(() -> kind.get() == TicketKind.COMPLAINT, kind));
        callbackHelp.bind(Bindings.createStringBinding(this::describeCallback, callback, open));
        clearOnEdit(subject, subjectError);
        clearOnEdit(severity, severityError);
        clearOnEdit(department, departmentError);
        clearOnEdit(category, categoryError);
        clearOnEdit(promisedTime, promisedError);
        clearOnEdit(promisedDate, promisedError);
        promisedDate.addListener((obs, old, now) -> {
            if (now != null && promisedTime.get().isBlank()) {
                promisedTime.set(promiseTime.text(END_OF_DAY));
            }
        });
    }

    /** Each ticket created, as the server answered it (the card lists it). */
    public void onCreated(Consumer<TicketView> listener) {
        this.onCreated = listener == null ? t -> { } : listener;
    }

    /** A fresh form for the customer (and contact) given. */
    public void open(For who) {
        if (who == null || busy.get()) {
            return;
        }
        target = who;
        title.set(messages.format("ticket.new.title", who.customerName()));
        linked.set(who.interactionId() == null ? ""
                : messages.format("ticket.new.linked", who.channel() == null ? "" : enums.channel(who.channel())));
        subject.set("");
        kind.set(TicketKind.QUESTION);
        priority.set(TicketPriority.NORMAL);
        note.set("");
        severity.set(null);
        department.set("");
        category.set("");
        promisedDate.set(null);
        promisedTime.set("");
        callback.set(Callback.NONE);
        clearErrors();
        open.set(true);
    }

    /** Asked for with no customer on the card: says so instead of opening. */
    public void noCustomer() {
        notices.post(messages.get("ticket.new.noCustomer"));
    }

    public void cancel() {
        if (!busy.get()) {
            open.set(false);
        }
    }

    /** Checks every field, then sends; a field in the wrong gets its message and nothing goes out. */
    public void save() {
        if (!open.get() || busy.get()) {
            return;
        }
        clearErrors();
        boolean isComplaint = complaint.get();
        String s = text(subject.get());
        if (s == null) {
            subjectError.set(messages.get("ticket.new.subject.required"));
        }
        Instant promised = null;
        if (isComplaint) {
            if (severity.get() == null) {
                severityError.set(messages.get("ticket.new.severity.required"));
            }
            if (text(department.get()) == null) {
                departmentError.set(messages.get("ticket.new.department.required"));
            }
            if (text(category.get()) == null) {
                categoryError.set(messages.get("ticket.new.category.required"));
            }
            NewTicketPromise.Result p = promiseTime.parse(promisedDate.get(), promisedTime.get());
            promised = p.instant();
            promisedError.set(p.problem());
        }
        if (hasFieldError()) {
            return;
        }
        For who = target;
        NewTicketRequest request = new NewTicketRequest(who.customerId(), s, priority.get(), text(note.get()),
                who.interactionId(), kind.get(), isComplaint ? severity.get() : null,
                isComplaint ? text(department.get()) : null, isComplaint ? text(category.get()) : null,
                promised, isComplaint ? callbackAt(callback.get(), clock) : null, null);
        busy.set(true);
        tasks.run(() -> api.createTicket(request), view -> created(who, view, isComplaint), this::failed);
    }

    /** The agent read the acknowledgement out (or no longer needs it). */
    public void dismissAcknowledgement() {
        acknowledgement.clear();
    }

    /** The card now shows this customer (-1 for none): an acknowledgement for another one goes. */
    public void customerShown(long customerId) {
        acknowledgement.keepOnlyFor(customerId);
    }

    private void created(For who, TicketView view, boolean wasComplaint) {
        busy.set(false);
        open.set(false);
        onCreated.accept(view);
        if (!acknowledgement.show(who, view, wasComplaint)) {
            notices.post(messages.format("ticket.new.created", messages.format("ticket.number", view.id()),
                    who.customerName()));
        }
    }

    private void failed(Exception e) {
        busy.set(false);
        String text = errors.of(e);
        String field = ErrorText.field(e);
        ReadOnlyStringWrapper blamed = field == null ? null : switch (field) {
            case "subject" -> subjectError;
            case "severity" -> severityError;
            case "department" -> departmentError;
            case "category" -> categoryError;
            case "promisedAt" -> promisedError;
            default -> null;
        };
        (blamed != null && (complaint.get() || blamed == subjectError) ? blamed : error).set(text);
    }

    /** When the choice books the callback: from now on the desktop's clock, in its time zone. */
    static Instant callbackAt(Callback choice, Clock clock) {
        if (choice == null) {
            return null;
        }
        LocalDate today = LocalDate.now(clock);
        return switch (choice) {
            case NONE -> null;
            case IN_TWO_HOURS -> clock.instant().plusSeconds(2 * 3600);
            case TOMORROW_MORNING -> today.plusDays(1).atTime(MORNING).atZone(clock.getZone()).toInstant();
            case IN_TWO_DAYS -> today.plusDays(2).atTime(MORNING).atZone(clock.getZone()).toInstant();
        };
    }

    public String callbackText(Callback choice) {
        return choice == null ? "" : messages.get(switch (choice) {
            case NONE -> "ticket.new.callback.none";
            case IN_TWO_HOURS -> "ticket.new.callback.twoHours";
            case TOMORROW_MORNING -> "ticket.new.callback.tomorrow";
            case IN_TWO_DAYS -> "ticket.new.callback.twoDays";
        });
    }

    private String describeCallback() {
        Instant at = callbackAt(callback.get(), clock);
        return at == null ? "" : messages.format("ticket.new.callback.help", formats.dateTime(at));
    }

    /** Suggestions for the department box; the agent may type another. */
    public List<String> departments() {
        return suggestions("ticket.new.departments");
    }

    /** Suggestions for the category box; the agent may type another. */
    public List<String> categories() {
        return suggestions("ticket.new.categories");
    }

    private List<String> suggestions(String key) {
        return List.of(messages.get(key).split("\\s*\\|\\s*"));
    }

    private boolean hasFieldError() {
        return !subjectError.get().isEmpty() || !severityError.get().isEmpty() || !departmentError.get().isEmpty()
                || !categoryError.get().isEmpty() || !promisedError.get().isEmpty();
    }

    private void clearErrors() {
        subjectError.set("");
        severityError.set("");
        departmentError.set("");
        categoryError.set("");
        promisedError.set("");
        error.set("");
    }

    private static void clearOnEdit(ObservableValue<?> field, ReadOnlyStringWrapper message) {
        field.addListener((obs, old, now) -> message.set(""));
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    // ---- what the view binds ----

    public StringProperty subjectProperty() {
        return subject;
    }

    public ObjectProperty<TicketKind> kindProperty() {
        return kind;
    }

    public ObjectProperty<TicketPriority> priorityProperty() {
        return priority;
    }

    public StringProperty noteProperty() {
        return note;
    }

    public ObjectProperty<Severity> severityProperty() {
        return severity;
    }

    public StringProperty departmentProperty() {
        return department;
    }

    public StringProperty categoryProperty() {
        return category;
    }

    /** The day promised to the customer; null: the resolution target is the promise. */
    public ObjectProperty<LocalDate> promisedDateProperty() {
        return promisedDate;
    }

    /** The time of day promised, as typed ("16:30"). */
    public StringProperty promisedTimeProperty() {
        return promisedTime;
    }

    public ObjectProperty<Callback> callbackProperty() {
        return callback;
    }

    public ReadOnlyBooleanProperty openProperty() {
        return open.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The kind is Complaint: its own fields show. */
    public ReadOnlyBooleanProperty complaintProperty() {
        return complaint.getReadOnlyProperty();
    }

    /** "New ticket for Ada Lovelace". */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** "Linked to this phone contact"; "" when no contact is in hand. */
    public ReadOnlyStringProperty linkedProperty() {
        return linked.getReadOnlyProperty();
    }

    /** When the chosen callback would be, in words. */
    public ReadOnlyStringProperty callbackHelpProperty() {
        return callbackHelp.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty subjectErrorProperty() {
        return subjectError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty severityErrorProperty() {
        return severityError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty departmentErrorProperty() {
        return departmentError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty categoryErrorProperty() {
        return categoryError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty promisedErrorProperty() {
        return promisedError.getReadOnlyProperty();
    }

    /** A refusal that names no field, or the server not reached. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The acknowledgement of the complaint just created, until dismissed. */
    public NewTicketAcknowledgement acknowledgement() {
        return acknowledgement;
    }
}
