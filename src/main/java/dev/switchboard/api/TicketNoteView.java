package dev.switchboard.api;

import dev.switchboard.domain.NoteVisibility;

import java.time.Instant;

/** A note on a ticket: INTERNAL for colleagues, REPLY for what the customer was told. */
public record TicketNoteView(long id, Long authorId, String authorName, String body, Instant createdAt,
                             NoteVisibility visibility) {
    public TicketNoteView {
        visibility = visibility == null ? NoteVisibility.INTERNAL : visibility;
    }

    public TicketNoteView(long id, Long authorId, String authorName, String body, Instant createdAt) {
        this(id, authorId, authorName, body, createdAt, NoteVisibility.INTERNAL);
    }
}
