package dev.switchboard.app.bench;

import dev.switchboard.desktop.bench.ShiftWorker;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
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

    private final Process process;
    private final Deque<String> tail = new ArrayDeque<>();
    private final List<String> seen = new java.util.ArrayList<>();
    private volatile Map<String, Long> status = Map.of();
    private volatile boolean ended;
    private int shown;

    private ChildJvm(Process process) {
        this.process = process;
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
