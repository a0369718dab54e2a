package dev.switchboard.server;

import dev.switchboard.api.AgentMetricsView;
import dev.switchboard.api.IngestRequest;
import dev.switchboard.api.KpiView;
import dev.switchboard.api.QueueMetricsView;
import dev.switchboard.api.QueueView;
import dev.switchboard.api.SupervisorView;
import dev.switchboard.api.WrapUpRequest;
import dev.switchboard.domain.AgentState;
import dev.switchboard.domain.Channel;
import dev.switchboard.domain.Direction;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The supervisor's dashboard over the API: a contact taken, ended and wrapped up shows on its queue's
 * tile and on the agent's row, with the formulas behind the numbers; agents may not read it.
 */
@Timeout(60)
class SupervisorDashboardTest {
    private final OkHttpClient http = new OkHttpClient();
    private SwitchboardServer server;
    private AgentDesk agent;
    private String supervisorToken;

    @BeforeEach
    void start() {
        server = SwitchboardServer.start(ServerOptions.inMemory("supervisor-" + System.nanoTime(), 0));
        agent = new AgentDesk(server, "agent");
        supervisorToken = new dev.switchboard.client.HttpSwitchboardApi(server.baseUrl())
                .login("supervisor", "supervisor").token();
    }

    @AfterEach
    void stop() {
        agent.close();
        server.close();
    }

