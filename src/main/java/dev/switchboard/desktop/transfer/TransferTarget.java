package dev.switchboard.desktop.transfer;

/** Where a contact can be transferred: a queue, or one named agent (with their state as the detail). */
public record TransferTarget(Kind kind, long id, String name, String detail) {
    public enum Kind { QUEUE, AGENT }
}
