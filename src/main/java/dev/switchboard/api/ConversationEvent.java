package dev.switchboard.api;

/** A chat visitor connected, dropped, came back, moved to another page, or left. */
public record ConversationEvent(long interactionId, boolean connected, boolean left, String page) {
}
