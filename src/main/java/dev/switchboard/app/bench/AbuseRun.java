package dev.switchboard.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fault and abuse suite's load: malformed and hostile requests from a seeded generator against
 * every route of the API (broken and wrongly shaped JSON, wrong types, 300 KB strings, 3,000-deep
 * nesting, injection strings, encoded NULs, bad, missing and over-long tokens, other people's and
 * absurd ids), from several threads at once. It keeps what must never happen: an answer other than
 * a 2xx or a 4xx with a JSON error, and another business unit's customer, ticket or contact given to
 * someone outside it. It also counts the customers and tickets answered as created, so a caller can
 * check the database holds exactly those (no half writes). The test command runs a sample against a
 * server in its process; the benchmark a large run against a server in its own.
 *
 * <p>It expects a fresh server with the demo accounts and no customers, and sets up what it needs
 * over the API: a second business unit with an agent in it, a customer, a ticket and a contact.
 */
public final class AbuseRun {
    private static final String[] ROUTES = {
            "POST /api/v1/login", "POST /api/v1/logout", "GET /api/v1/me", "PUT /api/v1/me/state", "GET /api/v1/me/work",
            "GET /api/v1/config", "GET /api/v1/queue", "GET /api/v1/customers?q={s}", "GET /api/v1/customers?phone={s}",
            "GET /api/v1/customers?email={s}", "POST /api/v1/customers", "GET /api/v1/customers/{id}",
            "GET /api/v1/customers/{id}/timeline?cursor={s}&limit={s}", "GET /api/v1/customers/{id}/tickets",
            "GET /api/v1/customers/{id}/restricted", "PUT /api/v1/customers/{id}/restricted", "POST /api/v1/sync",
            "POST /api/v1/tickets", "GET /api/v1/tickets/{id}", "PATCH /api/v1/tickets/{id}", "POST /api/v1/tickets/{id}/notes",
            "POST /api/v1/interactions", "GET /api/v1/interactions/{id}", "POST /api/v1/interactions/{id}/accept",
            "POST /api/v1/interactions/{id}/reject", "POST /api/v1/interactions/{id}/end",
            "POST /api/v1/interactions/{id}/wrap-up", "POST /api/v1/interactions/{id}/transfer",
            "POST /api/v1/interactions/{id}/callback", "POST /api/v1/callbacks", "PUT /api/v1/interactions/{id}/customer",
            "POST /api/v1/batch", "GET /api/v1/me/phone", "PUT /api/v1/me/phone", "GET /api/v1/interactions/{id}/call",
            "POST /api/v1/interactions/{id}/call/hold", "POST /api/v1/interactions/{id}/call/digits",
            "POST /api/v1/interactions/{id}/call/consult", "POST /api/v1/calls",
            "GET /api/v1/interactions/{id}/conversation", "POST /api/v1/interactions/{id}/messages",
            "POST /api/v1/interactions/{id}/typing", "POST /api/v1/interactions/{id}/transcript", "GET /api/v1/attachments/{id}",
            "GET /api/v1/canned-responses", "GET /api/v1/supervisor/dashboard?treatment={s}&shortAbandon={s}",
            "GET /api/v1/supervisor/intervals?treatment={s}", "GET /api/v1/supervisor/reports/agents.csv?from={s}&to={s}",
            "PUT /api/v1/supervisor/agents/{id}/state", "POST /api/v1/supervisor/interactions/{id}/move",
            "PUT /api/v1/supervisor/queues/{id}/priority", "GET /api/v1/supervisor/audit?limit={s}",
            "GET /api/v1/outbound/campaigns", "POST /api/v1/outbound/campaigns", "GET /api/v1/outbound/campaigns/{id}",
            "PUT /api/v1/outbound/campaigns/{id}/active", "POST /api/v1/outbound/campaigns/{id}/join",
            "POST /api/v1/outbound/campaigns/{id}/next", "POST /api/v1/outbound/records/{id}/result",
            "POST /api/v1/outbound/dnc", "GET /api/v1/admin/users", "POST /api/v1/admin/users",
            "PATCH /api/v1/admin/users/{id}", "POST /api/v1/admin/teams", "PUT /api/v1/admin/reason-codes/{s}",
            "POST /api/v1/admin/queues", "PATCH /api/v1/admin/queues/{id}",
            "PUT /api/v1/admin/customers/{id}/unit", "GET /api/v1/admin/audit?from={s}&actor={s}",
            "DELETE /api/v1/tickets/{id}", "GET /api/v1/nothing/here"};
    private static final String[] HOSTILE = {"' OR 1=1 --", "\"; DROP TABLE customer; --", "<script>alert(1)</script>",
            "${jndi:ldap://example.invalid/a}", "../../etc/passwd", "%00", "\u0000", "\uD800", "𝕊𝕨𝕚𝕥𝕔𝕙", "-1",
            "99999999999999999999999", "NaN", "null", "true", "[]", "{}", " ", "", "ä".repeat(300)};
    private static final String[] FIELDS = {"username", "password", "state", "reasonCode", "firstName", "lastName",
            "contactPoints", "customerId", "subject", "priority", "status", "version", "body", "note", "channel", "address",
            "queueId", "agentId", "number", "at", "disposition", "notes", "ticket", "text", "clientKey", "writes",
            "customerIds", "ticketVersions", "label", "name", "unitId", "role", "displayName", "billingNote", "on",
            "digits", "active", "mode", "records", "typing", "interactionId", "requiredSkills", "slPercent"};
    private static final MediaType JSON = MediaType.get("application/json");
    private static final int MAX_KEPT_FAILURES = 50;
    private static final String OUTSIDER_PASSWORD = "Long-enough-pass-9";

