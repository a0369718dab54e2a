package dev.switchboard.api;

/** Merges the duplicate ticket into the one addressed: it is closed and everything on it carries on there. */
public record TicketMergeRequest(Long duplicateId) {
}
