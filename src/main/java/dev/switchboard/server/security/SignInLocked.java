package dev.switchboard.server.security;

import java.time.Instant;

/**
 * A sign-in refused because its user name failed too often lately. Says when to try again, and the
 * same for names that exist and names that do not.
 */
public final class SignInLocked extends RuntimeException {
    private final Instant until;

    public SignInLocked(Instant until) {
        super("too many failed sign-ins for this user name; try again after " + until);
        this.until = until;
    }

    public Instant until() {
        return until;
    }
}
