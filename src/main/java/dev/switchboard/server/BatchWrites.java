package dev.switchboard.server;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.api.ApiError;
import dev.switchboard.api.TicketView;
import dev.switchboard.store.IdempotencyStore;
import io.javalin.http.Context;
import io.javalin.http.Handler;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The writes a desktop queues while offline, each also served on its own route, and
 * {@code POST /api/v1/batch}, which applies several of them in one request so a long backlog goes
 * out in a few requests rather than one per write.
 *
 * <p>The batch is {@code {"writes": [{"method", "path", "key", "body"}, ...]}} (at most
 * {@value #MAX_WRITES}); every write must carry its own idempotency key. They are applied in order,
 * each exactly as its own request would be (its own transaction, its key claimed and its answer kept,
 * a repeated key answered with the first answer). The answer is {@code {"results": [{"status",
 * "body", "replayed"}, ...]}} for the writes tried, in order. It stops after the first write not
 * applied (any answer but 2xx: later writes may have been prepared on the assumption that it would
 * be, such as a ticket change counting on the version a note before it leaves), and before a write
 * that cannot be batched (another route): the client sends the rest again, that one on its own.
 *
 * <p>A ticket change carries the version its author saw. The desktop sends it against the version
 * its own writes answered before it left; in a batch, the writes to that ticket ahead of it are not
 * answered yet when it is sent, so the server does the same for them: a change whose version is one
 * the batch's own earlier writes moved the ticket on from is taken against the version they left.
 *
 * <p>A note on a ticket that a later write of the same batch also changes is answered {@code 201}
 * without a body, and is not announced on its own: the last write to that ticket answers with the
 * ticket and announces it (were the batch to stop before that write, the ticket is announced after
 * the batch). Its result says instead what it did: {@code "moved": {"ticket", "version"}}, the
 * version it moved the ticket to, so the desktop can send later changes against it. A backlog of many notes on a few tickets then moves each ticket once per batch, not
 * once per note. A repeat of such a write is answered the same way, as any kept answer too long to
 * keep is.
 */
final class BatchWrites {
    static final String PATH = "/api/v1/batch";
    static final int MAX_WRITES = 1000;
    private static final Set<String> METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");
    /** A ticket, or a note on it: each write to it that is applied moves its version on by one. */
    private static final Pattern TICKET = Pattern.compile("^/api/v1/tickets/(\\d+)(/notes)?$");

    /** One write, given the signed-in session, its path parameters and its body as sent. */
    @FunctionalInterface
    interface Write {
        Answer apply(Session session, Function<String, String> pathParam, String body);
    }

    /** A write's answer: its status and what is sent back as JSON. */
    record Answer(int status, Object body) {
        static Answer ok(Object body) {
            return new Answer(200, body);
        }

        static Answer created(Object body) {
            return new Answer(201, body);
        }
    }

    /** What a quiet write did: the ticket it moved on, and the version it moved it to. */
    record Quiet(long ticketId, long version) {
    }

    private record Route(String method, Pattern path, List<String> names, boolean storeOnly, Write write,
                         Write followed, LongConsumer announce) {
    }

    private final List<Route> routes = new ArrayList<>();
    private final Idempotency idempotency;
    private final ObjectMapper strict;

    private final Consumer<Runnable> together;
    private final AuditTrail audit;

    /** {@code together} runs its work with the store writes it makes committed once, at the end. */
    BatchWrites(Idempotency idempotency, ObjectMapper strict, Consumer<Runnable> together, AuditTrail audit) {
        this.idempotency = idempotency;
        this.strict = strict;
        this.together = together;
        this.audit = audit;
    }

    /** {@code write}, audited when it succeeds: alone on its route or as one item of a batch. */
    private Write audited(String method, String template, List<String> names, Write write) {
        if (write == null) {
            return null;
        }
        return (session, params, body) -> {
            String before = audit.readBefore(method, template, params);
            Answer a = write.apply(session, params, body);
            if (a.status() >= 200 && a.status() < 300) {
                String path = template;
                for (String name : names) {
                    path = path.replace("{" + name + "}", String.valueOf(params.apply(name)));
                }
                audit.applied(session, method, template, path, before, body);
            }
            return a;
        };
    }

    /** Makes {@code write} one a batch may carry, and gives the handler serving it on its own route. */
    Handler add(String method, String template, Write write) {
        return add(method, template, false, write);
    }

    /**
     * As {@link #add(String, String, Write)}; {@code storeOnly}: the write changes nothing but the
     * store (and announces it), so a run of such writes in a batch may share one commit.
     */
    Handler add(String method, String template, boolean storeOnly, Write write) {
        return add(method, template, storeOnly, write, null, null);
    }

    /**
     * As {@link #add(String, String, boolean, Write)}, for a write to a ticket: in a batch with a later
     * write to the same ticket, {@code followed} applies it instead and answers with {@link Quiet};
     * {@code announce} tells every desktop a ticket whose last write in the batch was quiet.
     */
    Handler add(String method, String template, boolean storeOnly, Write write, Write followed,
                LongConsumer announce) {
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("\\{([a-zA-Z]+)}").matcher(template);
        StringBuilder regex = new StringBuilder("^");
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start()))).append("([^/]+)");
            names.add(m.group(1));
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last))).append('$');
        Write audited = audited(method, template, names, write);
        routes.add(new Route(method, Pattern.compile(regex.toString()), List.copyOf(names), storeOnly, audited,
                audited(method, template, names, followed), announce));
        return ctx -> {
            ctx.attribute(AuditTrail.AUDITED, true);
            Answer a = audited.apply(Routes.session(ctx), ctx::pathParam, ctx.body());
            ctx.status(a.status()).json(a.body());
        };
    }

    /** {@code POST /api/v1/batch}. */
    void handle(Context ctx) throws IOException {
        Session session = Routes.session(ctx);
        List<Item> items = parse(ctx.body());
        List<Result> results = new ArrayList<>();
        Map<Long, Set<Long>> ownSteps = new HashMap<>();
        Map<Long, Route> quietLast = new HashMap<>();
        int next = 0;
        while (next < items.size()) {
            Optional<Bound> bound = bind(items.get(next));
            if (bound.isEmpty()) {
                break; // not a write a batch carries: the client sends it on its own
            }
            int from = next;
            int[] reached = {from};
            if (bound.get().route().storeOnly()) {
                // a run of writes that touch only the store: one commit for all of them
                together.accept(() -> reached[0] = applyRun(session, items, from, true, results, ownSteps, quietLast,
                        ctx));
            } else {
                reached[0] = applyRun(session, items, from, false, results, ownSteps, quietLast, ctx);
            }
            next = reached[0];
            if (!results.isEmpty() && !applied(results.get(results.size() - 1))) {
                break;
            }
        }
        quietLast.forEach((ticket, route) -> route.announce().accept(ticket)); // committed by now
        // written out as it is made: the kept answers can add up to megabytes, not worth a copy or two
        ctx.status(200).contentType("application/json");
        try (JsonGenerator g = strict.getFactory().createGenerator(ctx.outputStream(), JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeArrayFieldStart("results");
            for (Result r : results) {
                g.writeStartObject();
                g.writeNumberField("status", r.status());
                if (r.body() != null && !r.body().isEmpty()) {
                    g.writeFieldName("body");
                    g.writeRawValue(r.body());
                }
                if (r.quiet() != null) {
                    g.writeObjectFieldStart("moved");
                    g.writeNumberField("ticket", r.quiet().ticketId());
                    g.writeNumberField("version", r.quiet().version());
                    g.writeEndObject();
                }
                g.writeBooleanField("replayed", r.replayed());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    /**
     * Applies writes from {@code from} on: while they are of the kind asked ({@code together} or
     * not; one only when not), until one is not applied. Returns the index of the first not tried.
     */
    private int applyRun(Session session, List<Item> items, int from, boolean together, List<Result> results,
                         Map<Long, Set<Long>> ownSteps, Map<Long, Route> quietLast, Context ctx) {
        int i = from;
        while (i < items.size()) {
            Item item = items.get(i);
            Optional<Bound> bound = bind(item);
            if (bound.isEmpty() || bound.get().route().storeOnly() != together || (!together && i > from)) {
                return i;
            }
            Route route = bound.get().route();
            boolean quiet = route.followed() != null && item.followed();
            Result r = apply(session, pastOwnSteps(item, ownSteps), bound.get(), quiet, ctx);
            results.add(r);
            i++;
            if (!applied(r)) {
                return i;
            }
            noteStep(item, r, ownSteps);
            Long ticket = ticketOf(item);
            if (ticket != null && r.quiet() != null) {
                quietLast.put(ticket, route);
            } else if (ticket != null) {
                quietLast.remove(ticket);
            }
        }
        return i;
    }

    /** The ticket a write changes (itself or by a note on it), or null. */
    private static Long ticketOf(Item item) {
        Matcher m = TICKET.matcher(item.path());
        return m.matches() ? Long.valueOf(m.group(1)) : null;
    }

    private static boolean applied(Result r) {
        return r.status() >= 200 && r.status() < 300;
    }

    /** {@code followed}: a later write in the batch is to the same ticket. */
    private record Item(String method, String path, String key, String body, boolean followed) {
    }

    private record Bound(Route route, Function<String, String> params) {
    }

    /**
     * {@code quiet}: what a quiet write did (its body is then empty); {@code ticket}: the ticket and
     * version a write answered with a ticket left, known without reading the body back (null otherwise).
     */
    private record Result(int status, String body, boolean replayed, Quiet quiet, Quiet ticket) {
        Result(int status, String body, boolean replayed) {
            this(status, body, replayed, null, null);
        }
    }

    /** Reads the whole batch first: one malformed write refuses the batch, and nothing is applied. */
    private List<Item> parse(String text) {
        JsonNode root;
        try {
            root = text == null || text.isBlank() ? null : strict.readTree(text);
        } catch (IOException e) {
            throw ApiProblem.badRequest(null, "the request body is not valid JSON");
        }
        if (root == null || !root.isObject() || !root.path("writes").isArray()) {
            throw ApiProblem.badRequest("writes", "the body must be {\"writes\": [...]}");
        }
        JsonNode writes = root.get("writes");
        if (writes.isEmpty() || writes.size() > MAX_WRITES) {
            throw ApiProblem.badRequest("writes", "a batch holds 1 to " + MAX_WRITES + " writes");
        }
        List<Item> items = new ArrayList<>(writes.size());
        for (int i = 0; i < writes.size(); i++) {
            JsonNode w = writes.get(i);
            String at = "writes[" + i + "]";
            String method = w.path("method").asText("").toUpperCase(Locale.ROOT);
            if (!METHODS.contains(method)) {
                throw ApiProblem.badRequest(at + ".method", at + ".method must be POST, PUT, PATCH or DELETE");
            }
            String path = w.path("path").asText("");
            if (!path.startsWith("/api/v1/") || path.equals(PATH) || path.contains("?")) {
                throw ApiProblem.badRequest(at + ".path", at + ".path must be a path under /api/v1/");
            }
            String key = w.path("key").asText(null);
            if (!Idempotency.validKey(key)) {
                throw ApiProblem.badRequest(at + ".key", at + ".key must be an idempotency key: 8 to 100 letters, "
                        + "digits, '.', '_', ':' or '-'");
            }
            JsonNode body = w.get("body");
            items.add(new Item(method, path, key, body == null || body.isNull() ? "" : body.toString(), false));
        }
        Set<Long> later = new HashSet<>();
        for (int i = items.size() - 1; i >= 0; i--) {
            Item item = items.get(i);
            Long ticket = ticketOf(item);
            if (ticket != null && !later.add(ticket)) {
                items.set(i, new Item(item.method(), item.path(), item.key(), item.body(), true));
            }
        }
        return items;
    }

    /** A ticket change walked past the versions this batch's own earlier writes moved its ticket on from. */
    private Item pastOwnSteps(Item item, Map<Long, Set<Long>> ownSteps) {
        Matcher m = TICKET.matcher(item.path());
        if (!"PATCH".equals(item.method()) || !m.matches() || m.group(2) != null) {
            return item;
        }
        Set<Long> steps = ownSteps.get(Long.parseLong(m.group(1)));
        if (steps == null) {
            return item;
        }
        try {
            JsonNode body = strict.readTree(item.body());
            if (body instanceof ObjectNode o && o.path("version").isIntegralNumber()) {
                long v = o.get("version").asLong();
                long walked = v;
                while (steps.contains(walked)) {
                    walked++;
                }
                if (walked != v) {
                    o.put("version", walked);
                    return new Item(item.method(), item.path(), item.key(), o.toString(), item.followed());
                }
            }
        } catch (IOException notJson) {
            // left as sent: the write itself says what is wrong with it
        }
        return item;
    }

    private void noteStep(Item item, Result r, Map<Long, Set<Long>> ownSteps) {
        Matcher m = TICKET.matcher(item.path());
        if (m.matches() && r.quiet() != null) {
            ownSteps.computeIfAbsent(r.quiet().ticketId(), k -> new HashSet<>()).add(r.quiet().version() - 1);
            return;
        }
        if (m.matches() && r.ticket() != null) {
            ownSteps.computeIfAbsent(r.ticket().ticketId(), k -> new HashSet<>()).add(r.ticket().version() - 1);
            return;
        }
        if (!m.matches() || r.body() == null) {
            return;
        }
        try { // a kept answer, replayed: what it did is in its body
            JsonNode ticket = strict.readTree(r.body());
            if (ticket.path("id").isIntegralNumber() && ticket.path("version").isIntegralNumber()) {
                ownSteps.computeIfAbsent(ticket.get("id").asLong(), k -> new HashSet<>())
                        .add(ticket.get("version").asLong() - 1);
            }
        } catch (IOException notJson) {
            // nothing to learn from it
        }
    }

    private Optional<Bound> bind(Item item) {
        for (Route r : routes) {
            Matcher m = r.path().matcher(item.path());
            if (r.method().equals(item.method()) && m.matches()) {
                List<String> values = new ArrayList<>(r.names().size());
                for (int i = 1; i <= m.groupCount(); i++) {
                    values.add(m.group(i));
                }
                return Optional.of(new Bound(r, name -> {
                    int at = r.names().indexOf(name);
                    return at < 0 ? null : values.get(at);
                }));
            }
        }
        return Optional.empty();
    }

    private Result apply(Session session, Item item, Bound bound, boolean quiet, Context ctx) {
        long agent = session.agentId();
        Optional<IdempotencyStore.Entry> first;
        try {
            first = idempotency.claim(agent, item.key(), item.method(), item.path());
        } catch (ApiProblem p) {
            return refused(p.status(), p.code(), p.getMessage(), p.field(), ctx);
        }
        if (first.isPresent()) {
            return new Result(first.get().status(), first.get().body(), true);
        }
        Result r;
        try {
            Write write = quiet ? bound.route().followed() : bound.route().write();
            Answer a = write.apply(session, bound.params(), item.body());
            if (a.body() instanceof Quiet q) {
                r = new Result(a.status(), null, false, q, null);
            } else {
                Quiet ticket = a.body() instanceof TicketView t ? new Quiet(t.id(), t.version()) : null;
                r = new Result(a.status(), ctx.jsonMapper().toJsonString(a.body(), Object.class), false, null, ticket);
            }
        } catch (ApiProblem p) {
            r = refused(p.status(), p.code(), p.getMessage(), p.field(), ctx);
        } catch (RuntimeException e) {
            Routes.Failure f = Routes.failure(e);
            r = refused(f.status(), f.code(), f.message(), null, ctx);
        }
        idempotency.finish(agent, item.key(), r.status(), r.body());
        return r;
    }

    private static Result refused(int status, String code, String message, String field, Context ctx) {
        return new Result(status, ctx.jsonMapper().toJsonString(new ApiError(code, message, field), ApiError.class),
                false);
    }
}
