package dev.switchboard.api;

import dev.switchboard.domain.AgentState;

/** An agent as a transfer target or on a supervisor's list. */
public record AgentSummary(long id, String displayName, AgentState state) {
}
