package dev.switchboard.api;

import java.util.List;

/**
 * The server's answer to one {@link SyncRequest} page.
 *
 * @param customers        the requested customers that still exist, as they are now
 * @param missingCustomers requested ids the server no longer has
 * @param tickets          the customers' open tickets, and the held tickets, whose version differs
 *                         from the one the desktop gave (or that it did not hold)
 * @param unchangedTickets how many held tickets were left out because nothing changed
 */
public record SyncPage(List<CustomerSummary> customers, List<Long> missingCustomers, List<TicketView> tickets,
                       int unchangedTickets) {
}