    private final String base;
    private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(30, TimeUnit.SECONDS).build();
    private final ObjectMapper json = new ObjectMapper();

    /**
     * What a run saw.
     *
     * @param failures          the first answers that broke a rule, described (at most 50 kept)
     * @param failureCount      how many answers broke a rule
     * @param customersCreated  customers answered as created, the set-up's included
     * @param ticketsCreated    tickets answered as created, the set-up's included
     * @param byStatus          answers per status
     */
    public record Result(List<String> failures, long failureCount, long customersCreated, long ticketsCreated,
                         Map<Integer, Long> byStatus, long requests, double seconds) {
    }

    public AbuseRun(String baseUrl) {
        this.base = baseUrl;
    }

    /** Sets up, then sends {@code requests} hostile requests from {@code threads} threads; seeded, so repeatable. */
    public Result run(int requests, int threads, long seed) throws IOException, InterruptedException {
        String agent = login("agent", "agent");
        String admin = login("admin", "admin");
        long unit = json.readTree(send("POST", "/api/v1/admin/units", "{\"name\":\"Elsewhere\"}", admin).body()).get("id").asLong();
        long team = json.readTree(send("POST", "/api/v1/admin/teams", "{\"name\":\"Elsewhere desk\",\"unitId\":" + unit + "}",
                admin).body()).get("id").asLong();
        send("POST", "/api/v1/admin/users", "{\"username\":\"otto\",\"displayName\":\"Otto\",\"role\":\"AGENT\","
                + "\"password\":\"" + OUTSIDER_PASSWORD + "\",\"teamId\":" + team + "}", admin);
        String outsider = login("otto", OUTSIDER_PASSWORD);
        long customer = json.readTree(send("POST", "/api/v1/customers", "{\"firstName\":\"Known\",\"lastName\":\"Customer\"}",
                agent).body()).get("id").asLong();
        long ticket = json.readTree(send("POST", "/api/v1/tickets", "{\"customerId\":" + customer
                + ",\"subject\":\"Known\",\"priority\":\"LOW\"}", agent).body()).get("id").asLong();
        long interaction = json.readTree(send("POST", "/api/v1/interactions", "{\"channel\":\"EMAIL\",\"direction\":"
                + "\"INBOUND\",\"address\":\"known@example.com\",\"subject\":\"x\",\"body\":\"y\"}", agent).body())
                .get("interaction").get("id").asLong();
        Target target = new Target(new long[] {customer, ticket, interaction, 1, 0, -1, Long.MAX_VALUE},
                new String[] {agent, admin, outsider, null, "garbage", "Bearer", "x".repeat(5000)}, outsider,
                customer, ticket, interaction);

        Counts counts = new Counts();
        counts.customers.set(1);
        counts.tickets.set(1);
        AtomicInteger next = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            Random random = new Random(seed + t);
            Thread w = new Thread(() -> {
                while (next.getAndIncrement() < requests) {
                    try {
                        one(random, target, counts);
                    } catch (IOException e) {
                        counts.fail("no answer: " + e.getMessage());
                    }
                }
            }, "abuse-" + t);
            w.start();
            workers.add(w);
        }
        for (Thread w : workers) {
            w.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(List.copyOf(counts.failures), counts.failureCount.get(), counts.customers.get(),
                counts.tickets.get(), new TreeMap<>(counts.byStatus), requests, seconds);
    }

