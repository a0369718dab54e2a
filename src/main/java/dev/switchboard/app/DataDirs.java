package dev.switchboard.app;

import java.nio.file.Path;
import java.util.Locale;

/** Where Switchboard keeps its files when the user names no directory. */
final class DataDirs {
    private DataDirs() {
    }

    static Path defaultDir() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String home = System.getProperty("user.home");
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return Path.of(appData != null ? appData : home, "Switchboard");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "Switchboard");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".local", "share")).resolve("switchboard");
    }
}
