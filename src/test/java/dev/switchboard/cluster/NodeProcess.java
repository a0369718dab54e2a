package dev.switchboard.cluster;

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
 * A cluster node in a JVM of its own ({@code switchboard server --cluster}), so that a test can
 * kill it as a crash would: SIGKILL, no shutdown hook, nothing released.
 */
final class NodeProcess implements AutoCloseable {
    private static final String READY = "Switchboard server ready at ";

    private final Process process;
    private final String baseUrl;

    private NodeProcess(Process process, String baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    /** Starts node {@code nodeId} on the database and waits until it listens. */
    static NodeProcess start(String jdbcUrl, String user, String password, String nodeId, Duration offerTimeout,
                             Consumer<String> log) throws IOException, InterruptedException, TimeoutException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "dev.switchboard.app.Main", "server", "--host", "127.0.0.1", "--port", "0", "--sip-port", "0",
                "--jdbc-url", jdbcUrl, "--jdbc-user", user, "--jdbc-password", password, "--cluster", "--node-id", nodeId,
                "--customers", "0", "--offer-timeout", Long.toString(offerTimeout.toSeconds()),
                "--rate-limit", "0", "--rate-limit-address", "0"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        CompletableFuture<String> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.startsWith(READY)) {
                        ready.complete(line.substring(READY.length()).trim());
                    }
                    log.accept("[" + nodeId + "] " + line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
            ready.completeExceptionally(new IOException("node " + nodeId + " ended before it was ready"));
        }, "node-output-" + nodeId);
        reader.setDaemon(true);
        reader.start();
        try {
            return new NodeProcess(p, ready.get(120, TimeUnit.SECONDS));
        } catch (ExecutionException e) {
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

    /** SIGKILL, as {@code kill -9}: the node stops mid-stride. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
