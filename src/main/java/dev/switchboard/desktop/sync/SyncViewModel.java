package dev.switchboard.desktop.sync;

import dev.switchboard.client.SyncMonitor;
import dev.switchboard.client.SyncMonitor.FailedWrite;
import dev.switchboard.client.SyncMonitor.SyncStatus;
import dev.switchboard.client.TicketConflict;
import dev.switchboard.desktop.ErrorText;
import dev.switchboard.desktop.Formats;
import dev.switchboard.desktop.Messages;
import dev.switchboard.desktop.TaskRunner;
import dev.switchboard.desktop.merge.MergeViewModel;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;

/**
 * The degraded-mode banner: working offline (since when, what waits to be sent, when this desktop last
 * heard from the server), changes on their way, a resync catching up, writes the server refused and
 * ticket changes to merge. It also gives the card and the search results their "offline copy" marks.
 * The monitor's statuses arrive on any thread and are moved to the UI thread here.
 */
public final class SyncViewModel {
    private static final System.Logger LOG = System.getLogger(SyncViewModel.class.getName());
    /** Rows of each kind (refused, to merge) the banner lists; the rest wait their turn. */
    static final int SHOWN_ISSUES = 3;

    private final SyncMonitor sync;
    private final TaskRunner tasks;
    private final Executor ui;
    private final Messages messages;
    private final Formats formats;
    private final ErrorText errors;
    private final MergeViewModel merge;
    private final ReadOnlyBooleanWrapper shown = new ReadOnlyBooleanWrapper(this, "shown");
    private final ReadOnlyBooleanWrapper offline = new ReadOnlyBooleanWrapper(this, "offline");
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper(this, "headline", "");
    private final ReadOnlyStringWrapper pending = new ReadOnlyStringWrapper(this, "pending", "");
    private final ReadOnlyStringWrapper pendingList = new ReadOnlyStringWrapper(this, "pendingList", "");
    private final ReadOnlyStringWrapper lastSync = new ReadOnlyStringWrapper(this, "lastSync", "");
    private final ReadOnlyStringWrapper lastError = new ReadOnlyStringWrapper(this, "lastError", "");
    private final ReadOnlyBooleanWrapper canRetry = new ReadOnlyBooleanWrapper(this, "canRetry");
    private final ReadOnlyBooleanWrapper resyncing = new ReadOnlyBooleanWrapper(this, "resyncing");
    private final ReadOnlyDoubleWrapper resyncProgress = new ReadOnlyDoubleWrapper(this, "resyncProgress");
    private final ReadOnlyStringWrapper resyncText = new ReadOnlyStringWrapper(this, "resyncText", "");
    private final ReadOnlyStringWrapper cardMark = new ReadOnlyStringWrapper(this, "cardMark", "");
    private final ReadOnlyStringWrapper searchMark = new ReadOnlyStringWrapper(this, "searchMark", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ObservableList<SyncIssue> issues = FXCollections.observableArrayList();
    private AutoCloseable listening;
    private boolean heard;
    private boolean closed;

    public SyncViewModel(SyncMonitor sync, TaskRunner tasks, Executor ui, Messages messages, Formats formats,
                         ErrorText errors, MergeViewModel merge) {
        this.sync = sync;
        this.tasks = tasks;
        this.ui = ui;
        this.messages = messages;
        this.formats = formats;
        this.errors = errors;
        this.merge = merge;
    }

    /** Follows the monitor: every status it reports is shown, on the UI thread. */
    public void start() {
        tasks.run(() -> sync.listen(status -> ui.execute(() -> {
            if (!closed) {
                heard = true;
                show(status);
            }
        })), handle -> {
            if (closed) {
                close(handle);
            } else {
                listening = handle;
            }
        }, e -> LOG.log(System.Logger.Level.WARNING, "cannot follow the offline store: " + errors.of(e)));
        tasks.run(sync::status, status -> {
            if (!heard && !closed) {
                show(status); // a status the listener brought is newer than this one
            }
        }, e -> LOG.log(System.Logger.Level.WARNING, "no status from the offline store: " + errors.of(e)));
    }

    public void dispose() {
        closed = true;
        if (listening != null) {
            close(listening);
            listening = null;
        }
    }

    /** "Try now": ask the server at once instead of waiting out the back-off. */
    public void retryNow() {
        act(() -> {
            sync.retryNow();
            return null;
        });
    }

    /** The agent has read why a change was refused. */
    public void dismiss(FailedWrite failed) {
        act(() -> {
            sync.dismiss(failed);
            return null;
        });
    }

    /** Opens the merge of both sides of a ticket change. */
    public void review(TicketConflict conflict) {
        merge.open(conflict);
    }

    private void act(Callable<Void> work) {
        error.set("");
        tasks.run(work, ok -> { }, e -> error.set(errors.of(e)));
    }

    private void show(SyncStatus s) {
        boolean off = !s.online();
        boolean busy = s.resyncing();
        offline.set(off);
        headline.set(headline(s));
        pending.set(off && s.pendingWrites() > 0
                ? messages.format("sync.pending", s.pendingWrites()) : "");
        pendingList.set(pendingList(s));
        lastSync.set(s.lastSync() == null ? messages.get("sync.lastSync.never")
                : messages.format("sync.lastSync", formats.time(s.lastSync())));
        lastError.set(s.lastError() == null || s.lastError().isBlank() ? ""
                : messages.format("sync.lastError", s.lastError()));
        canRetry.set(off || s.pendingWrites() > 0);
        resyncing.set(busy);
        resyncProgress.set(busy ? (double) s.resyncDone() / s.resyncTotal() : 0);
        resyncText.set(busy ? messages.format("sync.resync", number(s.resyncDone()), number(s.resyncTotal())) : "");
        String synced = s.lastSync() == null ? messages.get("sync.mark.never") : formats.time(s.lastSync());
        cardMark.set(off ? messages.format("sync.mark.card", synced) : "");
        searchMark.set(off ? messages.format("sync.mark.search", synced) : "");
        issues.setAll(issues(s));
        merge.keepOnly(list(s.conflicts()));
        shown.set(off || s.pendingWrites() > 0 || !list(s.failed()).isEmpty() || !list(s.conflicts()).isEmpty()
                || busy);
    }

    private String headline(SyncStatus s) {
        if (!s.online()) {
            return s.offlineSince() == null ? messages.get("sync.offline")
                    : messages.format("sync.offline.since", formats.time(s.offlineSince()));
        }
        if (s.pendingWrites() > 0) {
            return messages.format("sync.sending", s.pendingWrites());
        }
        return "";
    }

    private String pendingList(SyncStatus s) {
        if (list(s.pending()).isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder(messages.get("sync.pending.oldest"));
        for (String line : s.pending()) {
            text.append('\n').append(messages.format("sync.pending.item", line));
        }
        return text.toString();
    }

    private List<SyncIssue> issues(SyncStatus s) {
        List<SyncIssue> rows = new ArrayList<>();
        List<TicketConflict> conflicts = list(s.conflicts());
        for (TicketConflict c : conflicts.subList(0, Math.min(SHOWN_ISSUES, conflicts.size()))) {
            String subject = c.theirs() == null || c.theirs().subject() == null ? "" : c.theirs().subject();
            rows.add(SyncIssue.conflict(messages.format("sync.conflict",
                    messages.format("ticket.number", c.ticketId()), subject), c));
        }
        if (conflicts.size() > SHOWN_ISSUES) {
            rows.add(SyncIssue.more(messages.format("sync.conflict.more", conflicts.size() - SHOWN_ISSUES)));
        }
        List<FailedWrite> failed = list(s.failed());
        for (FailedWrite f : failed.subList(0, Math.min(SHOWN_ISSUES, failed.size()))) {
            rows.add(SyncIssue.refused(messages.format("sync.refused", f.description(), f.reason()), f));
        }
        if (failed.size() > SHOWN_ISSUES) {
            rows.add(SyncIssue.more(messages.format("sync.refused.more", failed.size() - SHOWN_ISSUES)));
        }
        return rows;
    }

    private static <T> List<T> list(List<T> maybe) {
        return maybe == null ? List.of() : maybe;
    }

    private String number(long n) {
        return NumberFormat.getIntegerInstance(messages.locale()).format(n);
    }

    private static void close(AutoCloseable handle) {
        try {
            handle.close();
        } catch (Exception e) {
            LOG.log(System.Logger.Level.DEBUG, "closing the sync listener failed", e);
        }
    }

    // ---- what the view binds ----

    /** The banner has something to say; hidden otherwise. */
    public ReadOnlyBooleanProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty offlineProperty() {
        return offline.getReadOnlyProperty();
    }

    /** "Working offline since 10:42 — …" or "Sending 3 changes…"; "" when neither. */
    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    /** "3 changes waiting to be sent" while offline; "" otherwise. */
    public ReadOnlyStringProperty pendingProperty() {
        return pending.getReadOnlyProperty();
    }

    /** The oldest waiting changes, one a line; "" when none. */
    public ReadOnlyStringProperty pendingListProperty() {
        return pendingList.getReadOnlyProperty();
    }

    /** "Last synced 10:41", or never. */
    public ReadOnlyStringProperty lastSyncProperty() {
        return lastSync.getReadOnlyProperty();
    }

    /** Why the server could not be reached last time; "" if nothing failed. */
    public ReadOnlyStringProperty lastErrorProperty() {
        return lastError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRetryProperty() {
        return canRetry.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty resyncingProperty() {
        return resyncing.getReadOnlyProperty();
    }

    /** 0 to 1 while a resync runs. */
    public ReadOnlyDoubleProperty resyncProgressProperty() {
        return resyncProgress.getReadOnlyProperty();
    }

    /** "Bringing 120 of 1,200 records up to date". */
    public ReadOnlyStringProperty resyncTextProperty() {
        return resyncText.getReadOnlyProperty();
    }

    /** The card's mark while offline ("Offline copy — may be out of date …"); "" online. */
    public ReadOnlyStringProperty cardMarkProperty() {
        return cardMark.getReadOnlyProperty();
    }

    /** The search results' mark while offline; "" online. */
    public ReadOnlyStringProperty searchMarkProperty() {
        return searchMark.getReadOnlyProperty();
    }

    /** A button of the banner failed (the offline store could not be reached). */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Ticket changes to merge, then refused writes, as rows with their action. */
    public ObservableList<SyncIssue> issues() {
        return issues;
    }
}
