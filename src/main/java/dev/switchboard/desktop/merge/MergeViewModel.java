package dev.switchboard.desktop.merge;

import dev.switchboard.api.TicketUpdateRequest;
import dev.switchboard.client.SyncMonitor;
import dev.switchboard.client.TicketConflict;
import dev.switchboard.client.TicketConflict.Field;
import dev.switchboard.client.TicketConflict.Side;
import dev.switchboard.desktop.EnumText;
import dev.switchboard.desktop.ErrorText;
import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.TaskRunner;
import dev.switchboard.domain.TicketPriority;
import dev.switchboard.domain.TicketStatus;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The merge of a ticket change a colleague's change crossed: for each field both changed, the value
 * before, the agent's and the colleague's, and the agent's choice (their own by default). The fields
 * only one side changed merged on their own and are listed. Saving sends the merge through the offline
 * store; "Keep colleague's" drops the agent's side; Cancel leaves the conflict in the banner.
 */
public final class MergeViewModel {
    private final SyncMonitor sync;
    private final TaskRunner tasks;
    private final Messages messages;
    private final EnumText enums;
    private final ErrorText errors;
    private final ObservableList<MergeRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper(this, "open");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper intro = new ReadOnlyStringWrapper(this, "intro", "");
    private final ReadOnlyStringWrapper merged = new ReadOnlyStringWrapper(this, "merged", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private TicketConflict conflict;

    public MergeViewModel(SyncMonitor sync, TaskRunner tasks, Messages messages, EnumText enums, ErrorText errors) {
        this.sync = sync;
        this.tasks = tasks;
        this.messages = messages;
        this.enums = enums;
        this.errors = errors;
    }

    public void open(TicketConflict next) {
        if (next == null || busy.get()) {
            return;
        }
        conflict = next;
        String number = messages.format("ticket.number", next.ticketId());
        title.set(messages.format("merge.title", number));
        String subject = next.theirs() == null ? null : next.theirs().subject();
        intro.set(subject == null || subject.isBlank() ? messages.format("merge.intro", number)
                : messages.format("merge.intro.subject", number, subject));
        List<MergeRow> list = new ArrayList<>();
        for (Field f : next.fields()) {
            list.add(new MergeRow(f, fieldName(f), value(next.baseValue(f)), value(next.mineValue(f)),
                    value(next.theirsValue(f))));
        }
        rows.setAll(list);
        merged.set(mergedText(next.merged()));
        error.set("");
        open.set(true);
    }

    /** The monitor's conflicts now: one merged or dropped elsewhere closes the panel showing it. */
    public void keepOnly(List<TicketConflict> current) {
        if (conflict != null && !busy.get() && current.stream().noneMatch(c -> c.id() == conflict.id())) {
            close();
        }
    }

    /** Sends the merge with the choices made; nothing left to change drops the agent's side instead. */
    public void save() {
        TicketConflict c = conflict;
        if (c == null || busy.get()) {
            return;
        }
        Map<Field, Side> choices = new EnumMap<>(Field.class);
        for (MergeRow row : rows) {
            choices.put(row.field(), row.choiceProperty().get());
        }
        TicketUpdateRequest request = c.resolve(choices);
        run(() -> {
            if (request == null) {
                sync.discard(c);
            } else {
                sync.resolve(c, request);
            }
            return null;
        });
    }

    /** The colleague's version stands; the agent's change to this ticket is dropped. */
    public void keepTheirs() {
        TicketConflict c = conflict;
        if (c == null || busy.get()) {
            return;
        }
        run(() -> {
            sync.discard(c);
            return null;
        });
    }

    /** Closes the panel; the conflict stays in the banner. */
    public void cancel() {
        if (!busy.get()) {
            close();
        }
    }

    private void run(Callable<Void> work) {
        busy.set(true);
        error.set("");
        tasks.run(work, ok -> {
            busy.set(false);
            close();
        }, e -> {
            busy.set(false);
            error.set(errors.of(e));
        });
    }

    private void close() {
        open.set(false);
        conflict = null;
        rows.clear();
    }

    private String mergedText(TicketUpdateRequest m) {
        if (m == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        if (m.subject() != null) {
            parts.add(messages.format("merge.merged.field", fieldName(Field.SUBJECT), value(m.subject())));
        }
        if (m.status() != null) {
            parts.add(messages.format("merge.merged.field", fieldName(Field.STATUS), value(m.status())));
        }
        if (m.priority() != null) {
            parts.add(messages.format("merge.merged.field", fieldName(Field.PRIORITY), value(m.priority())));
        }
        if (m.linkInteractionId() != null) {
            parts.add(messages.format("merge.merged.link", m.linkInteractionId()));
        }
        return parts.isEmpty() ? ""
                : messages.format("merge.merged", String.join(messages.get("merge.merged.separator"), parts));
    }

    private String fieldName(Field f) {
        return messages.get(switch (f) {
            case SUBJECT -> "merge.field.subject";
            case STATUS -> "merge.field.status";
            case PRIORITY -> "merge.field.priority";
        });
    }

    private String value(Object v) {
        if (v instanceof TicketStatus s) {
            return enums.status(s);
        }
        if (v instanceof TicketPriority p) {
            return enums.priority(p);
        }
        return v == null || v.toString().isBlank() ? messages.get("merge.value.none") : v.toString();
    }

    // ---- what the view binds ----

    public ObservableList<MergeRow> rows() {
        return rows;
    }

    public ReadOnlyBooleanProperty openProperty() {
        return open.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** "Merge changes to T-12". */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty introProperty() {
        return intro.getReadOnlyProperty();
    }

    /** The fields that merged on their own, in one line. */
    public ReadOnlyStringProperty mergedProperty() {
        return merged.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
