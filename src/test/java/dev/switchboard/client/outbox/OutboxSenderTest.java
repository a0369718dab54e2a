package dev.switchboard.client.outbox;

import dev.switchboard.client.outbox.OutboxEntry.State;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The sender against a local stand-in for the server, scripted answer by answer. */
class OutboxSenderTest {
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @StartStop
    private final MockWebServer server = new MockWebServer();

    @TempDir
    Path dir;

    private final OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(10)).build();
    private final Recorder events = new Recorder();
    private Outbox outbox;
    private final List<OutboxSender> senders = new ArrayList<>();

    /** What the sender told the desktop. */
    static final class Recorder implements OutboxSender.Listener {
        final List<String> sent = new CopyOnWriteArrayList<>();
        final List<String> failed = new CopyOnWriteArrayList<>();
        final List<String> waiting = new CopyOnWriteArrayList<>();

        @Override
        public void sent(OutboxEntry e, int status, String responseJson) {
            sent.add(e.description() + " " + status + " " + responseJson);
        }

        @Override
        public void failed(OutboxEntry e, String message) {
            failed.add(e.description() + ": " + message);
        }

        @Override
        public void waiting(int pending, String lastError) {
            waiting.add(pending + " " + lastError);
        }
    }

    @BeforeEach
    void openOutbox() {
        outbox = Outbox.open(dir.resolve("outbox"));
    }

    @AfterEach
    void closeAll() {
        senders.forEach(OutboxSender::close);
        outbox.close();
    }

    private OutboxSender sender(String baseUrl, Supplier<String> token) {
        OutboxSender s = new OutboxSender(outbox, http, baseUrl, token, Clock.systemUTC(), events);
        senders.add(s);
        return s;
    }

    private OutboxSender sender() {
        return sender(server.url("/").toString(), () -> "tok-1");
    }

    private static MockResponse answer(int code, String json) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(json).build();
    }

    private RecordedRequest taken(MockWebServer from) throws InterruptedException {
        RecordedRequest r = from.takeRequest(5, TimeUnit.SECONDS);
        assertThat(r).as("a request reached the server").isNotNull();
        return r;
    }

    private void awaitDrained() {
        await().atMost(PATIENCE).until(() -> outbox.pendingCount() == 0);
    }

    @Test
    void entriesGoInOrderWithTheTokenTheirKeyAndTheirBody() throws Exception {
        server.enqueue(answer(201, "{\"id\":41}"));
        server.enqueue(answer(200, "{\"id\":7,\"status\":\"CLOSED\"}"));
        server.enqueue(answer(204, ""));
        OutboxEntry a = outbox.add("POST", "/api/v1/tickets/7/notes", Map.of("body", "called back"), "note");
        OutboxEntry b = outbox.add("PATCH", "/api/v1/tickets/7", Map.of("status", "CLOSED"), "close");
        OutboxEntry c = outbox.add("DELETE", "/api/v1/callbacks/3", null, "cancel");

        sender();
        awaitDrained();

        for (OutboxEntry e : List.of(a, b, c)) {
            RecordedRequest r = taken(server);
            assertThat(r.getMethod()).isEqualTo(e.method());
            assertThat(r.getUrl().encodedPath()).isEqualTo(e.path());
            assertThat(r.getHeaders().get("Idempotency-Key")).isEqualTo(e.key());
            assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer tok-1");
            if (e.bodyJson() != null) {
                assertThat(r.getHeaders().get("Content-Type")).startsWith("application/json");
                assertThat(r.getBody().utf8()).isEqualTo(e.bodyJson());
            } else {
                assertThat(r.getBodySize()).isZero();
            }
            assertThat(outbox.entry(e.id()).orElseThrow().state()).isEqualTo(State.SENT);
        }
        assertThat(events.sent).containsExactly("note 201 {\"id\":41}", "close 200 {\"id\":7,\"status\":\"CLOSED\"}",
                "cancel 204 ");
        assertThat(events.failed).isEmpty();
    }

    @Test
    void aBusyServerIsAskedAgainWithTheSameKey() throws Exception {
        server.enqueue(answer(503, "{\"error\":\"unavailable\",\"message\":\"starting up\"}"));
        server.enqueue(answer(429, "{\"error\":\"rate_limited\",\"message\":\"slow down\"}"));
        server.enqueue(answer(201, "{\"id\":1}"));
        OutboxEntry a = outbox.add("POST", "/api/v1/tickets", Map.of("subject", "Refund"), "new ticket");

        sender();
        awaitDrained();

        List<String> keys = List.of(taken(server), taken(server), taken(server)).stream()
                .map(r -> r.getHeaders().get("Idempotency-Key")).toList();
        assertThat(keys).containsOnly(a.key()).hasSize(3);
        OutboxEntry done = outbox.entry(a.id()).orElseThrow();
        assertThat(done.state()).isEqualTo(State.SENT);
        assertThat(done.attempts()).isEqualTo(2);
        assertThat(events.waiting).containsExactly("1 HTTP 503: starting up", "1 HTTP 429: slow down");
        assertThat(events.sent).containsExactly("new ticket 201 {\"id\":1}");
    }

    @Test
    void aChannelRefusalTheServerExplainsIsFinalButAProxysBadGatewayIsRetried() throws Exception {
        server.enqueue(new MockResponse.Builder().code(502).body("<html>bad gateway</html>").build());
        server.enqueue(answer(502, "{\"error\":\"send_failed\",\"message\":\"no outgoing mail server\"}"));
        server.enqueue(answer(201, "{\"id\":3}"));
        OutboxEntry answer = outbox.add("POST", "/api/v1/interactions/4/messages", Map.of("text", "Hi"), "answer");
        OutboxEntry note = outbox.add("POST", "/api/v1/tickets/1/notes", Map.of("body", "after"), "note");

        sender();
        awaitDrained();

        assertThat(outbox.entry(answer.id()).orElseThrow().state()).isEqualTo(State.FAILED);
        assertThat(outbox.entry(answer.id()).orElseThrow().attempts()).isEqualTo(1);
        assertThat(outbox.entry(note.id()).orElseThrow().state()).isEqualTo(State.SENT);
        assertThat(events.failed).containsExactly("answer: no outgoing mail server");
    }

    @Test
    void aKeyStillBeingAnsweredIsAskedAgainNotGivenUp() throws Exception {
        server.enqueue(answer(409, "{\"error\":\"key_in_progress\",\"message\":\"still being answered\"}"));
        server.enqueue(answer(201, "{\"id\":8}"));
        OutboxEntry note = outbox.add("POST", "/api/v1/tickets/1/notes", Map.of("body", "slow"), "slow note");

        sender();
        awaitDrained();

        assertThat(outbox.entry(note.id()).orElseThrow().state()).isEqualTo(State.SENT);
        assertThat(taken(server).getHeaders().get("Idempotency-Key")).isEqualTo(note.key());
        assertThat(taken(server).getHeaders().get("Idempotency-Key")).isEqualTo(note.key());
        assertThat(events.failed).isEmpty();
    }

    @Test
    void anEntryTheServerKeepsFailingOnIsSetAsideSoTheRestCanGo() throws Exception {
        for (int i = 0; i < OutboxSender.MAX_SERVER_FAILURES; i++) {
            server.enqueue(answer(500, "{\"error\":\"internal\",\"message\":\"boom\"}"));
        }
        server.enqueue(answer(201, "{\"id\":5}"));
        OutboxEntry stuck = outbox.add("POST", "/api/v1/tickets/1/notes", Map.of("body", "poison"), "poison");
        OutboxEntry next = outbox.add("POST", "/api/v1/tickets/1/notes", Map.of("body", "fine"), "fine");

        OutboxSender sender = sender();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> {
            sender.wake(); // no need to sit out the back-off
            return outbox.pendingCount() == 0;
        });

        assertThat(outbox.entry(stuck.id()).orElseThrow().state()).isEqualTo(State.FAILED);
        assertThat(outbox.entry(stuck.id()).orElseThrow().lastError()).contains("failed on it 8 times in a row").contains("boom");
        assertThat(outbox.entry(next.id()).orElseThrow().state()).isEqualTo(State.SENT);
    }

    @Test
    void anAnswerLostOnTheWayBackIsAskedForAgainWithTheSameKey() throws Exception {
        server.enqueue(new MockResponse.Builder().code(201).body("{\"id\":1}")
                .onResponseStart(new SocketEffect.CloseSocket()).build());
        server.enqueue(answer(201, "{\"id\":1}"));
        OutboxEntry a = outbox.add("POST", "/api/v1/tickets", Map.of("subject", "Refund"), "new ticket");

        sender();
        awaitDrained();

        assertThat(taken(server).getHeaders().get("Idempotency-Key")).isEqualTo(a.key());
        assertThat(taken(server).getHeaders().get("Idempotency-Key")).isEqualTo(a.key());
        assertThat(outbox.entry(a.id()).orElseThrow().state()).isEqualTo(State.SENT);
    }

    @Test
    void aRefusedEntryIsKeptAsFailedAndTheNextOneStillGoes() throws Exception {
        server.enqueue(answer(400,
                "{\"error\":\"invalid\",\"message\":\"subject is required\",\"field\":\"subject\"}"));
        server.enqueue(answer(201, "{\"id\":2}"));
        OutboxEntry bad = outbox.add("POST", "/api/v1/tickets", Map.of("subject", ""), "empty ticket");
        OutboxEntry good = outbox.add("POST", "/api/v1/tickets", Map.of("subject", "Refund"), "good ticket");

        sender();
        awaitDrained();

        assertThat(taken(server).getHeaders().get("Idempotency-Key")).isEqualTo(bad.key());
        assertThat(taken(server).getHeaders().get("Idempotency-Key")).isEqualTo(good.key());
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(outbox.failed()).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo(bad.id());
            assertThat(f.lastError()).isEqualTo("subject is required");
            assertThat(f.attempts()).isZero();
        });
        assertThat(outbox.entry(good.id()).orElseThrow().state()).isEqualTo(State.SENT);
        assertThat(events.failed).containsExactly("empty ticket: subject is required");
        assertThat(events.sent).containsExactly("good ticket 201 {\"id\":2}");
    }

    @Test
    void aReusedKeyIsRefusedForGood() {
        server.enqueue(answer(409, "{\"error\":\"key_reused\",\"message\":\"this key was used for another request\"}"));
        OutboxEntry a = outbox.add("POST", "/api/v1/tickets", Map.of("subject", "Refund"), "new ticket");

        sender();
        awaitDrained();

        assertThat(outbox.entry(a.id()).orElseThrow().state()).isEqualTo(State.FAILED);
        assertThat(events.failed).containsExactly("new ticket: this key was used for another request");
    }

    @Test
    void entriesWaitWhileTheServerIsDownAndGoWhenItIsBack() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        OutboxEntry a = outbox.add("POST", "/api/v1/tickets", Map.of("subject", "Refund"), "new ticket");
        OutboxEntry b = outbox.add("POST", "/api/v1/tickets/1/notes", Map.of("body", "hi"), "note");

        OutboxSender sender = sender("http://127.0.0.1:" + port, () -> "tok-1");
        await().atMost(PATIENCE).until(() -> !events.waiting.isEmpty());
        assertThat(events.waiting.get(0)).startsWith("2 no answer from the server");
        assertThat(outbox.pendingCount()).isEqualTo(2);
        assertThat(outbox.next().orElseThrow().attempts()).isPositive();
        assertThat(outbox.next().orElseThrow().lastError()).startsWith("no answer from the server");

        try (MockWebServer later = new MockWebServer()) {
            later.enqueue(answer(201, "{\"id\":1}"));
            later.enqueue(answer(201, "{\"id\":2}"));
            later.start(InetAddress.getByName("127.0.0.1"), port);
            sender.wake();
            awaitDrained();

            assertThat(taken(later).getHeaders().get("Idempotency-Key")).isEqualTo(a.key());
            assertThat(taken(later).getHeaders().get("Idempotency-Key")).isEqualTo(b.key());
        }
    }

    @Test
    void aRefusedTokenIsNotTriedAgainUntilANewOneComes() throws Exception {
        AtomicReference<String> token = new AtomicReference<>("expired");
        server.enqueue(answer(401, "{\"error\":\"unauthorized\",\"message\":\"sign in again\"}"));
        server.enqueue(answer(201, "{\"id\":1}"));
        OutboxEntry a = outbox.add("POST", "/api/v1/tickets", Map.of("subject", "Refund"), "new ticket");

        OutboxSender sender = sender(server.url("/").toString(), token::get);
        await().atMost(PATIENCE).until(() -> events.waiting.size() >= 1);
        assertThat(events.waiting.get(0)).isEqualTo("1 HTTP 401: sign in again");

        // even told to try now, it does not send the refused token again
        int seen = events.waiting.size();
        sender.wake();
        await().atMost(PATIENCE).until(() -> events.waiting.size() > seen + 1);
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(outbox.pendingCount()).isEqualTo(1);

        token.set("fresh");
        awaitDrained();

        RecordedRequest first = taken(server);
        RecordedRequest second = taken(server);
        assertThat(first.getHeaders().get("Authorization")).isEqualTo("Bearer expired");
        assertThat(second.getHeaders().get("Authorization")).isEqualTo("Bearer fresh");
        assertThat(second.getHeaders().get("Idempotency-Key")).isEqualTo(a.key()).isEqualTo(
                first.getHeaders().get("Idempotency-Key"));
    }

    @Test
    void nothingIsSentWhileSignedOut() throws Exception {
        AtomicReference<String> token = new AtomicReference<>();
        server.enqueue(answer(201, "{\"id\":1}"));
        outbox.add("POST", "/api/v1/tickets", Map.of("subject", "Refund"), "new ticket");

        OutboxSender sender = sender(server.url("/").toString(), token::get);
        await().atMost(PATIENCE).until(() -> events.waiting.contains("1 signed out"));
        assertThat(server.getRequestCount()).isZero();

        token.set("tok-2");
        sender.wake();
        awaitDrained();
        assertThat(taken(server).getHeaders().get("Authorization")).isEqualTo("Bearer tok-2");
    }

    @Test
    void aNewEntryIsSentWhenTheSenderIsWoken() throws Exception {
        server.enqueue(answer(201, "{\"id\":1}"));
        OutboxSender sender = sender();
        OutboxEntry a = outbox.add("POST", "/api/v1/tickets", Map.of("subject", "Refund"), "new ticket");
        sender.wake();
        awaitDrained();
        assertThat(taken(server).getHeaders().get("Idempotency-Key")).isEqualTo(a.key());
    }

    @Test
    void closingStopsARequestInFlightAndLeavesTheEntryForTheNextSender() throws Exception {
        server.enqueue(new MockResponse.Builder().code(201).body("{}").headersDelay(30, TimeUnit.SECONDS).build());
        server.enqueue(answer(201, "{\"id\":1}"));
        OutboxEntry a = outbox.add("POST", "/api/v1/tickets", Map.of("subject", "Refund"), "new ticket");

        OutboxSender first = sender();
        assertThat(taken(server).getHeaders().get("Idempotency-Key")).isEqualTo(a.key());
        assertTimeoutPreemptively(Duration.ofSeconds(4), first::close);
        assertThat(outbox.entry(a.id()).orElseThrow().state()).isEqualTo(State.PENDING);
        assertThat(events.sent).isEmpty();

        sender();
        awaitDrained();
        assertThat(taken(server).getHeaders().get("Idempotency-Key")).isEqualTo(a.key());
    }

    @Test
    void backoffDoublesFromHalfASecondUpToThirtySeconds() {
        for (int attempt = 1; attempt <= 40; attempt++) {
            long base = Math.min(30_000, 500L << Math.min(attempt - 1, 16));
            assertThat(OutboxSender.backoff(attempt).toMillis()).isBetween(base / 2, base);
        }
    }
}
