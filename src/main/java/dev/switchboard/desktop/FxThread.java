package dev.switchboard.desktop;

import javafx.application.Platform;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;

/**
 * The one bridge onto the JavaFX application thread. Everything that must run there (task results,
 * stream events) goes through {@link #execute}; no other class of the desktop calls {@code Platform}.
 */
public final class FxThread implements Executor {

    /** Queues the work for the FX thread, always later, so the order of arrival is kept. */
    @Override
    public void execute(Runnable work) {
        Platform.runLater(work);
    }

    /** Asks for a pulse even if nothing is dirty, so pulse listeners run soon. */
    public void requestPulse() {
        Platform.requestNextPulse();
    }

    /** Ends the JavaFX toolkit (the Quit command). */
    public void exit() {
        Platform.exit();
    }

    /**
     * Starts the toolkit for a process without a person at it (closing every window must not end it);
     * returns once it runs. Does nothing if it already runs.
     */
    public static void startToolkit() {
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyRunning) {
            started.countDown();
        }
        try {
            started.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the toolkit started", e);
        }
        Platform.setImplicitExit(false);
    }

    /** Runs on the FX thread and waits for the answer; call from any other thread. */
    public static <T> T callAndWait(Callable<T> work) {
        if (Platform.isFxApplicationThread()) {
            throw new IllegalStateException("callAndWait on the FX thread would wait for itself");
        }
        CompletableFuture<T> answer = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                answer.complete(work.call());
            } catch (Exception | Error e) {
                answer.completeExceptionally(e);
            }
        });
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the FX thread", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