    private record Target(long[] ids, String[] tokens, String outsider, long customer, long ticket, long interaction) {
    }

    /** What the threads count together. */
    private static final class Counts {
        final List<String> failures = new CopyOnWriteArrayList<>();
        final AtomicLong failureCount = new AtomicLong();
        final AtomicLong customers = new AtomicLong();
        final AtomicLong tickets = new AtomicLong();
        final Map<Integer, Long> byStatus = new ConcurrentHashMap<>();

        void fail(String what) {
            if (failureCount.incrementAndGet() <= MAX_KEPT_FAILURES) {
                failures.add(what);
            }
        }
    }

    private void one(Random random, Target t, Counts counts) throws IOException {
        String route = ROUTES[random.nextInt(ROUTES.length)];
        String method = route.substring(0, route.indexOf(' '));
        String path = fill(route.substring(route.indexOf(' ') + 1), random, t.ids());
        String body = method.equals("GET") || method.equals("DELETE") ? null : body(random, t.ids());
        String token = t.tokens()[random.nextInt(t.tokens().length)];
        Answer a = send(method, path, body, token);
        counts.byStatus.merge(a.status(), 1L, Long::sum);
        if (a.status() >= 500 || a.status() < 200 || a.status() >= 300 && a.status() < 400) {
            counts.fail(a.status() + " for " + method + " " + path + " " + abbreviate(body) + ": " + abbreviate(a.body()));
            return;
        }
        if (a.status() >= 400 && !path.endsWith(".csv") && !isJsonError(a.body())) {
            counts.fail("no JSON error for " + a.status() + " " + method + " " + path + ": " + abbreviate(a.body()));
        }
        if (token == t.outsider() && a.status() == 200 && method.equals("GET")
                && (path.equals("/api/v1/customers/" + t.customer()) || path.equals("/api/v1/tickets/" + t.ticket())
                || path.equals("/api/v1/interactions/" + t.interaction())
                || path.startsWith("/api/v1/interactions/" + t.interaction() + "/"))) {
            counts.fail("another unit's data for " + path);
        }
        if (a.status() == 201 && method.equals("POST") && path.equals("/api/v1/customers")) {
            counts.customers.incrementAndGet();
        }
        if (a.status() == 201 && method.equals("POST") && path.equals("/api/v1/tickets")) {
            counts.tickets.incrementAndGet();
        }
        if (a.status() == 200 && path.equals("/api/v1/batch")) {
            JsonNode results = json.readTree(a.body()).get("results");
            JsonNode writes = json.readTree(body).get("writes");
            for (int i = 0; results != null && i < results.size(); i++) {
                String itemPath = writes.get(i).path("path").asText();
                if (results.get(i).path("status").asInt() == 201 && itemPath.equals("/api/v1/customers")) {
                    counts.customers.incrementAndGet();
                } else if (results.get(i).path("status").asInt() == 201 && itemPath.equals("/api/v1/tickets")) {
                    counts.tickets.incrementAndGet();
                }
            }
        }
    }

