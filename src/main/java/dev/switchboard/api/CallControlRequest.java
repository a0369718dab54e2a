package dev.switchboard.api;

/** Switches hold or mute on or off. */
public record CallControlRequest(Boolean on) {
}
