package dev.switchboard.api;

import dev.switchboard.domain.Role;

import java.util.Map;

/** An administrator creates a person: {@code teamId} and {@code skills} may be left out. */
public record NewUserRequest(String username, String displayName, Role role, String password, Long teamId,
                             Map<String, Integer> skills) {
}
