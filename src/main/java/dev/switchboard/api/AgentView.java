package dev.switchboard.api;

import dev.switchboard.domain.AgentState;
import dev.switchboard.domain.Role;

public record AgentView(long id, String username, String displayName, Role role, AgentState state) {
}
