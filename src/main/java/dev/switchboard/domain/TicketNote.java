package dev.switchboard.domain;

import java.time.Instant;

public record TicketNote(long id, long ticketId, Long authorId, String authorName, String body,
                         Instant createdAt, NoteVisibility visibility) {
    public TicketNote {
        visibility = visibility == null ? NoteVisibility.INTERNAL : visibility;
    }

    public TicketNote(long id, long ticketId, Long authorId, String authorName, String body, Instant createdAt) {
        this(id, ticketId, authorId, authorName, body, createdAt, NoteVisibility.INTERNAL);
    }
}
