package dev.switchboard.domain.outbound;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A call back the contact asked for: when, and to which agent. Without an agent the campaign's next
 * free agent takes it; with one, the dialler offers it to that agent.
 */
public record Callback(Instant at, Optional<Long> agentId) {
    public Callback {
        Objects.requireNonNull(at, "at");
        agentId = agentId == null ? Optional.empty() : agentId;
    }

    public static Callback toCampaign(Instant at) {
        return new Callback(at, Optional.empty());
    }

    public static Callback toAgent(Instant at, long agentId) {
        return new Callback(at, Optional.of(agentId));
    }
}
