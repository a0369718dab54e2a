package dev.switchboard.app.bench;

import dev.switchboard.desktop.bench.ShiftWorker;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A command (a JVM of the product) started with an environment of its own, its output read line by
 * line: waited on for marker lines, and, for a desktop with a {@link ShiftWorker}, its latest status
 * line kept as numbers by name. Other lines go to a consumer (the first {@value #SHOWN} of them).
 */
final class ChildJvm implements AutoCloseable {
    private static final int SHOWN = 60;
    /** Properties BenchCommand sets for headless runs; children get the ones this process has. */
    private static final List<String> FORWARDED = List.of("glass.platform", "monocle.platform", "prism.order",
            "java.awt.headless");

    private final Process process;
    private final Deque<String> tail = new ArrayDeque<>();
    private final List<String> seen = new ArrayList<>();
    private volatile Map<String, Long> status = Map.of();
    private volatile boolean ended;
    private int shown;

    private ChildJvm(Process process) {
        this.process = process;
    }

    /**
     * The command line of a JVM of the product: this process's java and classpath, the headless
     * properties BenchCommand set here (if any), {@code flags}, and the flags in the system property
     * {@code extraProperty}, for looking into a run (e.g. {@code -Xlog:class+load}).
     */
    static List<String> command(List<String> flags, String extraProperty) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String p : FORWARDED) {
            String v = System.getProperty(p);
            if (v != null) {
                cmd.add("-D" + p + "=" + v);
            }
        }
        cmd.addAll(flags);
        String extra = System.getProperty(extraProperty, "").trim();
        if (!extra.isEmpty()) {
            cmd.addAll(List.of(extra.split("\\s+")));
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        return cmd;
    }

    static ChildJvm start(List<String> cmd, Map<String, String> env, Consumer<String> output) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        ChildJvm c = new ChildJvm(pb.start());
        Thread reader = new Thread(() -> c.read(output), "child-output");
        reader.setDaemon(true);
        reader.start();
        return c;
    }

    private void read(Consumer<String> output) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith(ShiftWorker.STATUS)) {
                    status = parseStatus(line.substring(ShiftWorker.STATUS.length()));
                    continue;
                }
                synchronized (this) {
                    seen.add(line.length() > 200 ? line.substring(0, 200) : line);
                    tail.addLast(line);
                    if (tail.size() > 40) {
                        tail.removeFirst();
                    }
                    notifyAll();
                }
                if (shown++ < SHOWN) {
                    output.accept(line);
                }
            }
        } catch (IOException ignored) {
            // the process ended
        }
        synchronized (this) {
            ended = true;
            notifyAll();
        }
    }

    /** {@code name=number} pairs separated by spaces. */
    static Map<String, Long> parseStatus(String text) {
        Map<String, Long> out = new HashMap<>();
        for (String pair : text.trim().split("\\s+")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                try {
                    out.put(pair.substring(0, eq), Long.parseLong(pair.substring(eq + 1)));
                } catch (NumberFormatException ignored) {
                    // not a number: not a field the benchmark reads
                }
            }
        }
        return Map.copyOf(out);
    }

    /** Waits for a line starting with {@code prefix} (seen before or after this call); returns it. */
    synchronized String await(String prefix, Duration timeout) throws IOException, InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        int from = 0;
        while (true) {
            for (int i = from; i < seen.size(); i++) {
                if (seen.get(i).startsWith(prefix)) {
                    return seen.get(i);
                }
            }
            from = seen.size();
            long left = end - System.nanoTime();
            if (ended || left <= 0) {
                throw new IOException((ended ? "the process ended" : "waited " + timeout.toSeconds() + " s")
                        + " without \"" + prefix + "\"; its last lines:\n" + String.join("\n", tail));
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    /** The latest status line's fields. */
    Map<String, Long> lastStatus() {
        return status;
    }

    /** One field of the latest status line (0 before the first). */
    long status(String field) {
        return status.getOrDefault(field, 0L);
    }

    long pid() {
        return process.pid();
    }

    /** Waits for the process to end; true when it did in time. */
    boolean awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** SIGTERM, as the system stops a desktop at log-out; killed when it does not end in 30 s. True if killed. */
    boolean stop() throws InterruptedException {
        if (!process.isAlive()) {
            return false;
        }
        process.destroy();
        if (process.waitFor(30, TimeUnit.SECONDS)) {
            return false;
        }
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        return true;
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
