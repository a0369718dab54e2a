package dev.switchboard.desktop.transfer;

/**
 * Where a contact can be transferred: a queue, one named agent (with their state as the detail), or
 * for a call an outside number (its {@code name}; no id).
 */
public record TransferTarget(Kind kind, long id, String name, String detail) {
    public enum Kind { QUEUE, AGENT, NUMBER }
}
