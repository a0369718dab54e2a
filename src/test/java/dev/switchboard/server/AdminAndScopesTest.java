package dev.switchboard.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.api.IngestRequest;
import dev.switchboard.api.NewCustomerRequest;
import dev.switchboard.api.NewTicketRequest;
import dev.switchboard.api.TicketUpdateRequest;
import dev.switchboard.api.TicketView;
import dev.switchboard.client.HttpSwitchboardApi;
import dev.switchboard.domain.Channel;
import dev.switchboard.domain.Direction;
import dev.switchboard.domain.TicketPriority;
import dev.switchboard.domain.TicketStatus;
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
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Roles and scopes over the API against a real server: administrators manage people, units, teams
 * and codes (nobody else may), people see only their business unit's customers and the contacts
 * they worked on, restricted fields reach only supervisors and administrators, and every write is
 * in the audit log.
 */
@Timeout(90)
class AdminAndScopesTest {
    private static final String STRONG = "Quiet-harbour-42";
    private final OkHttpClient http = new OkHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private SwitchboardServer server;
    private HttpSwitchboardApi agent;
    private String admin;
    private String supervisor;

    @BeforeEach
    void start() {
        server = SwitchboardServer.start(ServerOptions.inMemory("admin-scopes-" + System.nanoTime(), 0));
        agent = new HttpSwitchboardApi(server.baseUrl());
        agent.login("agent", "agent");
        admin = new HttpSwitchboardApi(server.baseUrl()).login("admin", "admin").token();
        supervisor = new HttpSwitchboardApi(server.baseUrl()).login("supervisor", "supervisor").token();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void onlyAdministratorsManagePeople() throws IOException {
        assertThat(send("GET", "/api/v1/admin/users", null, agent.token()).status).isEqualTo(403);
        assertThat(send("GET", "/api/v1/admin/users", null, supervisor).status).isEqualTo(403);
        assertThat(send("GET", "/api/v1/admin/users", null, null).status).isEqualTo(401);
        Answer created = send("POST", "/api/v1/admin/users", "{\"username\":\"eve\",\"displayName\":\"Eve\","
                + "\"role\":\"ADMINISTRATOR\",\"password\":\"" + STRONG + "\"}", supervisor);
        assertThat(created.status).isEqualTo(403);

        Answer users = send("GET", "/api/v1/admin/users", null, admin);
        assertThat(users.status).isEqualTo(200);
        assertThat(users.json().findValuesAsText("username")).contains("agent", "outbound", "supervisor", "admin")
                .doesNotContain("sim01");
    }

    @Test
    void badInputIsRefusedWithTheFieldNamedAndChangesNothing() throws IOException {
        int before = send("GET", "/api/v1/admin/users", null, admin).json().size();
        assertField(send("POST", "/api/v1/admin/users", user("kim", "AGENT", "short", null), admin), 400, "password");
        assertField(send("POST", "/api/v1/admin/users", user("Kim Smith", "AGENT", STRONG, null), admin), 400, "username");
        assertField(send("POST", "/api/v1/admin/users", user("kim", "AGENT", STRONG, 999L), admin), 400, "teamId");
        assertThat(send("POST", "/api/v1/admin/users", user("kim", "JANITOR", STRONG, null), admin).status).isEqualTo(400);
        assertField(send("POST", "/api/v1/admin/users", "{\"username\":\"kim\",\"displayName\":\"Kim\",\"role\":\"AGENT\","
                + "\"password\":\"" + STRONG + "\",\"skills\":{\"billing\":99}}", admin), 400, "skills");
        assertThat(send("POST", "/api/v1/admin/users", user("agent", "AGENT", STRONG, null), admin).status).isEqualTo(409);
        assertThat(send("POST", "/api/v1/admin/users", "{\"username\":", admin).status).isEqualTo(400);
        assertThat(send("GET", "/api/v1/admin/users", null, admin).json().size()).as("nothing written").isEqualTo(before);

        long self = send("GET", "/api/v1/admin/users", null, admin).json().findParents("username").stream()
                .filter(u -> u.get("username").asText().equals("admin")).findFirst().orElseThrow().get("id").asLong();
        assertThat(send("PATCH", "/api/v1/admin/users/" + self, "{\"disabled\":true}", admin).status).isEqualTo(409);
        assertThat(send("PATCH", "/api/v1/admin/users/424242", "{\"disabled\":true}", admin).status).isEqualTo(404);
    }

    @Test
    void peopleOpenOnlyTheCustomersOfTheirBusinessUnit() throws IOException {
        long unit = send("POST", "/api/v1/admin/units", "{\"name\":\"Wholesale\"}", admin).json().get("id").asLong();
        Answer team = send("POST", "/api/v1/admin/teams", "{\"name\":\"Wholesale desk\",\"unitId\":" + unit + "}", admin);
        assertThat(team.status).isEqualTo(201);
        Answer created = send("POST", "/api/v1/admin/users", user("wanda", "AGENT", STRONG, team.json().get("id").asLong()), admin);
        assertThat(created.status).isEqualTo(201);
        HttpSwitchboardApi wanda = new HttpSwitchboardApi(server.baseUrl());
        wanda.login("wanda", STRONG);

        long retail = agent.createCustomer(new NewCustomerRequest("Rita", "Retail", null, List.of(), null)).id();
        long wholesale = wanda.createCustomer(new NewCustomerRequest("Walt", "Wholesale", null, List.of(), null)).id();

        assertThat(send("GET", "/api/v1/customers/" + retail, null, wanda.token()).status).isEqualTo(404);
        assertThat(send("GET", "/api/v1/customers/" + retail + "/timeline", null, wanda.token()).status).isEqualTo(404);
        assertThat(send("GET", "/api/v1/customers/" + wholesale, null, agent.token()).status).isEqualTo(404);
        assertThat(send("GET", "/api/v1/customers/" + wholesale, null, wanda.token()).status).isEqualTo(200);
        assertThat(agent.search("Walt", 10)).isEmpty();
        assertThat(wanda.search("Walt", 10)).extracting(c -> c.id()).containsExactly(wholesale);
        assertThat(wanda.search("Rita", 10)).isEmpty();
        assertThat(send("GET", "/api/v1/customers/" + wholesale, null, admin).status).as("administrators: every unit")
                .isEqualTo(200);

        TicketView ticket = agent.createTicket(new NewTicketRequest(retail, "Refund", TicketPriority.NORMAL, null, null));
        assertThat(send("GET", "/api/v1/tickets/" + ticket.id(), null, wanda.token()).status).isEqualTo(404);
        assertThat(send("PATCH", "/api/v1/tickets/" + ticket.id(), "{\"status\":\"PENDING\",\"version\":"
                + ticket.version() + "}", wanda.token()).status).isEqualTo(404);
        assertThat(agent.ticket(ticket.id()).status()).as("unchanged").isEqualTo(TicketStatus.OPEN);
        assertThat(send("POST", "/api/v1/tickets", "{\"customerId\":" + retail + ",\"subject\":\"x\",\"priority\":\"LOW\"}",
                wanda.token()).status).isEqualTo(404);

        // moved to the retail unit by an administrator: now the agent's, no longer wanda's
        assertThat(send("PUT", "/api/v1/admin/customers/" + wholesale + "/unit", "{\"unitId\":"
                + send("GET", "/api/v1/admin/units", null, admin).json().get(0).get("id").asLong() + "}", admin).status)
                .isEqualTo(204);
        assertThat(send("GET", "/api/v1/customers/" + wholesale, null, agent.token()).status).isEqualTo(200);
        assertThat(send("GET", "/api/v1/customers/" + wholesale, null, wanda.token()).status).isEqualTo(404);
    }

    @Test
    void aConversationIsReadOnlyByWhoeverWorkedOnIt() throws IOException {
        long unit = send("POST", "/api/v1/admin/units", "{\"name\":\"Other\"}", admin).json().get("id").asLong();
        long team = send("POST", "/api/v1/admin/teams", "{\"name\":\"Other desk\",\"unitId\":" + unit + "}", admin)
                .json().get("id").asLong();
        send("POST", "/api/v1/admin/users", user("olga", "AGENT", STRONG, team), admin);
        HttpSwitchboardApi olga = new HttpSwitchboardApi(server.baseUrl());
        olga.login("olga", STRONG);
        long id = agent.ingest(new IngestRequest(Channel.EMAIL, Direction.INBOUND, "someone@example.com", "Hi",
                "Hello", null, null)).interaction().id();

        assertThat(send("GET", "/api/v1/interactions/" + id, null, olga.token()).status).isEqualTo(404);
        assertThat(send("GET", "/api/v1/interactions/" + id + "/conversation", null, olga.token()).status).isEqualTo(404);
        assertThat(send("GET", "/api/v1/interactions/" + id + "/conversation", null, supervisor).status)
                .as("waiting: supervisors steer queues").isEqualTo(200);
        assertThat(send("GET", "/api/v1/interactions/" + id + "/conversation", null, admin).status).isEqualTo(200);
    }

    @Test
    void restrictedFieldsReachOnlySupervisorsAndAdministrators() throws IOException {
        long customer = agent.createCustomer(new NewCustomerRequest("Bill", "Ing", null, List.of(), null)).id();
        String path = "/api/v1/customers/" + customer + "/restricted";
        Answer set = send("PUT", path, "{\"billingNote\":\"Card ending 4242 disputed twice\"}", admin);
        assertThat(set.status).isEqualTo(200);
        assertThat(send("PUT", path, "{\"billingNote\":\"mine now\"}", agent.token()).status).isEqualTo(403);
        assertThat(send("GET", path, null, agent.token()).status).isEqualTo(403);
        assertThat(send("GET", path, null, supervisor).json().get("billingNote").asText())
                .isEqualTo("Card ending 4242 disputed twice");
        assertThat(send("GET", "/api/v1/customers/" + customer, null, agent.token()).body).doesNotContain("4242");
        assertThat(send("PUT", path, "{\"billingNote\":\"" + "x".repeat(2001) + "\"}", admin).status).isEqualTo(400);
        assertThat(send("GET", path, null, admin).json().get("billingNote").asText()).as("unchanged")
                .isEqualTo("Card ending 4242 disputed twice");
    }

    @Test
    void disablingSomeoneEndsTheirSessionsAndSignIns() throws IOException {
        Answer created = send("POST", "/api/v1/admin/users", user("dora", "AGENT", STRONG, null), admin);
        long id = created.json().get("id").asLong();
        String token = new HttpSwitchboardApi(server.baseUrl()).login("dora", STRONG).token();
        assertThat(send("GET", "/api/v1/me", null, token).status).isEqualTo(200);

        assertThat(send("PATCH", "/api/v1/admin/users/" + id, "{\"disabled\":true}", admin).status).isEqualTo(200);
        assertThat(send("GET", "/api/v1/me", null, token).status).isEqualTo(401);
        assertThat(send("POST", "/api/v1/login", "{\"username\":\"dora\",\"password\":\"" + STRONG + "\"}", null).status)
                .isEqualTo(401);

        assertThat(send("PATCH", "/api/v1/admin/users/" + id, "{\"disabled\":false,\"password\":\"Another-long-one-7\"}",
                admin).status).isEqualTo(200);
        assertThat(send("POST", "/api/v1/login", "{\"username\":\"dora\",\"password\":\"Another-long-one-7\"}", null).status)
                .isEqualTo(200);
    }

    @Test
    void newCodesAreUsableAtOnce() throws IOException {
        assertThat(send("PUT", "/api/v1/me/state", "{\"state\":\"NOT_READY\",\"reasonCode\":\"SYSTEM_DOWN\"}",
                agent.token()).status).isEqualTo(400);
        assertThat(send("PUT", "/api/v1/admin/reason-codes/SYSTEM_DOWN", "{\"label\":\"System down\"}", admin).status)
                .isEqualTo(204);
        assertThat(send("PUT", "/api/v1/me/state", "{\"state\":\"NOT_READY\",\"reasonCode\":\"SYSTEM_DOWN\"}",
                agent.token()).status).isEqualTo(200);
        assertThat(agent.config().notReadyReasons()).anySatisfy(c -> assertThat(c.label()).isEqualTo("System down"));
        assertField(send("PUT", "/api/v1/admin/reason-codes/bad%20code", "{\"label\":\"x\"}", admin), 400, "code");
        assertField(send("PUT", "/api/v1/admin/dispositions/SOLD", "{\"label\":\"\"}", admin), 400, "label");
    }

    @Test
    void aQueueAnAdministratorCreatesIsRoutedAtOnceAndItsChangesShowLive() throws IOException {
        assertThat(send("POST", "/api/v1/admin/queues", "{\"name\":\"VIP\"}", supervisor).status).isEqualTo(403);
        assertField(send("POST", "/api/v1/admin/queues", "{\"name\":\"VIP\",\"slPercent\":0}", admin), 400, "slPercent");
        assertField(send("POST", "/api/v1/admin/queues", "{\"slPercent\":90}", admin), 400, "name");
        int queuesBefore = agent.config().queues().size();
        Answer created = send("POST", "/api/v1/admin/queues", "{\"name\":\"VIP\",\"requiredSkills\":[\"billing\"],"
                + "\"priority\":60,\"slPercent\":90,\"slSeconds\":15}", admin);
        assertThat(created.status).as(created.body).isEqualTo(201);
        long queue = created.json().get("id").asLong();
        assertThat(send("POST", "/api/v1/admin/queues", "{\"name\":\"vip\"}", admin).status).isEqualTo(409);
        assertThat(agent.config().queues()).hasSize(queuesBefore + 1)
                .anySatisfy(q -> assertThat(q.name()).isEqualTo("VIP"));

        try (AgentDesk desk = new AgentDesk(server, "agent")) {
            long id = desk.api.ingest(new IngestRequest(Channel.EMAIL, Direction.INBOUND, "vip@example.com", "Gold",
                    "Hello", queue, null)).interaction().id();
            assertThat(desk.nextOffer().interactionId()).as("offered from the new queue").isEqualTo(id);
        }
        Answer renamed = send("PATCH", "/api/v1/admin/queues/" + queue, "{\"name\":\"VIP customers\",\"slSeconds\":30}",
                admin);
        assertThat(renamed.status).as(renamed.body).isEqualTo(200);
        assertThat(renamed.json().get("slPercent").asInt()).as("kept").isEqualTo(90);
        assertThat(agent.config().queues()).anySatisfy(q -> {
            assertThat(q.name()).isEqualTo("VIP customers");
            assertThat(q.slSeconds()).isEqualTo(30);
        });
        assertThat(send("PATCH", "/api/v1/admin/queues/987654", "{\"priority\":1}", admin).status).isEqualTo(404);
        assertField(send("PATCH", "/api/v1/admin/queues/" + queue, "{\"offerTimeoutSeconds\":1}", admin), 400,
                "offerTimeoutSeconds");
        assertThat(send("GET", "/api/v1/admin/audit?action=admin.queue", null, admin).json().findValuesAsText("action"))
                .containsExactly("admin.queue.update", "admin.queue.create");
    }

    @Test
    void everyWriteIsInTheAuditLogWithWhoWhatWhenBeforeAndAfter() throws IOException {
        long customer = agent.createCustomer(new NewCustomerRequest("Aud", "It", null, List.of(), null)).id();
        TicketView ticket = agent.createTicket(new NewTicketRequest(customer, "Broken", TicketPriority.NORMAL, null, null));
        agent.updateTicket(ticket.id(), new TicketUpdateRequest(null, TicketStatus.PENDING, null, ticket.version(), null));
        send("POST", "/api/v1/admin/users", user("audra", "AGENT", STRONG, null), admin);

        JsonNode patches = send("GET", "/api/v1/admin/audit?action=PATCH%20/tickets", null, admin).json();
        assertThat(patches).hasSize(1);
        JsonNode patch = patches.get(0);
        assertThat(patch.get("actorName").asText()).isEqualTo("Alex Morgan");
        assertThat(patch.get("subject").asText()).isEqualTo("/tickets/" + ticket.id());
        assertThat(patch.get("before").asText()).contains("status OPEN");
        assertThat(patch.get("after").asText()).contains("PENDING");
        assertThat(patch.get("at").asText()).isNotBlank();

        JsonNode mine = send("GET", "/api/v1/admin/audit?actor=agent", null, admin).json();
        assertThat(mine.findValuesAsText("action")).contains("POST /customers", "POST /tickets", "PATCH /tickets/{id}");
        JsonNode created = send("GET", "/api/v1/admin/audit?action=admin.user.create", null, admin).json();
        assertThat(created).hasSize(1);
        assertThat(created.get(0).get("after").asText()).contains("audra").doesNotContain(STRONG);
        assertThat(send("GET", "/api/v1/admin/audit?from=yesterday", null, admin).status).isEqualTo(400);
        assertThat(send("GET", "/api/v1/admin/audit?actor=nobody", null, admin).status).isEqualTo(400);
        assertThat(send("GET", "/api/v1/admin/audit", null, supervisor).status).isEqualTo(403);
    }

    private static String user(String username, String role, String password, Long teamId) {
        return "{\"username\":\"" + username + "\",\"displayName\":\"" + username + "\",\"role\":\"" + role
                + "\",\"password\":\"" + password + "\"" + (teamId == null ? "" : ",\"teamId\":" + teamId) + "}";
    }

    private void assertField(Answer a, int status, String field) throws IOException {
        assertThat(a.status).as(a.body).isEqualTo(status);
        assertThat(a.json().get("field").asText()).as(a.body).isEqualTo(field);
    }

    private Answer send(String method, String path, String body, String token) throws IOException {
        Request.Builder r = new Request.Builder().url(server.baseUrl() + path);
        if (token != null) {
            r.header("Authorization", "Bearer " + token);
        }
        r.method(method, body == null ? null : RequestBody.create(body, MediaType.get("application/json")));
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
