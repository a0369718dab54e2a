package dev.switchboard.desktop.card;

import dev.switchboard.api.InteractionView;
import dev.switchboard.api.TimelinePage;
import dev.switchboard.client.SwitchboardApi;
import dev.switchboard.desktop.EnumText;
import dev.switchboard.desktop.ErrorText;
import dev.switchboard.desktop.Formats;
import dev.switchboard.desktop.TaskRunner;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The customer's history across every channel, newest first. It starts from what the screen-pop
 * carried and then loads the server's timeline page by page, without losing what the agent expanded.
 */
public final class TimelineModel {
    static final int PAGE_SIZE = 20;

    private final SwitchboardApi api;
    private final TaskRunner tasks;
    private final Formats formats;
    private final EnumText enums;
    private final ErrorText errors;
    private final ObservableList<TimelineEntry> entries = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyBooleanWrapper hasMore = new ReadOnlyBooleanWrapper(this, "hasMore");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private long customerId = -1;
    private String cursor;
    private int generation;

    public TimelineModel(SwitchboardApi api, TaskRunner tasks, Formats formats, EnumText enums, ErrorText errors) {
        this.api = api;
        this.tasks = tasks;
        this.formats = formats;
        this.enums = enums;
        this.errors = errors;
    }

    public ObservableList<TimelineEntry> entries() {
        return entries;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasMoreProperty() {
        return hasMore.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    void clear() {
        generation++;
        customerId = -1;
        cursor = null;
        entries.clear();
        loading.set(false);
        hasMore.set(false);
        error.set("");
    }

    /** The last contacts the screen-pop carried (bodies shortened): shown at once. */
    void showRecent(List<InteractionView> recent) {
        List<TimelineEntry> list = new ArrayList<>();
        if (recent != null) {
            recent.stream().sorted(Comparator.comparing(InteractionView::createdAt).reversed())
                    .forEach(v -> list.add(entry(v)));
        }
        entries.setAll(list);
    }

    /** Loads the first page from the server; it replaces what is shown, keeping expanded rows open. */
    void load(long customer) {
        generation++;
        customerId = customer;
        cursor = null;
        fetch(true);
    }

    public void loadMore() {
        if (customerId >= 0 && hasMore.get() && !loading.get()) {
            fetch(false);
        }
    }

    /** Opens or closes a row; the first opening fetches the full body. */
    public void toggle(TimelineEntry entry) {
        entry.expanded.set(!entry.expanded.get());
        if (!entry.expanded.get() || entry.complete || entry.loading.get()) {
            return;
        }
        entry.loading.set(true);
        tasks.run(() -> api.interaction(entry.id()), full -> {
            entry.loading.set(false);
            entry.complete = true;
            entry.body.set(full.body() == null ? "" : full.body());
        }, e -> {
            entry.loading.set(false);
            error.set(errors.of(e));
        });
    }

    /** A contact of this customer changed or arrived: keep the timeline current. */
    void upsert(InteractionView view) {
        if (view.customerId() == null || view.customerId() != customerId) {
            return;
        }
        TimelineEntry fresh = entry(view);
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).id() == view.id()) {
                fresh.expanded.set(entries.get(i).expanded.get());
                entries.set(i, fresh);
                return;
            }
        }
        entries.add(0, fresh);
    }

    private void fetch(boolean first) {
        int asked = generation;
        long customer = customerId;
        String from = first ? null : cursor;
        loading.set(true);
        error.set("");
        tasks.run(() -> api.timeline(customer, from, PAGE_SIZE), page -> {
            if (asked == generation) {
                loading.set(false);
                take(page, first);
            }
        }, e -> {
            if (asked == generation) {
                loading.set(false);
                error.set(errors.of(e));
            }
        });
    }

    private void take(TimelinePage page, boolean first) {
        Map<Long, TimelineEntry> shown = new HashMap<>();
        entries.forEach(e -> shown.put(e.id(), e));
        List<TimelineEntry> next = new ArrayList<>();
        for (InteractionView v : page.items()) {
            TimelineEntry old = shown.get(v.id());
            if (!first && old != null) {
                continue;
            }
            TimelineEntry entry = entry(v);
            if (old != null) {
                entry.expanded.set(old.expanded.get());
                if (old.complete) {
                    entry.complete = true;
                    entry.body.set(old.body.get());
                }
            }
            next.add(entry);
        }
        if (first) {
            entries.setAll(next);
        } else {
            entries.addAll(next);
        }
        cursor = page.nextCursor();
        hasMore.set(cursor != null);
    }

    private TimelineEntry entry(InteractionView v) {
        String subject = v.subject() != null && !v.subject().isBlank() ? v.subject().strip() : Formats.firstLine(v.body());
        if (subject.isEmpty()) {
            subject = enums.noSubject(v.channel());
        }
        return new TimelineEntry(v.id(), v.channel(), v.direction(), v.createdAt(), formats.dateTime(v.createdAt()),
                enums.direction(v.direction()), subject, v.body(), false);
    }
}
