package dev.switchboard.api;

import dev.switchboard.domain.TicketPriority;
import dev.switchboard.domain.TicketStatus;

/**
 * A ticket change made in wrap-up. With {@code ticketId} the ticket is updated (status, priority,
 * a note) and linked; {@code addressed} answers a complaint's closing question when it is solved or
 * closed here. Without {@code ticketId}, a ticket is created with {@code subject} for the contact's customer.
 */
public record WrapUpTicket(Long ticketId, String subject, TicketPriority priority, TicketStatus status,
                           String note, Boolean addressed) {
    public WrapUpTicket(Long ticketId, String subject, TicketPriority priority, TicketStatus status, String note) {
        this(ticketId, subject, priority, status, note, null);
    }
}
