package dev.switchboard.api;

/** The body of a customer merge: the customer that goes into the one named in the path. */
public record CustomerMergeRequest(Long duplicateId) {
}
