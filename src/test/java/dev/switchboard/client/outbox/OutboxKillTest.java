package dev.switchboard.client.outbox;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An outbox whose process is killed with -9 while it writes: every entry whose {@code add} had
 * returned is still there after the restart, and each reaches the server once and in order.
 */
class OutboxKillTest {
    private static final int ACKNOWLEDGED_BEFORE_KILL = 50;

    @StartStop
    private final MockWebServer server = new MockWebServer();

    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void nothingAcknowledgedIsLostAndEverythingArrivesOnceInOrder() throws Exception {
        Path file = dir.resolve("outbox");
        Path printedFile = dir.resolve("child-ids.txt");
        Path errors = dir.resolve("child-errors.txt");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OutboxChild.class.getName(), file.toString(), "1000000")
                .redirectOutput(printedFile.toFile())
                .redirectError(errors.toFile())
                .start();
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5))
                    .until(() -> !child.isAlive() || wholeLines(Files.readString(printedFile)).size()
                            >= ACKNOWLEDGED_BEFORE_KILL);
            child.destroyForcibly();
            assertThat(child.waitFor()).as("killed, not finished; errors: %s", Files.readString(errors)).isNotZero();
        } finally {
            child.destroyForcibly();
        }
        // the file holds everything the child printed before it died: all of that was acknowledged
        List<Long> printed = wholeLines(Files.readString(printedFile));
        assertThat(printed).as("ids printed; child errors: %s", Files.readString(errors))
                .hasSizeGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_KILL);

        List<OutboxEntry> pending;
        try (Outbox outbox = Outbox.open(file)) {
            pending = outbox.pending();
            assertThat(pending).extracting(OutboxEntry::id).containsAll(printed).isSorted();

            List<String> received = new CopyOnWriteArrayList<>();
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    received.add(request.getHeaders().get("Idempotency-Key"));
                    return new MockResponse.Builder().code(201).body("{}").build();
                }
            });
            OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(10)).build();
            OutboxSender sender = new OutboxSender(outbox, http, server.url("/").toString(), () -> "tok",
                    Clock.systemUTC(), new OutboxSender.Listener() { });
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> outbox.pendingCount() == 0);
            } finally {
                sender.close();
            }

            assertThat(received).as("every entry once, in order")
                    .containsExactlyElementsOf(pending.stream().map(OutboxEntry::key).toList());
            Map<Long, String> keyById = pending.stream()
                    .collect(Collectors.toMap(OutboxEntry::id, OutboxEntry::key));
            assertThat(printed.stream().map(keyById::get).toList()).allSatisfy(k ->
                    assertThat(received).containsOnlyOnce(k));
        }
    }

    /** The ids on complete lines; a kill may cut the last line short. */
    private static List<Long> wholeLines(String s) {
        String whole = s.substring(0, s.lastIndexOf('\n') + 1);
        return new ArrayList<>(Arrays.stream(whole.split("\n")).filter(l -> !l.isEmpty())
                .map(Long::valueOf).toList());
    }
}
