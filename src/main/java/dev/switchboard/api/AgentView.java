package dev.switchboard.api;

import dev.switchboard.domain.AgentState;
import dev.switchboard.domain.Channel;
import dev.switchboard.domain.Role;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An agent as the desktop sees them: {@code state} is what they are doing now (derived from their
 * availability and their work: WRAP_UP, then BUSY, then READY / NOT_READY); {@code reasonCode} is set
 * while they are not ready; {@code capacity} is how many contacts of each channel they take at once.
 */
public record AgentView(long id, String username, String displayName, Role role, AgentState state,
                        String reasonCode, Instant stateSince, List<SkillView> skills,
                        Map<Channel, Integer> capacity) {
}
