package dev.switchboard.api;

import java.time.Instant;

/**
 * Sent first on every stream connection: the latest sequence number the server has issued, whether
 * the stream resumed, and the server's clock, so a desktop can show server times (offer deadlines,
 * waiting clocks) against the same clock even when its own is off.
 */
public record HelloEvent(long latestSeq, boolean resumed, Instant serverTime) {
}
