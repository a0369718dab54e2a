package dev.switchboard.api;

import dev.switchboard.domain.AgentState;

import java.time.Instant;

/** An agent on the supervisor's grid: state with reason and since when, contacts handled today, AHT, occupancy. */
public record AgentMetricsView(long agentId, String name, AgentState state, String reasonCode, Instant since,
                               long handledToday, KpiView averageHandleTime, KpiView occupancy) {
}