    private static String fill(String template, Random random, long[] ids) {
        String out = template;
        while (out.contains("{id}")) {
            String id = random.nextInt(5) == 0 ? urlSafe(HOSTILE[random.nextInt(HOSTILE.length)])
                    : String.valueOf(ids[random.nextInt(ids.length)]);
            out = out.replaceFirst("\\{id}", id.isEmpty() ? "0" : id);
        }
        while (out.contains("{s}")) {
            out = out.replaceFirst("\\{s}", urlSafe(HOSTILE[random.nextInt(HOSTILE.length)]));
        }
        return out;
    }

    private static String urlSafe(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("$", "%24");
    }

    /** A hostile body: broken JSON, the wrong shape, huge, deeply nested, or fields of the wrong types. */
    private String body(Random random, long[] ids) {
        return switch (random.nextInt(10)) {
            case 0 -> "{\"unterminated\": ";
            case 1 -> "[1, 2, 3]";
            case 2 -> "\"just a string\"";
            case 3 -> "{\"a\":" + "[".repeat(3000) + "]".repeat(3000) + "}";
            case 4 -> "{\"body\":\"" + "x".repeat(300_000) + "\"}";
            case 5 -> "";
            default -> {
                StringBuilder b = new StringBuilder("{");
                int fields = 1 + random.nextInt(5);
                for (int i = 0; i < fields; i++) {
                    if (i > 0) {
                        b.append(',');
                    }
                    b.append('"').append(FIELDS[random.nextInt(FIELDS.length)]).append("\":").append(value(random, ids, 0));
                }
                yield b.append('}').toString();
            }
        };
    }

    private String value(Random random, long[] ids, int depth) {
        return switch (random.nextInt(depth > 2 ? 5 : 7)) {
            case 0 -> quoted(HOSTILE[random.nextInt(HOSTILE.length)]);
            case 1 -> String.valueOf(ids[random.nextInt(ids.length)]);
            case 2 -> random.nextBoolean() ? "true" : "null";
            case 3 -> String.valueOf(random.nextDouble() * 1e12);
            case 4 -> quoted("READY");
            case 5 -> "[" + value(random, ids, depth + 1) + "," + value(random, ids, depth + 1) + "]";
            default -> "{\"" + FIELDS[random.nextInt(FIELDS.length)] + "\":" + value(random, ids, depth + 1) + "}";
        };
    }

    private String quoted(String s) {
        try {
            return json.writeValueAsString(s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean isJsonError(String body) {
        try {
            return json.readTree(body).hasNonNull("error");
        } catch (IOException e) {
            return false;
        }
    }

    private static String abbreviate(String s) {
        return s == null ? "(none)" : s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    private String login(String user, String password) throws IOException {
        Answer a = send("POST", "/api/v1/login", "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}", null);
        if (a.status() != 200) {
            throw new IOException("could not sign in as " + user + ": " + a.status() + " " + a.body());
        }
        return json.readTree(a.body()).get("token").asText();
    }

    private Answer send(String method, String path, String body, String token) throws IOException {
        Request.Builder r = new Request.Builder().url(base + path);
        if (token != null) {
            r.header("Authorization", "Bearer " + token);
        }
        RequestBody payload = body == null ? (method.equals("GET") || method.equals("DELETE") ? null
                : RequestBody.create(new byte[0])) : RequestBody.create(body, JSON);
        r.method(method, payload);
        try (Response response = http.newCall(r.build()).execute()) {
            return new Answer(response.code(), response.body().string());
        }
    }

    private record Answer(int status, String body) {
    }
}
