package dev.switchboard.api;

/** A supervisor moves a waiting contact: to another queue ({@code queueId}) or to a named agent ({@code agentId}). */
public record MoveRequest(Long queueId, Long agentId) {
}
