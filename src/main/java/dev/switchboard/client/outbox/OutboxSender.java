package dev.switchboard.client.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.api.ApiError;
import dev.switchboard.api.Json;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Delivers the {@link Outbox} to the server on one daemon thread, strictly in order: an entry is sent
 * only once every earlier one is SENT or FAILED. Each attempt carries the entry's own
 * {@code Idempotency-Key}, the same on every retry, so the server applies it once even when an answer
 * was lost on the way back.
 *
 * <p>No answer, a 5xx, 408 or 429 is retried with exponential backoff (0.5 s doubling to 30 s, with
 * jitter); a 401 waits for a different token before trying again; any other 4xx marks the entry FAILED
 * and the next one goes, as does a 502 the server explains (a channel refused the message) and the
 * {@value #MAX_SERVER_FAILURES}th 5xx on the same entry. The {@link Listener} is called on the sender's thread.
 */
public final class OutboxSender implements AutoCloseable {
    static final Duration FIRST_DELAY = Duration.ofMillis(500);
    static final Duration MAX_DELAY = Duration.ofSeconds(30);
    /**
     * How often an entry may fail with a 5xx before it is set aside as FAILED: a server that answers
     * but keeps failing on one write must not hold up every write behind it. (No answer at all is
     * retried for as long as it takes.)
     */
    static final int MAX_SERVER_FAILURES = 8;
    /** How often a sender without a usable token looks at the token again when nobody wakes it. */
    private static final Duration TOKEN_POLL = Duration.ofSeconds(1);
    private static final MediaType JSON = MediaType.get("application/json");
    private static final String BATCH_PATH = "/api/v1/batch";
    /** A batch takes no more writes once its bodies are this long (one always goes). */
    private static final long MAX_BATCH_BYTES = 1_000_000;
    private static final System.Logger LOG = System.getLogger(OutboxSender.class.getName());

    /** What the sender tells the desktop; every method is called on the sender's thread. */
    public interface Listener {
        /** The server accepted {@code e} (as it was sent) with this answer. */
        default void sent(OutboxEntry e, int status, String responseJson) {
        }

        /** The server refused {@code e} for good; {@code message} is its reason. */
        default void failed(OutboxEntry e, String message) {
        }

        /**
         * The server refused {@code e} for good with this status (0: it could not be sent at all) and
         * answer ({@code responseJson} may be null); by default {@link #failed(OutboxEntry, String)}.
         */
        default void failed(OutboxEntry e, int status, String message, String responseJson) {
            failed(e, message);
        }

        /**
         * The answers to several entries sent together are about to be told (each through
         * {@link #sent} or {@link #failed}) by {@code answers}, which must be run: e.g. inside one
         * transaction of the listener's own store.
         */
        default void answers(Runnable answers) {
            answers.run();
        }

        /**
         * Told after {@link #sent} when the server answered {@code e} (sent in a batch) without the
         * ticket it changed, because a later write in the batch answers with it: the write moved
         * ticket {@code ticketId} to {@code version}.
         */
        default void moved(OutboxEntry e, long ticketId, long version) {
        }

        /** {@code pending} entries wait: the server is out of reach, busy, or nobody is signed in. */
        default void waiting(int pending, String lastError) {
        }
    }

    private final Outbox outbox;
    private final OkHttpClient http;
    private final String baseUrl;
    private final Supplier<String> token;
    private final Clock clock;
    private final Listener listener;
    private final UnaryOperator<OutboxEntry> prepare;
    private final int batchSize;
    private boolean noBatches; // sender thread only: the server has no batch route
    private final ObjectMapper json = Json.lenient();

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private boolean woken = true; // guarded by lock; a new sender tries at once, whatever was scheduled
    private volatile boolean closed;
    private volatile Call inFlight;
    private String refusedToken; // sender thread only
    private long failingEntry; // sender thread only: the entry the server answered 5xx last
    private int failuresInARow; // sender thread only
    private final Thread thread;

    /** Starts sending at once. {@code token} gives the current session's token, or null when signed out. */
    public OutboxSender(Outbox outbox, OkHttpClient http, String baseUrl, Supplier<String> token, Clock clock,
                        Listener listener) {
        this(outbox, http, baseUrl, token, clock, listener, UnaryOperator.identity());
    }

    /**
     * As above; {@code prepare} turns each entry into what is sent, just before it is sent (e.g. a
     * placeholder id replaced by the id the server gave an earlier entry). It may throw
     * {@link IllegalArgumentException} to refuse the entry with that reason.
     */
    public OutboxSender(Outbox outbox, OkHttpClient http, String baseUrl, Supplier<String> token, Clock clock,
                        Listener listener, UnaryOperator<OutboxEntry> prepare) {
        this(outbox, http, baseUrl, token, clock, listener, prepare, 1);
    }

    /**
     * As above, sending up to {@code batchSize} entries in one request ({@code POST /api/v1/batch})
     * when more wait, each with its own key, still in order; one at a time to a server without batches.
     * An entry {@code prepare} refuses while others go ahead of it in the request (it names a record
     * one of them makes) waits for their answers and is prepared again.
     */
    public OutboxSender(Outbox outbox, OkHttpClient http, String baseUrl, Supplier<String> token, Clock clock,
                        Listener listener, UnaryOperator<OutboxEntry> prepare, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1");
        }
        this.prepare = prepare;
        this.batchSize = batchSize;
        this.outbox = outbox;
        this.http = http;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.token = token;
        this.clock = clock;
        this.listener = listener;
        this.thread = new Thread(this::run, "outbox-sender");
        thread.setDaemon(true);
        thread.start();
    }

    /** Try now, whatever the backoff said: an entry was added, the network is back, or a new token is in. */
    public void wake() {
        lock.lock();
        try {
            woken = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Stops the sender, cancelling a request in flight; the entry stays PENDING for the next sender. */
    @Override
    public void close() {
        closed = true;
        wake();
        Call call = inFlight;
        if (call != null) {
            call.cancel();
        }
        if (Thread.currentThread() != thread) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        while (!closed) {
            try {
                step();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (closed) {
                    return;
                }
                LOG.log(System.Logger.Level.WARNING, "the outbox sender failed; trying again shortly", e);
                try {
                    awaitUntil(clock.instant().plus(FIRST_DELAY.multipliedBy(10)));
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    private void step() throws InterruptedException {
        boolean now = takeWake();
        List<OutboxEntry> waiting = batchSize > 1 && !noBatches ? outbox.pending(batchSize) : outbox.next().stream().toList();
        if (waiting.isEmpty()) {
            awaitUntil(null);
            return;
        }
        OutboxEntry e = waiting.get(0);
        String bearer = token.get();
        if (bearer == null || bearer.equals(refusedToken)) {
            tell(() -> listener.waiting(outbox.pendingCount(), bearer == null ? "signed out" : e.lastError()));
            awaitUntil(clock.instant().plus(TOKEN_POLL));
            return;
        }
        if (refusedToken != null) {
            refusedToken = null; // a new token: no reason to sit out the rest of the backoff
            now = true;
        }
        Instant due = e.nextAttemptAt();
        if (!now && due != null && due.isAfter(clock.instant())) {
            awaitUntil(due);
            return;
        }
        if (waiting.size() > 1) {
            sendBatch(waiting, bearer);
        } else {
            send(e, bearer);
        }
    }

    private void send(OutboxEntry e, String bearer) {
        Request request;
        try {
            OutboxEntry out = prepare.apply(e);
            request = new Request.Builder().url(HttpUrl.get(baseUrl + out.path()))
                    .method(out.method(), body(out))
                    .header("Authorization", "Bearer " + bearer)
                    .header("Idempotency-Key", e.key())
                    .header("Accept", "application/json")
                    .build();
        } catch (IllegalArgumentException bad) {
            refuse(e, 0, "cannot be sent: " + bad.getMessage(), null);
            return;
        }
        Call call = http.newCall(request);
        inFlight = call;
        if (closed) {
            call.cancel();
        }
        int status;
        String text;
        try (Response response = call.execute()) {
            status = response.code();
            text = response.body().string();
        } catch (IOException io) {
            failingEntry = 0; // no answer is not the server failing: it counts afresh
            if (!closed) {
                retry(e, "no answer from the server: " + io.getMessage());
            }
            return;
        } finally {
            inFlight = null;
        }
        answered(e, bearer, status, text);
    }

    /**
     * Sends {@code waiting} (oldest first) in one request, as many as can go together: an entry that
     * cannot be prepared before the answers to those ahead of it are known starts the next request.
     */
    private void sendBatch(List<OutboxEntry> waiting, String bearer) {
        List<OutboxEntry> batch = new ArrayList<>();
        List<OutboxEntry> prepared = new ArrayList<>();
        long bytes = 0;
        for (OutboxEntry e : waiting) {
            if (bytes > MAX_BATCH_BYTES) {
                break; // big writes (attachments) go a few at a time
            }
            try {
                OutboxEntry out = prepare.apply(e);
                bytes += out.bodyJson() == null ? 0 : out.bodyJson().length();
                prepared.add(out);
                batch.add(e);
            } catch (IllegalArgumentException bad) {
                if (batch.isEmpty()) {
                    refuse(e, 0, "cannot be sent: " + bad.getMessage(), null);
                    return;
                }
                break;
            }
        }
        if (batch.size() == 1) {
            send(batch.get(0), bearer);
            return;
        }
        Request request = new Request.Builder().url(HttpUrl.get(baseUrl + BATCH_PATH))
                .post(RequestBody.create(BatchJson.request(json, prepared), JSON))
                .header("Authorization", "Bearer " + bearer)
                .header("Accept", "application/json")
                .build();
        Call call = http.newCall(request);
        inFlight = call;
        if (closed) {
            call.cancel();
        }
        OutboxEntry first = batch.get(0);
        int status;
        String text;
        try (Response response = call.execute()) {
            status = response.code();
            text = response.body().string();
        } catch (IOException io) {
            failingEntry = 0;
            if (!closed) {
                retry(first, "no answer from the server: " + io.getMessage());
            }
            return;
        } finally {
            inFlight = null;
        }
        if (status == 401) {
            refusedToken = bearer;
            retry(first, "HTTP 401: " + message(status, text));
            return;
        }
        if (status == 404 || status == 405) {
            noBatches = true; // a server without batches: one request per entry from now on
        }
        JsonNode results = status == 200 ? BatchJson.results(json, text) : null;
        if (results == null || results.isEmpty()) {
            // refused as a whole, or the first entry is one the server takes only on its own
            send(first, bearer);
            return;
        }
        // the answers are kept with one commit, not one each: a backlog of thousands goes out in seconds
        outbox.together(() -> tell(() -> listener.answers(() -> {
            for (int i = 0; i < results.size() && i < batch.size(); i++) {
                JsonNode r = results.get(i);
                JsonNode body = r.get("body");
                OutboxEntry e = batch.get(i);
                if (!answered(e, bearer, r.path("status").asInt(), body == null ? "" : body.toString())) {
                    return;
                }
                JsonNode moved = r.get("moved");
                if (moved != null && moved.path("ticket").isIntegralNumber() && moved.path("version").isIntegralNumber()) {
                    tell(() -> listener.moved(e, moved.get("ticket").asLong(), moved.get("version").asLong()));
                }
            }
        })));
    }

    /**
     * Acts on the server's answer to {@code e}: SENT, FAILED, or tried again later.
     *
     * @return true when the entry is done with (the next one may go)
     */
    private boolean answered(OutboxEntry e, String bearer, int status, String text) {
        boolean done = false;
        if (status >= 200 && status < 300) {
            outbox.markSent(e.id(), status, text);
            tell(() -> listener.sent(e, status, text));
            done = true;
        } else if (status == 401) {
            refusedToken = bearer;
            retry(e, "HTTP 401: " + message(status, text));
        } else if (status == 409 && "key_in_progress".equals(errorCode(text))) {
            // the first request with this key is still being answered (or was cut off): ask again later
            retry(e, "HTTP 409: " + message(status, text));
        } else if (status >= 400 && status < 500 && status != 408 && status != 429) {
            refuse(e, status, message(status, text), text);
            done = true;
        } else if (status == 502 && "send_failed".equals(errorCode(text))) {
            // the server itself answered that the channel refused it (e.g. no mail server): final
            refuse(e, status, message(status, text), text);
            done = true;
        } else if (status >= 500 && serverFailures(e) >= MAX_SERVER_FAILURES) {
            // the server answers but keeps failing on this one: set it aside so the rest can go
            refuse(e, status, "the server failed on it " + MAX_SERVER_FAILURES + " times in a row: "
                    + message(status, text), text);
            done = true;
        } else {
            retry(e, "HTTP " + status + ": " + message(status, text));
        }
        if (status < 500) {
            failingEntry = 0;
        }
        return done;
    }

    private static RequestBody body(OutboxEntry e) {
        if (e.bodyJson() != null) {
            return RequestBody.create(e.bodyJson().getBytes(StandardCharsets.UTF_8), JSON);
        }
        return "DELETE".equals(e.method()) ? null : RequestBody.create(new byte[0], null);
    }

    private void refuse(OutboxEntry e, int status, String message, String responseJson) {
        outbox.markFailed(e.id(), status, message, responseJson);
        tell(() -> listener.failed(e, status, message, responseJson));
    }

    private void retry(OutboxEntry e, String error) {
        outbox.recordAttempt(e.id(), error, clock.instant().plus(backoff(e.attempts() + 1)));
        tell(() -> listener.waiting(outbox.pendingCount(), error));
    }

    /** 0.5 s doubling per attempt up to 30 s; each wait is drawn from the upper half, so desktops spread out. */
    static Duration backoff(int attempt) {
        long base = Math.min(MAX_DELAY.toMillis(), FIRST_DELAY.toMillis() << Math.min(Math.max(attempt - 1, 0), 16));
        return Duration.ofMillis(base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1));
    }

    /** The error code of this server's JSON error, or null for anything else (a proxy's page). */
    private String errorCode(String text) {
        try {
            ApiError error = json.readValue(text, ApiError.class);
            return error == null ? null : error.error();
        } catch (IOException | RuntimeException notOurs) {
            return null;
        }
    }

    /** Counts a 5xx on {@code e}; returns how many it had in a row (another entry or outcome starts afresh). */
    private int serverFailures(OutboxEntry e) {
        if (failingEntry != e.id()) {
            failingEntry = e.id();
            failuresInARow = 0;
        }
        return ++failuresInARow;
    }

    private String message(int status, String text) {
        try {
            ApiError error = json.readValue(text, ApiError.class);
            if (error != null && error.message() != null) {
                return error.message();
            }
            if (error != null && error.error() != null) {
                return error.error();
            }
        } catch (IOException | RuntimeException ignored) {
            // not our JSON: a proxy or another server answered
        }
        return "the server answered HTTP " + status;
    }

    private void tell(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "an outbox listener failed", e);
        }
    }

    private boolean takeWake() {
        lock.lock();
        try {
            boolean w = woken;
            woken = false;
            return w;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until woken, closed, or {@code until} (null: no limit). */
    private void awaitUntil(Instant until) throws InterruptedException {
        lock.lock();
        try {
            if (woken || closed) {
                return;
            }
            if (until == null) {
                changed.await();
            } else {
                long nanos = Duration.between(clock.instant(), until).toNanos();
                if (nanos > 0) {
                    changed.awaitNanos(nanos);
                }
            }
        } finally {
            lock.unlock();
        }
    }
}
