package dev.switchboard.api;

import dev.switchboard.domain.Role;

import java.util.Map;

/**
 * What an administrator changes of a person; fields left out stay as they are. {@code noTeam: true}
 * takes them out of their team; {@code skills} replaces all of them.
 */
public record UserUpdateRequest(String displayName, Role role, Long teamId, Boolean noTeam, Boolean disabled,
                                String password, Map<String, Integer> skills) {
}
