package dev.switchboard.api;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.time.Instant;
import java.util.List;

/**
 * The supervisor's dashboard at {@code at}: queues, agents and alerts. Between full ones, the event
 * stream sends {@code partial} dashboards: only the queues and agents that changed since the
 * previous dashboard event, with the agents no longer on the grid in {@code agentsGone}; their alerts
 * are always all of them. A full dashboard follows at least every minute.
 */
public record SupervisorView(Instant at, List<QueueMetricsView> queues, List<AgentMetricsView> agents,
                             List<AlertView> alerts, boolean partial, List<Long> agentsGone) {

    @JsonCreator
    public SupervisorView {
        agentsGone = agentsGone == null ? List.of() : agentsGone;
    }

    /** A full dashboard. */
    public SupervisorView(Instant at, List<QueueMetricsView> queues, List<AgentMetricsView> agents,
                          List<AlertView> alerts) {
        this(at, queues, agents, alerts, false, List.of());
    }
}
