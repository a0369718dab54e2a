package dev.switchboard.api;

import java.util.List;

/**
 * The outcome of merging customer {@code mergedId} into {@code customer}: the customer as it is now,
 * its version, and what was carried over.
 */
public record CustomerMergeView(CustomerSummary customer, long version, long mergedId, Moved moved) {
    /**
     * The rows carried over: contact points (and how many the customer held already), contacts,
     * tickets and their notes, purchases, contact permissions (and how many were combined with one
     * held already), call-list records, whether the billing note was carried, and the empty fields
     * filled from the duplicate.
     */
    public record Moved(int contactPoints, int contactPointsAlreadyHeld, int interactions, int tickets,
                        int ticketNotes, int purchases, int permissions, int permissionsCombined, int callRecords,
                        boolean billingNote, List<String> fieldsFilled) {
        public Moved {
            fieldsFilled = fieldsFilled == null ? List.of() : List.copyOf(fieldsFilled);
        }
    }
}
