package dev.switchboard.api;

/** A line was added to a conversation, or a line's status changed (sent, delivered, read, failed). */
public record MessageEvent(long interactionId, MessageView message) {
}
