package dev.switchboard.desktop;

import javafx.application.Platform;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Stops JavaFX when the test run ends, before the JVM exits. Left running, the toolkit (WebKit in
 * particular, used by the e-mail view) can abort the JVM while it exits, which fails the run after
 * every test passed.
 */
public final class FxToolkitShutdown implements LauncherSessionListener {
    private static final String FX_THREAD = "JavaFX Application Thread";

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().equals(FX_THREAD))) {
            return;
        }
        Platform.exit();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline
                && Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(FX_THREAD) && t.isAlive())) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
