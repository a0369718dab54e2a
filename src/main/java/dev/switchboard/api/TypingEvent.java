package dev.switchboard.api;

/** Someone in a conversation started or stopped typing ({@code who}: the visitor's or agent's name). */
public record TypingEvent(long interactionId, String who, boolean visitor, boolean typing) {
}
