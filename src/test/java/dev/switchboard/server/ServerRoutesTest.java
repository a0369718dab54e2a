package dev.switchboard.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.api.Json;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** The REST API against a real server on a free port: auth, bad input, the happy paths. */
class ServerRoutesTest {
    private static final MediaType JSON = MediaType.get("application/json");
    private static SwitchboardServer server;
    private static final OkHttpClient http = new OkHttpClient();
    private static final ObjectMapper mapper = Json.lenient();
    private static String token;

    record Answer(int status, JsonNode body) {
    }

    @BeforeAll
    static void start() throws IOException {
        server = SwitchboardServer.start(ServerOptions.inMemory("routes-test", 0));
        Answer login = call("POST", "/api/v1/login", "{\"username\":\"agent\",\"password\":\"agent\"}", null);
        assertThat(login.status()).isEqualTo(200);
        token = login.body().get("token").asText();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Answer call(String method, String path, String json, String bearer) throws IOException {
        Request.Builder b = new Request.Builder().url(server.baseUrl() + path)
                .method(method, json == null ? null : RequestBody.create(json, JSON));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        try (Response r = http.newCall(b.build()).execute()) {
            String body = r.body().string();
            return new Answer(r.code(), body.isEmpty() ? null : mapper.readTree(body));
        }
    }

    static Answer call(String method, String path, String json) throws IOException {
        return call(method, path, json, token);
    }

    static void assertError(Answer a, int status, String field) {
        assertThat(a.status()).isEqualTo(status);
        assertThat(a.body().get("error").asText()).isNotBlank();
        assertThat(a.body().get("message").asText()).isNotBlank();
        if (field != null) {
            assertThat(a.body().get("field").asText()).isEqualTo(field);
        }
    }

    @Test
    void everyApiRouteExceptLoginNeedsAToken() throws IOException {
        for (String path : new String[] {"/api/v1/me", "/api/v1/customers?q=smith", "/api/v1/customers/1",
                "/api/v1/tickets/1", "/api/v1/interactions/1", "/api/v1/events"}) {
            assertError(call("GET", path, null, null), 401, null);
            assertError(call("GET", path, null, "not-a-token"), 401, null);
        }
        assertError(call("POST", "/api/v1/interactions", "{\"channel\":\"PHONE\",\"address\":\"+441632960001\"}", null), 401, null);
    }

    @Test
    void everyRouteOfTheApiNeedsAToken() throws IOException {
        String[][] routes = {
                {"POST", "/api/v1/logout"}, {"GET", "/api/v1/me"}, {"PUT", "/api/v1/me/state"}, {"GET", "/api/v1/me/work"},
                {"GET", "/api/v1/config"}, {"GET", "/api/v1/queue"}, {"GET", "/api/v1/customers?q=ab"},
                {"POST", "/api/v1/customers"}, {"GET", "/api/v1/customers/1"}, {"GET", "/api/v1/customers/1/timeline"},
                {"GET", "/api/v1/customers/1/tickets"}, {"POST", "/api/v1/tickets"}, {"GET", "/api/v1/tickets/1"},
                {"PATCH", "/api/v1/tickets/1"}, {"POST", "/api/v1/tickets/1/notes"}, {"POST", "/api/v1/interactions"},
                {"GET", "/api/v1/interactions/1"}, {"POST", "/api/v1/interactions/1/accept"},
                {"POST", "/api/v1/interactions/1/reject"}, {"POST", "/api/v1/interactions/1/end"},
                {"POST", "/api/v1/interactions/1/wrap-up"}, {"POST", "/api/v1/interactions/1/transfer"},
                {"POST", "/api/v1/interactions/1/callback"}, {"PUT", "/api/v1/interactions/1/customer"},
                {"POST", "/api/v1/callbacks"}, {"GET", "/api/v1/events"}};
        for (String[] r : routes) {
            String body = r[0].equals("GET") ? null : "{}";
            assertThat(call(r[0], r[1], body, null).status()).as(r[0] + " " + r[1]).isEqualTo(401);
        }
    }

    @Test
    void oversizedOrForbiddenTextIsA400NotA500() throws IOException {
        assertError(call("POST", "/api/v1/login", "{\"username\":\"agent\",\"password\":\"" + "x".repeat(80) + "\"}", null),
                400, "password");
        assertError(call("POST", "/api/v1/customers", "{\"firstName\":\"A\",\"lastName\":\"B\",\"contactPoints\":"
                + "[{\"kind\":\"EMAIL\",\"value\":\"" + "a".repeat(330) + "@example.com\"}]}"), 400,
                "contactPoints[0].value");
        assertError(call("POST", "/api/v1/customers", "{\"firstName\":\"" + "İ".repeat(100) + "\",\"lastName\":\""
                + "İ".repeat(100) + "\"}"), 400, "lastName");
        assertError(call("POST", "/api/v1/interactions", "{\"channel\":\"CHAT\",\"address\":\"x\",\"body\":\"a\\u0000b\"}"),
                400, null);
    }

    @Test
    void wrongPasswordIs401AndMalformedLoginIs400() throws IOException {
        assertError(call("POST", "/api/v1/login", "{\"username\":\"agent\",\"password\":\"nope\"}", null), 401, null);
        assertError(call("POST", "/api/v1/login", "{\"username\":\"nobody\",\"password\":\"agent\"}", null), 401, null);
        assertError(call("POST", "/api/v1/login", "{\"username\":\"agent\"", null), 400, null);
        assertError(call("POST", "/api/v1/login", "{\"username\":\"agent\",\"password\":\"agent\",\"admin\":true}", null),
                400, "admin");
        assertError(call("POST", "/api/v1/login", "", null), 400, null);
    }

    @Test
    void createCustomerThenFindItByEveryContactPointAndByName() throws IOException {
        Answer created = call("POST", "/api/v1/customers", """
                {"firstName":"Imogen","lastName":"Pryce-Route","company":"Acme",
                 "contactPoints":[{"kind":"PHONE","value":"07700 900123","label":"mobile"},
                                  {"kind":"EMAIL","value":"Imogen.Pryce@Example.COM"},
                                  {"kind":"SOCIAL","value":"@ImogenP"}]}""");
        assertThat(created.status()).isEqualTo(201);
        long id = created.body().get("id").asLong();
        assertThat(created.body().get("contactPoints").get(0).get("value").asText()).isEqualTo("+447700900123");
        assertThat(created.body().get("contactPoints").get(1).get("value").asText()).isEqualTo("imogen.pryce@example.com");

        assertThat(call("GET", "/api/v1/customers?phone=%2B44%207700%20900123", null).body().get(0).get("id").asLong())
                .isEqualTo(id);
        assertThat(call("GET", "/api/v1/customers?email=IMOGEN.PRYCE%40example.com", null).body().get(0).get("id").asLong())
                .isEqualTo(id);
        assertThat(call("GET", "/api/v1/customers?handle=imogenp", null).body().get(0).get("id").asLong()).isEqualTo(id);
        assertThat(call("GET", "/api/v1/customers?q=pryce-r", null).body().get(0).get("id").asLong()).isEqualTo(id);
        assertThat(call("GET", "/api/v1/customers?q=imogen%20pryce", null).body().get(0).get("id").asLong()).isEqualTo(id);
        assertThat(call("GET", "/api/v1/customers?q=07700900123", null).body().get(0).get("id").asLong()).isEqualTo(id);
        assertThat(call("GET", "/api/v1/customers/" + id, null).body().get("displayName").asText())
                .isEqualTo("Imogen Pryce-Route");
    }

    @Test
    void badCustomerInputIsRefusedAndWritesNothing() throws IOException {
        assertError(call("POST", "/api/v1/customers", "{\"firstName\":\"\",\"lastName\":\" \"}"), 400, "lastName");
        assertError(call("POST", "/api/v1/customers", """
                {"firstName":"Bad","lastName":"Number","contactPoints":[{"kind":"PHONE","value":"call me"}]}"""),
                400, "contactPoints[0].value");
        assertError(call("POST", "/api/v1/customers", """
                {"firstName":"Bad","lastName":"Kind","contactPoints":[{"kind":"FAX","value":"1"}]}"""),
                400, "contactPoints[0].kind");
        assertError(call("POST", "/api/v1/customers", "{\"firstName\":\"X\",\"lastName\":\"Y\",\"interactionId\":999999}"),
                404, null);
        assertThat(call("GET", "/api/v1/customers?q=number", null).body()).isEmpty();
        assertError(call("GET", "/api/v1/customers/abc", null), 400, "id");
        assertError(call("GET", "/api/v1/customers/987654", null), 404, null);
        assertError(call("GET", "/api/v1/customers?q=", null), 400, "q");
        assertError(call("GET", "/api/v1/customers?q=smith&limit=1000", null), 400, "limit");
        assertError(call("GET", "/api/v1/nothing-here", null), 404, null);
    }

    @Test
    void ticketsCreateReadUpdateNoteAndRefuseStaleVersions() throws IOException {
        long customer = call("POST", "/api/v1/customers", "{\"firstName\":\"Tess\",\"lastName\":\"Ticket\"}")
                .body().get("id").asLong();
        Answer t = call("POST", "/api/v1/tickets", "{\"customerId\":" + customer
                + ",\"subject\":\"Refund\",\"priority\":\"HIGH\",\"note\":\"first note\"}");
        assertThat(t.status()).isEqualTo(201);
        long ticket = t.body().get("id").asLong();
        assertThat(t.body().get("status").asText()).isEqualTo("OPEN");
        assertThat(t.body().get("notes").get(0).get("authorName").asText()).isEqualTo("Alex Morgan");

        Answer open = call("GET", "/api/v1/customers/" + customer + "/tickets", null);
        assertThat(open.body()).hasSize(1);
        assertThat(call("GET", "/api/v1/customers?q=T-" + ticket, null).body().get(0).get("id").asLong()).isEqualTo(customer);

        Answer updated = call("PATCH", "/api/v1/tickets/" + ticket, "{\"status\":\"PENDING\",\"version\":1}");
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.body().get("version").asLong()).isEqualTo(2);
        assertError(call("PATCH", "/api/v1/tickets/" + ticket, "{\"status\":\"SOLVED\",\"version\":1}"), 409, "version");
        assertThat(call("GET", "/api/v1/tickets/" + ticket, null).body().get("status").asText()).isEqualTo("PENDING");

        assertThat(call("POST", "/api/v1/tickets/" + ticket + "/notes", "{\"body\":\"called back\"}").body()
                .get("notes")).hasSize(2);
        assertError(call("POST", "/api/v1/tickets/" + ticket + "/notes", "{\"body\":\"\"}"), 400, "body");
        assertError(call("PATCH", "/api/v1/tickets/" + ticket, "{\"status\":\"DONE\"}"), 400, "status");
        assertError(call("PATCH", "/api/v1/tickets/" + ticket, "{}"), 400, null);
        assertError(call("POST", "/api/v1/tickets", "{\"customerId\":" + customer + "}"), 400, "subject");
        assertError(call("POST", "/api/v1/tickets", "{\"customerId\":123456789,\"subject\":\"x\"}"), 404, "customerId");

        assertThat(call("PATCH", "/api/v1/tickets/" + ticket, "{\"status\":\"SOLVED\"}").status()).isEqualTo(200);
        assertThat(call("GET", "/api/v1/customers/" + customer + "/tickets", null).body()).isEmpty();
    }

