package dev.switchboard.server;

import dev.switchboard.domain.Interaction;
import dev.switchboard.store.InteractionStore;
import dev.switchboard.store.RoutingStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Writes routing's progress behind it: each interaction's latest state and every agent state
 * change go to the database in one batched transaction every few milliseconds, so the routing
 * thread never waits for a disk. Until written, the latest state is served from here
 * ({@link #pending}), so readers see their own writes. A contact is stored when it arrives, before
 * routing; after a crash at most the last few milliseconds of progress are missing, and such a
 * contact is simply routed again: none is lost.
 *
 * <p>When several nodes share the database ({@link #sharedRows}), who waits and who is offered is
 * decided by claims on the rows themselves, written at once by the distributor: this writer then
 * leaves QUEUED and OFFERED rows alone, and {@link #exclusive} keeps a late batch from writing an
 * older state over such a claim.
 */
public final class ProgressWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProgressWriter.class);
    static final long FLUSH_MILLIS = 10;

    private final InteractionStore interactions;
    private final RoutingStore states;
    private final Map<Long, Interaction> pending = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<RoutingStore.StateChange> stateChanges = new ConcurrentLinkedQueue<>();
    /** Held while a batch is written, and while a claim is written at once. */
    private final Object writing = new Object();
    private volatile boolean sharedRows;
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "progress-writer");
        t.setDaemon(true);
        return t;
    });

    public ProgressWriter(InteractionStore interactions, RoutingStore states) {
        this.interactions = interactions;
        this.states = states;
        writer.scheduleWithFixedDelay(this::flushQuietly, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Records the interaction's latest progress (state, agent, times, routing). */
    public void interaction(Interaction i) {
        pending.put(i.id(), i);
    }

    public void agentState(long agentId, String state, String reason, Instant at) {
        stateChanges.add(new RoutingStore.StateChange(agentId, state, reason, at));
    }

    /** The latest progress of an interaction not written yet. */
    public Optional<Interaction> pending(long interactionId) {
        return Optional.ofNullable(pending.get(interactionId));
    }

    /** Other nodes claim rows too: waiting and offered states are written by the claims, not here. */
    public void sharedRows(boolean shared) {
        this.sharedRows = shared;
    }

    /**
     * Forgets what is still to be written of the interaction and runs {@code write} (which writes it
     * at once) while no batch is being written, so no older state lands after it.
     */
    public <T> T exclusive(long interactionId, java.util.function.Supplier<T> write) {
        synchronized (writing) {
            pending.remove(interactionId);
            return write.get();
        }
    }

    /** Writes everything recorded so far; returns once it is committed. */
    public void flush() {
        synchronized (writing) {
            flushNow();
        }
    }

    private void flushNow() {
        Map<Long, Interaction> batch = new HashMap<>(pending);
        if (sharedRows) {
            batch.values().removeIf(i -> i.state() == dev.switchboard.domain.InteractionState.QUEUED
                    || i.state() == dev.switchboard.domain.InteractionState.OFFERED);
            pending.values().removeIf(i -> i.state() == dev.switchboard.domain.InteractionState.QUEUED
                    || i.state() == dev.switchboard.domain.InteractionState.OFFERED);
        }
        List<RoutingStore.StateChange> changes = new ArrayList<>();
        RoutingStore.StateChange c;
        while ((c = stateChanges.poll()) != null) {
            changes.add(c);
        }
        try {
            interactions.updateProgress(batch.values());
        } catch (RuntimeException e) {
            // one bad row must not hold up all the others: write them one by one, drop what cannot be
            LOG.warn("batched progress write failed ({}); writing one by one", e.getMessage());
            for (Interaction i : batch.values()) {
                try {
                    interactions.updateProgress(i);
                } catch (RuntimeException single) {
                    LOG.error("dropping progress of interaction {}: {}", i.id(), single.getMessage());
                }
            }
        }
        // only what has not changed again meanwhile is done
        batch.forEach(pending::remove);
        try {
            states.logStates(changes);
        } catch (RuntimeException e) {
            LOG.error("could not log {} agent state changes: {}", changes.size(), e.getMessage());
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.error("could not write routing progress; will retry", e);
        }
    }

    @Override
    public void close() {
        writer.shutdown();
        try {
            writer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flushQuietly();
    }
}
