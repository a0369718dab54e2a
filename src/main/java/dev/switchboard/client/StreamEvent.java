package dev.switchboard.client;

/** One event of the stream: its sequence number, its type (see EventTypes) and its decoded payload. */
public record StreamEvent(long seq, String type, Object payload) {
}
