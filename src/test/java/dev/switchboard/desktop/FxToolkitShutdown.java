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
        Thread fx = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(FX_THREAD))
                .findFirst().orElse(null);
        if (fx == null) {
            return;
        }
        Platform.exit();
        try {
            fx.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
