package dev.switchboard.server;

import dev.switchboard.api.AgentMetricsView;
import dev.switchboard.api.ContactPointView;
import dev.switchboard.api.EventTypes;
import dev.switchboard.api.IngestRequest;
import dev.switchboard.api.IntervalPointView;
import dev.switchboard.api.IntervalSeriesView;
import dev.switchboard.api.Json;
import dev.switchboard.api.NewContactPoint;
import dev.switchboard.api.NewCustomerRequest;
import dev.switchboard.api.QueueEntryView;
import dev.switchboard.api.QueueEvent;
import dev.switchboard.api.QueueView;
import dev.switchboard.api.SupervisorIntervalsView;
import dev.switchboard.api.SupervisorView;
import dev.switchboard.api.WrapUpRequest;
import dev.switchboard.client.HttpSwitchboardApi;
import dev.switchboard.domain.AgentState;
import dev.switchboard.domain.Channel;
import dev.switchboard.domain.ContactKind;
import dev.switchboard.domain.Direction;
import dev.switchboard.metrics.IntervalStats;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The supervisor's chart, the list of every waiting contact, a queue's priority, and the grid's
 * contact in hand and queues, over the API against a real server; none of it for agents.
 */
@Timeout(90)
class SupervisorActionsTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final OkHttpClient http = new OkHttpClient();
    private SwitchboardServer server;
    private AgentDesk agent;
    private String supervisor;

    @BeforeEach
    void start() {
        start(ServerOptions.inMemory("supervisor-actions-" + System.nanoTime(), 0));
    }

    private void start(ServerOptions options) {
        server = SwitchboardServer.start(options);
        agent = new AgentDesk(server, "agent");
        supervisor = new HttpSwitchboardApi(server.baseUrl()).login("supervisor", "supervisor").token();
    }

    @AfterEach
    void stop() {
        agent.close();
        server.close();
    }

    // ---- the chart of today

    @Test
    void theChartShowsAHandledContactInItsIntervalAndEveryOtherIntervalOfTheDayEmpty() throws IOException {
        QueueView queue = agent.api.config().queues().get(0);
        var ingested = agent.api.ingest(new IngestRequest(Channel.EMAIL, Direction.INBOUND, "chart@example.com",
                "Chart", "Hello", queue.id(), null)).interaction();
        assertThat(agent.take()).isEqualTo(ingested.id());
        agent.api.end(ingested.id());
        agent.api.wrapUp(ingested.id(), new WrapUpRequest(null, null, null));
        ZoneId zone = ZoneId.systemDefault();
        Instant itsInterval = IntervalStats.intervalStart(ingested.routing().queuedAt(), zone);

        SupervisorIntervalsView chart = await().atMost(WAIT).until(() -> intervals("?treatment=against"),
                v -> point(series(v, queue.id()), itsInterval).answered() == 1);

        IntervalSeriesView series = series(chart, queue.id());
        assertThat(series.name()).isEqualTo(queue.name());
        assertThat(series.slSeconds()).isEqualTo(queue.slSeconds());
        assertThat(chart.abandonTreatment()).isEqualTo("AGAINST");
        assertThat(chart.day()).isEqualTo(chart.at().atZone(zone).toLocalDate());
        List<IntervalPointView> points = series.points();
        assertThat(points.get(0).start()).as("from the day's start").isEqualTo(chart.day().atStartOfDay(zone).toInstant());
        assertThat(points.get(points.size() - 1).start()).as("up to the current interval")
                .isEqualTo(IntervalStats.intervalStart(chart.at(), zone));
        for (int i = 1; i < points.size(); i++) {
            assertThat(Duration.between(points.get(i - 1).start(), points.get(i).start()))
                    .as("no gap in the axis").isEqualTo(IntervalStats.INTERVAL);
        }
        IntervalPointView handled = point(series, itsInterval);
        assertThat(handled.offered()).isEqualTo(1);
        assertThat(handled.abandoned()).isZero();
        assertThat(handled.serviceLevelPercent()).as("answered at once").isEqualTo(100.0);
        assertThat(points).filteredOn(p -> !p.start().equals(itsInterval)).allSatisfy(p -> {
            assertThat(p.offered()).isZero();
            assertThat(p.answered()).isZero();
            assertThat(p.serviceLevelPercent()).isNull();
        });
        // every queue has the same axis, even those nobody called
        assertThat(chart.queues()).hasSize(agent.api.config().queues().size())
                .allSatisfy(s -> assertThat(s.points()).hasSize(points.size()));

        Answer ignoring = send("GET", "/api/v1/supervisor/intervals?treatment=IGNORE&shortAbandon=3", null, supervisor);
        assertThat(ignoring.status).isEqualTo(200);
        assertThat(ignoring.body).contains("\"abandonTreatment\":\"IGNORE\"").contains("\"shortAbandonSeconds\":3");
        Answer bad = send("GET", "/api/v1/supervisor/intervals?treatment=sometimes", null, supervisor);
        assertThat(bad.status).isEqualTo(400);
        assertThat(bad.body).contains("\"field\":\"treatment\"");
        Answer badCutOff = send("GET", "/api/v1/supervisor/intervals?shortAbandon=-1", null, supervisor);
        assertThat(badCutOff.status).isEqualTo(400);
        assertThat(badCutOff.body).contains("\"field\":\"shortAbandon\"");
    }

    // ---- every waiting contact

    @Test
    void everyWaitingContactOfEveryQueueIsListedMostUrgentFirstAndOffersStayOnTheList() throws IOException {
        notReady();
        List<QueueView> queues = agent.api.config().queues();
        QueueView general = byName(queues, "General");
        QueueView billing = byName(queues, "Billing");
        QueueView sales = byName(queues, "Sales");
        long a = ingest(Channel.EMAIL, "one@example.com", general);
        long b = ingest(Channel.EMAIL, "two@example.com", billing);
        long c = ingest(Channel.EMAIL, "three@example.com", sales);

        List<QueueEntryView> waiting = waiting();
        assertThat(waiting).extracting(QueueEntryView::interactionId).as("higher queue priority first")
                .containsExactly(c, b, a);
        assertThat(waiting).extracting(QueueEntryView::queueName).containsExactly("Sales", "Billing", "General");
        assertThat(waiting.get(2).who()).isEqualTo("one@example.com");
        assertThat(waiting).allSatisfy(e -> assertThat(e.offeredTo()).isNull());

        // offered to an agent, the customers still wait: they stay on the list, with whom they ring at
        agent.api.setState(AgentState.READY);
        long alex = agent.api.me().id();
        await().atMost(WAIT).until(() -> agent.offers.size() == 3);
        assertThat(waiting()).extracting(QueueEntryView::interactionId).containsExactly(c, b, a);
        assertThat(waiting()).allSatisfy(e -> assertThat(e.offeredTo()).isEqualTo(alex));
        agent.api.accept(c);
        assertThat(waiting()).extracting(QueueEntryView::interactionId).containsExactly(b, a);
    }

    // ---- a queue's priority

    @Test
    void refusedPriorityChangesChangeNothing() throws IOException {
        QueueView general = byName(agent.api.config().queues(), "General");
        String path = "/api/v1/supervisor/queues/" + general.id() + "/priority";
        for (String body : List.of("{}", "{\"priority\":null}", "{\"priority\":101}", "{\"priority\":-1}",
                "{\"priority\":\"high\"}", "{\"priority\":50.9}", "{\"priority\":\"60\"}")) {
            Answer refused = send("PUT", path, body, supervisor);
            assertThat(refused.status).as(body).isEqualTo(400);
            assertThat(refused.body).as(body).contains("\"field\":\"priority\"");
        }
        assertThat(send("PUT", path, "{\"priority\":5,\"urgent\":true}", supervisor).status).isEqualTo(400);
        assertThat(send("PUT", path, "", supervisor).status).isEqualTo(400);
        Answer unknown = send("PUT", "/api/v1/supervisor/queues/999999/priority", "{\"priority\":5}", supervisor);
        assertThat(unknown.status).isEqualTo(404);
        assertThat(unknown.body).contains("not_found");
        assertThat(send("PUT", "/api/v1/supervisor/queues/abc/priority", "{\"priority\":5}", supervisor).status)
                .isEqualTo(400);
        assertThat(send("PUT", path, "{\"priority\":5}", agent.api.token()).status).isEqualTo(403);

        assertThat(byName(agent.api.config().queues(), "General").priority()).isEqualTo(general.priority());
        assertThat(send("GET", "/api/v1/supervisor/audit", null, supervisor).body).doesNotContain("queue.priority");
    }

    @Test
    void aNewPriorityDecidesWhichWaitingContactIsOfferedFirstAndIsAudited() throws IOException {
        notReady();
        List<QueueView> queues = agent.api.config().queues();
        QueueView general = byName(queues, "General");
        QueueView sales = byName(queues, "Sales");
        assertThat(sales.priority()).isGreaterThan(general.priority());
        // calls, so the agent is offered exactly one: the most urgent
        long older = ingest(Channel.PHONE, "+447700900001", general);
        long urgent = ingest(Channel.PHONE, "+447700900002", sales);
        assertThat(waiting()).extracting(QueueEntryView::interactionId).containsExactly(urgent, older);

        Answer changed = send("PUT", "/api/v1/supervisor/queues/" + general.id() + "/priority", "{\"priority\":50}",
                supervisor);
        assertThat(changed.status).as(changed.body).isEqualTo(200);
        QueueView now = Json.lenient().readValue(changed.body, QueueView.class);
        assertThat(now.priority()).isEqualTo(50);
        assertThat(now).usingRecursiveComparison().ignoringFields("priority").isEqualTo(general);

        assertThat(waiting()).extracting(QueueEntryView::interactionId).containsExactly(older, urgent);
        // agents who see the queue are told the contact's new place
        await().atMost(WAIT).until(() -> agent.payloads(EventTypes.QUEUE, QueueEvent.class).stream()
                .anyMatch(e -> e.entry().interactionId() == older && e.entry().priority() == 50));
        agent.api.setState(AgentState.READY);
        assertThat(agent.nextOffer().interactionId()).isEqualTo(older);

        assertThat(byName(agent.api.config().queues(), "General").priority()).isEqualTo(50);
        assertThat(dashboard().queues()).filteredOn(q -> q.queueId() == general.id())
                .singleElement().satisfies(q -> assertThat(q.priority()).isEqualTo(50));
        String audit = send("GET", "/api/v1/supervisor/audit", null, supervisor).body;
        assertThat(audit).contains("\"action\":\"queue.priority\"").contains("queue General")
                .contains("\"before\":\"" + general.priority() + "\"").contains("\"after\":\"50\"")
                .contains("Priya Raman");

        // the same value again is no change: nothing more is audited
        assertThat(send("PUT", "/api/v1/supervisor/queues/" + general.id() + "/priority", "{\"priority\":50}",
                supervisor).status).isEqualTo(200);
        assertThat(send("GET", "/api/v1/supervisor/audit", null, supervisor).body.split("queue.priority", -1))
                .hasSize(2);
    }

    @Test
    void aNewPriorityIsKeptAcrossARestart(@TempDir Path dir) throws IOException {
        agent.close();
        server.close();
        ServerOptions options = new ServerOptions("127.0.0.1", 0, dir, null, null, null, null, 0, 1, 0, "GB", null,
                null, 0, 0, 0, null, null, false, null, Clock.systemUTC());
        start(options);
        QueueView billing = byName(agent.api.config().queues(), "Billing");
        assertThat(send("PUT", "/api/v1/supervisor/queues/" + billing.id() + "/priority", "{\"priority\":77}",
                supervisor).status).isEqualTo(200);
        agent.close();
        server.close();

        start(options);
        assertThat(byName(agent.api.config().queues(), "Billing").priority()).isEqualTo(77);
        // and routing starts with it: a billing call now comes before a sales call that came first
        notReady();
        QueueView sales = byName(agent.api.config().queues(), "Sales");
        long salesCall = ingest(Channel.PHONE, "+447700900003", sales);
        long billingCall = ingest(Channel.PHONE, "+447700900004", billing);
        assertThat(waiting()).extracting(QueueEntryView::interactionId).containsExactly(billingCall, salesCall);
    }

    // ---- the grid

    @Test
    void theGridShowsTheContactInHandAndTheQueuesEachAgentServes() throws IOException {
        long alex = agent.api.me().id();
        var customer = agent.api.createCustomer(new NewCustomerRequest("Ada", "Lovelace", null,
                List.of(new NewContactPoint(ContactKind.EMAIL, "ada@example.com", null)), null));
        assertThat(customer.contactPoints()).extracting(ContactPointView::value).contains("ada@example.com");
        List<Long> allQueues = agent.api.config().queues().stream().map(QueueView::id).sorted().toList();
        QueueView chat = byName(agent.api.config().queues(), "Chat");

        AgentMetricsView idle = row(alex);
        assertThat(idle.current()).isNull();
        assertThat(idle.queueIds()).as("every skill: every queue").containsExactlyElementsOf(allQueues);
        AgentMetricsView signedOut = dashboard().agents().stream().filter(a -> a.name().equals("Sam Okafor"))
                .findFirst().orElseThrow();
        assertThat(signedOut.state()).isEqualTo(AgentState.LOGGED_OUT);
        assertThat(signedOut.queueIds()).as("serves no queue while signed out").isEmpty();
        assertThat(signedOut.current()).isNull();

        long id = agent.api.ingest(new IngestRequest(Channel.EMAIL, Direction.INBOUND, "ada@example.com",
                "Grid", "Hello", chat.id(), null)).interaction().id();
        assertThat(agent.nextOffer().interactionId()).isEqualTo(id);
        assertThat(row(alex).current()).as("an offer not yet taken is not in hand").isNull();

        agent.api.accept(id);
        AgentMetricsView working = await().atMost(WAIT).until(() -> row(alex), r -> r.current() != null);
        assertThat(working.current().interactionId()).isEqualTo(id);
        assertThat(working.current().channel()).isEqualTo(Channel.EMAIL);
        assertThat(working.current().who()).isEqualTo("Ada Lovelace");

        agent.api.end(id);
        assertThat(row(alex).current()).as("in wrap-up, still in hand").isNotNull()
                .satisfies(c -> assertThat(c.interactionId()).isEqualTo(id));
        agent.api.wrapUp(id, new WrapUpRequest(null, null, null));
        assertThat(row(alex).current()).isNull();
    }

    // ---- supervisors only

    @Test
    void agentsMayUseNoneOfIt() throws IOException {
        QueueView queue = agent.api.config().queues().get(0);
        String token = agent.api.token();
        for (String[] call : new String[][] {{"GET", "/api/v1/supervisor/intervals", null},
                {"GET", "/api/v1/supervisor/waiting", null},
                {"PUT", "/api/v1/supervisor/queues/" + queue.id() + "/priority", "{\"priority\":9}"}}) {
            Answer a = send(call[0], call[1], call[2], token);
            assertThat(a.status).as(call[1]).isEqualTo(403);
            assertThat(a.body).as(call[1]).contains("\"error\":\"forbidden\"");
            assertThat(send(call[0], call[1], call[2], "not-a-token").status).as(call[1]).isEqualTo(401);
        }
        assertThat(agent.api.config().queues().get(0).priority()).isEqualTo(queue.priority());
    }

    // ---- helpers

    private void notReady() {
        agent.api.setState(AgentState.NOT_READY, agent.api.config().notReadyReasons().get(0).code());
    }

    private long ingest(Channel channel, String address, QueueView queue) {
        return agent.api.ingest(new IngestRequest(channel, Direction.INBOUND, address, "Waiting", "Hello",
                queue.id(), null)).interaction().id();
    }

    private static QueueView byName(List<QueueView> queues, String name) {
        return queues.stream().filter(q -> q.name().equals(name)).findFirst().orElseThrow();
    }

    private static IntervalSeriesView series(SupervisorIntervalsView v, long queueId) {
        return v.queues().stream().filter(s -> s.queueId() == queueId).findFirst().orElseThrow();
    }

    private static IntervalPointView point(IntervalSeriesView s, Instant start) {
        return s.points().stream().filter(p -> p.start().equals(start)).findFirst().orElseThrow();
    }

    private AgentMetricsView row(long agentId) throws IOException {
        return dashboard().agents().stream().filter(a -> a.agentId() == agentId).findFirst().orElseThrow();
    }

    private SupervisorView dashboard() throws IOException {
        return read(send("GET", "/api/v1/supervisor/dashboard", null, supervisor), SupervisorView.class);
    }

    private SupervisorIntervalsView intervals(String query) throws IOException {
        return read(send("GET", "/api/v1/supervisor/intervals" + query, null, supervisor), SupervisorIntervalsView.class);
    }

    private List<QueueEntryView> waiting() throws IOException {
        Answer a = send("GET", "/api/v1/supervisor/waiting", null, supervisor);
        assertThat(a.status).as(a.body).isEqualTo(200);
        return List.of(Json.lenient().readValue(a.body, QueueEntryView[].class));
    }

    private static <T> T read(Answer a, Class<T> type) throws IOException {
        assertThat(a.status).as(a.body).isEqualTo(200);
        return Json.lenient().readValue(a.body, type);
    }

    private Answer send(String method, String path, String json, String token) throws IOException {
        Request.Builder r = new Request.Builder().url(server.baseUrl() + path).header("Authorization", "Bearer " + token);
        r.method(method, json == null ? null : RequestBody.create(json, MediaType.get("application/json")));
        try (Response response = http.newCall(r.build()).execute()) {
            return new Answer(response.code(), response.body().string());
        }
    }

    private record Answer(int status, String body) {
    }
}