    @Test
    void ingestMatchesTheAddressAndRefusesBadContacts() throws IOException {
        long customer = call("POST", "/api/v1/customers", """
                {"firstName":"Ingrid","lastName":"Ingest","contactPoints":[{"kind":"PHONE","value":"+44 7700 900777"}]}""")
                .body().get("id").asLong();
        Answer known = call("POST", "/api/v1/interactions",
                "{\"channel\":\"PHONE\",\"address\":\"07700900777\",\"subject\":\"Call\"}");
        assertThat(known.status()).isEqualTo(201);
        assertThat(known.body().get("match").asText()).isEqualTo("SINGLE");
        assertThat(known.body().get("interaction").get("customerId").asLong()).isEqualTo(customer);

        Answer unknown = call("POST", "/api/v1/interactions", "{\"channel\":\"EMAIL\",\"address\":\"new.person@example.org\"}");
        assertThat(unknown.body().get("match").asText()).isEqualTo("UNKNOWN");
        assertThat(unknown.body().get("interaction").has("customerId")).isFalse();

        assertError(call("POST", "/api/v1/interactions", "{\"channel\":\"PIGEON\",\"address\":\"x\"}"), 400, "channel");
        assertError(call("POST", "/api/v1/interactions", "{\"channel\":\"PHONE\"}"), 400, "address");
        assertError(call("POST", "/api/v1/interactions", "{\"address\":\"+447700900777\"}"), 400, "channel");
        assertError(call("POST", "/api/v1/interactions", "[1,2]"), 400, null);
        assertError(call("GET", "/api/v1/interactions/99999999", null), 404, null);
    }