    @Test
    void aContactHandledShowsOnItsQueueAndItsAgent() throws IOException {
        QueueView queue = agent.api.config().queues().get(0);
        long id = agent.api.ingest(new IngestRequest(Channel.EMAIL, Direction.INBOUND, "dash@example.com",
                "Where is my parcel?", "Hello", queue.id(), null)).interaction().id();
        assertThat(agent.take()).isEqualTo(id);
        agent.api.end(id);
        agent.api.wrapUp(id, new WrapUpRequest(null, "sent tracking link", null));

        AtomicReference<QueueMetricsView> tile = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            Answer a = dashboard("", supervisorToken);
            assertThat(a.status).as(a.body).isEqualTo(200);
            SupervisorView v = a.view;
            tile.set(v.queues().stream().filter(q -> q.queueId() == queue.id()).findFirst().orElseThrow());
            KpiView aht = tile.get().today().get("average-handle-time");
            return aht != null && aht.value() != null;
        });
        QueueMetricsView q = tile.get();
        assertThat(q.name()).isEqualTo(queue.name());
        assertThat(q.abandonTreatment()).isEqualTo("AGAINST");
        assertThat(q.today().get("offered").value()).isEqualTo(1.0);
        assertThat(q.today().get("answered").value()).isEqualTo(1.0);
        KpiView sl = q.today().get("service-level");
        assertThat(sl.value()).as("answered at once: within the threshold").isEqualTo(100.0);
        assertThat(sl.formula()).isNotBlank();
        assertThat(sl.parameters()).isNotEmpty();
        assertThat(q.lastThirtyMinutes().get("answered").value()).isEqualTo(1.0);
        assertThat(q.agentsSignedIn()).isPositive();

        SupervisorView view = dashboard("", supervisorToken).view;
        AgentMetricsView row = view.agents().stream().filter(a -> a.name().equals("Alex Morgan")).findFirst()
                .orElseThrow();
        assertThat(row.handledToday()).isEqualTo(1);
        assertThat(row.state()).isEqualTo(AgentState.READY);
        assertThat(row.averageHandleTime().value()).isNotNull();
        assertThat(view.agents()).noneMatch(a -> a.name().equals("Priya Raman"));

        // the same history under another treatment of abandons
        QueueMetricsView ignoring = dashboard("?treatment=ignore&shortAbandon=10", supervisorToken).view.queues()
                .stream().filter(t -> t.queueId() == queue.id()).findFirst().orElseThrow();
        assertThat(ignoring.abandonTreatment()).isEqualTo("IGNORE");
        assertThat(ignoring.shortAbandonSeconds()).isEqualTo(Math.min(10, queue.slSeconds()));
        assertThat(ignoring.today().get("answered").value()).isEqualTo(1.0);
    }

    @Test
    void supervisorsFollowingTheStreamGetTheDashboardAndAgentsDoNot() {
        java.util.List<SupervisorView> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (var sub = followDashboards(seen)) {
            QueueView queue = agent.api.config().queues().get(0);
            long id = agent.api.ingest(new IngestRequest(Channel.CHAT, Direction.INBOUND, "live@example.com",
                    "Chat", "Hi", queue.id(), null)).interaction().id();
            assertThat(agent.take()).isEqualTo(id);
            await().atMost(Duration.ofSeconds(10)).until(() -> seen.stream().flatMap(v -> v.queues().stream())
                    .anyMatch(q -> q.queueId() == queue.id() && q.lastThirtyMinutes().get("answered").value() == 1.0));
        }
        assertThat(agent.events).noneMatch(e -> e.type().equals(dev.switchboard.api.EventTypes.DASHBOARD));
    }

    @Test
    void theStreamSendsTheWholeDashboardThenOnlyWhatChanged() {
        java.util.List<SupervisorView> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (var sub = followDashboards(seen)) {
            QueueView queue = agent.api.config().queues().get(0);
            agent.api.ingest(new IngestRequest(Channel.CHAT, Direction.INBOUND, "first@example.com", "Chat", "Hi",
                    queue.id(), null));
            await().atMost(Duration.ofSeconds(10)).until(() -> !seen.isEmpty());
            SupervisorView first = seen.get(0);
            assertThat(first.partial()).isFalse();
            int agents = first.agents().size();
            assertThat(agents).isGreaterThan(1);

            // the agent takes the chat: its row and its queue change, nobody else's
            agent.take();
            await().atMost(Duration.ofSeconds(10)).until(() -> seen.stream().skip(1).anyMatch(v -> v.partial()
                    && v.agentChanges().stream().anyMatch(a -> a.current() != null)));
            SupervisorView partial = seen.stream().skip(1).filter(v -> v.partial()
                    && v.agentChanges().stream().anyMatch(a -> a.current() != null)).findFirst().orElseThrow();
            assertThat(partial.agents()).as("no agent is new to the grid").isEmpty();
            assertThat(partial.agentChanges()).hasSizeLessThan(agents)
                    .allSatisfy(a -> assertThat(a.name()).as("an agent's name does not change").isNull());
            assertThat(partial.queues()).extracting(QueueMetricsView::queueId).contains(queue.id())
                    .hasSizeLessThan(first.queues().size());
            assertThat(partial.alerts()).isNotNull();
        }
    }

    /** A supervisor following the event stream, collecting the dashboards it is sent; connected on return. */
    private dev.switchboard.client.EventSubscription followDashboards(java.util.List<SupervisorView> seen) {
        dev.switchboard.client.HttpSwitchboardApi supervisor = new dev.switchboard.client.HttpSwitchboardApi(
                server.baseUrl());
        long seq = supervisor.login("supervisor", "supervisor").eventSeq();
        dev.switchboard.client.EventSubscription sub = supervisor.subscribe(seq, e -> {
            if (e.payload() instanceof SupervisorView v) {
                seen.add(v);
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(sub::connected);
        return sub;
    }

    @Test
    void agentsMayNotReadItAndBadParametersAreNamed() throws IOException {
        Answer forAgent = dashboard("", agent.api.token());
        assertThat(forAgent.status).isEqualTo(403);
        assertThat(forAgent.body).contains("forbidden");
        Answer bad = dashboard("?treatment=sometimes", supervisorToken);
        assertThat(bad.status).isEqualTo(400);
        assertThat(bad.body).contains("\"field\":\"treatment\"");
        assertThat(dashboard("?shortAbandon=-1", supervisorToken).status).isEqualTo(400);
        assertThat(dashboard("", "not-a-token").status).isEqualTo(401);
    }

    @Test
    void aSupervisorSetsAnAgentNotReadyAndTheAuditSaysWhoDidWhat() throws IOException {
        long alex = agent.api.me().id();
        String reason = agent.api.config().notReadyReasons().get(0).code();
        Answer set = send("PUT", "/api/v1/supervisor/agents/" + alex + "/state",
                "{\"state\":\"NOT_READY\",\"reasonCode\":\"" + reason + "\"}", supervisorToken);
        assertThat(set.status).as(set.body).isEqualTo(200);
        assertThat(set.body).contains("NOT_READY");
        await().atMost(Duration.ofSeconds(5)).until(() -> agent.api.me().state() == AgentState.NOT_READY);
        assertThat(agent.api.me().reasonCode()).isEqualTo(reason);

        Answer log = send("GET", "/api/v1/supervisor/audit", null, supervisorToken);
        assertThat(log.status).isEqualTo(200);
        assertThat(log.body).contains("\"action\":\"agent.state\"").contains("Priya Raman").contains("Alex Morgan")
                .contains("\"before\":\"READY\"").contains("NOT_READY (" + reason + ")");

        // refusals change nothing
        assertThat(send("PUT", "/api/v1/supervisor/agents/" + alex + "/state", "{\"state\":\"READY\"}",
                agent.api.token()).status).as("an agent may not").isEqualTo(403);
        Answer badReason = send("PUT", "/api/v1/supervisor/agents/" + alex + "/state",
                "{\"state\":\"NOT_READY\",\"reasonCode\":\"no-such-reason\"}", supervisorToken);
        assertThat(badReason.status).isEqualTo(400);
        assertThat(send("PUT", "/api/v1/supervisor/agents/999999/state", "{\"state\":\"READY\"}", supervisorToken)
                .status).isEqualTo(404);
        assertThat(send("PUT", "/api/v1/supervisor/agents/" + alex + "/state", "{\"state\":\"BUSY\"}", supervisorToken)
                .status).isEqualTo(400);
        assertThat(agent.api.me().state()).isEqualTo(AgentState.NOT_READY);
        assertThat(send("GET", "/api/v1/supervisor/audit", null, supervisorToken).body.split("agent.state", -1))
                .as("one entry: the refusals wrote none").hasSize(2);
    }

    @Test
    void aContactRingingAtAnAgentCanBeMovedAndTheOfferIsWithdrawn() throws IOException {
        java.util.List<QueueView> queues = agent.api.config().queues();
        long id = agent.api.ingest(new IngestRequest(Channel.EMAIL, Direction.INBOUND, "ringing@example.com",
                "Move me while offered", "Hello", queues.get(0).id(), null)).interaction().id();
        assertThat(agent.nextOffer().interactionId()).isEqualTo(id);
        assertThat(send("GET", "/api/v1/supervisor/waiting", null, supervisorToken).body).contains("\"interactionId\":" + id);

        Answer moved = send("POST", "/api/v1/supervisor/interactions/" + id + "/move",
                "{\"queueId\":" + queues.get(1).id() + "}", supervisorToken);
        assertThat(moved.status).as(moved.body).isEqualTo(200);
        assertThat(moved.body).contains("\"queueId\":" + queues.get(1).id());
        await().atMost(Duration.ofSeconds(5)).until(() -> agent.events.stream().anyMatch(e ->
                e.type().equals(dev.switchboard.api.EventTypes.OFFER_REVOKED)
                        && ((dev.switchboard.api.OfferRevokedEvent) e.payload()).interactionId() == id));
    }

    @Test
    void aSupervisorMovesAWaitingContactToAnotherQueue() throws IOException {
        String reason = agent.api.config().notReadyReasons().get(0).code();
        agent.api.setState(AgentState.NOT_READY, reason); // nobody takes it: it waits
        java.util.List<QueueView> queues = agent.api.config().queues();
        QueueView from = queues.get(0);
        QueueView to = queues.get(1);
        long id = agent.api.ingest(new IngestRequest(Channel.EMAIL, Direction.INBOUND, "move@example.com",
                "Move me", "Hello", from.id(), null)).interaction().id();

        Answer moved = send("POST", "/api/v1/supervisor/interactions/" + id + "/move",
                "{\"queueId\":" + to.id() + "}", supervisorToken);
        assertThat(moved.status).as(moved.body).isEqualTo(200);
        assertThat(moved.body).contains("\"queueId\":" + to.id());
        await().atMost(Duration.ofSeconds(5)).until(() -> dashboard("", supervisorToken).view.queues().stream()
                .anyMatch(q -> q.queueId() == to.id() && q.waiting() == 1));
        assertThat(send("GET", "/api/v1/supervisor/audit", null, supervisorToken).body)
                .contains("interaction.move").contains("queue " + from.name()).contains("queue " + to.name());

        assertThat(send("POST", "/api/v1/supervisor/interactions/" + id + "/move",
                "{\"queueId\":" + to.id() + ",\"agentId\":1}", supervisorToken).status).isEqualTo(400);
        assertThat(send("POST", "/api/v1/supervisor/interactions/" + id + "/move", "{}", supervisorToken).status)
                .isEqualTo(400);
        assertThat(send("POST", "/api/v1/supervisor/interactions/" + id + "/move", "{\"queueId\":999999}",
                supervisorToken).status).isEqualTo(404);
        assertThat(send("POST", "/api/v1/supervisor/interactions/999999/move", "{\"queueId\":" + from.id() + "}",
                supervisorToken).status).isEqualTo(409);
        assertThat(send("POST", "/api/v1/supervisor/interactions/" + id + "/move", "{\"queueId\":" + from.id() + "}",
                agent.api.token()).status).isEqualTo(403);
    }

    @Test
    void reportsComeFromTheStoredPassesAndSurviveARestart(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws IOException {
        agent.close();
        server.close();
        ServerOptions options = new ServerOptions("127.0.0.1", 0, dir, null, null, null, null, 0, 1, 0, "GB", null,
                null, 0, 0, 0, null, null, false, null, java.time.Clock.systemUTC());
        server = SwitchboardServer.start(options);
        agent = new AgentDesk(server, "agent");
        QueueView queue = agent.api.config().queues().get(0);
        long id = agent.api.ingest(new IngestRequest(Channel.EMAIL, Direction.INBOUND, "report@example.com",
                "Invoice, \"urgent\"", "Hello", queue.id(), null)).interaction().id();
        assertThat(agent.take()).isEqualTo(id);
        agent.api.end(id);
        agent.api.wrapUp(id, new WrapUpRequest(null, null, null));
        agent.close();
        server.close();

        server = SwitchboardServer.start(options); // the numbers come back from the stored passes
        agent = new AgentDesk(server, "agent");
        supervisorToken = new dev.switchboard.client.HttpSwitchboardApi(server.baseUrl())
                .login("supervisor", "supervisor").token();
        QueueMetricsView tile = dashboard("", supervisorToken).view.queues().stream()
                .filter(q -> q.queueId() == queue.id()).findFirst().orElseThrow();
        assertThat(tile.today().get("answered").value()).isEqualTo(1.0);

        Answer intervals = send("GET", "/api/v1/supervisor/reports/intervals.csv", null, supervisorToken);
        assertThat(intervals.status).isEqualTo(200);
        String[] lines = intervals.body.split("\n");
        assertThat(lines[0]).startsWith("queue,interval_start,offered,answered,abandoned,service_level_percent");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith(queue.name() + ",").contains(",1,1,0,100.0,"));
        Answer agents = send("GET", "/api/v1/supervisor/reports/agents.csv?treatment=IGNORE", null, supervisorToken);
        assertThat(agents.body).contains("Alex Morgan,1,1,");

        assertThat(send("GET", "/api/v1/supervisor/reports/agents.csv?from=yesterday", null, supervisorToken).status)
                .isEqualTo(400);
        assertThat(send("GET", "/api/v1/supervisor/reports/intervals.csv?from=2026-01-01&to=2026-03-01", null,
                supervisorToken).status).isEqualTo(400);
        assertThat(send("GET", "/api/v1/supervisor/reports/intervals.csv?from=2026-03-02&to=2026-03-01", null,
                supervisorToken).status).isEqualTo(400);
        assertThat(send("GET", "/api/v1/supervisor/reports/agents.csv", null, agent.api.token()).status).isEqualTo(403);
    }

    private Answer send(String method, String path, String json, String token) throws IOException {
        Request.Builder r = new Request.Builder().url(server.baseUrl() + path).header("Authorization", "Bearer " + token);
        r.method(method, json == null ? null : okhttp3.RequestBody.create(json, okhttp3.MediaType.get("application/json")));
        try (Response response = http.newCall(r.build()).execute()) {
            return new Answer(response.code(), response.body().string(), null);
        }
    }

    private record Answer(int status, String body, SupervisorView view) {
    }

    private Answer dashboard(String query, String token) throws IOException {
        Request r = new Request.Builder().url(server.baseUrl() + "/api/v1/supervisor/dashboard" + query)
                .header("Authorization", "Bearer " + token).build();
        try (Response response = http.newCall(r).execute()) {
            String body = response.body().string();
            SupervisorView view = response.code() == 200
                    ? dev.switchboard.api.Json.lenient().readValue(body, SupervisorView.class) : null;
            return new Answer(response.code(), body, view);
        }
    }
}
