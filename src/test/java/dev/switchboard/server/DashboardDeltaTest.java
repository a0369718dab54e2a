package dev.switchboard.server;

import dev.switchboard.api.AgentMetricsView;
import dev.switchboard.api.AgentRowChange;
import dev.switchboard.api.AlertView;
import dev.switchboard.api.QueueMetricsView;
import dev.switchboard.api.SupervisorView;
import dev.switchboard.domain.AgentState;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DashboardDeltaTest {
    private static final Instant T = Instant.parse("2026-11-26T10:00:00Z");

    @Test
    void onlyChangedQueuesAndAgentsAreSentWithTheGoneAndAllAlerts() {
        SupervisorView before = new SupervisorView(T, List.of(queue(1, 0), queue(2, 0)),
                List.of(agent(7, AgentState.READY), agent(8, AgentState.READY), agent(9, AgentState.BUSY)), List.of());
        AlertView alert = new AlertView("LONGEST_WAIT", "WARNING", 2L, null, "Sales: a contact waits");
        SupervisorView now = new SupervisorView(T.plusSeconds(1), List.of(queue(1, 0), queue(2, 3)),
                List.of(agent(7, AgentState.READY), agent(8, AgentState.BUSY), agent(10, AgentState.READY)),
                List.of(alert));

        SupervisorView delta = DashboardDelta.between(before, now);

        assertThat(delta.partial()).isTrue();
        assertThat(delta.at()).isEqualTo(T.plusSeconds(1));
        assertThat(delta.queues()).extracting(QueueMetricsView::queueId).containsExactly(2L);
        assertThat(delta.agents()).as("whole rows for agents new to the grid")
                .extracting(AgentMetricsView::agentId).containsExactly(10L);
        assertThat(delta.agentChanges()).as("what changed for the others")
                .containsExactly(new AgentRowChange(8, null, AgentState.BUSY, null, T, null, null, null, null, null,
                        List.of()));
        assertThat(delta.agentsGone()).containsExactly(9L);
        assertThat(delta.alerts()).containsExactly(alert);
    }

    private static QueueMetricsView queue(long id, int waiting) {
        return new QueueMetricsView(id, "Q" + id, 10, waiting, 0, 20, 80, "AGAINST", 5, Map.of(), Map.of(), 1, null);
    }

    private static AgentMetricsView agent(long id, AgentState state) {
        return new AgentMetricsView(id, "A" + id, state, null, T, null, List.of(), 0, null, null);
    }
}