    @Test
    void timelineIsNewestFirstAndPagesWithACursor() throws IOException {
        long customer = call("POST", "/api/v1/customers", """
                {"firstName":"Tim","lastName":"Line","contactPoints":[{"kind":"EMAIL","value":"tim.line@example.com"}]}""")
                .body().get("id").asLong();
        for (int i = 0; i < 5; i++) {
            call("POST", "/api/v1/interactions", "{\"channel\":\"EMAIL\",\"address\":\"tim.line@example.com\","
                    + "\"subject\":\"mail " + i + "\"}");
        }
        Answer first = call("GET", "/api/v1/customers/" + customer + "/timeline?limit=3", null);
        assertThat(first.body().get("items")).hasSize(3);
        assertThat(first.body().get("items").get(0).get("subject").asText()).isEqualTo("mail 4");
        String cursor = first.body().get("nextCursor").asText();
        Answer second = call("GET", "/api/v1/customers/" + customer + "/timeline?limit=3&cursor="
                + java.net.URLEncoder.encode(cursor, java.nio.charset.StandardCharsets.UTF_8), null);
        assertThat(second.body().get("items")).hasSize(2);
        assertThat(second.body().get("items").get(1).get("subject").asText()).isEqualTo("mail 0");
        assertThat(second.body().has("nextCursor")).isFalse();
        assertError(call("GET", "/api/v1/customers/" + customer + "/timeline?cursor=garbage", null), 400, "cursor");
    }
}
