package dev.switchboard.desktop.supervisor;

import dev.switchboard.api.IntervalSeriesView;
import dev.switchboard.api.SupervisorIntervalsView;
import dev.switchboard.client.ApiException;
import dev.switchboard.client.SwitchboardApi;
import dev.switchboard.desktop.ErrorText;
import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.TaskRunner;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The chart of today: the server's 15-minute intervals with the dashboard's treatment of abandons and
 * cut-off, for the queue chosen or all queues.
 *
 * <p>When it asks: when the dashboard opens, when the treatment or cut-off changes, every
 * {@link #REFETCH_SECONDS} seconds, and as soon as the clock enters a new 15-minute interval (so the new
 * interval appears at once), all on the window's one-second ticker. An answer equal to the one shown
 * changes nothing on screen; an answer to an older ask is dropped.
 */
public final class IntervalChartModel {
    static final int REFETCH_SECONDS = 60;
    private static final long INTERVAL_SECONDS = 15 * 60;

    private final SwitchboardApi api;
    private final TaskRunner tasks;
    private final Messages messages;
    private final ErrorText errors;
    private final Intervals intervals;
    private final ObjectProperty<Long> queue = new SimpleObjectProperty<>(this, "queue");
    private final ObservableList<QueueChoice> queues = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ChartData> data = new ReadOnlyObjectWrapper<>(this, "data", ChartData.EMPTY);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private SupervisorIntervalsView last;
    private Treatment treatment = SupervisorViewModel.LIVE_TREATMENT;
    private int cutoff = SupervisorViewModel.LIVE_CUTOFF;
    private long generation;
    private boolean inFlight;
    private boolean stopped = true;
    private boolean forbidden;
    private int secondsSinceAsked;
    private long intervalAsked = -1;

    IntervalChartModel(SwitchboardApi api, TaskRunner tasks, Messages messages, ErrorText errors,
                       Intervals intervals) {
        this.api = api;
        this.tasks = tasks;
        this.messages = messages;
        this.errors = errors;
        this.intervals = intervals;
        queue.addListener((obs, old, now) -> show());
    }

    void start(Treatment t, int c, Instant now) {
        stopped = false;
        use(t, c, now);
    }

    /** New settings: the day is recomputed with them. */
    void use(Treatment t, int c, Instant now) {
        treatment = t;
        cutoff = c;
        forbidden = false;
        if (!stopped) {
            load(now);
        }
    }

    /** Asks again now (Refresh). */
    void refresh(Instant now) {
        forbidden = false;
        if (!stopped) {
            load(now);
        }
    }

    void tick(Instant now) {
        if (stopped || forbidden || inFlight || now == null) {
            return;
        }
        secondsSinceAsked++;
        boolean newInterval = intervalAsked >= 0 && interval(now) != intervalAsked;
        if (secondsSinceAsked >= REFETCH_SECONDS || newInterval) {
            load(now);
        }
    }

    void dispose() {
        stopped = true;
        generation++;
    }

    private void load(Instant now) {
        long asked = ++generation;
        inFlight = true;
        secondsSinceAsked = 0;
        if (now != null) {
            intervalAsked = interval(now);
        }
        String t = treatment.wire();
        int c = cutoff;
        tasks.run(() -> api.supervisorIntervals(t, c), view -> {
            if (asked == generation) {
                inFlight = false;
                received(view);
            }
        }, e -> {
            if (asked == generation) {
                inFlight = false;
                forbidden = e instanceof ApiException a && a.status() == 403;
                error.set(messages.format("supervisor.chart.error", errors.of(e)));
            }
        });
    }

    private void received(SupervisorIntervalsView view) {
        last = view;
        error.set("");
        loaded.set(true);
        if (intervalAsked < 0 && view != null && view.at() != null) {
            intervalAsked = interval(view.at());
        }
        List<QueueChoice> next = new ArrayList<>();
        next.add(new QueueChoice(null, messages.get("supervisor.queues.all"), 0));
        if (view != null && view.queues() != null) {
            for (IntervalSeriesView s : view.queues()) {
                next.add(new QueueChoice(s.queueId(), s.name(), 0));
            }
        }
        if (!next.equals(queues)) {
            Long chosen = queue.get();
            queues.setAll(next);
            if (chosen != null && next.stream().noneMatch(q -> chosen.equals(q.id()))) {
                queue.set(null);
            }
        }
        show();
    }

    private void show() {
        ChartData next = intervals.chart(last, queue.get());
        if (!next.equals(data.get())) {
            data.set(next);
        }
    }

    private static long interval(Instant t) {
        return Math.floorDiv(t.getEpochSecond(), INTERVAL_SECONDS);
    }

    /** The centre's day the chart shows; null before the first answer. */
    LocalDate day() {
        return last == null ? null : last.day();
    }

    /** The queue shown (null: all queues together). */
    public ObjectProperty<Long> queueProperty() {
        return queue;
    }

    /** "All queues", then each queue of the chart. */
    public ObservableList<QueueChoice> queues() {
        return queues;
    }

    public ReadOnlyObjectProperty<ChartData> dataProperty() {
        return data.getReadOnlyProperty();
    }

    /** Why the chart could not be had ("" when it could). */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** An answer has come since the dashboard opened. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }
}
