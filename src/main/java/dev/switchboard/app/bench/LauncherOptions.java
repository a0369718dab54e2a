package dev.switchboard.app.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVM options the product's launcher starts the desktop with: the {@code --java-options} lines of
 * {@code installer/jpackage.txt}, which every package shares and {@code ./mvnw javafx:run} repeats. The
 * benchmarks that measure the desktop start it with these, so they measure it as a user runs it.
 */
final class LauncherOptions {
    static final Path FILE = Path.of("installer", "jpackage.txt");
    private static final String OPTION = "--java-options";

    private LauncherOptions() {
    }

    /** The options in {@link #FILE}, read from the project's folder (where the benchmark runs). */
    static List<String> read() {
        try {
            return parse(Files.readAllLines(FILE.toAbsolutePath()));
        } catch (IOException e) {
            throw new UncheckedIOException("the launcher's JVM options are read from " + FILE.toAbsolutePath()
                    + ": run the benchmark from the project's folder", e);
        }
    }

    /** The value of each {@code --java-options} line, in order; comments and other options are skipped. */
    static List<String> parse(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (!line.startsWith(OPTION + " ")) {
                continue;
            }
            String value = line.substring(OPTION.length()).strip();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            out.add(value);
        }
        if (out.isEmpty()) {
            throw new IllegalStateException(FILE + " gives the launcher no " + OPTION);
        }
        return List.copyOf(out);
    }
}
