package dev.switchboard.api;

import dev.switchboard.domain.Role;

import java.util.Map;

/** A person who signs in, as administrators see them: role, team, whether they may sign in, skills. */
public record AdminUserView(long id, String username, String displayName, Role role, Long teamId, boolean disabled,
                            Map<String, Integer> skills) {
}
