package dev.switchboard.desktop;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Holds background work until the test lets it run: shows what the UI does before the server answers. */
public final class QueuedTaskRunner implements TaskRunner {
    private final Deque<Runnable> queue = new ArrayDeque<>();

    @Override
    public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
        queue.add(() -> new InlineTaskRunner().run(work, onSuccess, onFailure));
    }

    public int pending() {
        return queue.size();
    }

    /** Runs everything queued, including work queued by the callbacks. */
    public void runAll() {
        while (!queue.isEmpty()) {
            queue.poll().run();
        }
    }

    @Override
    public void shutdown() {
        queue.clear();
    }
}
