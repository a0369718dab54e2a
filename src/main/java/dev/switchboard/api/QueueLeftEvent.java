package dev.switchboard.api;

/** A contact left the queue: answered, abandoned, or scheduled for later. */
public record QueueLeftEvent(long interactionId, String reason) {
}
