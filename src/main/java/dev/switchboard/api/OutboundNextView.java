package dev.switchboard.api;

import java.time.Instant;
import java.util.List;

/**
 * The answer to "next record, please": the record now held by the asking agent with the linked
 * customer's card (summary and open tickets), or, when nothing may be dialled now, {@code none} with
 * the reason and {@code nextDueAt}, when the earliest waiting record falls due.
 */
public record OutboundNextView(OutboundRecordView record, CustomerSummary customer, List<TicketView> openTickets,
                               String none, Instant nextDueAt) {
}
