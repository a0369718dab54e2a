package dev.switchboard.app.bench;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The benchmark's stream reader against a peer that speaks HTTP and SSE over a real socket, writing
 * events in pieces that split lines: every event is told with its type and id, and the data only of
 * the types the stream keeps.
 */
class SseStreamsTest {
    private record Seen(int stream, String type, long id, String data) {
    }

    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final List<String> closed = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private ServerSocket server;

    @AfterEach
    void stop() throws IOException {
        for (Socket s : sockets) {
            s.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void eventsArriveWithTheirTypeIdAndKeptData() throws Exception {
        String big = "{\"rows\":\"" + "x".repeat(300_000) + "\"}";
        String body = ": comment\n\n"
                + "event: hello\ndata: {\"latestSeq\":4}\n\n"
                + "id: 5\nevent: agent.state\ndata: {\"agentId\":7}\n\n"
                + "id: 6\r\nevent: dashboard\r\ndata: " + big + "\r\n\r\n"
                + "id: 7\nevent: offer\ndata: {\"long\":\"" + "y".repeat(5_000) + "\"}\n\n"
                + "id: 8\nevent: agent.state\ndata: [1,\ndata: 2]\n\n"
                + ": keep-alive\n\n";
        serve("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n\r\n", body);

        try (SseStreams streams = new SseStreams("http://127.0.0.1:" + server.getLocalPort(), listener())) {
            streams.open(0, "t0", Set.of("agent.state", "dashboard"));
            streams.open(1, "t1", Set.of());
            await().atMost(Duration.ofSeconds(20)).until(() -> seen.size() == 10);

            for (int stream = 0; stream < 2; stream++) {
                int s = stream;
                List<Seen> mine = seen.stream().filter(e -> e.stream() == s).toList();
                assertThat(mine).extracting(Seen::type).containsExactly("hello", "agent.state", "dashboard", "offer",
                        "agent.state");
                assertThat(mine).extracting(Seen::id).containsExactly(-1L, 5L, 6L, 7L, 8L);
                if (s == 0) {
                    assertThat(mine).extracting(Seen::data).containsExactly(null, "{\"agentId\":7}", big, null,
                            "[1,\n2]");
                } else {
                    assertThat(mine).extracting(Seen::data).containsOnlyNulls();
                }
            }
            assertThat(streams.streaming()).isEqualTo(2);
            assertThat(streams.open()).isEqualTo(2);
            assertThat(streams.failed()).isZero();
        }
    }

    @Test
    void aRefusalIsAFailureNotAStream() throws Exception {
        serve("HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n", "");

        try (SseStreams streams = new SseStreams("http://127.0.0.1:" + server.getLocalPort(), listener())) {
            streams.open(3, "bad", Set.of("dashboard"));
            await().atMost(Duration.ofSeconds(20)).until(() -> streams.failed() == 1);
            assertThat(streams.streaming()).isZero();
            assertThat(closed).singleElement().asString().startsWith("3 ").contains("401");
            assertThat(seen).isEmpty();
        }
    }

    @Test
    void findsNewlinesAtEveryPosition() {
        for (int at = 0; at < 20; at++) {
            byte[] a = new byte[20];
            a[at] = '\n';
            assertThat(SseStreams.indexOfNewline(a, 0, a.length)).isEqualTo(at);
            assertThat(SseStreams.indexOfNewline(a, at + 1, a.length)).isEqualTo(-1);
        }
    }

    private SseStreams.Listener listener() {
        return new SseStreams.Listener() {
            @Override
            public void onEvent(int stream, String type, long id, long arrivalNanos, byte[] data, int dataLength) {
                seen.add(new Seen(stream, type, id,
                        data == null ? null : new String(data, 0, dataLength, StandardCharsets.UTF_8)));
            }

            @Override
            public void onClosed(int stream, String why) {
                closed.add(stream + " " + why);
            }
        };
    }

    /** Answers every connection with these headers and body, the body a few bytes at a time at first. */
    private void serve(String headers, String body) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    sockets.add(s);
                    readRequest(s.getInputStream());
                    OutputStream out = s.getOutputStream();
                    out.write(headers.getBytes(StandardCharsets.US_ASCII));
                    byte[] b = body.getBytes(StandardCharsets.UTF_8);
                    // small pieces split lines and fields across reads; then the rest in one go
                    int p = 0;
                    for (int size = 1; p < b.length && p < 400; size = size % 7 + 1) {
                        int n = Math.min(size, b.length - p);
                        out.write(b, p, n);
                        out.flush();
                        p += n;
                        Thread.sleep(1);
                    }
                    out.write(b, p, b.length - p);
                    out.flush();
                    if (!headers.contains(" 200 ")) {
                        s.close();
                    }
                } catch (IOException | InterruptedException e) {
                    return; // the test is over
                }
            }
        }, "sse-test-peer");
        t.setDaemon(true);
        t.start();
    }

    private static void readRequest(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        while (matched < end.length) {
            int c = in.read();
            if (c < 0) {
                return;
            }
            matched = c == end[matched] ? matched + 1 : (c == end[0] ? 1 : 0);
        }
    }
}
