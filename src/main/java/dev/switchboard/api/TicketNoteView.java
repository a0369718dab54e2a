package dev.switchboard.api;

import java.time.Instant;

public record TicketNoteView(long id, Long authorId, String authorName, String body, Instant createdAt) {
}
