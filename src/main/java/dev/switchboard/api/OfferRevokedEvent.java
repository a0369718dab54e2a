package dev.switchboard.api;

/** An offer that no longer stands: it timed out, was rejected, or the contact hung up. */
public record OfferRevokedEvent(long interactionId, long agentId, String reason) {
}
