package dev.switchboard.client.offline;

import dev.switchboard.client.SyncMonitor.SyncStatus;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Online or not, since when, the last contact with the server and a resync's progress; tells its
 * listeners the whole status at most every 100 ms (5,000 writes in a burst make one notice, not 5,000).
 * The start of a resync is told as it was, whatever comes within those 100 ms: a resync of a few pages
 * can be over before the next notice, and the agent is still told that one ran.
 */
final class SyncState implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SyncState.class.getName());
    private static final long COALESCE_MS = 100;

    private final Clock clock;
    private final Supplier<SyncStatus> snapshot;
    private final List<Consumer<SyncStatus>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final ScheduledExecutorService notifier = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sync-status");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean online = true;
    private volatile Instant offlineSince;
    private volatile Instant lastSync;
    private volatile String lastError;
    private volatile long resyncDone;
    private volatile long resyncTotal;

    SyncState(Clock clock, Supplier<SyncStatus> snapshot) {
        this.clock = clock;
        this.snapshot = snapshot;
    }

    boolean online() {
        return online;
    }

    Instant offlineSince() {
        return offlineSince;
    }

    Instant lastSync() {
        return lastSync;
    }

    String lastError() {
        return lastError;
    }

    long resyncDone() {
        return resyncDone;
    }

    long resyncTotal() {
        return resyncTotal;
    }

    /** The server answered. Returns true when it was offline until now. */
    boolean reached() {
        boolean was = online;
        online = true;
        offlineSince = null;
        lastError = null;
        lastSync = clock.instant();
        changed();
        return !was;
    }

    /** When the desktop last heard from the server, as kept from an earlier run (if none since). */
    void restoreLastSync(Instant kept) {
        if (lastSync == null && kept != null) {
            lastSync = kept;
            changed();
        }
    }

    /** The server did not answer, for this reason. */
    void lost(String reason) {
        if (online) {
            offlineSince = clock.instant();
            online = false;
        }
        lastError = reason;
        changed();
    }

    void resync(long done, long total) {
        resyncDone = done;
        resyncTotal = total;
        if (done == 0 && total > 0) {
            tellNow();
        } else {
            changed();
        }
    }

    AutoCloseable listen(Consumer<SyncStatus> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Something in the status changed: listeners hear of it shortly. */
    void changed() {
        if (listeners.isEmpty() || !scheduled.compareAndSet(false, true)) {
            return;
        }
        try {
            notifier.schedule(this::notifyListeners, COALESCE_MS, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            scheduled.set(false);
        }
    }

    /**
     * Tells the listeners the status as it is now, on the notifier's thread, without waiting; a
     * coalesced notice follows with the status as it is then.
     */
    private void tellNow() {
        if (listeners.isEmpty()) {
            return;
        }
        SyncStatus s = read();
        if (s == null) {
            return;
        }
        try {
            notifier.execute(() -> {
                tell(s);
                changed(); // and the status as it is by then, so this one is never the last word
            });
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // closed: nobody to tell
        }
    }

    private void notifyListeners() {
        scheduled.set(false);
        SyncStatus s = read();
        if (s != null) {
            tell(s);
        }
    }

    private SyncStatus read() {
        try {
            return snapshot.get();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot read the sync status", e);
            return null;
        }
    }

    private void tell(SyncStatus s) {
        for (Consumer<SyncStatus> l : listeners) {
            try {
                l.accept(s);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "a sync status listener failed", e);
            }
        }
    }

    @Override
    public void close() {
        notifier.shutdownNow();
    }
}
