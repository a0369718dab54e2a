package dev.switchboard.desktop;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** The production runner: a small pool of daemon threads, results posted to the UI thread. */
public final class PooledTaskRunner implements TaskRunner {
    private final ExecutorService pool;
    private final Executor ui;

    public PooledTaskRunner(Executor ui, int threads) {
        this.ui = ui;
        AtomicInteger count = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, work -> {
            Thread t = new Thread(work, "desktop-io-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
        try {
            pool.execute(() -> {
                T result;
                try {
                    result = work.call();
                } catch (Exception e) {
                    ui.execute(() -> onFailure.accept(e));
                    return;
                }
                ui.execute(() -> onSuccess.accept(result));
            });
        } catch (RejectedExecutionException e) {
            // shut down while a view was still asking: nobody is left to show the answer
        }
    }

    @Override
    public void shutdown() {
        pool.shutdownNow();
    }
}
