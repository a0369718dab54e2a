package dev.switchboard.server;

import dev.switchboard.domain.Agent;
import dev.switchboard.domain.Role;

/** A signed-in agent, found from the bearer token of a request. */
public record Session(String token, Agent agent) {
    public long agentId() {
        return agent.id();
    }

    public boolean isSupervisor() {
        return agent.role().oversees();
    }
}
