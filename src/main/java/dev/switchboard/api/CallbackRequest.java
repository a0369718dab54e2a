package dev.switchboard.api;

import java.time.Instant;

/**
 * A callback. From a queued contact with no {@code at}: the customer keeps their place and the
 * agent who gets it calls back. With {@code at}: scheduled for then, to a queue ({@code queueId})
 * or to the same agent ({@code agentId}). {@code number} defaults to the contact's own.
 */
public record CallbackRequest(String number, Instant at, Long queueId, Long agentId, String note) {
}
