package dev.switchboard.api;

import dev.switchboard.domain.AgentState;

/** An agent asks to become READY or NOT_READY; the server owns BUSY and LOGGED_OUT. */
public record StateRequest(AgentState state) {
}
