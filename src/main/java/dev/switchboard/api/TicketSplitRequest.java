package dev.switchboard.api;

import java.util.List;

/** Moves some notes and contacts of a ticket to a new ticket of the same customer, linked to it. */
public record TicketSplitRequest(String subject, List<Long> noteIds, List<Long> interactionIds) {
}
