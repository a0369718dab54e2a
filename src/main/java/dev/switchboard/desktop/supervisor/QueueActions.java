package dev.switchboard.desktop.supervisor;

import dev.switchboard.api.MoveRequest;
import dev.switchboard.api.QueueEntryView;
import dev.switchboard.api.QueuePriorityRequest;
import dev.switchboard.client.SwitchboardApi;
import dev.switchboard.desktop.EnumText;
import dev.switchboard.desktop.ErrorText;
import dev.switchboard.desktop.Formats;
import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.TaskRunner;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * What a supervisor does to a queue: change its priority, look at who waits in it and move a waiting
 * contact to another queue or to a named agent. Outcomes go to the feedback line; after a move the
 * waiting list and the dashboard are asked for again.
 */
public final class QueueActions {
    public static final int MIN_PRIORITY = 0;
    public static final int MAX_PRIORITY = 100;

    private final SwitchboardApi api;
    private final TaskRunner tasks;
    private final Messages messages;
    private final EnumText enums;
    private final ErrorText errors;
    private final Feedback feedback;
    private final Supplier<Instant> now;
    private final Supplier<List<AgentRow>> agents;
    private final Runnable refresh;
    private final ObservableList<WaitingItem> allWaiting = FXCollections.observableArrayList();
    private final FilteredList<WaitingItem> waiting = new FilteredList<>(allWaiting);
    private final ObjectProperty<Long> waitingQueue = new SimpleObjectProperty<>(this, "waitingQueue");
    private final ReadOnlyBooleanWrapper waitingLoading = new ReadOnlyBooleanWrapper(this, "waitingLoading");
    private final ReadOnlyStringWrapper waitingError = new ReadOnlyStringWrapper(this, "waitingError", "");
    private long generation;

    QueueActions(SwitchboardApi api, TaskRunner tasks, Messages messages, EnumText enums, ErrorText errors,
                 Feedback feedback, Supplier<Instant> now, Supplier<List<AgentRow>> agents, Runnable refresh) {
        this.api = api;
        this.tasks = tasks;
        this.messages = messages;
        this.enums = enums;
        this.errors = errors;
        this.feedback = feedback;
        this.now = now;
        this.agents = agents;
        this.refresh = refresh;
        waitingQueue.addListener((obs, old, q) -> waiting.setPredicate(w -> q == null || w.queueId() == q));
    }

    public void setPriority(QueueChoice queue, int priority) {
        if (queue == null || queue.id() == null) {
            return;
        }
        int p = Math.max(MIN_PRIORITY, Math.min(MAX_PRIORITY, priority));
        feedback.working(messages.format("supervisor.action.priority.working", queue.name(), p));
        tasks.run(() -> api.supervisorSetQueuePriority(queue.id(), new QueuePriorityRequest(p)), after -> {
            feedback.done(messages.format("supervisor.action.priority.done", queue.name(),
                    after == null ? p : after.priority()));
            refresh.run();
        }, e -> feedback.failed(messages.format("supervisor.action.priority.failed", queue.name(), errors.of(e))));
    }

    /** Asks for every contact waiting now; the list shows those of {@link #waitingQueueProperty()}. */
    public void loadWaiting() {
        long asked = ++generation;
        waitingLoading.set(true);
        tasks.run(api::supervisorWaiting, entries -> {
            if (asked == generation) {
                waitingLoading.set(false);
                waitingError.set("");
                allWaiting.setAll((entries == null ? List.<QueueEntryView>of() : entries).stream()
                        .map(this::item).toList());
            }
        }, e -> {
            if (asked == generation) {
                waitingLoading.set(false);
                waitingError.set(messages.format("supervisor.waiting.error", errors.of(e)));
            }
        });
    }

    public void moveToQueue(WaitingItem item, QueueChoice target) {
        if (item == null || target == null || target.id() == null) {
            return;
        }
        move(item, new MoveRequest(target.id(), null), target.name());
    }

    public void moveToAgent(WaitingItem item, AgentRow agent) {
        if (item == null || agent == null) {
            return;
        }
        move(item, new MoveRequest(null, agent.agentId()), agent.name());
    }

    private void move(WaitingItem item, MoveRequest request, String target) {
        feedback.working(messages.format("supervisor.action.move.working", item.who(), target));
        tasks.run(() -> api.supervisorMove(item.interactionId(), request), moved -> {
            feedback.done(messages.format("supervisor.action.move.done", item.who(), target));
            loadWaiting();
            refresh.run();
        }, e -> feedback.failed(messages.format("supervisor.action.move.failed", item.who(), errors.of(e))));
    }

    private WaitingItem item(QueueEntryView e) {
        Instant at = now.get();
        String waited = e.queuedAt() == null || at == null ? ""
                : Formats.clock(Duration.between(e.queuedAt(), at).isNegative() ? Duration.ZERO
                : Duration.between(e.queuedAt(), at));
        String forAgent = "";
        if (e.targetAgentId() != null) {
            forAgent = agents.get().stream().filter(a -> a.agentId() == e.targetAgentId()).map(AgentRow::name)
                    .findFirst().orElse(messages.format("supervisor.waiting.agentId", e.targetAgentId()));
        }
        return new WaitingItem(e.interactionId(), enums.channel(e.channel()), e.who(),
                e.subject() == null ? "" : e.subject(), e.queueId(), e.queueName(), waited, forAgent);
    }

    /** The waiting contacts of the queue chosen, most urgent first (as the server orders them). */
    public ObservableList<WaitingItem> waiting() {
        return waiting;
    }

    /** The queue whose waiting contacts are listed; null for all. */
    public ObjectProperty<Long> waitingQueueProperty() {
        return waitingQueue;
    }

    public ReadOnlyBooleanProperty waitingLoadingProperty() {
        return waitingLoading.getReadOnlyProperty();
    }

    /** Why the waiting contacts could not be had ("" when they could). */
    public ReadOnlyStringProperty waitingErrorProperty() {
        return waitingError.getReadOnlyProperty();
    }
}
