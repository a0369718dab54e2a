package dev.switchboard.api;

import dev.switchboard.domain.AgentState;

/**
 * An agent asks to become READY or NOT_READY (then with one of the configured reason codes). The
 * server owns BUSY, WRAP_UP and LOGGED_OUT; asking for NOT_READY while busy takes effect when the
 * work ends.
 */
public record StateRequest(AgentState state, String reasonCode) {
}
