package dev.switchboard.api;

import dev.switchboard.domain.AgentState;

import java.time.Instant;

public record AgentStateEvent(long agentId, String displayName, AgentState state, Instant since) {
}
