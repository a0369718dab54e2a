package dev.switchboard.installer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * An X server of its own for the test ({@code Xvfb}, what {@code xvfb-run} starts), on the first free
 * display number, which it reports on {@code -displayfd}. Started directly rather than through
 * xvfb-run so the test knows the display to look at and stops each process itself.
 */
final class VirtualDisplay implements AutoCloseable {
    private final Process xvfb;
    private final int number;

    private VirtualDisplay(Process xvfb, int number) {
        this.xvfb = xvfb;
        this.number = number;
    }

    static VirtualDisplay start(Path log) throws Exception {
        Process p = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp")
                .redirectError(log.toFile()).start();
        p.getOutputStream().close();
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
            } catch (IOException e) {
                return null;
            }
        });
        String n;
        try {
            n = line.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            n = null;
        }
        if (n == null || !n.trim().matches("\\d+")) {
            p.destroyForcibly();
            throw new AssertionError("Xvfb did not report its display (is the xvfb package installed?): "
                    + java.nio.file.Files.readString(log));
        }
        return new VirtualDisplay(p, Integer.parseInt(n.trim()));
    }

    String name() {
        return ":" + number;
    }

    /** The titles of the windows shown on this display now. */
    List<String> shownTitles() throws IOException {
        try (X11Windows x = X11Windows.connect(number)) {
            return x.shownTitles();
        }
    }

    @Override
    public void close() throws InterruptedException {
        xvfb.destroy();
        if (!xvfb.waitFor(10, TimeUnit.SECONDS)) {
            xvfb.destroyForcibly();
            xvfb.waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("Xvfb " + name() + " did not end on SIGTERM");
        }
    }
}
