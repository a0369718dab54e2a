package dev.switchboard.server;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that write events to clients. A few workers take tasks from one queue, so a publish
 * wakes a thread only when they are all idle, not once per subscriber. A client that stops reading
 * can block the worker writing to it until the connection times out; a watchdog notices workers
 * stuck that long and adds workers beside them (up to a limit), which leave again once idle.
 */
final class DeliveryPool implements Executor, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryPool.class);
    private static final long STUCK_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    private final int core;
    private final int max;
    private final LinkedBlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
    private final Set<Worker> workers = ConcurrentHashMap.newKeySet();
    private final AtomicInteger names = new AtomicInteger();
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "event-delivery-watchdog");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean closed;

    DeliveryPool(int core, int max) {
        this.core = core;
        this.max = max;
        for (int i = 0; i < core; i++) {
            start(true);
        }
        watchdog.scheduleWithFixedDelay(this::addBesideStuck, 250, 250, TimeUnit.MILLISECONDS);
    }

    @Override
    public void execute(Runnable task) {
        if (!closed) {
            tasks.offer(task);
        }
    }

    private void addBesideStuck() {
        long now = System.nanoTime();
        long stuck = workers.stream().filter(w -> w.stuckSince(now)).count();
        long free = workers.size() - stuck;
        for (long i = free; i < core && workers.size() < max && !tasks.isEmpty(); i++) {
            start(false);
        }
    }

    private void start(boolean permanent) {
        Worker w = new Worker(permanent);
        workers.add(w);
        Thread t = new Thread(w, "event-delivery-" + names.incrementAndGet());
        t.setDaemon(true);
        t.start();
    }

    private final class Worker implements Runnable {
        final boolean permanent;
        volatile long busySince;

        Worker(boolean permanent) {
            this.permanent = permanent;
        }

        boolean stuckSince(long now) {
            long since = busySince;
            return since != 0 && now - since > STUCK_NANOS;
        }

        @Override
        public void run() {
            try {
                while (!closed) {
                    Runnable task = permanent ? tasks.take() : tasks.poll(30, TimeUnit.SECONDS);
                    if (task == null) {
                        return; // an extra worker with nothing to do leaves
                    }
                    busySince = System.nanoTime();
                    try {
                        task.run();
                    } catch (RuntimeException e) {
                        LOG.warn("event delivery task failed", e);
                    } finally {
                        busySince = 0;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                workers.remove(this);
            }
        }
    }

    int workerCount() {
        return workers.size();
    }

    @Override
    public void close() {
        closed = true;
        watchdog.shutdownNow();
        tasks.clear();
        // permanent workers wait on the queue: wake them so they see the pool is closed
        for (int i = 0; i < workers.size(); i++) {
            tasks.offer(() -> { });
        }
    }
}
