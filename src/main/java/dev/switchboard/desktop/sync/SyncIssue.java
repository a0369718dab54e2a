package dev.switchboard.desktop.sync;

import dev.switchboard.client.SyncMonitor.FailedWrite;
import dev.switchboard.client.TicketConflict;

/**
 * One row under the banner's headline: a ticket change to merge (Review), a write the server refused
 * (Dismiss), or how many more of either wait behind the rows shown.
 */
public record SyncIssue(Kind kind, String text, TicketConflict conflict, FailedWrite failed) {

    /** What the row is about, and so which button it has. */
    public enum Kind { CONFLICT, REFUSED, MORE }

    static SyncIssue conflict(String text, TicketConflict conflict) {
        return new SyncIssue(Kind.CONFLICT, text, conflict, null);
    }

    static SyncIssue refused(String text, FailedWrite failed) {
        return new SyncIssue(Kind.REFUSED, text, null, failed);
    }

    static SyncIssue more(String text) {
        return new SyncIssue(Kind.MORE, text, null, null);
    }
}
