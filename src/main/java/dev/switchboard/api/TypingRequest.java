package dev.switchboard.api;

/** The agent started or stopped typing in a chat. */
public record TypingRequest(Boolean typing) {
}
