package dev.switchboard.api;

/** A contact joined a queue or changed there (offered, re-queued); {@code entry} is its current line. */
public record QueueEvent(QueueEntryView entry) {
}
