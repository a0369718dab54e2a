package dev.switchboard.api;

import java.time.Instant;

/** One line of a ticket's history: when, who (null for the system) and what, in words. */
public record TicketHistoryView(Instant at, Long actorId, String actorName, String what) {
}
