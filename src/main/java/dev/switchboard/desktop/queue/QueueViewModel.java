package dev.switchboard.desktop.queue;

import dev.switchboard.api.QueueEntryView;
import dev.switchboard.api.QueueEvent;
import dev.switchboard.api.QueueLeftEvent;
import dev.switchboard.api.ResyncEvent;
import dev.switchboard.client.SwitchboardApi;
import dev.switchboard.desktop.EnumText;
import dev.switchboard.desktop.ErrorText;
import dev.switchboard.desktop.Formats;
import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.Subscriptions;
import dev.switchboard.desktop.TaskRunner;
import dev.switchboard.desktop.Urgency;
import dev.switchboard.desktop.session.AgentSession;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The merged queue: every contact waiting in this agent's queues, whatever its channel, most urgent
 * first (priority, then waited time over the queue's threshold, then the oldest). Loaded at sign-in
 * and after a resync; kept live by the queue events (joined, changed, left); the clocks move every second.
 */
public final class QueueViewModel {
    /** Most urgent first. */
    static final Comparator<QueueItem> URGENCY = Comparator.comparingInt(QueueItem::priority).reversed()
            .thenComparing(Comparator.comparingDouble((QueueItem i) -> i.pressure).reversed())
            .thenComparing(QueueItem::queuedAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingLong(QueueItem::interactionId);

    private final AgentSession session;
    private final SwitchboardApi api;
    private final TaskRunner tasks;
    private final Messages messages;
    private final EnumText enums;
    private final ErrorText errors;
    private final Clock clock;
    private final Subscriptions subscriptions = new Subscriptions();
    private final ObservableList<QueueItem> items = FXCollections.observableArrayList();
    private final ObjectProperty<QueueItem> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper longest = new ReadOnlyStringWrapper(this, "longest", "");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");

    public QueueViewModel(AgentSession session, SwitchboardApi api, TaskRunner tasks, Messages messages,
                          EnumText enums, ErrorText errors, Clock clock) {
        this.session = session;
        this.api = api;
        this.tasks = tasks;
        this.messages = messages;
        this.enums = enums;
        this.errors = errors;
        this.clock = clock;
        subscriptions.add(session.events().on(QueueEvent.class, e -> upsert(e.entry())));
        subscriptions.add(session.events().on(QueueLeftEvent.class, e -> remove(e.interactionId())));
        subscriptions.add(session.events().on(ResyncEvent.class, e -> load()));
    }

    /** Asks the server for the whole queue and shows it in place of what was there. */
    public void load() {
        tasks.run(api::queue, entries -> {
            error.set("");
            replace(entries == null ? List.of() : entries);
            loaded.set(true);
        }, e -> error.set(errors.of(e)));
    }

    public ObservableList<QueueItem> items() {
        return items;
    }

    public ObjectProperty<QueueItem> selectedProperty() {
        return selected;
    }

    /** Whether the server's queue has been shown at least once (the start-up measurement waits for it). */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** Why the queue could not be loaded; "" when it was. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** "Longest 3:12", or "" when nobody waits. */
    public ReadOnlyStringProperty longestProperty() {
        return longest.getReadOnlyProperty();
    }

    public Optional<QueueItem> find(long interactionId) {
        return items.stream().filter(i -> i.interactionId() == interactionId).findFirst();
    }

    /** A contact joined the queue or changed there. */
    public void upsert(QueueEntryView entry) {
        if (entry == null) {
            return;
        }
        Optional<QueueItem> known = find(entry.interactionId());
        QueueItem item = known.orElseGet(() -> new QueueItem(entry));
        item.update(entry);
        describe(item, clock.instant());
        if (known.isEmpty()) {
            items.add(item);
        }
        resort();
        summarise(clock.instant());
    }

    public void remove(long interactionId) {
        find(interactionId).ifPresent(item -> {
            items.remove(item);
            if (selected.get() == item) {
                selected.set(null);
            }
        });
        summarise(clock.instant());
    }

    /** Called every second: the clocks, their colours and, as waits grow, the order. */
    public void tick(Instant now) {
        for (QueueItem item : items) {
            describe(item, now);
        }
        resort();
        summarise(now);
    }

    public void dispose() {
        subscriptions.close();
    }

    private void replace(List<QueueEntryView> entries) {
        Instant now = clock.instant();
        List<QueueItem> next = new ArrayList<>();
        for (QueueEntryView entry : entries) {
            QueueItem item = find(entry.interactionId()).orElseGet(() -> new QueueItem(entry));
            item.update(entry);
            describe(item, now);
            next.add(item);
        }
        next.sort(URGENCY);
        QueueItem keep = selected.get();
        items.setAll(next);
        selected.set(keep != null && next.contains(keep) ? keep : null);
        summarise(now);
    }

    /** Sorts only when the order changed, so a list that did not move keeps its selection and scroll. */
    private void resort() {
        List<QueueItem> sorted = new ArrayList<>(items);
        sorted.sort(URGENCY);
        if (!sorted.equals(items)) {
            QueueItem keep = selected.get();
            items.setAll(sorted);
            selected.set(keep);
        }
    }

    private void describe(QueueItem item, Instant now) {
        QueueEntryView e = item.entry();
        Duration waited = item.waitedAt(now);
        item.pressure = e.slSeconds() > 0 ? waited.toMillis() / (e.slSeconds() * 1000.0) : waited.toSeconds();
        item.who.set(e.who() == null || e.who().isBlank() ? messages.get("queue.unknown") : e.who());
        item.subject.set(e.subject() == null || e.subject().isBlank() ? enums.noSubject(e.channel())
                : Formats.firstLine(e.subject()));
        item.queueName.set(e.queueName() == null ? "" : e.queueName());
        item.priorityText.set(messages.format("queue.priority", e.priority()));
        item.waited.set(Formats.clock(waited));
        item.urgency.set(Urgency.ofWait(waited, e.slSeconds()));
        item.badge.set(badge(e));
    }

    private String badge(QueueEntryView e) {
        long me = session.agentId();
        if (e.offeredTo() != null) {
            return e.offeredTo() == me ? messages.get("queue.badge.offeredToYou") : messages.get("queue.badge.offered");
        }
        if (e.targetAgentId() != null && e.targetAgentId() == me) {
            return messages.get("queue.badge.forYou");
        }
        return e.callback() ? messages.get("queue.badge.callback") : "";
    }

    private void summarise(Instant now) {
        Duration max = items.stream().map(i -> i.waitedAt(now)).max(Comparator.naturalOrder()).orElse(null);
        longest.set(max == null ? "" : messages.format("queue.longest", Formats.clock(max)));
    }
}
