package dev.switchboard.api;

import java.util.List;

/**
 * A queue: contacts in it are offered to agents with all its required skills. Service level target:
 * {@code slPercent} % answered within {@code slSeconds}. When {@code wrapUpRequired}, the agent must
 * give a disposition before the wrap-up ends; otherwise wrap-up ends on its own after
 * {@code wrapUpSeconds}.
 */
public record QueueView(long id, String name, List<String> requiredSkills, int priority, int slPercent,
                        int slSeconds, int offerTimeoutSeconds, boolean wrapUpRequired, int wrapUpSeconds) {
}
