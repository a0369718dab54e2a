package dev.switchboard.desktop;

import dev.switchboard.domain.Role;

/** A demo account shown on the login window, so a new user can sign in straight away. */
public record DemoAccount(String username, String password, Role role) {
}
