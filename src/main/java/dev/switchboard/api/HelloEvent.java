package dev.switchboard.api;

/** Sent first on every stream connection: the latest sequence number the server has issued. */
public record HelloEvent(long latestSeq, boolean resumed) {
}
