package dev.switchboard.cluster;

import dev.switchboard.api.AgentMetricsView;
import dev.switchboard.api.IngestRequest;
import dev.switchboard.api.QueueMetricsView;
import dev.switchboard.api.SupervisorView;
import dev.switchboard.api.WrapUpRequest;
import dev.switchboard.client.HttpSwitchboardApi;
import dev.switchboard.domain.AgentState;
import dev.switchboard.domain.Channel;
import dev.switchboard.server.SwitchboardServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A supervisor's dashboard on one node of a cluster counts every node's contacts and shows the state
 * of agents signed in on another node: a contact ingested on B and handled by an agent on A is
 * answered on B's dashboard too, and that agent's row on B follows their state on A.
 */
@Timeout(120)
class ClusterDashboardTest {
    private final PgNodes nodes = new PgNodes();
    private final List<ClusterDesk> desks = new ArrayList<>();

    @AfterEach
    void stop() {
        desks.forEach(ClusterDesk::close);
        nodes.close();
    }

    @Test
    void aSupervisorOnOneNodeSeesContactsHandledAndAgentsSignedInOnAnother() {
        SwitchboardServer a = nodes.node("node-a", Duration.ofSeconds(60));
        SwitchboardServer b = nodes.node("node-b", Duration.ofSeconds(60));
        ClusterDesk ann = new ClusterDesk(a, PgNodes.agent(a, "ann"), PgNodes.PASSWORD);
        desks.add(ann);
        long annId = ann.api.me().id();
        HttpSwitchboardApi supervisorOnB = new HttpSwitchboardApi(b.baseUrl());
        supervisorOnB.login("supervisor", "supervisor");

        ann.api.setState(AgentState.READY);
        await().atMost(Duration.ofSeconds(15)).until(() -> stateOn(supervisorOnB, annId) == AgentState.READY);

        long id = supervisorOnB.ingest(new IngestRequest(Channel.PHONE, null, "+447700900556", "From node B", null))
                .interaction().id();
        ann.offerOf(id);
        ann.api.accept(id);
        await().atMost(Duration.ofSeconds(15)).until(() -> stateOn(supervisorOnB, annId) == AgentState.BUSY);
        ann.api.end(id);
        ann.api.wrapUp(id, new WrapUpRequest("RESOLVED", null, null));

        await().atMost(Duration.ofSeconds(15)).until(() -> answered(supervisorOnB.supervisorDashboard(null, null)) == 1);
        await().atMost(Duration.ofSeconds(15)).until(() -> answered(dashboardOn(a)) == 1);
        ann.api.setState(AgentState.NOT_READY, "BREAK");
        await().atMost(Duration.ofSeconds(15)).until(() -> stateOn(supervisorOnB, annId) == AgentState.NOT_READY);
    }

    private static SupervisorView dashboardOn(SwitchboardServer node) {
        HttpSwitchboardApi api = new HttpSwitchboardApi(node.baseUrl());
        api.login("supervisor", "supervisor");
        return api.supervisorDashboard(null, null);
    }

    private static AgentState stateOn(HttpSwitchboardApi supervisor, long agentId) {
        return supervisor.supervisorDashboard(null, null).agents().stream().filter(r -> r.agentId() == agentId)
                .map(AgentMetricsView::state).findFirst().orElse(null);
    }

    /** Contacts answered in the last 30 minutes over every queue. */
    private static double answered(SupervisorView view) {
        return view.queues().stream().map(QueueMetricsView::lastThirtyMinutes)
                .mapToDouble(k -> k.get("answered").value()).sum();
    }
}
