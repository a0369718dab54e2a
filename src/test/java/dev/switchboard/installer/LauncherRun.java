package dev.switchboard.installer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged launcher running, its output (standard output and error) in a file to show when
 * something goes wrong. Closing it ends the launcher and everything it started, forcibly if it must.
 */
final class LauncherRun implements AutoCloseable {
    private static final int SHOWN_LINES = 80;

    private final Process process;
    private final Path log;

    private LauncherRun(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static LauncherRun start(Path log, Map<String, String> env, String... command) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        return new LauncherRun(p, log);
    }

    boolean alive() {
        return process.isAlive();
    }

    /** The last lines the launcher wrote, and how it ended if it did. */
    String output() {
        StringBuilder b = new StringBuilder();
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            if (lines.size() > SHOWN_LINES) {
                b.append("... (").append(lines.size() - SHOWN_LINES).append(" lines before)\n");
            }
            lines.subList(Math.max(0, lines.size() - SHOWN_LINES), lines.size()).forEach(l -> b.append(l).append('\n'));
        } catch (IOException e) {
            b.append("(no output: ").append(e.getMessage()).append(")\n");
        }
        if (!process.isAlive()) {
            b.append("(the launcher ended with exit code ").append(process.exitValue()).append(")\n");
        }
        return b.toString();
    }

    /**
     * SIGTERM to the launcher and to what it started, as a session ending does; true when all of them
     * ended within {@code timeout}.
     */
    boolean stop(Duration timeout) throws InterruptedException {
        List<ProcessHandle> tree = tree();
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + timeout.toNanos();
        for (ProcessHandle p : tree) {
            long left = Math.max(0, deadline - System.nanoTime());
            try {
                p.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                return false;
            }
        }
        return true;
    }

    private List<ProcessHandle> tree() {
        List<ProcessHandle> all = new java.util.ArrayList<>(process.descendants().toList());
        all.add(0, process.toHandle());
        return all;
    }

    @Override
    public void close() throws InterruptedException {
        if (!stop(Duration.ofSeconds(20))) {
            tree().forEach(ProcessHandle::destroyForcibly);
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
