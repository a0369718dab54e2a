package dev.switchboard.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.api.IngestRequest;
import dev.switchboard.api.NewCustomerRequest;
import dev.switchboard.api.QueuePriorityRequest;
import dev.switchboard.api.QueueView;
import dev.switchboard.api.WrapUpRequest;
import dev.switchboard.client.HttpSwitchboardApi;
import dev.switchboard.domain.AgentState;
import dev.switchboard.domain.Channel;
import dev.switchboard.domain.InteractionState;
import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.store.InteractionStore;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What an administrator or a supervisor changes on one node is used by the other nodes at once, not
 * at their next start: a new queue routes contacts to the other node's agents, a new disposition is
 * accepted in their wrap-up, and a queue's new name and priority show in their lists.
 */
@Timeout(120)
class SharedSettingsTest {
    private static final MediaType JSON = MediaType.get("application/json");

    private final PgNodes nodes = new PgNodes();
    private final List<ClusterDesk> desks = new ArrayList<>();
    private final OkHttpClient http = new OkHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void stop() {
        desks.forEach(ClusterDesk::close);
        nodes.close();
    }

    @Test
    void aQueueAndADispositionAddedOnNodeAAreUsedOnNodeBAtOnce() throws IOException {
        SwitchboardServer a = nodes.node("node-a", Duration.ofSeconds(60));
        SwitchboardServer b = nodes.node("node-b", Duration.ofSeconds(60));
        ClusterDesk vicky = new ClusterDesk(b, PgNodes.agent(b, "vicky", Map.of("vip", 5)), PgNodes.PASSWORD);
        desks.add(vicky);
        vicky.api.setState(AgentState.READY);
        String admin = new HttpSwitchboardApi(a.baseUrl()).login("admin", "admin").token();

        Answer created = send(a, "POST", "/api/v1/admin/queues", "{\"name\":\"VIP\",\"requiredSkills\":[\"vip\"]}", admin);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long queueId = json.readTree(created.body()).get("id").asLong();
        Answer code = send(a, "PUT", "/api/v1/admin/dispositions/UPGRADED", "{\"label\":\"Upgraded\"}", admin);
        assertThat(code.status()).as(code.body()).isEqualTo(204);

        // a contact for the new queue, taken in on node A, reaches the agent on node B
        long id = a.contacts().ingest(new IngestRequest(Channel.PHONE, null, "+447700900701", "VIP caller", null,
                queueId, null)).interaction().id();
        vicky.offerOf(id);
        vicky.api.accept(id);
        vicky.api.end(id);
        vicky.api.wrapUp(id, new WrapUpRequest("UPGRADED", "new disposition, added on node A", null));
        InteractionStore stored = new InteractionStore(b.database().dataSource());
        await().atMost(Duration.ofSeconds(5)).until(() -> stored.find(id).orElseThrow().state() == InteractionState.ENDED);
        assertThat(stored.find(id).orElseThrow().routing().disposition()).isEqualTo("UPGRADED");

        // reprioritised by a supervisor and renamed by the administrator on A: B's lists follow
        HttpSwitchboardApi supervisor = new HttpSwitchboardApi(a.baseUrl());
        supervisor.login("supervisor", "supervisor");
        supervisor.supervisorSetQueuePriority(queueId, new QueuePriorityRequest(70));
        await().atMost(Duration.ofSeconds(5)).until(() -> queueOnB(vicky, queueId).orElseThrow().priority() == 70);
        Answer renamed = send(a, "PATCH", "/api/v1/admin/queues/" + queueId, "{\"name\":\"VIP customers\"}", admin);
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(5)).until(() -> queueOnB(vicky, queueId).orElseThrow().name()
                .equals("VIP customers"));
    }

    @Test
    void aPersonMovedToAnotherUnitOnNodeAOpensOnlyThatUnitsCustomersOnNodeB() throws IOException {
        SwitchboardServer a = nodes.node("node-a", Duration.ofSeconds(60));
        SwitchboardServer b = nodes.node("node-b", Duration.ofSeconds(60));
        ClusterDesk wes = new ClusterDesk(b, PgNodes.agent(b, "wes"), PgNodes.PASSWORD);
        desks.add(wes);
        long retail = wes.api.createCustomer(new NewCustomerRequest("Rita", "Retail", null, List.of(), null)).id();
        assertThat(send(b, "GET", "/api/v1/customers/" + retail, null, wes.api.token()).status())
                .as("the default unit's, read and kept by node B").isEqualTo(200);

        String admin = new HttpSwitchboardApi(a.baseUrl()).login("admin", "admin").token();
        long unit = json.readTree(send(a, "POST", "/api/v1/admin/units", "{\"name\":\"Wholesale\"}", admin).body())
                .get("id").asLong();
        long team = json.readTree(send(a, "POST", "/api/v1/admin/teams", "{\"name\":\"Wholesale desk\",\"unitId\":"
                + unit + "}", admin).body()).get("id").asLong();
        Answer moved = send(a, "PATCH", "/api/v1/admin/users/" + wes.api.me().id(), "{\"teamId\":" + team + "}", admin);
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);

        // node B forgets where wes was as soon as node A says so: the retail customer is out of his unit now
        await().atMost(Duration.ofSeconds(5)).until(() -> send(b, "GET", "/api/v1/customers/" + retail, null,
                wes.api.token()).status() == 404);
    }

    private static Optional<QueueView> queueOnB(ClusterDesk desk, long queueId) {
        return desk.api.config().queues().stream().filter(q -> q.id() == queueId).findFirst();
    }

    private Answer send(SwitchboardServer node, String method, String path, String body, String token) throws IOException {
        Request r = new Request.Builder().url(node.baseUrl() + path).header("Authorization", "Bearer " + token)
                .method(method, body == null ? null : RequestBody.create(body, JSON)).build();
        try (Response response = http.newCall(r).execute()) {
            return new Answer(response.code(), response.body().string());
        }
    }

    private record Answer(int status, String body) {
    }
}
