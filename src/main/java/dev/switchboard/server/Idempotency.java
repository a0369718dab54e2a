package dev.switchboard.server;

import dev.switchboard.store.IdempotencyStore;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes under {@code /api/v1} may carry {@code Idempotency-Key}: the first request with a key runs
 * and its answer (status and body) is kept; a repeat by the same agent gets that answer again, with
 * {@code Idempotent-Replay: true}, and changes nothing. The desktop's outbox resends every write with
 * its key until it has an answer, so a write that reached the server before the network dropped is
 * applied once. Answers the server could not give (5xx, 408, 429) are not kept: the key may be used
 * again. Keys are kept seven days.
 */
public final class Idempotency {
    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAY_HEADER = "Idempotent-Replay";
    static final Duration KEPT = Duration.ofDays(7);
    private static final Logger LOG = LoggerFactory.getLogger(Idempotency.class);
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{8,100}");
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final String CLAIMED = "idempotency.key";
    /** Longer answers are kept without their body (no write answers this much). */
    private static final int MAX_BODY = 900_000;

    private final IdempotencyStore store;
    private final Clock clock;

    public Idempotency(IdempotencyStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Forgets keys older than a week, and keys whose request was cut off by the server stopping (run
     * at start: nothing is running yet, and a retry with such a key must be able to run).
     */
    public void forgetOld() {
        int cut = store.releaseUnfinished();
        if (cut > 0) {
            LOG.info("let go of {} idempotency keys whose request the last stop cut off", cut);
        }
        int n = store.forget(clock.instant().minus(KEPT));
        if (n > 0) {
            LOG.info("forgot {} idempotency keys older than {} days", n, KEPT.toDays());
        }
    }

    /** Runs after authentication: replays a known key's answer, or claims a new key for this request. */
    void before(Context ctx) {
        String key = ctx.header(HEADER);
        String method = ctx.method().name();
        String path = ctx.path();
        if (key == null || !WRITES.contains(method) || !path.startsWith("/api/v1/") || path.equals("/api/v1/login")
                || path.equals(BatchWrites.PATH)) {
            return;
        }
        IdempotencyStore.Entry first = claim(Routes.session(ctx).agentId(), key, method, path).orElse(null);
        if (first == null) {
            ctx.attribute(CLAIMED, key);
            return;
        }
        ctx.header(REPLAY_HEADER, "true");
        ctx.status(first.status());
        if (first.body() != null && !first.body().isEmpty()) {
            ctx.contentType("application/json").result(first.body());
        }
        ctx.skipRemainingHandlers();
    }

    /**
     * Claims {@code key} for a write about to run (empty: run it), or gives the answer the first
     * write with this key got. Throws a 409 while that write is still running or when the key was
     * used for another write, and a 400 for a malformed key.
     */
    Optional<IdempotencyStore.Entry> claim(long agent, String key, String method, String path) {
        if (!validKey(key)) {
            throw ApiProblem.badRequest(HEADER, HEADER + " must be 8 to 100 letters, digits, '.', '_', ':' or '-'");
        }
        if (store.claim(agent, key, method, path, clock.instant())) {
            return Optional.empty();
        }
        IdempotencyStore.Entry first = store.find(agent, key).orElse(null);
        if (first == null || first.running()) {
            throw ApiProblem.conflict("key_in_progress",
                    "a request with this " + HEADER + " is still being answered; ask again in a moment");
        }
        if (!first.method().equals(method) || !first.path().equals(path)) {
            throw ApiProblem.conflict("key_reused", "this " + HEADER + " was used for " + first.method() + " "
                    + first.path() + "; use a new key for a new request");
        }
        return Optional.of(first);
    }

    static boolean validKey(String key) {
        return key != null && KEY.matcher(key).matches();
    }

    /** Keeps the answer to a claimed key, or lets the key go when the server could not answer. */
    void after(Context ctx) {
        String key = ctx.attribute(CLAIMED);
        if (key == null) {
            return;
        }
        finish(Routes.session(ctx).agentId(), key, ctx.statusCode(), ctx.result());
    }

    /** Keeps the answer to the write that claimed {@code key}, or lets the key go when it is worth trying again. */
    void finish(long agent, String key, int status, String body) {
        try {
            if (status >= 500 || status == 408 || status == 429) {
                store.release(agent, key);
            } else {
                store.complete(agent, key, status, body == null || body.length() > MAX_BODY ? null : body);
            }
        } catch (RuntimeException e) {
            LOG.warn("could not keep the answer to idempotency key {}: {}", key, e.getMessage());
        }
    }
}
