package dev.switchboard.server;

import dev.switchboard.api.AgentMetricsView;
import dev.switchboard.api.AgentRowChange;
import dev.switchboard.api.QueueMetricsView;
import dev.switchboard.api.SupervisorView;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What changed between two dashboards, as the event stream sends it: the queues whose figures differ,
 * the agents new to the grid, the fields that changed in the rows of agents already on it, the agents
 * gone, and all the alerts. With 10,000 agents a full dashboard is megabytes; twice a second to a
 * hundred supervisors that was most of the server's work, while between two dashboards only the agents
 * whose state or contact changed differ, and of their rows mostly the state and since when.
 */
final class DashboardDelta {
    private DashboardDelta() {
    }

    /** The partial dashboard that turns {@code before} into {@code now}. */
    static SupervisorView between(SupervisorView before, SupervisorView now) {
        Map<Long, QueueMetricsView> queues = new HashMap<>();
        before.queues().forEach(q -> queues.put(q.queueId(), q));
        List<QueueMetricsView> changedQueues = new ArrayList<>();
        for (QueueMetricsView q : now.queues()) {
            if (!q.equals(queues.get(q.queueId()))) {
                changedQueues.add(q);
            }
        }
        Map<Long, AgentMetricsView> agents = new HashMap<>();
        before.agents().forEach(a -> agents.put(a.agentId(), a));
        List<AgentMetricsView> newAgents = new ArrayList<>();
        List<AgentRowChange> changedAgents = new ArrayList<>();
        Set<Long> present = new HashSet<>();
        for (AgentMetricsView a : now.agents()) {
            present.add(a.agentId());
            AgentMetricsView was = agents.get(a.agentId());
            if (was == null) {
                newAgents.add(a);
            } else if (was != a && !was.equals(a)) { // an unchanged row is mostly the very same object
                changedAgents.add(AgentRowChange.between(was, a));
            }
        }
        List<Long> gone = before.agents().stream().map(AgentMetricsView::agentId)
                .filter(id -> !present.contains(id)).toList();
        return new SupervisorView(now.at(), changedQueues, newAgents, now.alerts(), true, gone, changedAgents);
    }
}
