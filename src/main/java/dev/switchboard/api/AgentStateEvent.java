package dev.switchboard.api;

import dev.switchboard.domain.AgentState;

import java.time.Instant;

/** An agent's state changed; {@code reasonCode} is set while they are not ready (or will be after their work). */
public record AgentStateEvent(long agentId, String displayName, AgentState state, String reasonCode, Instant since) {
}
