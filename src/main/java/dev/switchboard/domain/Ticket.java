package dev.switchboard.domain;

import java.time.Instant;
import java.util.List;

/**
 * A case worked for a customer, linked to the interactions about it. {@code dueAt} and
 * {@code firstResponseAt} are its e-mail SLA (null when it has none or no answer yet).
 */
public record Ticket(long id, long customerId, String subject, TicketStatus status,
                     TicketPriority priority, Instant createdAt, Instant updatedAt, long version,
                     List<Long> interactionIds, List<TicketNote> notes, Instant dueAt, Instant firstResponseAt) {
    public Ticket {
        interactionIds = List.copyOf(interactionIds);
        notes = List.copyOf(notes);
    }
}
