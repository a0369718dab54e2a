package dev.switchboard.api;

/**
 * A bearer token for {@code Authorization: Bearer ...}, who it belongs to, and the last event
 * sequence number before signing in: subscribe from there, so an offer made the moment the agent
 * became ready is not missed.
 */
public record LoginResponse(String token, AgentView agent, long eventSeq) {
}
