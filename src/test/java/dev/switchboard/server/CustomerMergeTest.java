package dev.switchboard.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.api.IngestRequest;
import dev.switchboard.api.NewContactPoint;
import dev.switchboard.api.NewCustomerRequest;
import dev.switchboard.api.NewTicketRequest;
import dev.switchboard.client.HttpSwitchboardApi;
import dev.switchboard.domain.Channel;
import dev.switchboard.domain.ContactKind;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Duplicate suggestions and merging two customers, over the API against a real server: suggestions by
 * phone, e-mail and a similar name at the same postcode, never across scopes or to a customer merged
 * away; a merge carries every row over, refused merges change nothing, and agents may not merge.
 */
@Timeout(90)
class CustomerMergeTest {
    private static final String STRONG = "Quiet-harbour-42";
    /** Tables holding a customer's rows, each by customer_id. */
    private static final List<String> TABLES = List.of("contact_point", "interaction", "ticket", "customer_purchase",
            "contact_permission", "call_record", "customer_restricted", "customer_unit");
    private final OkHttpClient http = new OkHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private SwitchboardServer server;
    private HttpSwitchboardApi agent;
    private String supervisor;
    private String admin;

    @BeforeEach
    void start() {
        server = SwitchboardServer.start(ServerOptions.inMemory("merge-" + System.nanoTime(), 0));
        agent = new HttpSwitchboardApi(server.baseUrl());
        agent.login("agent", "agent");
        supervisor = new HttpSwitchboardApi(server.baseUrl()).login("supervisor", "supervisor").token();
        admin = new HttpSwitchboardApi(server.baseUrl()).login("admin", "admin").token();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aCustomerWithTheSamePhoneNumberIsSuggested() throws IOException {
        long ann = customer("Ann", "Archer", phone("07700 900201"));
        long other = customer("Bob", "Baker", phone("07700 900999"));
        long annAgain = customer("Annie", "Smith", phone("+44 7700 900201"));

        Answer before = send("GET", "/api/v1/customers/duplicates?phone=" + enc("07700900201"), null, agent.token());
        assertThat(before.status).as(before.body).isEqualTo(200);
        assertThat(ids(before)).containsExactly(ann, annAgain);
        assertThat(before.json().get(0).get("reasons").get(0).asText()).isEqualTo("same phone number +447700900201");
        assertThat(before.json().get(0).get("customer").get("displayName").asText()).isEqualTo("Ann Archer");

        Answer of = send("GET", "/api/v1/customers/" + annAgain + "/duplicates", null, agent.token());
        assertThat(ids(of)).as("never the customer itself").containsExactly(ann);
        assertThat(ids(send("GET", "/api/v1/customers/" + other + "/duplicates", null, agent.token()))).isEmpty();

        // the card's insight says so, for whoever has the customer on screen
        Answer insight = send("GET", "/api/v1/customers/" + annAgain + "/insight", null, agent.token());
        assertThat(insight.status).as(insight.body).isEqualTo(200);
        assertThat(insight.json().get("possibleDuplicates")).extracting(JsonNode::asText)
                .containsExactly("Ann Archer: same phone number +447700900201");
        assertThat(send("GET", "/api/v1/customers/" + other + "/insight", null, agent.token()).json()
                .path("possibleDuplicates")).isEmpty();
    }

    @Test
    void aCustomerWithTheSameEmailIsSuggested() throws IOException {
        long ann = customer("Ann", "Archer", email("Ann.Archer@Example.com"));
        customer("Bob", "Baker", email("bob@example.com"));

        Answer found = send("GET", "/api/v1/customers/duplicates?email=" + enc(" ANN.ARCHER@example.COM "), null,
                agent.token());
        assertThat(ids(found)).containsExactly(ann);
        assertThat(found.json().get(0).get("reasons").get(0).asText()).isEqualTo("same e-mail");
    }

    @Test
    void aSimilarNameAtTheSamePostcodeIsSuggestedStrongestFirst() throws IOException, SQLException {
        long zoe = customer("Zoë", "Müller");
        long zoeTypo = customer("Zoe", "Mueller");
        long initial = customer("Z.", "Muller");
        long sameInitial = customer("Zachary", "Müller");
        long elsewhere = customer("Zoe", "Muller");
        long neighbour = customer("Adam", "Smith");
        long sameNameAndPhone = customer("Zoe", "Muller", phone("07700 900301"));
        for (long id : List.of(zoe, zoeTypo, initial, sameInitial, neighbour, sameNameAndPhone)) {
            sql("UPDATE customer SET postcode = 'SW1A 1AA', country = 'GB' WHERE id = ?", id);
        }
        sql("UPDATE customer SET postcode = 'M1 1AE', country = 'GB' WHERE id = ?", elsewhere);

        Answer found = send("GET", "/api/v1/customers/duplicates?firstName=zoe&lastName=MULLER&postcode=sw1a1aa"
                + "&country=gb&phone=" + enc("07700900301"), null, agent.token());
        assertThat(found.status).as(found.body).isEqualTo(200);
        assertThat(ids(found)).as("name and phone, same name, one letter apart, two apart, same last name and initial")
                .containsExactly(sameNameAndPhone, zoe, zoeTypo, initial, sameInitial);
        assertThat(found.json().get(0).get("reasons")).extracting(JsonNode::asText)
                .containsExactly("same phone number +447700900301", "similar name at the same postcode");
        assertThat(found.json().get(1).get("reasons")).extracting(JsonNode::asText)
                .containsExactly("similar name at the same postcode");

        assertThat(ids(send("GET", "/api/v1/customers/" + zoe + "/duplicates", null, agent.token())))
                .containsExactly(sameNameAndPhone, zoeTypo, initial, sameInitial);
        Answer badPostcode = send("GET", "/api/v1/customers/duplicates?lastName=Muller&postcode=12&country=GB", null,
                agent.token());
        assertField(badPostcode, 400, "postcode");
        assertThat(badPostcode.json().get("message").asText()).contains("not a UK postcode");
        assertField(send("GET", "/api/v1/customers/duplicates", null, agent.token()), 400, null);
    }

    @Test
    void suggestionsHoldOnlyCustomersThePersonMayOpen() throws IOException {
        long unit = send("POST", "/api/v1/admin/units", "{\"name\":\"Wholesale\"}", admin).json().get("id").asLong();
        long team = send("POST", "/api/v1/admin/teams", "{\"name\":\"Wholesale desk\",\"unitId\":" + unit + "}", admin)
                .json().get("id").asLong();
        assertThat(send("POST", "/api/v1/admin/users", "{\"username\":\"wanda\",\"displayName\":\"Wanda\","
                + "\"role\":\"AGENT\",\"password\":\"" + STRONG + "\",\"teamId\":" + team + "}", admin).status).isEqualTo(201);
        HttpSwitchboardApi wanda = new HttpSwitchboardApi(server.baseUrl());
        wanda.login("wanda", STRONG);
        long retail = customer("Rita", "Retail", phone("07700 900401"));
        long wholesale = wanda.createCustomer(new NewCustomerRequest("Rita", "Retail", null,
                List.of(phone("07700 900401")), null)).id();

        String probe = "/api/v1/customers/duplicates?phone=" + enc("07700900401");
        assertThat(ids(send("GET", probe, null, agent.token()))).containsExactly(retail);
        assertThat(ids(send("GET", probe, null, wanda.token()))).containsExactly(wholesale);
        assertThat(ids(send("GET", probe, null, admin))).containsExactly(retail, wholesale);
        assertThat(ids(send("GET", "/api/v1/customers/" + retail + "/duplicates", null, agent.token()))).isEmpty();
        assertThat(send("GET", "/api/v1/customers/" + wholesale + "/duplicates", null, agent.token()).status)
                .isEqualTo(404);
        assertThat(send("POST", "/api/v1/customers/" + retail + "/merge", "{\"duplicateId\":" + wholesale + "}",
                supervisor).status).as("the supervisor's unit does not hold the wholesale customer").isEqualTo(404);
    }

    @Test
    void aMergeCarriesEveryRowOverAndLosesNothing() throws IOException, SQLException {
        long keep = customer("Maria", "Santos", phone("07700 900501"), email("maria@example.com"));
        long dupe = customer("María", "Santos", phone("07700 900502"), phone("07700 900501"),
                email("maria.s@example.com"), new NewContactPoint(ContactKind.SOCIAL, "@mariasantos", ""));
        sql("UPDATE customer SET lifetime_value = 100 WHERE id = ?", keep);
        sql("UPDATE customer SET company = 'Santos Ltd', postcode = 'LS1 4AP', country = 'GB', lifetime_value = 50 "
                + "WHERE id = ?", dupe);
        long keptTicket = agent.createTicket(new NewTicketRequest(keep, "Invoice", TicketPriority.NORMAL, "first note",
                null)).id();
        long dupeTicket = agent.createTicket(new NewTicketRequest(dupe, "Delivery late", TicketPriority.HIGH, "one",
                null)).id();
        agent.addNote(dupeTicket, "two");
        agent.ingest(new IngestRequest(Channel.EMAIL, Direction.INBOUND, "maria@example.com", "Hello", "Hi"));
        long dupeContact = agent.ingest(new IngestRequest(Channel.EMAIL, Direction.INBOUND, "maria.s@example.com",
                "Where is it", "Parcel?")).interaction().id();
        agent.ingest(new IngestRequest(Channel.EMAIL, Direction.INBOUND, "maria.s@example.com", "Again", "Still?"));
        Instant earlier = Instant.parse("2026-10-01T09:00:00Z");
        Instant later = Instant.parse("2026-11-01T09:00:00Z");
        sql("INSERT INTO customer_purchase (customer_id, at, amount) VALUES (?, ?, 60.00)", keep, earlier);
        sql("INSERT INTO customer_purchase (customer_id, at, amount) VALUES (?, ?, 30.00)", dupe, earlier);
        sql("INSERT INTO customer_purchase (customer_id, at, amount) VALUES (?, ?, 20.00)", dupe, later);
        permission(keep, "EMAIL", "MARKETING", true, earlier);
        permission(dupe, "EMAIL", "MARKETING", false, earlier.minusSeconds(86_400));
        permission(keep, "PHONE", "SURVEY", false, earlier);
        permission(dupe, "PHONE", "SURVEY", true, later);
        permission(dupe, "SMS", "SERVICE", true, later);
        sql("INSERT INTO campaign (name, mode, purpose, default_region, max_attempts, max_abandon_rate, "
                + "abandon_window_s, created_by, created_at) VALUES ('Renewals', 'PREVIEW', 'MARKETING', 'GB', 3, 0.03, 86400, "
                + "(SELECT MIN(id) FROM agent), ?)", earlier);
        sql("INSERT INTO call_record (campaign_id, customer_id, name, number, source_line, status, imported_at) "
                + "VALUES ((SELECT MAX(id) FROM campaign), ?, 'María Santos', '+447700900502', 2, 'PENDING', ?)", dupe, earlier);
        assertThat(send("PUT", "/api/v1/customers/" + dupe + "/restricted", "{\"billingNote\":\"Card disputed\"}",
                admin).status).isEqualTo(200);
        Map<String, Integer> before = rows(keep, dupe);
        int notesBefore = count("SELECT COUNT(*) FROM ticket_note WHERE ticket_id IN (?, ?)", keptTicket, dupeTicket);

        Answer merged = send("POST", "/api/v1/customers/" + keep + "/merge", "{\"duplicateId\":" + dupe + "}", supervisor);

        assertThat(merged.status).as(merged.body).isEqualTo(200);
        JsonNode moved = merged.json().get("moved");
        assertThat(moved.get("contactPoints").asInt()).isEqualTo(3);
        assertThat(moved.get("contactPointsAlreadyHeld").asInt()).isEqualTo(1);
        assertThat(moved.get("interactions").asInt()).isEqualTo(2);
        assertThat(moved.get("tickets").asInt()).isEqualTo(1);
        assertThat(moved.get("ticketNotes").asInt()).isEqualTo(2);
        assertThat(moved.get("purchases").asInt()).isEqualTo(2);
        assertThat(moved.get("permissions").asInt()).isEqualTo(1);
        assertThat(moved.get("permissionsCombined").asInt()).isEqualTo(2);
        assertThat(moved.get("callRecords").asInt()).isEqualTo(1);
        assertThat(merged.json().get("version").asLong()).isEqualTo(2);
        assertThat(merged.json().get("mergedId").asLong()).isEqualTo(dupe);
        JsonNode card = merged.json().get("customer");
        assertThat(card.get("company").asText()).as("an empty field takes the duplicate's").isEqualTo("Santos Ltd");
        assertThat(card.get("address").get("postcode").asText()).isEqualTo("LS1 4AP");
        assertThat(card.get("lifetimeValue").decimalValue()).isEqualByComparingTo("150");
        assertThat(card.get("contactPoints").findValuesAsText("value")).containsExactly("+447700900501",
                "maria@example.com", "+447700900502", "maria.s@example.com", "@mariasantos");

        Map<String, Integer> after = rows(keep, dupe);
        for (String table : TABLES) {
            int dropped = switch (table) {
                case "contact_point" -> 1; // the phone number both held
                case "contact_permission" -> 2; // combined with the survivor's
                default -> 0;
            };
            assertThat(after.get(table + " " + dupe)).as(table + " left on the duplicate").isZero();
            assertThat(after.get(table + " " + keep)).as(table + " on the survivor")
                    .isEqualTo(before.get(table + " " + keep) + before.get(table + " " + dupe) - dropped);
        }
        assertThat(count("SELECT COUNT(*) FROM ticket_note WHERE ticket_id IN (?, ?)", keptTicket, dupeTicket))
                .isEqualTo(notesBefore);
        assertThat(agent.ticket(dupeTicket).customerId()).isEqualTo(keep);
        assertThat(agent.ticket(dupeTicket).notes()).extracting(n -> n.body()).contains("one", "two");
        assertThat(agent.interaction(dupeContact).customerId()).isEqualTo(keep);
        assertThat(agent.openTickets(keep)).extracting(t -> t.id()).contains(keptTicket, dupeTicket);
        assertThat(send("GET", "/api/v1/customers/" + keep + "/restricted", null, admin).json().get("billingNote")
                .asText()).isEqualTo("Card disputed");

        assertThat(allowed(keep, "EMAIL", "MARKETING")).as("not allowed wins").isFalse();
        assertThat(updatedAt(keep, "EMAIL", "MARKETING")).isEqualTo(earlier);
        assertThat(allowed(keep, "PHONE", "SURVEY")).isFalse();
        assertThat(updatedAt(keep, "PHONE", "SURVEY")).as("the later time").isEqualTo(later);
        assertThat(allowed(keep, "SMS", "SERVICE")).isTrue();

        assertThat(agent.search("07700 900502", 10)).extracting(c -> c.id()).containsExactly(keep);
        assertThat(agent.search("maria.s@example.com", 10)).extracting(c -> c.id()).containsExactly(keep);
        assertThat(agent.search("María Santos", 10)).extracting(c -> c.id()).doesNotContain(dupe);
        assertThat(ids(send("GET", "/api/v1/customers?phone=" + enc("07700900502"), null, agent.token())))
                .containsExactly(keep);
        assertThat(ids(send("GET", "/api/v1/customers/duplicates?firstName=Maria&lastName=Santos&postcode=LS1+4AP"
                + "&country=GB", null, agent.token()))).as("a customer merged away is never suggested")
                .containsExactly(keep);

        JsonNode audit = send("GET", "/api/v1/admin/audit?action=customer.merge", null, admin).json();
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).get("subject").asText()).isEqualTo("customer " + keep);
        assertThat(audit.get(0).get("after").asText()).contains("customer " + dupe + " merged into customer " + keep);
    }

    @Test
    void aRefusedMergeIsA4xxNamingTheProblemAndChangesNothing() throws IOException, SQLException {
        long a = customer("Ann", "One", phone("07700 900601"));
        long b = customer("Ann", "Two", phone("07700 900602"));
        long c = customer("Ann", "Three", phone("07700 900603"));
        String path = "/api/v1/customers/" + a + "/merge";

        assertField(send("POST", path, "{\"duplicateId\":" + a + "}", supervisor), 400, "duplicateId");
        assertField(send("POST", path, "{}", supervisor), 400, "duplicateId");
        assertField(send("POST", path, "{\"duplicateId\":\"b\"}", supervisor), 400, "duplicateId");
        assertField(send("POST", path, "{\"duplicateId\":" + b + ",\"force\":true}", supervisor), 400, "force");
        assertThat(send("POST", path, null, supervisor).status).isEqualTo(400);
        Answer unknown = send("POST", path, "{\"duplicateId\":424242}", supervisor);
        assertThat(unknown.status).isEqualTo(404);
        assertThat(unknown.json().get("message").asText()).contains("424242");
        assertThat(send("POST", "/api/v1/customers/424242/merge", "{\"duplicateId\":" + b + "}", supervisor).status)
                .isEqualTo(404);
        Map<String, Integer> untouched = rows(a, b);

        assertThat(send("POST", "/api/v1/customers/" + c + "/merge", "{\"duplicateId\":" + b + "}", admin).status)
                .as("administrators merge too").isEqualTo(200);
        Answer again = send("POST", path, "{\"duplicateId\":" + b + "}", supervisor);
        assertThat(again.status).isEqualTo(409);
        assertThat(again.json().get("error").asText()).isEqualTo("already_merged");
        assertThat(again.json().get("message").asText()).isEqualTo("customer " + b + " was already merged into customer " + c);
        Answer into = send("POST", "/api/v1/customers/" + b + "/merge", "{\"duplicateId\":" + a + "}", supervisor);
        assertThat(into.status).isEqualTo(409);

        assertThat(agent.customer(a).contactPoints()).hasSize(1);
        assertThat(count("SELECT version FROM customer WHERE id = ?", a)).isEqualTo(1);
        assertThat(rows(a, a).get("contact_point " + a)).isEqualTo(untouched.get("contact_point " + a));
        assertThat(count("SELECT COUNT(*) FROM customer WHERE merged_into IS NOT NULL")).isEqualTo(1);
    }

    @Test
    void agentsMayNotMerge() throws IOException, SQLException {
        long a = customer("Ann", "One", phone("07700 900701"));
        long b = customer("Ann", "Two", phone("07700 900702"));

        Answer refused = send("POST", "/api/v1/customers/" + a + "/merge", "{\"duplicateId\":" + b + "}", agent.token());

        assertThat(refused.status).isEqualTo(403);
        assertThat(refused.json().get("message").asText()).contains("supervisors and administrators");
        assertThat(count("SELECT COUNT(*) FROM customer WHERE merged_into IS NOT NULL")).isZero();
        assertThat(agent.search("07700 900702", 10)).extracting(c -> c.id()).containsExactly(b);
        assertThat(send("POST", "/api/v1/customers/" + a + "/merge", "{\"duplicateId\":" + b + "}", null).status)
                .isEqualTo(401);
    }

    private long customer(String first, String last, NewContactPoint... points) {
        return agent.createCustomer(new NewCustomerRequest(first, last, null, List.of(points), null)).id();
    }

    private static NewContactPoint phone(String value) {
        return new NewContactPoint(ContactKind.PHONE, value, "");
    }

    private static NewContactPoint email(String value) {
        return new NewContactPoint(ContactKind.EMAIL, value, "");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private List<Long> ids(Answer a) throws IOException {
        assertThat(a.status).as(a.body).isEqualTo(200);
        List<Long> out = new ArrayList<>();
        for (JsonNode n : a.json()) {
            out.add((n.has("customer") ? n.get("customer") : n).get("id").asLong());
        }
        return out;
    }

    private void permission(long customer, String channel, String purpose, boolean allowed, Instant at)
            throws SQLException {
        sql("INSERT INTO contact_permission (customer_id, channel, purpose, allowed, updated_at) VALUES (?, ?, ?, ?, ?)",
                customer, channel, purpose, allowed, at);
    }

    private boolean allowed(long customer, String channel, String purpose) throws SQLException {
        return count("SELECT CASE WHEN allowed THEN 1 ELSE 0 END FROM contact_permission WHERE customer_id = ? "
                + "AND channel = ? AND purpose = ?", customer, channel, purpose) == 1;
    }

    private Instant updatedAt(long customer, String channel, String purpose) throws SQLException {
        try (Connection c = server.database().connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT updated_at FROM contact_permission WHERE customer_id = ? AND channel = ? AND purpose = ?")) {
            bind(ps, customer, channel, purpose);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getObject(1, java.time.OffsetDateTime.class).toInstant();
            }
        }
    }

    /** Rows per table of each customer, as "table id" → count. */
    private Map<String, Integer> rows(long first, long second) throws SQLException {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String table : TABLES) {
            for (long id : List.of(first, second)) {
                out.put(table + " " + id, count("SELECT COUNT(*) FROM " + table + " WHERE customer_id = ?", id));
            }
        }
        return out;
    }

    private void sql(String statement, Object... args) throws SQLException {
        try (Connection c = server.database().connection(); PreparedStatement ps = c.prepareStatement(statement)) {
            bind(ps, args);
            ps.executeUpdate();
        }
    }

    private int count(String query, Object... args) throws SQLException {
        try (Connection c = server.database().connection(); PreparedStatement ps = c.prepareStatement(query)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i] instanceof Instant t ? t.atOffset(ZoneOffset.UTC) : args[i]);
        }
    }

    private void assertField(Answer a, int status, String field) throws IOException {
        assertThat(a.status).as(a.body).isEqualTo(status);
        assertThat(a.json().get("message").asText()).as(a.body).isNotBlank();
        if (field == null) {
            assertThat(a.json().has("field")).as(a.body).isFalse();
        } else {
            assertThat(a.json().get("field").asText()).as(a.body).isEqualTo(field);
        }
    }

    private Answer send(String method, String path, String body, String token) throws IOException {
        Request.Builder r = new Request.Builder().url(server.baseUrl() + path);
        if (token != null) {
            r.header("Authorization", "Bearer " + token);
        }
        String sent = body == null && !method.equals("GET") ? "" : body;
        r.method(method, sent == null ? null : RequestBody.create(sent, MediaType.get("application/json")));
        try (Response response = http.newCall(r.build()).execute()) {
            return new Answer(response.code(), response.body().string(), json);
        }
    }

    private record Answer(int status, String body, ObjectMapper mapper) {
        JsonNode json() throws IOException {
            return mapper.readTree(body);
        }
    }
}
