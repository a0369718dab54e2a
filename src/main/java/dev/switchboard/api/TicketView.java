package dev.switchboard.api;

import dev.switchboard.domain.TicketPriority;
import dev.switchboard.domain.TicketStatus;

import java.time.Instant;
import java.util.List;

/**
 * A ticket with its notes. E-mail tickets carry their SLA: {@code dueAt} (answer by) and
 * {@code firstResponseAt} (when the customer first got an answer), both null otherwise.
 */
public record TicketView(long id, long customerId, String subject, TicketStatus status,
                         TicketPriority priority, Instant createdAt, Instant updatedAt, long version,
                         List<Long> interactionIds, List<TicketNoteView> notes, Instant dueAt,
                         Instant firstResponseAt) {
}
