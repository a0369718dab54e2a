package dev.switchboard.api;

import java.util.List;

/**
 * A queue an administrator creates (name required; the rest defaults to priority 0, 80 % in 20 s,
 * 20 s to accept, optional wrap-up of 60 s) or changes (fields left out stay as they are).
 */
public record QueueRequest(String name, List<String> requiredSkills, Integer priority, Integer slPercent,
                           Integer slSeconds, Integer offerTimeoutSeconds, Boolean wrapUpRequired,
                           Integer wrapUpSeconds) {
}
