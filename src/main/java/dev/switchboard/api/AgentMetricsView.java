package dev.switchboard.api;

import dev.switchboard.domain.AgentState;

import java.time.Instant;
import java.util.List;

/**
 * An agent on the supervisor's grid: state with reason and since when, the contact worked on now (null
 * when none), the queues the agent's skills serve, contacts handled today, AHT, occupancy.
 */
public record AgentMetricsView(long agentId, String name, AgentState state, String reasonCode, Instant since,
                               CurrentContactView current, List<Long> queueIds, long handledToday,
                               KpiView averageHandleTime, KpiView occupancy) {
}
