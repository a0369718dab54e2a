package dev.switchboard.client.offline;

import dev.switchboard.api.CustomerSummary;
import dev.switchboard.api.SyncPage;
import dev.switchboard.api.SyncRequest;
import dev.switchboard.api.TicketView;
import dev.switchboard.client.ApiException;
import dev.switchboard.client.ServerUnreachableException;
import dev.switchboard.client.outbox.OutboxEntry;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The offline layer's work nobody waits on, one job at a time on its own thread: looking for the
 * server while offline (four times a second), signing in again after a server restart, merging refused
 * ticket changes, and resyncing what the desktop holds in bounded pages.
 */
final class Background implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Background.class.getName());
    /**
     * How long the desktop waits between looks for a server it cannot reach. A look the server
     * refuses costs next to nothing, and the backlog waits for the look that succeeds: at one a
     * second, the network coming back was noticed half a second later on average.
     */
    private static final long PROBE_MILLIS = 250;

    private final OfflineApi api;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "offline-sync");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean resyncWanted = new AtomicBoolean();
    private final AtomicBoolean resyncQueued = new AtomicBoolean();
    private final AtomicBoolean signInQueued = new AtomicBoolean();
    private ScheduledFuture<?> probe; // guarded by this

    Background(OfflineApi api) {
        this.api = api;
    }

    /** Looks for the server again shortly, and so on until it answers. */
    synchronized void probeSoon() {
        if (probe == null || probe.isDone()) {
            probe = scheduleMillis(this::probe, PROBE_MILLIS);
        }
    }

    void probeNow() {
        submit(this::probe);
    }

    /** The server answered again: a resync that was cut short goes on. */
    void backOnline() {
        if (resyncWanted.get()) {
            resync();
        }
    }

    /** Brings everything the desktop holds up to date, page by page (once, however often asked). */
    void resync() {
        resyncWanted.set(true);
        if (resyncQueued.compareAndSet(false, true)) {
            submit(() -> {
                resyncQueued.set(false);
                runResync();
            });
        }
    }

    void signInAgain() {
        if (signInQueued.compareAndSet(false, true)) {
            submit(() -> {
                signInQueued.set(false);
                trySignIn();
            });
        }
    }

    void conflict(OutboxEntry e) {
        submit(() -> mergeConflict(e, 0));
    }

    /** Ticket changes refused in an earlier run and not put away become conflicts (or merge) again. */
    void rebuildConflicts() {
        submit(() -> api.refusedTicketChanges().forEach(e -> mergeConflict(e, 0)));
    }

    private void probe() {
        synchronized (this) {
            probe = null; // this run is the one scheduled: the next may be scheduled now
        }
        if (api.state().online()) {
            return;
        }
        try {
            api.server().me();
            api.reached();
        } catch (ServerUnreachableException e) {
            api.state().lost(e.getMessage());
            probeSoon();
        } catch (ApiException e) {
            if (e.status() == 401) {
                trySignIn();
            } else {
                api.reached();
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "looking for the server failed", e);
            probeSoon();
        }
    }

    /** Signs in again; true when the server took it. Unreachable: tries again with the probe. */
    boolean trySignIn() {
        try {
            return api.signInAgain();
        } catch (ServerUnreachableException e) {
            api.lost(e.getMessage());
            return false;
        }
    }

    private void mergeConflict(OutboxEntry e, int attempt) {
        try {
            api.onConflict(e);
        } catch (ServerUnreachableException offline) {
            // the ticket as it is now cannot be fetched: try again when the server answers
            schedule(() -> mergeConflict(e, attempt + 1), Math.min(30, 2L << Math.min(attempt, 4)));
        } catch (RuntimeException failed) {
            LOG.log(System.Logger.Level.WARNING, "cannot merge a refused ticket change", failed);
        }
    }

    private void runResync() {
        LocalCache cache = api.heldCache();
        if (cache == null) {
            return;
        }
        List<Long> ids = cache.ids(LocalCache.CUSTOMER).stream().filter(id -> id > 0).toList();
        long done = 0;
        api.state().resync(0, ids.size());
        try {
            for (List<Long> page : pages(ids, SyncRequest.MAX_CUSTOMERS)) {
                syncPage(cache, page);
                done += page.size();
                api.state().resync(done, ids.size());
            }
            resyncWanted.set(false);
            api.reached();
        } catch (ServerUnreachableException e) {
            api.lost(e.getMessage()); // goes on when the server is back
        } catch (ApiException e) {
            if (e.status() == 401 && trySignIn()) {
                resync();
            } else {
                LOG.log(System.Logger.Level.WARNING, "the server refused a resync: " + e.getMessage());
                resyncWanted.set(false);
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "the resync failed", e);
            resyncWanted.set(false);
        } finally {
            api.state().resync(0, 0);
        }
    }

    /**
     * One page; a page whose customers hold more tickets than a request may name is split in two
     * (a single customer with more sends the first ones; the rest come back as changed).
     */
    private void syncPage(LocalCache cache, List<Long> page) {
        java.util.Map<Long, Long> versions = cache.ticketVersions(page);
        if (versions.size() > SyncRequest.MAX_TICKETS && page.size() > 1) {
            syncPage(cache, page.subList(0, page.size() / 2));
            syncPage(cache, page.subList(page.size() / 2, page.size()));
            return;
        }
        if (versions.size() > SyncRequest.MAX_TICKETS) {
            java.util.Map<Long, Long> first = new java.util.LinkedHashMap<>();
            versions.entrySet().stream().limit(SyncRequest.MAX_TICKETS).forEach(v -> first.put(v.getKey(), v.getValue()));
            versions = first;
        }
        SyncPage answer = api.server().syncPage(new SyncRequest(page, versions));
        for (CustomerSummary c : answer.customers()) {
            cache.putCustomer(c);
        }
        for (Long gone : answer.missingCustomers()) {
            cache.remove(LocalCache.CUSTOMER, gone);
        }
        for (TicketView t : answer.tickets()) {
            api.remember(t);
        }
    }

    private void submit(Runnable job) {
        try {
            worker.execute(job);
        } catch (RejectedExecutionException closed) {
            // shutting down
        }
    }

    private ScheduledFuture<?> schedule(Runnable job, long seconds) {
        return scheduleMillis(job, TimeUnit.SECONDS.toMillis(seconds));
    }

    private ScheduledFuture<?> scheduleMillis(Runnable job, long millis) {
        try {
            return worker.schedule(job, millis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            return null;
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }

    static List<List<Long>> pages(List<Long> ids, int size) {
        List<List<Long>> pages = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += size) {
            pages.add(ids.subList(i, Math.min(ids.size(), i + size)));
        }
        return pages;
    }
}
