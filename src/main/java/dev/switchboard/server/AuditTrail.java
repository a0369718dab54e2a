package dev.switchboard.server;

import dev.switchboard.store.AuditStore;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The audit of every write: who (the signed-in person), what (the method and route, e.g.
 * {@code PATCH /tickets/{id}}, and the concrete subject, {@code /tickets/42}), when, the value before
 * where a route says how to read it, and after (what was asked, with secrets taken out).
 *
 * <p>Writes through {@link BatchWrites} are audited where they are applied, alone or in a batch, each
 * as its own entry. Every other successful write under {@code /api/v1} is audited after its answer.
 * Supervisor and administrator actions write their own, richer entries (in the same transaction as
 * the change where it matters) and are not audited twice. Entries are written in batches every
 * {@value #FLUSH_MILLIS} ms behind the requests, so the audit costs a request no disk wait; a crash
 * can lose the last few milliseconds of entries, never a write itself.
 */
public final class AuditTrail implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);
    static final long FLUSH_MILLIS = 100;
    private static final String API = "/api/v1";
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    /** Marks a request whose write was already audited where it was applied. */
    static final String AUDITED = "sb.audited";
    /** Routes that audit themselves (supervisor and administrator actions), or are no data write. */
    private static final Pattern SELF_AUDITED = Pattern.compile(
            "^/api/v1/(supervisor/.*|admin/.*|outbound/campaigns/\\d+/active|login|logout|batch|interactions/\\d+/typing)$");
    private static final Pattern SECRET = Pattern.compile(
            "(\"(?:password|newPassword|secret|token)\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"", Pattern.CASE_INSENSITIVE);

    private final AuditStore store;
    private final Clock clock;
    private final Map<String, Function<Function<String, String>, String>> beforeReaders = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<AuditStore.NewEntry> pending = new ConcurrentLinkedQueue<>();
    /** Entries a failed flush could not write (the newest, at most {@link #MAX_UNWRITTEN}). */
    private final List<AuditStore.NewEntry> unwritten = new ArrayList<>();
    private static final int MAX_UNWRITTEN = 100_000;
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "audit-writer");
        t.setDaemon(true);
        return t;
    });

    public AuditTrail(AuditStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        writer.scheduleWithFixedDelay(this::flushQuietly, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * How to describe the value before a write on {@code method template} (e.g. a ticket's status and
     * priority before a PATCH), read with the write's path parameters just before it is applied.
     */
    public void before(String method, String template, Function<Function<String, String>, String> reader) {
        beforeReaders.put(method + " " + template, reader);
    }

    /** The value before a write on this route, or null when the route names none (or it cannot be read). */
    String readBefore(String method, String template, Function<String, String> params) {
        var reader = beforeReaders.get(method + " " + template);
        if (reader == null) {
            return null;
        }
        try {
            return reader.apply(params);
        } catch (RuntimeException notThere) {
            return null; // the write itself will say what is wrong
        }
    }

    /** Records a write applied through {@link BatchWrites}. */
    void applied(Session session, String method, String template, String path, String before, String body) {
        record(session.agentId(), method + " " + shorten(template), shorten(path), before, body);
    }

    /** Javalin after-handler: audits a successful write that was not audited where it was applied. */
    void after(Context ctx) {
        String method = ctx.method().name();
        if (!WRITES.contains(method) || !ctx.path().startsWith(API + "/") || ctx.statusCode() >= 300
                || Boolean.TRUE.equals(ctx.attribute(AUDITED)) || SELF_AUDITED.matcher(ctx.path()).matches()) {
            return;
        }
        Session session = Routes.session(ctx);
        if (session == null) {
            return;
        }
        var matched = ctx.endpoints().lastHttpEndpoint();
        String template = matched == null ? ctx.path() : matched.path;
        String body;
        try {
            body = ctx.body();
        } catch (RuntimeException unreadable) {
            body = null;
        }
        record(session.agentId(), method + " " + shorten(template), shorten(ctx.path()), null, body);
    }

    /** An entry written by a service itself (not through a route), for example by an administrator's change. */
    public void record(long actorId, String action, String subject, String before, String after) {
        pending.add(new AuditStore.NewEntry(actorId, action, subject, before, masked(after), clock.instant()));
    }

    /** A request body with passwords and secrets replaced, and blank bodies as none. */
    static String masked(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        return SECRET.matcher(body).replaceAll("$1\"***\"");
    }

    private static String shorten(String path) {
        return path.startsWith(API) ? path.substring(API.length()) : path;
    }

    /**
     * Writes what is waiting now; used at close and by tests that read the log at once. Entries the
     * database refused are kept and tried again with the next batch.
     */
    public synchronized void flush() {
        List<AuditStore.NewEntry> batch = new ArrayList<>(unwritten);
        AuditStore.NewEntry e;
        while ((e = pending.poll()) != null) {
            batch.add(e);
        }
        unwritten.clear();
        try {
            store.addAll(batch);
        } catch (RuntimeException failed) {
            unwritten.addAll(batch.subList(Math.max(0, batch.size() - MAX_UNWRITTEN), batch.size()));
            throw failed;
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.warn("could not write audit entries: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        writer.shutdown();
        try {
            writer.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flushQuietly();
    }
}
