package dev.switchboard.domain;

import java.time.Instant;

public record TicketNote(long id, long ticketId, Long authorId, String authorName, String body,
                         Instant createdAt) {
}
