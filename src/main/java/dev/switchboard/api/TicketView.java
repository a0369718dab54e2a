package dev.switchboard.api;

import dev.switchboard.domain.TicketPriority;
import dev.switchboard.domain.TicketStatus;

import java.time.Instant;
import java.util.List;

public record TicketView(long id, long customerId, String subject, TicketStatus status,
                         TicketPriority priority, Instant createdAt, Instant updatedAt, long version,
                         List<Long> interactionIds, List<TicketNoteView> notes) {
}
