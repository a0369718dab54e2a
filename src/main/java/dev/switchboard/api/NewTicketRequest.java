package dev.switchboard.api;

import dev.switchboard.domain.TicketPriority;

/** A new ticket; {@code interactionId} and {@code note} are optional. Priority defaults to NORMAL. */
public record NewTicketRequest(long customerId, String subject, TicketPriority priority, String note,
                               Long interactionId) {
}
