package dev.switchboard.api;

import dev.switchboard.domain.NoteVisibility;

/** A note to add to a ticket; INTERNAL unless {@code visibility} says it records a REPLY to the customer. */
public record NoteRequest(String body, NoteVisibility visibility) {
    public NoteRequest(String body) {
        this(body, null);
    }
}
