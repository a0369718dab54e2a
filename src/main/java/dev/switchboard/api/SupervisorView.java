package dev.switchboard.api;

import java.time.Instant;
import java.util.List;

/** The supervisor's dashboard at {@code at}: queues, agents and alerts. */
public record SupervisorView(Instant at, List<QueueMetricsView> queues, List<AgentMetricsView> agents,
                             List<AlertView> alerts) {
}
