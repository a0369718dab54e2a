package dev.switchboard.store.demo;

import dev.switchboard.store.demo.DemoGenerator.Bundle;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the generator on a thread of its own, a bounded queue ahead of the caller's thread, which
 * writes. Drawing the data is about a third of the work and the database the rest, so on two cores
 * they overlap instead of taking turns. The queue holds a few thousand customers at most, so memory
 * stays bounded however many are generated; the order of the bundles, and so every id, is unchanged.
 */
final class Pipeline {
    private static final int BATCH = 250;
    private static final int BATCHES_AHEAD = 16;
    /** Marks the end of the stream; compared by identity. */
    private static final List<Bundle> END = List.of();

    private Pipeline() {
    }

    /** Generates on a background thread and hands every bundle, in order, to {@code sink} on this thread. */
    static void run(DemoGenerator generator, DemoGenerator.Sink sink) throws SQLException {
        BlockingQueue<List<Bundle>> queue = new ArrayBlockingQueue<>(BATCHES_AHEAD);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread producer = new Thread(() -> produce(generator, queue, failure), "demo-data-generator");
        producer.setDaemon(true);
        producer.start();
        try {
            while (true) {
                List<Bundle> batch = queue.take();
                if (batch == END) {
                    break;
                }
                for (Bundle bundle : batch) {
                    sink.accept(bundle);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while generating demo data", e);
        } finally {
            // On a write failure the producer may be blocked on a full queue: wake it so it ends.
            producer.interrupt();
            joinQuietly(producer);
        }
        Throwable t = failure.get();
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        if (t != null) {
            throw new IllegalStateException("demo data generator failed", t);
        }
    }

    private static void produce(DemoGenerator generator, BlockingQueue<List<Bundle>> queue,
                                AtomicReference<Throwable> failure) {
        List<List<Bundle>> current = new ArrayList<>(List.of(new ArrayList<>(BATCH)));
        try {
            generator.run(bundle -> {
                List<Bundle> batch = current.get(0);
                batch.add(bundle);
                if (batch.size() == BATCH) {
                    put(queue, batch);
                    current.set(0, new ArrayList<>(BATCH));
                }
            });
            put(queue, current.get(0));
            put(queue, END);
        } catch (Throwable t) {
            // The run is lost either way: drop what is queued so that the end marker fits.
            failure.set(t);
            queue.clear();
            queue.offer(END);
        }
    }

    private static void put(BlockingQueue<List<Bundle>> queue, List<Bundle> batch) {
        try {
            queue.put(batch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("demo data generation cancelled", e);
        }
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
