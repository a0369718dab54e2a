package dev.switchboard.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/**
 * The supervisor's dashboard at {@code at}: queues, agents and alerts. Between full ones, the event
 * stream sends {@code partial} dashboards: only the queues that changed since the previous dashboard
 * event, the rows of agents new to the grid in {@code agents}, what changed in the rows of agents
 * already on it in {@code agentChanges}, and the agents no longer on the grid in {@code agentsGone};
 * their alerts are always all of them. A full dashboard follows at least every minute.
 */
public record SupervisorView(Instant at, List<QueueMetricsView> queues, List<AgentMetricsView> agents,
                             List<AlertView> alerts, boolean partial, List<Long> agentsGone,
                             @JsonInclude(JsonInclude.Include.NON_EMPTY) List<AgentRowChange> agentChanges) {

    @JsonCreator
    public SupervisorView {
        agentsGone = agentsGone == null ? List.of() : agentsGone;
        agentChanges = agentChanges == null ? List.of() : agentChanges;
    }

    /** A partial dashboard whose agents are all new to the grid or gone from it. */
    public SupervisorView(Instant at, List<QueueMetricsView> queues, List<AgentMetricsView> agents,
                          List<AlertView> alerts, boolean partial, List<Long> agentsGone) {
        this(at, queues, agents, alerts, partial, agentsGone, List.of());
    }

    /** A full dashboard. */
    public SupervisorView(Instant at, List<QueueMetricsView> queues, List<AgentMetricsView> agents,
                          List<AlertView> alerts) {
        this(at, queues, agents, alerts, false, List.of(), List.of());
    }
}
