package dev.switchboard.desktop.card;

import dev.switchboard.domain.TicketPriority;
import dev.switchboard.domain.TicketStatus;

/** One open ticket as the card's table shows it; texts already formatted. */
public record TicketRow(long id, String number, TicketPriority priority, String priorityText,
                        TicketStatus status, String statusText, String age, String subject) {
}
