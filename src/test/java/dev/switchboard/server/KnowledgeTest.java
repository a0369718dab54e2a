package dev.switchboard.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.api.Json;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Knowledge and scripts over the real API: suggestions by a contact's subject and queue with its
 * placeholders filled, a call's script, searching, recording which articles helped a ticket (kept
 * through a merge), and supervisors writing articles and scripts while bad input changes nothing.
 */
class KnowledgeTest {
    private static final MediaType JSON = MediaType.get("application/json");
    private final OkHttpClient http = new OkHttpClient();
    private final ObjectMapper mapper = Json.lenient();
    private SwitchboardServer server;
    private String agent;
    private String supervisor;

    record Answer(int status, JsonNode body) {
    }

    @BeforeEach
    void start() throws IOException {
        server = SwitchboardServer.start(ServerOptions.inMemory("knowledge-" + System.nanoTime(), 0));
        agent = call("POST", "/api/v1/login", "{\"username\":\"agent\",\"password\":\"agent\"}", null)
                .body().get("token").asText();
        supervisor = call("POST", "/api/v1/login", "{\"username\":\"supervisor\",\"password\":\"supervisor\"}", null)
                .body().get("token").asText();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Answer call(String method, String path, String json, String bearer) throws IOException {
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

    private JsonNode ok(String method, String path, String json, String bearer) throws IOException {
        Answer a = call(method, path, json, bearer);
        assertThat(a.status()).as(method + " " + path + ": " + a.body()).isBetween(200, 201);
        return a.body();
    }

    private long queue(String name) throws SQLException {
        try (Connection c = server.database().dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id FROM contact_queue WHERE name = '" + name + "'")) {
            assertThat(rs.next()).isTrue();
            return rs.getLong(1);
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection c = server.database().dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Ann Rivers, with an e-mail address and a phone number. */
    private long customer() throws IOException {
        return ok("POST", "/api/v1/customers", "{\"firstName\":\"Ann\",\"lastName\":\"Rivers\",\"contactPoints\":["
                + "{\"kind\":\"EMAIL\",\"value\":\"ann.rivers@example.com\"},"
                + "{\"kind\":\"PHONE\",\"value\":\"+44 20 7946 0123\"}]}", agent).get("id").asLong();
    }

    private long contact(String channel, String address, String subject, Long queueId) throws IOException {
        return contact(channel, address, subject, "", queueId);
    }

    private long contact(String channel, String address, String subject, String body, Long queueId) throws IOException {
        return ok("POST", "/api/v1/interactions", "{\"channel\":\"" + channel + "\",\"address\":\"" + address
                + "\",\"subject\":\"" + subject + "\",\"body\":\"" + body + "\"" + (queueId == null ? "" : ",\"queueId\":" + queueId)
                + "}", agent).get("interaction").get("id").asLong();
    }

    private static List<String> titles(JsonNode view) {
        List<String> out = new ArrayList<>();
        view.get("items").forEach(i -> out.add(i.get("title").asText()));
        return out;
    }

    private static JsonNode item(JsonNode view, String title) {
        for (JsonNode i : view.get("items")) {
            if (i.get("title").asText().equals(title)) {
                return i;
            }
        }
        throw new AssertionError(title + " not in " + view);
    }

    @Test
    void anEmailIsOfferedWhatItsSubjectAndQueueAskForWithItsPlaceholdersFilled() throws Exception {
        long c = customer();
        long billing = queue("Billing");
        long id = contact("EMAIL", "ann.rivers@example.com", "Refunds for a faulty kettle", billing);
        long ticket = ok("POST", "/api/v1/tickets", "{\"customerId\":" + c + ",\"subject\":\"Kettle\",\"interactionId\":"
                + id + "}", agent).get("id").asLong();

        JsonNode view = ok("GET", "/api/v1/knowledge?interactionId=" + id, null, agent);
        assertThat(view.get("suggested").asBoolean()).isTrue();
        assertThat(view.get("searchedFor")).extracting(JsonNode::asText).containsExactly("refunds", "faulty", "kettle");
        assertThat(titles(view).get(0)).isEqualTo("Refunds: who gets what, and when");
        assertThat(item(view, "Refunds: who gets what, and when").get("matched")).extracting(JsonNode::asText)
                .containsExactly("refunds", "faulty");
        assertThat(titles(view)).contains("Refund on its way").doesNotContain("Router will not connect");
        JsonNode canned = item(view, "Refund on its way");
        assertThat(canned.get("kind").asText()).isEqualTo("CANNED");
        assertThat(canned.get("body").asText()).startsWith("Hello Ann Rivers, your refund")
                .contains("Your reference is T-" + ticket + ".").endsWith("Alex Morgan").doesNotContain("{");
        assertThat(view.get("ticketId").asLong()).isEqualTo(ticket);
        assertThat(view.hasNonNull("script")).isFalse();

        // who writes is not what it is about: the customer's name and address are not searched for
        // and a chat's subject only says where it started: what the customer wrote first is searched too
        long chat = contact("CHAT", "ann.rivers@example.com", "Chat with Ann Rivers on /checkout",
                "Hello, my refund never arrived", null);
        assertThat(ok("GET", "/api/v1/knowledge?interactionId=" + chat, null, agent).get("searchedFor"))
                .extracting(JsonNode::asText).containsExactly("checkout", "refund", "never", "arrived");
    }

    @Test
    void aCallWithoutASubjectGetsItsQueuesArticlesAndScript() throws Exception {
        customer();
        long billing = queue("Billing");
        long id = contact("PHONE", "+442079460123", "", billing);

        JsonNode view = ok("GET", "/api/v1/knowledge?interactionId=" + id, null, agent);
        assertThat(titles(view)).containsExactlyInAnyOrder("Changing a direct debit date", "Declined payments",
                "Disputed or unexpected charges", "Refunds: who gets what, and when");
        assertThat(view.get("items")).allSatisfy(i -> assertThat(i.get("kind").asText()).isEqualTo("ARTICLE"));
        JsonNode script = view.get("script");
        assertThat(script.get("title").asText()).isEqualTo("Billing calls");
        assertThat(script.get("forName").asText()).isEqualTo("Billing");
        assertThat(script.get("body").asText()).startsWith("Greet: \"Billing, Alex Morgan speaking.\"")
                .contains("\nSecurity:");
    }

    @Test
    void typedWordsAreSearchedAndBadSearchesAreRefused() throws Exception {
        JsonNode found = ok("GET", "/api/v1/knowledge?q=router+keeps+dropping", null, agent);
        assertThat(found.get("suggested").asBoolean()).isFalse();
        assertThat(titles(found).get(0)).isEqualTo("Router will not connect");
        assertThat(ok("GET", "/api/v1/knowledge?q=zebra", null, agent).get("items")).isEmpty();

        assertThat(call("GET", "/api/v1/knowledge", null, agent).status()).isEqualTo(400);
        Answer tooLong = call("GET", "/api/v1/knowledge?q=" + "a".repeat(201), null, agent);
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body().toString()).contains("\"q\"");
        assertThat(call("GET", "/api/v1/knowledge?interactionId=abc", null, agent).status()).isEqualTo(400);
        assertThat(call("GET", "/api/v1/knowledge?interactionId=999999", null, agent).status()).isEqualTo(404);
        assertThat(call("GET", "/api/v1/knowledge?q=refund", null, null).status()).isEqualTo(401);
    }

    @Test
    void anArticleThatHelpedIsRecordedOnceOnTheTicketAndFollowsAMerge() throws Exception {
        long c = customer();
        long a = ok("POST", "/api/v1/tickets", "{\"customerId\":" + c + ",\"subject\":\"Refund\"}", agent).get("id").asLong();
        long b = ok("POST", "/api/v1/tickets", "{\"customerId\":" + c + ",\"subject\":\"Refund again\"}", agent)
                .get("id").asLong();
        long refunds = item(ok("GET", "/api/v1/knowledge?q=refund", null, agent), "Refunds: who gets what, and when")
                .get("id").asLong();
        long charges = item(ok("GET", "/api/v1/knowledge?q=charge", null, agent), "Disputed or unexpected charges")
                .get("id").asLong();

        JsonNode helped = ok("POST", "/api/v1/tickets/" + b + "/articles", "{\"articleId\":" + refunds + "}", agent);
        assertThat(helped).hasSize(1);
        assertThat(helped.get(0).get("agentName").asText()).isEqualTo("Alex Morgan");
        ok("POST", "/api/v1/tickets/" + b + "/articles", "{\"articleId\":" + refunds + "}", agent);
        assertThat(ok("GET", "/api/v1/tickets/" + b + "/articles", null, agent)).hasSize(1);
        assertThat(count("SELECT COUNT(*) FROM ticket_history WHERE ticket_id = " + b
                + " AND what = 'Article helped: Refunds: who gets what, and when'")).isEqualTo(1);
        ok("POST", "/api/v1/tickets/" + a + "/articles", "{\"articleId\":" + charges + "}", agent);
        assertThat(item(ok("GET", "/api/v1/knowledge?q=refund", null, agent), "Refunds: who gets what, and when")
                .get("helpedTickets").asInt()).isEqualTo(1);

        assertThat(call("POST", "/api/v1/tickets/" + b + "/articles", "{\"articleId\":424242}", agent).status())
                .isEqualTo(400);
        assertThat(call("POST", "/api/v1/tickets/" + b + "/articles", "{}", agent).status()).isEqualTo(400);
        assertThat(call("POST", "/api/v1/tickets/999999/articles", "{\"articleId\":" + refunds + "}", agent).status())
                .isEqualTo(404);

        ok("POST", "/api/v1/tickets/" + a + "/merge", "{\"duplicateId\":" + b + "}", agent);
        assertThat(ok("GET", "/api/v1/tickets/" + a + "/articles", null, agent)).extracting(n -> n.get("title").asText())
                .containsExactly("Refunds: who gets what, and when", "Disputed or unexpected charges");
        assertThat(count("SELECT COUNT(*) FROM ticket_article WHERE ticket_id = " + b)).isZero();
    }

    @Test
    void supervisorsWriteArticlesAndScriptsAndBadOnesChangeNothing() throws Exception {
        long before = count("SELECT COUNT(*) FROM knowledge_article");
        String article = "{\"title\":\"Moving home\",\"body\":\"Give us the new address and the moving date.\","
                + "\"keywords\":[\"Moving\",\"address\",\"house\"],\"queueId\":" + queue("General") + "}";
        assertThat(call("POST", "/api/v1/knowledge/articles", article, agent).status()).isEqualTo(403);
        for (String bad : List.of("{\"title\":\"\",\"body\":\"x\"}", "{\"title\":\"x\"}",
                "{\"title\":\"x\",\"body\":\"y\",\"keywords\":[\"a,b\"]}",
                "{\"title\":\"x\",\"body\":\"y\",\"queueId\":999999}", "{\"title\":\"x\",\"body\":\"y\",\"extra\":1}")) {
            Answer refused = call("POST", "/api/v1/knowledge/articles", bad, supervisor);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.body().has("message") || refused.body().has("detail")).as(refused.body().toString()).isTrue();
        }
        assertThat(count("SELECT COUNT(*) FROM knowledge_article")).isEqualTo(before);

        JsonNode created = ok("POST", "/api/v1/knowledge/articles", article, supervisor);
        assertThat(created.get("keywords")).extracting(JsonNode::asText).containsExactly("moving", "address", "house");
        assertThat(titles(ok("GET", "/api/v1/knowledge?q=moving+home", null, agent)).get(0))
                .isEqualTo("Moving home");
        long id = created.get("id").asLong();
        ok("PUT", "/api/v1/knowledge/articles/" + id, "{\"title\":\"Moving home or office\",\"body\":\"New address.\"}",
                supervisor);
        assertThat(ok("GET", "/api/v1/knowledge/articles/" + id, null, agent).get("title").asText())
                .isEqualTo("Moving home or office");
        assertThat(call("PUT", "/api/v1/knowledge/articles/999999", article, supervisor).status()).isEqualTo(404);

        long general = queue("General");
        assertThat(call("PUT", "/api/v1/knowledge/scripts", "{\"title\":\"x\",\"body\":\"y\"}", supervisor).status())
                .isEqualTo(400);
        assertThat(call("PUT", "/api/v1/knowledge/scripts", "{\"title\":\"x\",\"body\":\"y\",\"queueId\":" + general
                + ",\"campaignId\":1}", supervisor).status()).isEqualTo(400);
        assertThat(call("PUT", "/api/v1/knowledge/scripts", "{\"title\":\"x\",\"body\":\"y\",\"queueId\":" + general
                + "}", agent).status()).isEqualTo(403);
        ok("PUT", "/api/v1/knowledge/scripts", "{\"title\":\"General, new\",\"body\":\"Greet: Hello.\",\"queueId\":"
                + general + "}", supervisor);
        JsonNode scripts = ok("GET", "/api/v1/knowledge/scripts", null, agent);
        assertThat(scripts).filteredOn(s -> s.get("queueId").asLong() == general)
                .singleElement().satisfies(s -> assertThat(s.get("title").asText()).isEqualTo("General, new"));
    }
}
