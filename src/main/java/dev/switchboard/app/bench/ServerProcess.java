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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * A Switchboard server in a JVM of its own, as the benchmark needs it: load generators and the
 * measured desktop run in the benchmark's process, the server in this one.
 */
final class ServerProcess implements AutoCloseable {
    private static final String READY = "Switchboard server ready at ";

    private final Process process;
    private final String baseUrl;

    private ServerProcess(Process process, String baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    /** Starts {@code switchboard server} with these arguments and waits until it listens. */
    static ServerProcess start(List<String> serverArgs, String heap, Duration startTimeout, Consumer<String> log)
            throws IOException, InterruptedException, TimeoutException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + heap);
        // extra JVM flags for the server, when profiling a run (e.g. -Dsb.bench.serverJvmArgs="-XX:StartFlightRecording=...")
        String extra = System.getProperty("sb.bench.serverJvmArgs", "").trim();
        if (!extra.isEmpty()) {
            cmd.addAll(List.of(extra.split("\\s+")));
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("dev.switchboard.app.Main");
        cmd.add("server");
        cmd.addAll(serverArgs);
        // the benchmark drives one session (and signs in hundreds from one address) far faster than an agent:
        // limits high enough never to bite, so the limiter's cost is measured and its refusals are not
        if (serverArgs.stream().noneMatch(a -> a.startsWith("--rate-limit"))) {
            cmd.addAll(List.of("--rate-limit", "1000000", "--rate-limit-address", "1000000"));
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        CompletableFuture<String> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.startsWith(READY)) {
                        ready.complete(line.substring(READY.length()).trim());
                    }
                    log.accept("[server] " + line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
            ready.completeExceptionally(new IOException("server process ended before it was ready"));
        }, "server-output");
        reader.setDaemon(true);
        reader.start();
        try {
            return new ServerProcess(p, ready.get(startTimeout.toSeconds(), TimeUnit.SECONDS));
        } catch (java.util.concurrent.ExecutionException e) {
            p.destroyForcibly();
            throw new IOException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException | InterruptedException e) {
            p.destroyForcibly();
            throw e;
        }
    }

    String baseUrl() {
        return baseUrl;
    }

    /** The server's process id, to read its CPU time ({@link CpuTimes}). */
    long pid() {
        return process.pid();
    }

    /** Resident set size of the server process in bytes, read from /proc (0 where there is none). */
    long residentBytes() {
        try {
            for (String line : java.nio.file.Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    /** Kills the server at once (SIGKILL, as {@code kill -9}): no shutdown hook, nothing flushed. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
