package dev.switchboard.app.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * A class of this code base run in a JVM of its own (the benchmark's class path and Java), its
 * output handed line by line to a consumer. For the helpers that must not share a JVM with what
 * they measure: a load generator, a yardstick app.
 */
final class JvmProcess implements AutoCloseable {
    private final Process process;
    private final CompletableFuture<Void> ended = new CompletableFuture<>();

    private JvmProcess(Process process) {
        this.process = process;
    }

    /** Starts {@code java <jvmArgs> -cp <class path> mainClass args}; {@code output} gets every line. */
    static JvmProcess start(List<String> jvmArgs, Class<?> mainClass, List<String> args, Consumer<String> output)
            throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass.getName());
        cmd.addAll(args);
        JvmProcess p = new JvmProcess(new ProcessBuilder(cmd).redirectErrorStream(true).start());
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    output.accept(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
            p.ended.complete(null);
        }, mainClass.getSimpleName() + "-output");
        reader.setDaemon(true);
        reader.start();
        return p;
    }

    /** Starts the process and waits for a line beginning with {@code readyPrefix}; returns the rest of that line. */
    static Started startAndAwait(List<String> jvmArgs, Class<?> mainClass, List<String> args, String readyPrefix,
                                 Duration timeout, Consumer<String> output)
            throws IOException, InterruptedException, TimeoutException {
        CompletableFuture<String> ready = new CompletableFuture<>();
        JvmProcess p = start(jvmArgs, mainClass, args, line -> {
            if (line.startsWith(readyPrefix)) {
                ready.complete(line.substring(readyPrefix.length()).trim());
            }
            output.accept(line);
        });
        p.ended.thenRun(() -> ready.completeExceptionally(
                new IOException(mainClass.getSimpleName() + " ended before it was ready")));
        try {
            return new Started(p, ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (ExecutionException e) {
            p.close();
            throw new IOException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException | InterruptedException e) {
            p.close();
            throw e;
        }
    }

    record Started(JvmProcess process, String readyText) {
    }

    /** Waits for the process to end and its output to be read; its exit code, or empty on timeout. */
    java.util.OptionalInt awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return java.util.OptionalInt.empty();
        }
        try {
            ended.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // the output reader is stuck or gone; the exit code still stands
        }
        return java.util.OptionalInt.of(process.exitValue());
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
