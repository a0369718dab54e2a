package dev.switchboard.desktop.callback;

import dev.switchboard.api.CallbackRequest;
import dev.switchboard.api.ContactPointView;
import dev.switchboard.api.CustomerSummary;
import dev.switchboard.api.InteractionView;
import dev.switchboard.api.NewCallbackRequest;
import dev.switchboard.api.QueueView;
import dev.switchboard.client.SwitchboardApi;
import dev.switchboard.desktop.ErrorText;
import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.NoticeBoard;
import dev.switchboard.desktop.Subscriptions;
import dev.switchboard.desktop.TaskRunner;
import dev.switchboard.desktop.contacts.ContactsViewModel;
import dev.switchboard.desktop.session.AgentSession;
import dev.switchboard.domain.Channel;
import dev.switchboard.domain.ContactKind;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * A callback: for a waiting or active phone contact (now keeps the caller's place in the queue), or
 * for the customer on the card. The number is prefilled; when is now or a date and time; it goes to
 * a queue or to this agent. The panel closes when the server agrees.
 */
public final class CallbackViewModel {
    /** Now, or at a date and time. */
    public enum When { NOW, LATER }

    /** To a queue, or to the agent who asks. */
    public enum To { QUEUE, ME }

    private final ContactsViewModel contacts;
    private final AgentSession session;
    private final SwitchboardApi api;
    private final TaskRunner tasks;
    private final Messages messages;
    private final ErrorText errors;
    private final NoticeBoard notices;
    private final Clock clock;
    private final Subscriptions subscriptions = new Subscriptions();
    private final StringProperty number = new SimpleStringProperty(this, "number", "");
    private final ObservableList<String> numbers = FXCollections.observableArrayList();
    private final ObjectProperty<When> when = new SimpleObjectProperty<>(this, "when", When.NOW);
    private final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>(this, "date");
    private final StringProperty time = new SimpleStringProperty(this, "time", "");
    private final ObjectProperty<To> to = new SimpleObjectProperty<>(this, "to", To.QUEUE);
    private final ObservableList<QueueView> queues = FXCollections.observableArrayList();
    private final ObjectProperty<QueueView> queue = new SimpleObjectProperty<>(this, "queue");
    private final StringProperty note = new SimpleStringProperty(this, "note", "");
    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper(this, "open");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper nowText = new ReadOnlyStringWrapper(this, "nowText", "");
    private final ReadOnlyStringWrapper numberError = new ReadOnlyStringWrapper(this, "numberError", "");
    private final ReadOnlyStringWrapper whenError = new ReadOnlyStringWrapper(this, "whenError", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private Long interactionId;
    private Long customerId;
    private boolean active;

    public CallbackViewModel(ContactsViewModel contacts, AgentSession session, SwitchboardApi api, TaskRunner tasks,
                             Messages messages, ErrorText errors, NoticeBoard notices, Clock clock) {
        this.contacts = contacts;
        this.session = session;
        this.api = api;
        this.tasks = tasks;
        this.messages = messages;
        this.errors = errors;
        this.notices = notices;
        this.clock = clock;
        subscriptions.listen(session.configProperty(), (obs, old, now) -> showQueues(queue.get() == null ? null
                : queue.get().id()));
        showQueues(null);
    }

    /**
     * For a contact waiting in the queue: "now" keeps the caller's place. The number is the caller's
     * own, fetched from the server when not given.
     */
    public void openForWaiting(long id, String who, String knownNumber, Long queueId) {
        start(messages.format("callback.title", who), messages.get("callback.when.keepPlace"), queueId);
        interactionId = id;
        active = false;
        if (knownNumber != null && !knownNumber.isBlank()) {
            number.set(knownNumber);
        } else {
            tasks.run(() -> api.interaction(id), this::prefill, e -> { });
        }
    }

    /** For the selected active call: it leaves the agent and is called back from its queue or by them. */
    public boolean openForActive() {
        var item = contacts.current().filter(i -> i.channel() == Channel.PHONE).orElse(null);
        if (item == null) {
            return false;
        }
        Long queueId = item.routing() == null ? null : item.routing().queueId();
        start(messages.format("callback.title", item.titleProperty().get()), messages.get("callback.when.keepPlace"),
                queueId);
        interactionId = item.interactionId();
        active = true;
        number.set(item.address());
        return true;
    }

    /** For the customer on the card: one of their phone numbers, at a time or as soon as possible. */
    public void openForCustomer(CustomerSummary customer) {
        start(messages.format("callback.title", customer.displayName()), messages.get("callback.when.soon"), null);
        customerId = customer.id();
        List<String> phones = customer.contactPoints() == null ? List.of() : customer.contactPoints().stream()
                .filter(p -> p.kind() == ContactKind.PHONE).map(CallbackViewModel::shown).toList();
        numbers.setAll(phones);
        number.set(phones.isEmpty() ? "" : phones.get(0));
    }

    public void cancel() {
        open.set(false);
        interactionId = null;
        customerId = null;
    }

    public void submit() {
        if (!open.get() || busy.get()) {
            return;
        }
        numberError.set("");
        whenError.set("");
        error.set("");
        String dial = number.get() == null ? "" : number.get().strip();
        if (dial.isEmpty()) {
            numberError.set(messages.get("callback.error.number"));
            return;
        }
        Instant at;
        try {
            at = chosenTime();
        } catch (IllegalArgumentException bad) {
            whenError.set(bad.getMessage());
            return;
        }
        Long queueId = to.get() == To.QUEUE && queue.get() != null ? queue.get().id() : null;
        Long agentId = to.get() == To.ME ? session.agentId() : null;
        String text = note.get() == null || note.get().isBlank() ? null : note.get().strip();
        Long forInteraction = interactionId;
        Long forCustomer = customerId;
        boolean wasActive = active;
        busy.set(true);
        tasks.run(() -> forInteraction != null
                ? api.callback(forInteraction, new CallbackRequest(dial, at, queueId, agentId, text))
                : api.scheduleCallback(new NewCallbackRequest(forCustomer, dial, at, queueId, agentId, text)),
                view -> {
                    busy.set(false);
                    open.set(false);
                    if (wasActive && forInteraction != null) {
                        contacts.handedOff(forInteraction);
                    }
                    notices.post(messages.format("callback.done", dial));
                }, e -> {
                    busy.set(false);
                    String field = ErrorText.field(e);
                    if ("number".equals(field)) {
                        numberError.set(errors.of(e));
                    } else if ("at".equals(field)) {
                        whenError.set(errors.of(e));
                    } else {
                        error.set(errors.of(e));
                    }
                });
    }

    public void dispose() {
        subscriptions.close();
    }

    /** Null for "now" on a contact (keep the place); the moment asked for otherwise. */
    private Instant chosenTime() {
        if (when.get() != When.LATER) {
            return interactionId != null ? null : clock.instant();
        }
        if (date.get() == null) {
            throw new IllegalArgumentException(messages.get("callback.error.date"));
        }
        LocalTime at = parseTime(time.get());
        if (at == null) {
            throw new IllegalArgumentException(messages.get("callback.error.time"));
        }
        Instant moment = ZonedDateTime.of(date.get(), at, clock.getZone()).toInstant();
        if (!moment.isAfter(clock.instant())) {
            throw new IllegalArgumentException(messages.get("callback.error.past"));
        }
        return moment;
    }

    /** "14:30", "14.30", "1430" or "9:05". */
    static LocalTime parseTime(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip().replace('.', ':');
        if (t.matches("\\d{3,4}")) {
            t = t.substring(0, t.length() - 2) + ":" + t.substring(t.length() - 2);
        }
        if (!t.matches("\\d{1,2}:\\d{2}")) {
            return null;
        }
        String[] parts = t.split(":");
        int h = Integer.parseInt(parts[0]);
        int m = Integer.parseInt(parts[1]);
        return h < 24 && m < 60 ? LocalTime.of(h, m) : null;
    }

    private void start(String heading, String nowLabel, Long queueId) {
        title.set(heading);
        nowText.set(nowLabel);
        interactionId = null;
        customerId = null;
        numbers.clear();
        number.set("");
        when.set(When.NOW);
        ZonedDateTime inAnHour = ZonedDateTime.now(clock).plusHours(1).truncatedTo(ChronoUnit.HOURS);
        date.set(inAnHour.toLocalDate());
        time.set(String.format("%02d:%02d", inAnHour.getHour(), inAnHour.getMinute()));
        to.set(To.QUEUE);
        showQueues(queueId);
        note.set("");
        numberError.set("");
        whenError.set("");
        error.set("");
        open.set(true);
    }

    private void prefill(InteractionView view) {
        if (open.get() && view != null && Objects.equals(interactionId, view.id()) && number.get().isBlank()) {
            number.set(view.addressDisplay() != null ? view.addressDisplay() : view.address());
        }
    }

    /** Phone queues first; the contact's own queue chosen when known. */
    private void showQueues(Long preferred) {
        List<QueueView> all = session.configProperty().get().queues();
        queues.setAll(all);
        QueueView chosen = all.stream().filter(q -> preferred != null && q.id() == preferred).findFirst()
                .orElse(all.isEmpty() ? null : all.get(0));
        queue.set(chosen);
    }

    private static String shown(ContactPointView p) {
        return p.display() != null && !p.display().isBlank() ? p.display() : p.value();
    }

    // ---- what the view binds ----

    public StringProperty numberProperty() {
        return number;
    }

    /** The customer's phone numbers to choose from (empty for a contact: its own number is prefilled). */
    public ObservableList<String> numbers() {
        return numbers;
    }

    public ObjectProperty<When> whenProperty() {
        return when;
    }

    public ObjectProperty<LocalDate> dateProperty() {
        return date;
    }

    public StringProperty timeProperty() {
        return time;
    }

    public ObjectProperty<To> toProperty() {
        return to;
    }

    public ObservableList<QueueView> queues() {
        return queues;
    }

    public ObjectProperty<QueueView> queueProperty() {
        return queue;
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

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** What "now" means here: keep the place in the queue, or as soon as possible. */
    public ReadOnlyStringProperty nowTextProperty() {
        return nowText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty numberErrorProperty() {
        return numberError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty whenErrorProperty() {
        return whenError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
