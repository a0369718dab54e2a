package dev.switchboard.desktop;

import dev.switchboard.api.TicketUpdateRequest;
import dev.switchboard.client.SyncMonitor;
import dev.switchboard.client.TicketConflict;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * An offline store a test drives: it sets the status (listeners hear it, on the test's thread, as the
 * real one calls them on its own), and it records what the desktop asked of it.
 */
public final class FakeSync implements SyncMonitor {
    public static final SyncStatus ONLINE = new SyncStatus(true, null, null, 0, List.of(), List.of(), List.of(),
            0, 0, null);

    public final AtomicInteger retries = new AtomicInteger();
    public final List<Map.Entry<TicketConflict, TicketUpdateRequest>> resolved = new CopyOnWriteArrayList<>();
    public final List<TicketConflict> discarded = new CopyOnWriteArrayList<>();
    public final List<FailedWrite> dismissed = new CopyOnWriteArrayList<>();
    private final List<Consumer<SyncStatus>> listeners = new CopyOnWriteArrayList<>();
    private volatile SyncStatus status = ONLINE;

    /** The store's status changed: kept and told to every listener. */
    public void set(SyncStatus next) {
        status = next;
        listeners.forEach(l -> l.accept(next));
    }

    public int listeners() {
        return listeners.size();
    }

    @Override
    public SyncStatus status() {
        return status;
    }

    @Override
    public AutoCloseable listen(Consumer<SyncStatus> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public void retryNow() {
        retries.incrementAndGet();
    }

    /** As the store: the conflict leaves the list. */
    @Override
    public void resolve(TicketConflict conflict, TicketUpdateRequest merged) {
        resolved.add(new java.util.AbstractMap.SimpleImmutableEntry<>(conflict, merged));
        drop(conflict);
    }

    @Override
    public void discard(TicketConflict conflict) {
        discarded.add(conflict);
        drop(conflict);
    }

    @Override
    public void dismiss(FailedWrite failed) {
        dismissed.add(failed);
        SyncStatus s = status;
        set(new SyncStatus(s.online(), s.offlineSince(), s.lastSync(), s.pendingWrites(), s.pending(),
                s.failed().stream().filter(f -> f.id() != failed.id()).toList(), s.conflicts(), s.resyncDone(),
                s.resyncTotal(), s.lastError()));
    }

    private void drop(TicketConflict conflict) {
        SyncStatus s = status;
        set(new SyncStatus(s.online(), s.offlineSince(), s.lastSync(), s.pendingWrites(), s.pending(), s.failed(),
                s.conflicts().stream().filter(c -> c.id() != conflict.id()).toList(), s.resyncDone(),
                s.resyncTotal(), s.lastError()));
    }
}
