package dev.switchboard.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.api.AgentMetricsView;
import dev.switchboard.api.Json;
import dev.switchboard.api.SupervisorView;
import dev.switchboard.client.EventSubscription;
import dev.switchboard.client.HttpSwitchboardApi;
import dev.switchboard.domain.AgentState;
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
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each supervisor's dashboard shows their own team's agents: over the API, on the event stream (where
 * two teams' supervisors get different dashboards) and in what their actions may reach; an
 * administrator sees every agent.
 */
@Timeout(90)
class TeamDashboardTest {
    private static final String STRONG = "Quiet-harbour-42";
    private final OkHttpClient http = new OkHttpClient();
    private final ObjectMapper json = Json.lenient();
    private SwitchboardServer server;
    private String admin;
    private String frontLineSupervisor;
    private String nightSupervisor;
    private long alex;
    private long nina;
    private final List<AutoCloseable> open = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = SwitchboardServer.start(ServerOptions.inMemory("team-dashboard-" + System.nanoTime(), 0));
        admin = login("admin", "admin").token();
        frontLineSupervisor = login("supervisor", "supervisor").token();
        long unit = send("GET", "/api/v1/admin/units", null, admin).get(0).get("id").asLong();
        long night = send("POST", "/api/v1/admin/teams", "{\"name\":\"Night shift\",\"unitId\":" + unit + "}", admin)
                .get("id").asLong();
        nina = send("POST", "/api/v1/admin/users", user("nina", "AGENT", night), admin).get("id").asLong();
        send("POST", "/api/v1/admin/users", user("sam", "SUPERVISOR", night), admin);
        nightSupervisor = login("sam", STRONG).token();
        alex = login("agent", "agent").me().id();
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
        server.close();
    }

    @Test
    void theDashboardOverTheApiShowsTheSupervisorsTeamAndTheAdministratorEveryone() throws IOException {
        long una = send("POST", "/api/v1/admin/users", "{\"username\":\"una\",\"displayName\":\"Una\","
                + "\"role\":\"AGENT\",\"password\":\"" + STRONG + "\"}", admin).get("id").asLong();
        teamsRead();
        await().atMost(Duration.ofSeconds(15)).until(() -> agents(dashboard(nightSupervisor)).contains(una));
        assertThat(agents(dashboard(nightSupervisor))).doesNotContain(alex).as("in no team yet").contains(una);
        assertThat(agents(dashboard(frontLineSupervisor))).contains(alex, una).doesNotContain(nina);
        assertThat(agents(dashboard(admin))).contains(alex, nina, una);
        assertThat(dashboard(nightSupervisor).queues()).as("the queues are the centre's")
                .hasSameSizeAs(dashboard(frontLineSupervisor).queues());
    }

    @Test
    void onTheStreamEachTeamsSupervisorGetsTheirOwnDashboardsAndAgentsEvents() {
        teamsRead();
        List<Long> nightStates = new CopyOnWriteArrayList<>();
        List<Long> frontLineStates = new CopyOnWriteArrayList<>();
        List<SupervisorView> night = follow("sam", STRONG, nightStates);
        List<SupervisorView> frontLine = follow("supervisor", "supervisor", frontLineStates);
        HttpSwitchboardApi ninaDesk = login("nina", STRONG);
        HttpSwitchboardApi alexDesk = login("agent", "agent");
        ninaDesk.setState(AgentState.READY, null);
        alexDesk.setState(AgentState.NOT_READY, null); // an agent signs in ready

        await().atMost(Duration.ofSeconds(15)).until(() -> night.stream().anyMatch(v -> stateOf(v, nina) == AgentState.READY));
        await().atMost(Duration.ofSeconds(15)).until(() -> frontLine.stream().anyMatch(v -> stateOf(v, alex) == AgentState.NOT_READY));
        ninaDesk.setState(AgentState.NOT_READY, null);
        await().atMost(Duration.ofSeconds(15)).until(() -> night.stream().anyMatch(v -> stateOf(v, nina) == AgentState.NOT_READY));

        assertThat(night).allSatisfy(v -> assertThat(agents(v)).doesNotContain(alex));
        assertThat(frontLine).allSatisfy(v -> assertThat(agents(v)).doesNotContain(nina));
        // and the stream carries each supervisor their own team's agents' events alone
        assertThat(nightStates).contains(nina).doesNotContain(alex);
        assertThat(frontLineStates).contains(alex).doesNotContain(nina);
    }

    @Test
    void aSupervisorSteersOnlyTheirTeamsAgents() throws IOException {
        HttpSwitchboardApi ninaDesk = login("nina", STRONG);
        ninaDesk.setState(AgentState.READY, null);
        teamsRead();

        String notReady = "{\"state\":\"NOT_READY\"}";
        Answer refused = answer("PUT", "/api/v1/supervisor/agents/" + nina + "/state", notReady, frontLineSupervisor);
        assertThat(refused.status).as(refused.body).isEqualTo(404);
        assertThat(json.readTree(refused.body).get("error").asText()).isEqualTo("not_found");
        assertThat(ninaDesk.me().state()).as("a refusal changes nothing").isEqualTo(AgentState.READY);

        Answer allowed = answer("PUT", "/api/v1/supervisor/agents/" + nina + "/state", notReady, nightSupervisor);
        assertThat(allowed.status).as(allowed.body).isEqualTo(200);
        assertThat(ninaDesk.me().state()).isEqualTo(AgentState.NOT_READY);
        assertThat(answer("PUT", "/api/v1/supervisor/agents/" + nina + "/state", "{\"state\":\"READY\"}", admin)
                .status).as("administrators steer everyone").isEqualTo(200);
    }

    /** The dashboards a supervisor's stream brings; the agents whose state events it brings go to {@code states}. */
    private List<SupervisorView> follow(String user, String password, List<Long> states) {
        List<SupervisorView> seen = new CopyOnWriteArrayList<>();
        HttpSwitchboardApi api = new HttpSwitchboardApi(server.baseUrl());
        long seq = api.login(user, password).eventSeq();
        EventSubscription sub = api.subscribe(seq, e -> {
            if (e.payload() instanceof SupervisorView v) {
                seen.add(v);
            } else if (e.payload() instanceof dev.switchboard.api.AgentStateEvent state) {
                states.add(state.agentId());
            }
        });
        open.add(sub::close);
        await().atMost(Duration.ofSeconds(10)).until(sub::connected);
        return seen;
    }

    /** People and teams are read every few seconds: waits until the new ones are. */
    private void teamsRead() {
        await().atMost(Duration.ofSeconds(15)).until(() -> agents(dashboard(nightSupervisor)).contains(nina)
                && !agents(dashboard(frontLineSupervisor)).contains(nina));
    }

    /** The agent's state on dashboard {@code v}: its row's, or what a partial one changed it to; null when not on it. */
    private static AgentState stateOf(SupervisorView v, long agentId) {
        return v.agents().stream().filter(a -> a.agentId() == agentId).map(AgentMetricsView::state).findFirst()
                .or(() -> v.agentChanges().stream().filter(c -> c.agentId() == agentId)
                        .map(dev.switchboard.api.AgentRowChange::state).findFirst())
                .orElse(null);
    }

    /** The agents dashboard {@code v} shows or changes. */
    private static List<Long> agents(SupervisorView v) {
        return java.util.stream.Stream.concat(v.agents().stream().map(AgentMetricsView::agentId),
                v.agentChanges().stream().map(dev.switchboard.api.AgentRowChange::agentId)).toList();
    }

    private SupervisorView dashboard(String token) {
        try {
            Answer a = answer("GET", "/api/v1/supervisor/dashboard", null, token);
            assertThat(a.status).as(a.body).isEqualTo(200);
            return json.readValue(a.body, SupervisorView.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpSwitchboardApi loginApi() {
        return new HttpSwitchboardApi(server.baseUrl());
    }

    private HttpSwitchboardApi login(String user, String password) {
        HttpSwitchboardApi api = loginApi();
        api.login(user, password);
        return api;
    }

    private static String user(String username, String role, long teamId) {
        return "{\"username\":\"" + username + "\",\"displayName\":\"" + username + "\",\"role\":\"" + role
                + "\",\"password\":\"" + STRONG + "\",\"teamId\":" + teamId + "}";
    }

    private JsonNode send(String method, String path, String body, String token) throws IOException {
        Answer a = answer(method, path, body, token);
        assertThat(a.status).as(method + " " + path + ": " + a.body).isBetween(200, 299);
        return json.readTree(a.body);
    }

    private Answer answer(String method, String path, String body, String token) throws IOException {
        Request.Builder r = new Request.Builder().url(server.baseUrl() + path).header("Authorization", "Bearer " + token);
        r.method(method, body == null ? null : RequestBody.create(body, MediaType.get("application/json")));
        try (Response response = http.newCall(r.build()).execute()) {
            return new Answer(response.code(), response.body().string());
        }
    }

    private record Answer(int status, String body) {
    }
}
