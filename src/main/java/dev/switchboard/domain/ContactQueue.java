package dev.switchboard.domain;

import java.time.Duration;
import java.util.Set;

/**
 * A queue of contacts waiting for an agent with all of its {@code requiredSkills}. Service-level
 * target: {@code slPercent} % answered within {@code slThreshold}. An offer stands for
 * {@code offerTimeout}. Wrap-up lasts {@code wrapUpTimeout}; when {@code wrapUpRequired} the agent
 * must give a disposition and wrap-up does not end on its own.
 */
public record ContactQueue(long id, String name, Set<String> requiredSkills, int priority, int slPercent,
                           Duration slThreshold, Duration offerTimeout, boolean wrapUpRequired,
                           Duration wrapUpTimeout) {
    public ContactQueue {
        requiredSkills = Set.copyOf(requiredSkills);
    }
}
