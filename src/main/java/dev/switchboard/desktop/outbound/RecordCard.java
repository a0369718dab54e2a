package dev.switchboard.desktop.outbound;

import java.util.List;

/**
 * The record being previewed, as the view shows it: who and where, the contact's local time (empty
 * when the list gave no zone), the attempts so far, and the linked customer's card (null when none).
 */
public record RecordCard(long id, String name, String number, String localTime, String attempts, String lastResult,
                         String callback, Customer customer) {

    /** The linked customer's summary and open tickets, each ticket as one line. */
    public record Customer(long id, String name, String details, List<String> tickets) {
    }
}
