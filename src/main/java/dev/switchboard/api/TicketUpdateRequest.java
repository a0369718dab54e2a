package dev.switchboard.api;

import dev.switchboard.domain.TicketPriority;
import dev.switchboard.domain.TicketStatus;

/**
 * A partial update: absent fields stay as they are. {@code version} is the version the agent saw;
 * when it is given and the ticket has moved on, the update is refused with 409.
 */
public record TicketUpdateRequest(String subject, TicketStatus status, TicketPriority priority,
                                  Long version, Long linkInteractionId) {
}
