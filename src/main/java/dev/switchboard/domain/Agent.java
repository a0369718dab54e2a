package dev.switchboard.domain;

/** A person (or a simulated one) who signs in to handle contacts or supervise. */
public record Agent(long id, String username, String displayName, Role role, boolean simulated) {
}
