package dev.switchboard.desktop.supervisor;

import dev.switchboard.api.AgentMetricsView;
import dev.switchboard.api.AgentRowChange;
import dev.switchboard.api.QueueMetricsView;
import dev.switchboard.api.SupervisorView;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Applies a partial dashboard from the event stream (only the queues and agents that changed) to the
 * whole one shown: changed queues replace theirs in place, changed agents' rows take their changed
 * fields in place, new ones join at the end, gone agents leave.
 */
final class DashboardMerge {
    private DashboardMerge() {
    }

    /**
     * {@code base} with {@code partial} applied; empty when the partial one changes an agent that is not
     * on {@code base}: it was made against a dashboard {@code base} is older than (a partial one went by
     * while the whole one was being asked for), so the whole one is needed again.
     */
    static Optional<SupervisorView> apply(SupervisorView base, SupervisorView partial) {
        Map<Long, QueueMetricsView> queues = new LinkedHashMap<>();
        list(base.queues()).forEach(q -> queues.put(q.queueId(), q));
        list(partial.queues()).forEach(q -> queues.put(q.queueId(), q));
        Set<Long> gone = new HashSet<>(list(partial.agentsGone()));
        Map<Long, AgentMetricsView> agents = new LinkedHashMap<>();
        list(base.agents()).forEach(a -> agents.put(a.agentId(), a));
        list(partial.agents()).forEach(a -> agents.put(a.agentId(), a));
        for (AgentRowChange change : list(partial.agentChanges())) {
            AgentMetricsView row = agents.get(change.agentId());
            if (row == null) {
                return Optional.empty();
            }
            agents.put(change.agentId(), change.applyTo(row));
        }
        gone.forEach(agents::remove);
        return Optional.of(new SupervisorView(partial.at(), new ArrayList<>(queues.values()),
                new ArrayList<>(agents.values()), partial.alerts()));
    }

    private static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : l;
    }
}
