package dev.switchboard.desktop;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs blocking work (server calls) away from the FX thread and hands the outcome back on it. View
 * models take one of these so that tests can run everything inline.
 */
public interface TaskRunner {

    /**
     * Runs {@code work} in the background; then exactly one of the callbacks on the UI thread, with the
     * result or with the exception the work threw.
     */
    <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure);

    /** Stops accepting work; running work finishes on its own. */
    void shutdown();
}
